// 笔记审核: the notes waiting for a person, an administrator's (every one) or a merchant's (those
// tagging the shop's products), oldest first: title, author, the body, the photos, how many
// reports and why it waits (the whole note is here: its page is closed to all but its author
// until it is published). 通过 publishes it; 不通过 asks for the reason its author will read.
import type { QueueItem } from '@core/contracts/notes';
import { Image, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useState } from 'react';
import { moderateNote, moderationQueue } from '../../../api/notes';
import { Button, Dialog, Empty, Tag, TextAreaField, toast } from '../../../components/ui';
import { usePaged } from '../../../stores/use-paged';
import { relative } from '../../../utils/time';
import { checkRejectReason, waitingLine } from './form';
import './index.css';

export default function Moderation() {
  const list = usePaged<QueueItem>((cursor) => moderationQueue(cursor));
  const [rejecting, setRejecting] = useState<QueueItem | null>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  useDidShow(() => void list.reload());
  usePullDownRefresh(async () => {
    await list.reload();
    Taro.stopPullDownRefresh();
  });
  useReachBottom(() => void list.more());

  const drop = (noteId: string) => list.setItems((items) => items.filter((n) => n.noteId !== noteId));
  const approve = async (n: QueueItem) => {
    const r = await moderateNote({ noteId: n.noteId, approve: true });
    if (!r.ok) return toast(r.message);
    drop(n.noteId);
    toast('已通过，笔记已公开', 'success');
  };
  const openReject = (n: QueueItem) => {
    setText('');
    setError('');
    setRejecting(n);
  };
  const reject = async () => {
    if (!rejecting) return false;
    const { reason, error: e } = checkRejectReason(rejecting.noteId, text);
    if (reason === null) {
      setError(e);
      return false;
    }
    const r = await moderateNote({ noteId: rejecting.noteId, approve: false, reason });
    if (!r.ok) {
      if (r.code === 'INVALID_INPUT') {
        setError(r.message.replace(/^reason:\s*/, ''));
        return false;
      }
      throw new Error(r.message);
    }
    drop(rejecting.noteId);
    toast('已驳回，作者会看到理由');
  };

  return (
    <View className='page md-page' data-testid='moderation'>
      <Text className='md-note'>被举报 3 次或图片检测没有结果的笔记会来到这里。通过后公开；不通过要写理由，作者会看到。</Text>
      {list.items.map((n) => (
        <View key={n.noteId} className='section md-card' data-testid='moderation-item'>
          <View className='md-head'>
            <Text className='md-title'>{n.title}</Text>
            {n.reports > 0 ? <Tag tone='danger'>{`${n.reports} 次举报`}</Tag> : null}
          </View>
          <Text className='md-meta'>
            {n.authorName}
            {n.publishedAt ? ` · ${relative(n.publishedAt)}发布` : ''}
            {n.adLabel ? ` · 广告 · ${n.adLabel.merchantName}` : ''}
          </Text>
          <Text className='md-why' data-testid='moderation-reason'>
            {waitingLine(n.reason)}
          </Text>
          {n.body ? <Text className='md-body'>{n.body}</Text> : null}
          {n.images.length > 0 ? (
            <View className='md-images'>
              {n.images.map((src) => (
                <Image key={src} className='md-img' src={src} mode='aspectFill' onClick={() => void Taro.previewImage({ urls: n.images, current: src })} />
              ))}
            </View>
          ) : null}
          <View className='md-actions'>
            <Button size='small' type='danger' testId='moderation-reject' onClick={() => openReject(n)}>
              不通过
            </Button>
            <Button size='small' type='primary' testId='moderation-approve' onClick={() => approve(n)}>
              通过
            </Button>
          </View>
        </View>
      ))}
      {list.loading ? <Text className='md-foot'>加载中…</Text> : null}
      {list.error ? <Empty title='待审核的笔记没有加载出来' hint={list.error} actionText='重试' onAction={list.retry} /> : null}
      {list.done && list.items.length === 0 ? (
        <Empty title='没有待审核的笔记' hint='有笔记被举报或需要人工复核时会出现在这里' testId='moderation-empty' />
      ) : null}
      {list.done && list.items.length > 0 ? <Text className='md-foot'>没有更多了</Text> : null}
      <Dialog
        open={rejecting !== null}
        title='不通过'
        confirmText='不通过'
        confirmType='danger'
        onConfirm={reject}
        onCancel={() => setRejecting(null)}
        testId='moderation-dialog'
      >
        <Text className='md-dialog-title'>{rejecting?.title}</Text>
        <TextAreaField
          label='理由（作者会看到）'
          required
          value={text}
          maxlength={100}
          placeholder='比如：图片与商品不符'
          error={error}
          onInput={(v) => {
            setText(v);
            setError('');
          }}
          testId='moderation-reason-input'
        />
      </Dialog>
    </View>
  );
}
