// 我的笔记: the student's notes by status (全部 / 已发布 / 审核中 / 草稿 / 未通过 / 已下架), newest
// first. A draft opens in the editor; any other note opens its page, where its author sees why
// it is not public. 删除 asks first (likes and comments stay counted; the note leaves every list).
import type { NoteCard } from '@core/contracts/notes';
import { Image, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { myNotes, removeNote } from '../../../api/notes';
import { Button, Dialog, Empty, Tabs, Tag, toast } from '../../../components/ui';
import { usePaged } from '../../../stores/use-paged';
import { relative } from '../../../utils/time';
import { MINE_TABS, type MineTab, STATUS_NAMES, STATUS_TONES } from '../shared/status';
import '../shared/notes.css';
import './index.css';

const TABS = MINE_TABS.map((t) => ({ key: t.key, label: t.label }));
const open = (n: NoteCard) =>
  Taro.navigateTo({
    url:
      n.status === 'draft'
        ? `/packages/notes/edit/index?id=${encodeURIComponent(n.noteId)}`
        : `/packages/notes/detail/index?id=${encodeURIComponent(n.noteId)}`,
  });

export default function MyNotes() {
  const [tab, setTab] = useState<MineTab>('all');
  const [removing, setRemoving] = useState<NoteCard | null>(null);
  const list = usePaged<NoteCard>((cursor) => myNotes(tab === 'all' ? undefined : tab, cursor));
  const shown = useRef(false);
  useEffect(() => {
    void list.reload();
  }, [tab]);
  // Back from the editor or a note: statuses may have moved on.
  useDidShow(() => {
    if (shown.current) void list.reload();
    shown.current = true;
  });
  usePullDownRefresh(async () => {
    await list.reload();
    Taro.stopPullDownRefresh();
  });
  useReachBottom(() => void list.more());

  const remove = async () => {
    if (!removing) return;
    const r = await removeNote(removing.noteId);
    if (!r.ok) throw new Error(r.message);
    list.setItems((items) => items.filter((n) => n.noteId !== removing.noteId));
    toast('已删除', 'success');
  };

  return (
    <View className='page nm-page'>
      <Tabs items={TABS} value={tab} onChange={setTab} testId='mine-tabs' />
      {list.items.map((n) => (
        <View key={n.noteId} className='section nm-row' data-testid='my-note' onClick={() => open(n)}>
          {n.cover ? <Image className='nm-cover' src={n.cover} mode='aspectFill' /> : <View className='nm-cover' />}
          <View className='nm-main'>
            <Text className='nm-title'>{n.title}</Text>
            <View className='nm-meta'>
              <Tag tone={STATUS_TONES[n.status]} testId='my-note-status'>
                {STATUS_NAMES[n.status]}
              </Tag>
              {n.adLabel ? <Tag tone='warning'>广告</Tag> : null}
              <Text className='muted'>♡ {n.likes}</Text>
            </View>
            <View className='nm-foot'>
              <Text className='muted'>{n.publishedAt ? `${relative(n.publishedAt)}发布` : n.status === 'draft' ? '点开继续写' : ''}</Text>
              <Text
                className='nm-remove'
                onClick={(e) => {
                  e.stopPropagation();
                  setRemoving(n);
                }}
              >
                删除
              </Text>
            </View>
          </View>
        </View>
      ))}
      {list.loading ? <Text className='nt-foot'>加载中…</Text> : null}
      {list.error ? <Empty title='没有加载出来' hint={list.error} actionText='重试' onAction={list.retry} /> : null}
      {list.done && list.items.length === 0 ? (
        <Empty
          title='这里还没有笔记'
          hint='写下你真实用过的好物'
          actionText='写笔记'
          onAction={() => Taro.navigateTo({ url: '/packages/notes/edit/index' })}
          testId='mine-empty'
        />
      ) : null}
      {list.done && list.items.length > 0 ? <Text className='nt-foot'>没有更多了</Text> : null}
      <View className='nm-write'>
        <Button type='primary' block onClick={() => Taro.navigateTo({ url: '/packages/notes/edit/index' })}>
          写笔记
        </Button>
      </View>
      <Dialog open={removing !== null} title='删除这篇笔记？' confirmText='删除' confirmType='danger' onConfirm={remove} onCancel={() => setRemoving(null)}>
        <Text>删除后别人就看不到了，这一步不能撤销。</Text>
      </Dialog>
    </View>
  );
}
