// 新活动: a brand event (place and time) or a trial drop (one of the shop's products on sale,
// each place a ¥0 order), the places, and when each tier may sign up. Errors beside each field;
// the server's INVALID_INPUT split back onto the same fields.
import type { MerchantProductRow } from '@core/contracts/catalog';
import { EVENT_KIND_NAMES, EVENT_KINDS } from '@core/koc-events';
import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { newRequestId } from '../../../api/groupbuy';
import { saveEvent } from '../../../api/koc-events';
import { merchantProducts } from '../../../api/merchant';
import { Button, Field, JoinedLine, TextAreaField, TextField, toast } from '../../../components/ui';
import { DateTimeField } from '../shared/DateTimeField';
import { type FieldErrors, serverErrors } from '../shared/form';
import { checkEvent, EVENT_FIELDS, type EventForm, fieldError, freshEventForm, previewTurns, windowNote } from './event-form';

export function EventEditor({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const [form, setForm] = useState<EventForm>(() => freshEventForm(Date.now()));
  const [errors, setErrors] = useState<FieldErrors>({});
  // One id per submission: a retry after a lost answer makes the same event, not a second.
  const [requestId] = useState(newRequestId);
  const [products, setProducts] = useState<MerchantProductRow[] | null>(null);
  useEffect(() => {
    void merchantProducts('all').then((r) => setProducts(r.ok ? r.data.items.filter((p) => p.status === 'on_sale') : []));
  }, []);
  const set = (patch: Partial<EventForm>, ...fields: string[]) => {
    setForm((f) => ({ ...f, ...patch }));
    setErrors((e) => ({ ...e, ...Object.fromEntries(fields.map((k) => [k, ''])), _: '' }));
  };
  // A field is checked when it loses focus too, not only on 发布.
  const blur = (field: (typeof EVENT_FIELDS)[number]) => () => setErrors((e) => ({ ...e, [field]: fieldError(form, field, requestId, Date.now()) }));
  const save = async () => {
    const checked = checkEvent(form, requestId, Date.now());
    if (!checked.input) return setErrors(checked.errors);
    const res = await saveEvent(checked.input);
    if (!res.ok) {
      if (res.code === 'INVALID_INPUT') return setErrors(serverErrors(res.message, EVENT_FIELDS));
      return toast(res.message);
    }
    toast('活动已发布，达人按等级依次报名', 'success');
    onDone();
  };
  const isEvent = form.kind === 'event';
  const preview = previewTurns(form);
  // The window's problem as it is typed; once 发布 put it beside a field, that one is enough.
  const note = errors.opensAt || errors.closesAt || errors.headStartHours ? '' : windowNote(form, Date.now());
  const product = isEvent ? null : products?.find((p) => p.id === form.productId);
  return (
    <View data-testid='event-editor'>
      <View className='section'>
        <Text className='section-title'>新活动</Text>
        <Field label='类型' required error={errors.kind}>
          <View className='me-chips'>
            {EVENT_KINDS.map((k) => (
              <Text key={k} className={`chip${form.kind === k ? ' chip-on' : ''}`} data-testid={`event-kind-${k}`} onClick={() => set({ kind: k }, 'kind')}>
                {EVENT_KIND_NAMES[k]}
              </Text>
            ))}
          </View>
          <Text className='muted'>{isEvent ? '线下或线上的品牌活动，如新品品鉴、探店' : '每个名额是一份 ¥0 试用订单，按自提或配送发放'}</Text>
        </Field>
        <TextField
          label='名称'
          required
          maxlength={30}
          value={form.title}
          error={errors.title}
          onInput={(title) => set({ title }, 'title')}
          onBlur={blur('title')}
          testId='event-title'
        />
        <TextAreaField
          label='介绍'
          maxlength={500}
          value={form.description}
          error={errors.description}
          placeholder='活动内容、对达人的期待（比如发一篇笔记）'
          onInput={(description) => set({ description }, 'description')}
          testId='event-description'
        />
        {isEvent ? (
          <>
            <TextField
              label='地点'
              required
              maxlength={40}
              value={form.place}
              error={errors.place}
              onInput={(place) => set({ place }, 'place')}
              onBlur={blur('place')}
              testId='event-place'
            />
            <DateTimeField
              label='活动时间'
              required
              day={form.startDay}
              clock={form.startClock}
              error={errors.startsAt}
              onChange={(startDay, startClock) => set({ startDay, startClock }, 'startsAt')}
              testId='event-start'
            />
          </>
        ) : (
          <Field label='试用商品' required error={errors.productId} testId='event-product'>
            {products === null ? (
              <Text className='muted'>商品加载中…</Text>
            ) : products.length === 0 ? (
              <Text className='muted'>没有在售商品，先去商品管理上架</Text>
            ) : (
              products.map((p) => (
                <View
                  key={p.id}
                  className={`me-product${form.productId === p.id ? ' me-product-on' : ''}`}
                  data-testid='event-product-option'
                  onClick={() => set({ productId: p.id }, 'productId', 'capacity')}
                >
                  <Text className='me-product-title'>{p.title}</Text>
                  <Text className='muted'>库存 {p.stock} 件</Text>
                </View>
              ))
            )}
          </Field>
        )}
        <TextField
          label='名额'
          type='number'
          required
          value={form.capacity}
          error={errors.capacity}
          hint={isEvent ? '1-500 人' : product ? `不超过商品库存（库存 ${product.stock} 件）` : '不超过商品库存，先选试用商品'}
          onInput={(capacity) => set({ capacity }, 'capacity')}
          onBlur={blur('capacity')}
          testId='event-capacity'
        />
      </View>
      <View className='section'>
        <Text className='section-title'>报名时间（按等级优先）</Text>
        <DateTimeField
          label='高级达人开始报名'
          required
          day={form.openDay}
          clock={form.openClock}
          error={errors.opensAt}
          onChange={(openDay, openClock) => set({ openDay, openClock }, 'opensAt', 'headStartHours')}
          testId='event-open'
        />
        <TextField
          label='每级提前（小时）'
          type='number'
          required
          value={form.headStartHours}
          error={errors.headStartHours}
          hint='高级比中级、中级比初级各早这么多小时，0 表示同时开放'
          onInput={(headStartHours) => set({ headStartHours }, 'headStartHours')}
          onBlur={blur('headStartHours')}
          testId='event-head-start'
        />
        <DateTimeField
          label='报名截止'
          required
          day={form.closeDay}
          clock={form.closeClock}
          error={errors.closesAt}
          onChange={(closeDay, closeClock) => set({ closeDay, closeClock }, 'closesAt', 'headStartHours')}
          testId='event-close'
        />
        {preview.length ? <JoinedLine className='me-preview' prefix='开放顺序：' parts={preview} testId='event-preview' /> : null}
        {note ? (
          <Text className='me-window-error' data-testid='event-window-problem'>
            {note}
          </Text>
        ) : null}
        <Text className='muted'>发布后时间和名额不能再改。等级只看达人自己的成交，与拉新无关。</Text>
      </View>
      {errors._ ? <Text className='me-error'>{errors._}</Text> : null}
      <View className='me-actions'>
        <Button onClick={onCancel}>取消</Button>
        <Button type='primary' testId='event-save' onClick={save}>
          发布活动
        </Button>
      </View>
    </View>
  );
}
