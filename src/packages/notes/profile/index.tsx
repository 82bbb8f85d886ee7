// A student's or KOC's page: avatar, nickname, tier and badges, how many notes, followers and
// following, 关注 / 已关注, and their notes; 收藏 too when they made their collects public (or
// it is the student's own page, where the switch to make them public sits). Shareable.
import type { FeedCard, ProfileView } from '@core/contracts/notes';
import { Image, Switch, Text, View } from '@tarojs/components';
import Taro, { useLoad, usePullDownRefresh, useReachBottom, useShareAppMessage } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { blockUser, follow, noteProfile, profileCollects, setCollectsPublic, unblockUser, unfollow } from '../../../api/notes';
import { NoteGrid } from '../../../components/NoteCard';
import { Button, Dialog, Empty, Tabs, Tag, toast } from '../../../components/ui';
import { useShareCodes, withCode } from '../../../services/share-code';
import { usePaged } from '../../../stores/use-paged';
import { decodeParams } from '../../../utils/query';
import { isBlocked, rememberBlocked } from '../shared/blocked';
import '../shared/notes.css';
import './index.css';

type Tab = 'notes' | 'collects';

export default function NoteProfile() {
  const [openid, setOpenid] = useState('');
  const [p, setP] = useState<ProfileView | null>(null);
  const [error, setError] = useState('');
  const [tab, setTab] = useState<Tab>('notes');
  const [blocked, setBlocked] = useState(false);
  const [asking, setAsking] = useState(false);
  const collects = usePaged<FeedCard>((cursor) => profileCollects(openid, cursor));

  const load = async (id: string) => {
    setError('');
    const r = await noteProfile(id);
    if (!r.ok) return setError(r.code === 'NOT_FOUND' ? '找不到这位同学' : r.message);
    setP(r.data);
    void Taro.setNavigationBarTitle({ title: r.data.nickname || '主页' });
  };
  useLoad((params) => {
    const { values, broken } = decodeParams(params, ['openid']);
    if (broken || !values.openid) return setError('链接已失效');
    setOpenid(values.openid);
    setBlocked(isBlocked(values.openid));
    void load(values.openid);
  });
  useEffect(() => {
    if (tab === 'collects' && openid) void collects.reload();
  }, [tab, openid]);
  usePullDownRefresh(async () => {
    if (openid) await load(openid);
    if (tab === 'collects') await collects.reload();
    Taro.stopPullDownRefresh();
  });
  useReachBottom(() => {
    if (tab === 'collects') void collects.more();
  });
  const shareCode = useShareCodes('profile', openid);
  useShareAppMessage(() =>
    withCode(
      { title: p ? `${p.nickname} 的种草主页` : '校园种草', path: `/packages/notes/profile/index?openid=${encodeURIComponent(openid)}` },
      shareCode('chat'),
      (code) => ({ path: `/pages/share/index?sc=${code}` }),
    ),
  );

  const toggleFollow = async () => {
    if (!p) return;
    const r = p.isFollowing ? await unfollow(p.openid) : await follow(p.openid);
    if (!r.ok) return toast(r.message);
    setP({ ...p, isFollowing: r.data.following, followers: Math.max(0, p.followers + (r.data.following === p.isFollowing ? 0 : r.data.following ? 1 : -1)) });
  };
  const toggleBlock = async () => {
    if (!p) return;
    const r = blocked ? await unblockUser(p.openid) : await blockUser(p.openid);
    if (!r.ok) {
      toast(r.message);
      return false;
    }
    rememberBlocked(p.openid, r.data.blocked);
    setBlocked(r.data.blocked);
    toast(r.data.blocked ? '已拉黑' : '已取消拉黑', 'success');
  };
  const togglePublic = async (on: boolean) => {
    if (!p) return;
    const r = await setCollectsPublic(on);
    if (!r.ok) return toast(r.message);
    setP({ ...p, collectsPublic: r.data.collectsPublic });
  };

  if (!p)
    return (
      <View className='page'>
        {error ? (
          <Empty title={error} actionText={openid && error !== '找不到这位同学' ? '重试' : undefined} onAction={() => load(openid)} testId='profile-error' />
        ) : (
          <Text className='nt-loading'>加载中…</Text>
        )}
      </View>
    );
  const showCollects = p.isMe || p.collectsPublic;
  const tabs = [{ key: 'notes' as const, label: `笔记 ${p.notes}` }, ...(showCollects ? [{ key: 'collects' as const, label: '收藏' }] : [])];
  return (
    <View className='page np-page' data-testid='note-profile'>
      <View className='section np-head'>
        <View className='np-row'>
          {p.avatarUrl ? (
            <Image className='np-avatar' src={p.avatarUrl} mode='aspectFill' />
          ) : (
            <Text className='np-avatar nd-avatar-empty'>{p.nickname.slice(0, 1)}</Text>
          )}
          <View className='np-who'>
            <Text className='np-name' data-testid='profile-name'>
              {p.nickname}
            </Text>
            <View className='np-tags'>
              {p.tierName ? <Tag tone='success'>{p.tierName}</Tag> : null}
              {p.badges.map((b) => (
                <Tag key={b} tone='info'>
                  {b}
                </Tag>
              ))}
            </View>
          </View>
          {p.isMe ? null : (
            <Button size='small' type={p.isFollowing ? 'default' : 'primary'} testId='profile-follow' onClick={toggleFollow}>
              {p.isFollowing ? '已关注' : '关注'}
            </Button>
          )}
        </View>
        <View className='np-counts'>
          <View className='np-count'>
            <Text className='np-num'>{p.notes}</Text>
            <Text className='muted'>笔记</Text>
          </View>
          <View className='np-count'>
            <Text className='np-num' data-testid='profile-followers'>
              {p.followers}
            </Text>
            <Text className='muted'>粉丝</Text>
          </View>
          <View className='np-count'>
            <Text className='np-num'>{p.following}</Text>
            <Text className='muted'>关注</Text>
          </View>
        </View>
        {p.isMe ? (
          <View className='np-public'>
            <Text className='np-public-text'>公开我的收藏（别人能在你的主页看到）</Text>
            <Switch checked={p.collectsPublic} color='#16a34a' onChange={(e) => void togglePublic(e.detail.value)} />
          </View>
        ) : (
          <View className='np-block'>
            <Text className='np-block-text'>{blocked ? '你已拉黑 TA' : '不想再看到 TA？'}</Text>
            <Text className='np-block-btn' data-testid='profile-block' onClick={() => setAsking(true)}>
              {blocked ? '取消拉黑' : '拉黑'}
            </Text>
          </View>
        )}
      </View>
      {tabs.length > 1 ? <Tabs items={tabs} value={tab} onChange={setTab} testId='profile-tabs' /> : null}
      {tab === 'notes' ? (
        <>
          <NoteGrid items={p.items} testId='profile-notes' />
          {p.items.length === 0 ? <Empty title={p.isMe ? '你还没有发过笔记' : 'TA 还没有发过笔记'} /> : null}
        </>
      ) : (
        <>
          <NoteGrid items={collects.items} testId='profile-collects' />
          {collects.loading ? <Text className='nt-foot'>加载中…</Text> : null}
          {collects.error ? <Empty title='收藏没有加载出来' hint={collects.error} actionText='重试' onAction={collects.retry} /> : null}
          {collects.done && collects.items.length === 0 ? <Empty title='还没有收藏' /> : null}
        </>
      )}
      <Dialog
        open={asking}
        title={blocked ? `取消拉黑 ${p.nickname}？` : `拉黑 ${p.nickname}？`}
        confirmText={blocked ? '取消拉黑' : '拉黑'}
        confirmType={blocked ? 'primary' : 'danger'}
        onConfirm={toggleBlock}
        onCancel={() => setAsking(false)}
        testId='block-dialog'
      >
        <Text>
          {blocked
            ? 'TA 又可以评论你的笔记、关注你，你也会重新看到 TA 的笔记和评论。'
            : 'TA 不能再评论你的笔记或关注你，你也不会再看到 TA 的笔记和评论。之后可以在这里取消拉黑。'}
        </Text>
      </Dialog>
    </View>
  );
}
