// 评价 a completed order: 1-5 stars, words with a counter, photos, and 同时发成种草笔记 (photos make
// it a note anyway, one muted line says so). After sending: 已评价, or 审核中 while the note it
// became is checked, with 查看笔记. Sending again for the same order answers the same review.
import type { OrderView } from '@core/contracts/groupbuy';
import type { ReviewResults } from '@core/contracts/notes';
import { NOTE_LIMITS } from '@core/notes/rules';
import { Image, Switch, Text, View } from '@tarojs/components';
import Taro, { useLoad } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { newRequestId } from '../../../api/groupbuy';
import { reviewOrder } from '../../../api/notes';
import { getOrder } from '../../../api/shop';
import { ActionBar, Button, Empty, Field, ImageUpload, TextAreaField, toast } from '../../../components/ui';
import { rememberReview } from '../../../services/reviewed';
import { safeDecode } from '../../../utils/query';
import { compressForNote } from '../edit/compress';
import { becomesNote, checkReview, RATING_WORDS, type ReviewForm, reviewOutcome } from './form';
import '../shared/notes.css';
import './index.css';

const noteUrl = (noteId: string) => `/packages/notes/detail/index?id=${encodeURIComponent(noteId)}`;

export default function Review() {
  const [orderId, setOrderId] = useState('');
  const [order, setOrder] = useState<OrderView | null>(null);
  const [loadError, setLoadError] = useState('');
  const [form, setForm] = useState<ReviewForm>({ rating: 0, text: '', images: [], asNote: false });
  const [errors, setErrors] = useState<{ rating?: string; text?: string }>({});
  const [done, setDone] = useState<ReviewResults['review'] | null>(null);
  const requestId = useRef(newRequestId());

  const load = async (id: string) => {
    setLoadError('');
    const r = await getOrder(id);
    if (!r.ok) return setLoadError(r.code === 'NOT_FOUND' ? '订单不存在' : r.message);
    setOrder(r.data);
  };
  useLoad((p) => {
    const id = safeDecode(p.orderId);
    if (!id) return setLoadError('链接已失效');
    setOrderId(id);
    void load(id);
  });
  const set = (patch: Partial<ReviewForm>, field?: 'rating' | 'text') => {
    setForm((f) => ({ ...f, ...patch }));
    if (field) setErrors((e) => ({ ...e, [field]: undefined }));
  };
  const submit = async () => {
    const e = checkReview(form);
    setErrors(e);
    if (e.rating || e.text) return;
    const r = await reviewOrder({
      orderId,
      rating: form.rating,
      text: form.text.trim(),
      images: form.images,
      asNote: becomesNote(form),
      requestId: requestId.current,
    });
    if (!r.ok) {
      if (r.code === 'INVALID_INPUT' && /^text:/.test(r.message)) return setErrors({ text: r.message.replace(/^text:\s*/, '') });
      if (r.code === 'CONTENT_REJECTED') return setErrors({ text: r.message });
      return toast(r.message);
    }
    rememberReview(orderId, { noteId: r.data.noteId });
    setDone(r.data);
  };

  if (!order)
    return (
      <View className='page'>
        {loadError ? (
          <Empty title={loadError} actionText={orderId ? '重试' : undefined} onAction={() => load(orderId)} testId='review-error' />
        ) : (
          <Text className='nt-loading'>加载中…</Text>
        )}
      </View>
    );
  if (done) {
    const o = reviewOutcome(done);
    return (
      <View className='page rv-page' data-testid='review-done'>
        <View className='section rv-done'>
          <Text className='rv-done-title' data-testid='review-done-title'>
            {o.title}
          </Text>
          <Text className='rv-done-text'>{o.text}</Text>
          <View className='rv-done-actions'>
            <Button onClick={() => Taro.navigateBack()}>返回订单</Button>
            {done.noteId ? (
              <Button type='primary' testId='review-view-note' onClick={() => Taro.redirectTo({ url: noteUrl(done.noteId ?? '') })}>
                查看笔记
              </Button>
            ) : null}
          </View>
        </View>
      </View>
    );
  }
  if (order.state !== 'completed')
    return <Empty title='确认收货后才能评价' hint='订单完成后再来写评价吧' actionText='返回订单' onAction={() => Taro.navigateBack()} />;
  const note = becomesNote(form);
  return (
    <View className='page rv-page' data-testid='review-form'>
      <View className='section rv-order'>
        <Image className='rv-order-img' src={order.image} mode='aspectFill' />
        <Text className='rv-order-title'>{order.title}</Text>
      </View>
      <View className='section'>
        <Field label='评分' required error={errors.rating} testId='review-rating-field'>
          <View className='rv-stars' data-testid='review-stars'>
            {[1, 2, 3, 4, 5].map((n) => (
              <Text
                key={n}
                className={`rv-star${n <= form.rating ? ' rv-star-on' : ''}`}
                data-testid={`review-star-${n}`}
                onClick={() => set({ rating: n }, 'rating')}
              >
                ★
              </Text>
            ))}
            <Text className='rv-star-word'>{RATING_WORDS[form.rating] ?? ''}</Text>
          </View>
        </Field>
        <TextAreaField
          label='说说你的感受'
          value={form.text}
          maxlength={NOTE_LIMITS.body}
          placeholder='质量、口味、用起来怎么样，给同学们参考'
          error={errors.text}
          onInput={(text) => set({ text }, 'text')}
          testId='review-text'
        />
        <Field label={`图片（最多 ${NOTE_LIMITS.images} 张）`}>
          <ImageUpload
            value={form.images}
            max={NOTE_LIMITS.images}
            folder='notes'
            prepare={compressForNote}
            onChange={(images) => set({ images }, 'text')}
            testId='review-images'
          />
        </Field>
        <View className='rv-switch'>
          <Text className='rv-switch-text'>同时发成种草笔记</Text>
          <Switch
            checked={note}
            disabled={form.images.length > 0}
            color='#16a34a'
            data-testid='review-as-note'
            onChange={(e) => set({ asNote: e.detail.value }, 'text')}
          />
        </View>
        <Text className='rv-muted'>
          {form.images.length > 0
            ? '带图片的评价会发成种草笔记（带「已购」），审核通过后公开。'
            : '发成笔记会带「已购」，审核通过后出现在发现里；加了图片也会发成笔记。'}
        </Text>
      </View>
      <ActionBar>
        <Button type='primary' size='large' block testId='review-submit' onClick={submit}>
          提交评价
        </Button>
      </ActionBar>
    </View>
  );
}
