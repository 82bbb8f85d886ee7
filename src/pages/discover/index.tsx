// 发现: notes from classmates in two columns. 推荐 ranks them for the student and says why on
// each card (one grey line); the 个性化推荐 switch turns that off (everyone then gets the same
// popular order, as China's rules on recommendation algorithms require); 关注 lists the notes
// of people the student follows, newest first. ⋯ on a card → 不感兴趣 (the note leaves this
// student's feed). Kept light: this tab is in the main package (no zod, no editor code).
import type { FeedCard } from '@core/contracts/notes';
import { Switch, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { feedSettings, followingFeed, hideNote, noteFeed, setPersonalized } from '../../api/notes';
import { NoteGrid } from '../../components/NoteCard';
import { Button, Empty, Sheet, Tabs, toast } from '../../components/ui';
import { usePaged } from '../../stores/use-paged';
import './index.css';

type Tab = 'feed' | 'following';
const TABS = [
  { key: 'feed' as const, label: '推荐' },
  { key: 'following' as const, label: '关注' },
];

export default function Discover() {
  const [tab, setTab] = useState<Tab>('feed');
  const [personalized, setOn] = useState<boolean | null>(null);
  const [menu, setMenu] = useState<FeedCard | null>(null);
  const list = usePaged<FeedCard>((cursor) => (tab === 'feed' ? noteFeed(cursor ? { cursor } : {}) : followingFeed(cursor)));
  const shown = useRef(false);

  useEffect(() => {
    void list.reload();
  }, [tab]);
  useDidShow(() => {
    if (!shown.current) {
      shown.current = true;
      void feedSettings().then((r) => r.ok && setOn(r.data.personalized));
    }
  });
  usePullDownRefresh(async () => {
    await list.reload();
    Taro.stopPullDownRefresh();
  });
  useReachBottom(() => void list.more());

  const toggle = async (on: boolean) => {
    setOn(on);
    const r = await setPersonalized(on);
    if (!r.ok) {
      setOn(!on);
      return toast(r.message);
    }
    setOn(r.data.personalized);
    if (tab === 'feed') void list.reload();
  };
  const hide = async () => {
    if (!menu) return;
    const noteId = menu.noteId;
    const r = await hideNote(noteId);
    setMenu(null);
    if (!r.ok) return toast(r.message);
    list.setItems((items) => items.filter((n) => n.noteId !== noteId));
    toast('将减少这类推荐');
  };

  return (
    <View className='page dc-page'>
      <View className='dc-head'>
        <Tabs items={TABS} value={tab} onChange={setTab} testId='discover-tabs' />
        {tab === 'feed' && personalized !== null ? (
          <View className='dc-switch' data-testid='discover-personalized'>
            <Text className='dc-switch-text'>{personalized ? '个性化推荐：按你的点赞、收藏和购买排序' : '个性化推荐已关闭：大家看到相同的热门排序'}</Text>
            <Switch checked={personalized} color='#16a34a' className='dc-switch-ctl' onChange={(e) => void toggle(e.detail.value)} />
          </View>
        ) : null}
      </View>
      <NoteGrid items={list.items} onMore={tab === 'feed' ? setMenu : undefined} testId='discover-list' />
      {list.loading ? <Text className='dc-foot'>加载中…</Text> : null}
      {list.error ? <Empty title='笔记没有加载出来' hint={list.error} actionText='重试' onAction={list.retry} testId='discover-error' /> : null}
      {list.done && list.items.length === 0 ? (
        tab === 'feed' ? (
          <Empty
            title='还没有笔记'
            hint='写下你真实用过的好物，成为第一个种草的人'
            actionText='写笔记'
            onAction={() => Taro.navigateTo({ url: '/packages/notes/edit/index' })}
          />
        ) : (
          <Empty title='关注的人还没有发笔记' hint='在笔记里点作者头像，就能关注 TA' actionText='看看推荐' onAction={() => setTab('feed')} />
        )
      ) : null}
      {list.done && list.items.length > 0 ? <Text className='dc-foot'>没有更多了</Text> : null}
      <View className='dc-write' data-testid='discover-write' onClick={() => Taro.navigateTo({ url: '/packages/notes/edit/index' })}>
        <Text className='dc-write-text'>写笔记</Text>
      </View>
      <Sheet open={menu !== null} title={menu?.title} onClose={() => setMenu(null)} testId='note-menu'>
        <Button block testId='note-hide' onClick={hide}>
          不感兴趣
        </Button>
        <Text className='dc-menu-hint'>这篇笔记不会再出现在你的推荐里</Text>
      </Sheet>
    </View>
  );
}
