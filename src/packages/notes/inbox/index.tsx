// 消息: who liked or commented on the student's notes and who followed them, newest first.
// A like or comment opens the note; a follow opens the follower's page.
import type { NotificationView } from '@core/contracts/notes';
import { Image, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useEffect } from 'react';
import { noteNotifications } from '../../../api/notes';
import { Empty } from '../../../components/ui';
import { usePaged } from '../../../stores/use-paged';
import { relative } from '../../../utils/time';
import { useAuthors } from '../shared/authors';
import '../shared/notes.css';
import './index.css';

const WHAT: Record<NotificationView['kind'], string> = { liked: '赞了你的笔记', commented: '评论了你的笔记', followed: '关注了你' };

function open(n: NotificationView) {
  const url = n.noteId
    ? `/packages/notes/detail/index?id=${encodeURIComponent(n.noteId)}`
    : `/packages/notes/profile/index?openid=${encodeURIComponent(n.from)}`;
  void Taro.navigateTo({ url });
}

export default function Inbox() {
  const list = usePaged<NotificationView>((cursor) => noteNotifications(cursor));
  // Names come with each notification; avatars are read once per person.
  const who = useAuthors(list.items.map((n) => n.from));
  useEffect(() => {
    void list.reload();
  }, []);
  usePullDownRefresh(async () => {
    await list.reload();
    Taro.stopPullDownRefresh();
  });
  useReachBottom(() => void list.more());

  return (
    <View className='page ni-page'>
      {list.items.map((n) => {
        const a = { nickname: n.fromName || who(n.from).nickname, avatarUrl: who(n.from).avatarUrl };
        return (
          <View key={n.id} className='ni-row' data-testid='notification' onClick={() => open(n)}>
            {a.avatarUrl ? (
              <Image className='ni-avatar' src={a.avatarUrl} mode='aspectFill' />
            ) : (
              <Text className='ni-avatar nd-avatar-empty'>{a.nickname.slice(0, 1)}</Text>
            )}
            <View className='ni-main'>
              <Text className='ni-line'>
                <Text className='ni-name'>{a.nickname}</Text> {WHAT[n.kind]}
              </Text>
              {n.text ? <Text className='ni-text'>{n.text}</Text> : null}
              <Text className='muted'>{relative(n.at)}</Text>
            </View>
          </View>
        );
      })}
      {list.loading ? <Text className='nt-foot'>加载中…</Text> : null}
      {list.error ? <Empty title='消息没有加载出来' hint={list.error} actionText='重试' onAction={list.retry} /> : null}
      {list.done && list.items.length === 0 ? <Empty title='还没有消息' hint='有人赞、评论你的笔记或关注你时，会在这里告诉你' testId='inbox-empty' /> : null}
      {list.done && list.items.length > 0 ? <Text className='nt-foot'>没有更多了</Text> : null}
    </View>
  );
}
