// The comments under a note, oldest first as the server pages them, with 回复 on each: a reply
// names the comment it answers ("回复 @周一一").
import type { CommentView } from '@core/contracts/notes';
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { userStore } from '../../../stores/user';
import { relative } from '../../../utils/time';

const profileUrl = (openid: string) => `/packages/notes/profile/index?openid=${encodeURIComponent(openid)}`;

export function Comments({
  items,
  total,
  more,
  onMore,
  onReply,
  onReport,
}: {
  items: CommentView[];
  total: number;
  more: boolean;
  onMore: () => unknown;
  onReply: (c: CommentView, name: string) => void;
  /** 举报 on someone else's comment. */
  onReport: (c: CommentView) => void;
}) {
  const me = userStore.profile?.openid;
  const byId = new Map(items.map((c) => [c.commentId, c]));
  return (
    <View className='section nd-comments' id='nd-comments' data-testid='note-comments'>
      <Text className='section-title'>评论 {total > 0 ? total : ''}</Text>
      {items.length === 0 ? <Text className='muted'>还没有评论，说说你的看法吧</Text> : null}
      {items.map((c) => {
        const a = { nickname: c.authorName || '同学', avatarUrl: c.authorAvatar };
        const parent = c.replyTo ? byId.get(c.replyTo) : undefined;
        return (
          <View key={c.commentId} className='nd-comment' data-testid='note-comment'>
            {a.avatarUrl ? (
              <Image className='nd-comment-avatar' src={a.avatarUrl} mode='aspectFill' onClick={() => Taro.navigateTo({ url: profileUrl(c.author) })} />
            ) : (
              <Text className='nd-comment-avatar nd-avatar-empty' onClick={() => Taro.navigateTo({ url: profileUrl(c.author) })}>
                {a.nickname.slice(0, 1)}
              </Text>
            )}
            <View className='nd-comment-main'>
              <Text className='nd-comment-name'>{a.nickname}</Text>
              <Text className='nd-comment-text'>
                {parent ? <Text className='nd-comment-to'>回复 @{parent.authorName || '同学'}：</Text> : null}
                {c.text}
              </Text>
              <View className='nd-comment-foot'>
                <Text className='muted'>{relative(c.at)}</Text>
                <Text className='nd-comment-reply' data-testid='comment-reply' onClick={() => onReply(c, a.nickname)}>
                  回复
                </Text>
                {c.author === me ? null : (
                  <Text className='nd-comment-reply' data-testid='comment-report' onClick={() => onReport(c)}>
                    举报
                  </Text>
                )}
              </View>
            </View>
          </View>
        );
      })}
      {more ? (
        <Text className='nd-more' onClick={() => void onMore()}>
          查看更多评论
        </Text>
      ) : null}
    </View>
  );
}
