// A topic's page (#宿舍好物): its published notes, newest first, in two columns; 写笔记 starts a
// note with the topic already added. Shareable.
import type { FeedCard } from '@core/contracts/notes';
import { normalizeTopic } from '@core/notes/rules';
import { Text, View } from '@tarojs/components';
import Taro, { useLoad, usePullDownRefresh, useReachBottom, useShareAppMessage } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { topicFeed } from '../../../api/notes';
import { NoteGrid } from '../../../components/NoteCard';
import { Button, Empty } from '../../../components/ui';
import { useShareCodes, withCode } from '../../../services/share-code';
import { usePaged } from '../../../stores/use-paged';
import { decodeParams } from '../../../utils/query';
import '../shared/notes.css';
import './index.css';

export default function TopicPage() {
  const [topic, setTopic] = useState('');
  const [broken, setBroken] = useState(false);
  const list = usePaged<FeedCard>((cursor) => topicFeed(topic, cursor));
  useLoad((params) => {
    const { values, broken: bad } = decodeParams(params, ['topic']);
    const t = normalizeTopic(values.topic);
    if (bad || !t) return setBroken(true);
    setTopic(t);
    void Taro.setNavigationBarTitle({ title: `#${t}` });
  });
  useEffect(() => {
    if (topic) void list.reload();
  }, [topic]);
  usePullDownRefresh(async () => {
    if (topic) await list.reload();
    Taro.stopPullDownRefresh();
  });
  useReachBottom(() => void list.more());
  const shareCode = useShareCodes('topic', topic);
  useShareAppMessage(() =>
    withCode({ title: `#${topic} 的种草笔记`, path: `/packages/notes/topic/index?topic=${encodeURIComponent(topic)}` }, shareCode('chat'), (code) => ({
      path: `/pages/share/index?sc=${code}`,
    })),
  );

  if (broken) return <Empty title='链接已失效' hint='话题链接不完整' actionText='去发现' onAction={() => Taro.switchTab({ url: '/pages/discover/index' })} />;
  const write = () => Taro.navigateTo({ url: `/packages/notes/edit/index?topic=${encodeURIComponent(topic)}` });
  return (
    <View className='page nt-page' data-testid='topic-page'>
      <View className='section tp-head'>
        <Text className='tp-title'>#{topic}</Text>
        <Button size='small' type='primary' onClick={write}>
          参与话题
        </Button>
      </View>
      <NoteGrid items={list.items} testId='topic-list' />
      {list.loading ? <Text className='nt-foot'>加载中…</Text> : null}
      {list.error ? <Empty title='笔记没有加载出来' hint={list.error} actionText='重试' onAction={list.retry} /> : null}
      {list.done && list.items.length === 0 ? <Empty title='这个话题还没有笔记' hint='来写第一篇吧' actionText='写笔记' onAction={write} /> : null}
      {list.done && list.items.length > 0 ? <Text className='nt-foot'>没有更多了</Text> : null}
    </View>
  );
}
