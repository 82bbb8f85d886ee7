// 新建拼团: product, group price below the product's, 2-5 seats, hours to fill a group, stock,
// a per-student limit and the campaign's start and end in campus time.

import { MAX_GROUP_SIZE, MIN_GROUP_SIZE } from '@core/groupbuy';
import { formatFen } from '@core/money';
import { SCENES } from '@core/timetable/model';
import { DEFAULT_SCENE_PRODUCTS } from '@core/timetable/scenes';
import { Picker, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { newRequestId } from '../../../api/groupbuy';
import { createCampaign } from '../../../api/merchant';
import { Button, Field, TextField, toast } from '../../../components/ui';
import { pickerValues } from '../shared/campus';
import { DateTimeField } from '../shared/DateTimeField';
import { type FieldErrors, serverErrors } from '../shared/form';
import { CAMPAIGN_FALLBACK, CREATE_FIELDS, checkCreate, type CreateForm as Form, type ProductChoice } from './rules';

const SIZES = Array.from({ length: MAX_GROUP_SIZE - MIN_GROUP_SIZE + 1 }, (_, i) => MIN_GROUP_SIZE + i);

function freshForm(): Form {
  const now = Date.now();
  const start = pickerValues(now);
  const end = pickerValues(now + 14 * 86_400_000);
  return {
    product: 0,
    price: '',
    size: 1,
    hours: '24',
    stock: '50',
    limit: '1',
    startDay: start.day,
    startClock: start.clock,
    endDay: end.day,
    endClock: end.clock,
    course: '',
    scenes: [],
  };
}

/** How the form names each scene: the label the home card's reason uses. */
const SCENE_LABELS = Object.fromEntries(SCENES.map((s) => [s, DEFAULT_SCENE_PRODUCTS[s].label])) as Record<(typeof SCENES)[number], string>;

export function CreateForm({ products, onCreated, onCancel }: { products: ProductChoice[]; onCreated: () => unknown; onCancel?: () => void }) {
  const [form, setForm] = useState<Form>(freshForm);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [requestId, setRequestId] = useState(newRequestId);
  const product = products[form.product];

  const set = (patch: Partial<Form>, ...fields: string[]) => {
    setForm({ ...form, ...patch });
    const next = { ...errors };
    for (const f of fields) delete next[f];
    setErrors(next);
  };
  const submit = async () => {
    const checked = checkCreate(form, products, SIZES, requestId);
    if (!checked.input) return setErrors(checked.errors);
    const res = await createCampaign(checked.input);
    if (!res.ok) {
      if (res.code === 'INVALID_INPUT') setErrors(serverErrors(res.message, CREATE_FIELDS, CAMPAIGN_FALLBACK));
      else toast(res.message);
      if (res.code !== 'NETWORK') setRequestId(newRequestId());
      return;
    }
    toast('已开始', 'success');
    setRequestId(newRequestId());
    setForm(freshForm());
    setErrors({});
    await onCreated();
  };

  return (
    <View className='section' data-testid='campaign-create-form'>
      <View className='mc-form-head'>
        <Text className='section-title'>新建拼团</Text>
        {onCancel ? (
          <Text className='mc-fold' data-testid='campaign-create-cancel' onClick={onCancel}>
            收起
          </Text>
        ) : null}
      </View>
      <Field label='商品' required error={errors.productId}>
        <Picker
          mode='selector'
          range={products.map((p) => p.title)}
          value={form.product}
          onChange={(e) => set({ product: Number(e.detail.value) }, 'productId', 'groupPriceFen')}
        >
          <View className='mc-picker' data-testid='campaign-product'>
            <Text className='mc-picker-text'>{product ? `${product.title}（${formatFen(product.priceFen)}）` : '没有在售商品，请先上架'}</Text>
            <Text className='mc-arrow'>›</Text>
          </View>
        </Picker>
      </Field>
      <TextField
        label='拼团价（元）'
        required
        type='digit'
        value={form.price}
        placeholder={product ? `低于 ${formatFen(product.priceFen).slice(1)}，例如 29.90` : '例如 29.90'}
        error={errors.groupPriceFen}
        onInput={(price) => set({ price }, 'groupPriceFen')}
        testId='campaign-price'
      />
      <Field label='成团人数' error={errors.groupSize}>
        <Picker mode='selector' range={SIZES.map((n) => `${n} 人团`)} value={form.size} onChange={(e) => set({ size: Number(e.detail.value) }, 'groupSize')}>
          <View className='mc-picker' data-testid='campaign-size'>
            <Text>{SIZES[form.size]} 人（含团长，最多 5 人）</Text>
            <Text className='mc-arrow'>›</Text>
          </View>
        </Picker>
      </Field>
      <TextField
        label='每团有效（小时）'
        type='number'
        value={form.hours}
        error={errors.groupHours}
        onInput={(hours) => set({ hours }, 'groupHours')}
        testId='campaign-hours'
      />
      <TextField
        label='库存（件）'
        required
        type='number'
        value={form.stock}
        error={errors.stock}
        onInput={(stock) => set({ stock }, 'stock')}
        testId='campaign-stock'
      />
      <TextField
        label='每人限购（件）'
        type='number'
        value={form.limit}
        error={errors.perStudentLimit}
        onInput={(limit) => set({ limit }, 'perStudentLimit')}
        testId='campaign-limit'
      />
      <DateTimeField
        label='开始时间'
        day={form.startDay}
        clock={form.startClock}
        error={errors.startAt}
        onChange={(startDay, startClock) => set({ startDay, startClock }, 'startAt', 'endAt')}
        testId='campaign-start'
      />
      <DateTimeField
        label='结束时间'
        day={form.endDay}
        clock={form.endClock}
        error={errors.endAt}
        onChange={(endDay, endClock) => set({ endDay, endClock }, 'endAt')}
        testId='campaign-end'
      />
      <TextField
        label='同课拼团（选填）'
        value={form.course}
        maxlength={40}
        placeholder='填课程名，例如 高等数学'
        hint={form.course.trim() ? '只有课表里有这门课的同学能开团、参团，每个团是同一个班的' : '留空：所有同学都能参加'}
        error={errors.course}
        onInput={(course) => set({ course }, 'course')}
        testId='campaign-course'
      />
      <Field label='推给这些时刻（选填）' hint='学生课表里有这些时刻时，首页课间推荐优先放这个拼团' error={errors.scenes} testId='campaign-scenes'>
        <View className='mc-scenes'>
          {SCENES.map((s) => (
            <Text
              key={s}
              className={`mc-scene${form.scenes.includes(s) ? ' mc-scene-on' : ''}`}
              onClick={() => set({ scenes: form.scenes.includes(s) ? form.scenes.filter((x) => x !== s) : [...form.scenes, s] }, 'scenes')}
              data-testid={`campaign-scene-${s}`}
            >
              {SCENE_LABELS[s]}
            </Text>
          ))}
        </View>
      </Field>
      {errors._ ? <Text className='mc-error'>{errors._}</Text> : null}
      <View className='mc-submit'>
        <Button type='primary' block disabled={!product} testId='campaign-create' onClick={submit}>
          开始拼团
        </Button>
      </View>
    </View>
  );
}
