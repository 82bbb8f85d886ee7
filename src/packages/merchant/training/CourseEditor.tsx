// The course editor: title, kind, a product or a category, sections (heading and body) and the
// quiz (2-4 options a question, the right one tapped), then the pass mark. Checked by the
// contract before sending; the server's INVALID_INPUT lands on the same fields.

import type { MerchantProductRow } from '@core/contracts/catalog';
import { PRODUCT_CATEGORIES } from '@core/contracts/catalog';
import { Input, Text, Textarea, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { saveCourse } from '../../../api/koc';
import { merchantProducts } from '../../../api/merchant';
import { Button, Field, TextField, toast } from '../../../components/ui';
import { type FieldErrors, serverErrors } from '../shared/form';
import {
  addOption,
  type CourseForm,
  checkCourse,
  clearErrors,
  emptyQuestion,
  MAX_OPTIONS,
  MAX_QUESTIONS,
  MAX_SECTIONS,
  MIN_OPTIONS,
  questionErrors,
  removeOption,
} from './course-form';

const KINDS = [
  { key: 'product', label: '产品知识', hint: '来源、工艺、特点、用法、卖点' },
  { key: 'content', label: '内容创作', hint: '文案、拍照、短视频' },
] as const;
const FIELDS = ['title', 'kind', 'productId', 'category', 'sections', 'quiz', 'passMark', 'minTier'] as const;
/** Without the message at exactly `key` (those under it stay). */
const dropError = (e: FieldErrors, key: string): FieldErrors => {
  if (!(key in e)) return e;
  const { [key]: _, ...rest } = e;
  return rest;
};
const AUDIENCES = [
  { tier: null, label: '全部达人' },
  { tier: 'intermediate', label: '中级及以上专享' },
  { tier: 'advanced', label: '高级专享' },
] as const;

export function CourseEditor({ initial, onSaved, onCancel }: { initial: CourseForm; onSaved: () => void; onCancel: () => void }) {
  const [form, setForm] = useState<CourseForm>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [products, setProducts] = useState<MerchantProductRow[] | null>(null);
  useEffect(() => {
    void merchantProducts('all').then((r) => setProducts(r.ok ? r.data.items : []));
  }, []);
  // As in the event editor: a field's message (and those under it) goes as soon as it changes.
  const clear = (...paths: string[]) => setErrors((e) => clearErrors(e, ...paths));
  const set = (patch: Partial<CourseForm>, ...paths: string[]) => {
    setForm((f) => ({ ...f, ...patch }));
    clear(...paths);
  };
  const setSection = (i: number, patch: Partial<CourseForm['sections'][number]>) => {
    setForm((f) => ({ ...f, sections: f.sections.map((s, j) => (j === i ? { ...s, ...patch } : s)) }));
    clear(...Object.keys(patch).map((k) => `sections.${i}.${k}`));
  };
  const setQuestion = (i: number, patch: Partial<CourseForm['quiz'][number]>) => {
    setForm((f) => ({ ...f, quiz: f.quiz.map((q, j) => (j === i ? { ...q, ...patch } : q)) }));
    clear(...Object.keys(patch).map((k) => `quiz.${i}.${k}`));
  };
  const setOption = (qi: number, oi: number, text: string) => {
    setForm((f) => ({ ...f, quiz: f.quiz.map((q, j) => (j === qi ? { ...q, options: q.options.map((o, k) => (k === oi ? text : o)) } : q)) }));
    // The option's own message, and the question's whole-list one (duplicates, too few).
    setErrors((e) => dropError(clearErrors(e, `quiz.${qi}.options.${oi}`), `quiz.${qi}.options`));
  };

  const save = async () => {
    const checked = checkCourse(form);
    setErrors(checked.errors);
    if (!checked.input) return toast('请按提示修改后再保存');
    const res = await saveCourse(checked.input);
    if (!res.ok) {
      if (res.code === 'INVALID_INPUT') setErrors(serverErrors(res.message, FIELDS));
      return toast(res.message);
    }
    toast('课程已保存', 'success');
    onSaved();
  };

  return (
    <View data-testid='course-editor'>
      <View className='section'>
        <Text className='section-title'>{form.courseId ? '编辑课程' : '新课程'}</Text>
        <TextField
          label='课程标题'
          required
          maxlength={60}
          value={form.title}
          error={errors.title}
          onInput={(title) => set({ title }, 'title')}
          testId='course-title'
        />
        <Field label='课程类型' required error={errors.kind} testId='course-kind'>
          <View className='mt-chips'>
            {KINDS.map((k) => (
              <Text
                key={k.key}
                className={`chip${form.kind === k.key ? ' chip-on' : ''}`}
                data-testid={`course-kind-${k.key}`}
                onClick={() => set({ kind: k.key }, 'kind')}
              >
                {k.label}
              </Text>
            ))}
          </View>
          {form.kind ? <Text className='muted'>{KINDS.find((k) => k.key === form.kind)?.hint}</Text> : null}
        </Field>
        <Field label='对应' required error={errors.productId ?? errors.category} testId='course-target'>
          <View className='mt-chips'>
            <Text className={`chip${form.target === 'category' ? ' chip-on' : ''}`} onClick={() => set({ target: 'category' }, 'productId', 'category')}>
              一个品类
            </Text>
            <Text className={`chip${form.target === 'product' ? ' chip-on' : ''}`} onClick={() => set({ target: 'product' }, 'productId', 'category')}>
              一个商品
            </Text>
          </View>
          {form.target === 'category' ? (
            <View className='mt-chips'>
              {PRODUCT_CATEGORIES.map((c) => (
                <Text
                  key={c}
                  className={`chip${form.category === c ? ' chip-on' : ''}`}
                  data-testid='course-category'
                  onClick={() => set({ category: c }, 'productId', 'category')}
                >
                  {c}
                </Text>
              ))}
            </View>
          ) : products === null ? (
            <Text className='muted'>商品加载中…</Text>
          ) : products.length === 0 ? (
            <Text className='muted'>还没有商品，先去商品管理添加</Text>
          ) : (
            products.map((p) => (
              <View
                key={p.id}
                className={`mt-product${form.productId === p.id ? ' mt-product-on' : ''}`}
                data-testid='course-product'
                onClick={() => set({ productId: p.id }, 'productId', 'category')}
              >
                <Text className='mt-product-title'>{p.title}</Text>
              </View>
            ))
          )}
        </Field>
      </View>

      <View className='section'>
        <Text className='section-title'>
          课程内容（{form.sections.length}/{MAX_SECTIONS} 节）
        </Text>
        {form.sections.map((s, i) => (
          <View key={i} className='mt-block' data-testid='course-section-edit'>
            <View className='mt-block-head'>
              <Text className='mt-block-no'>第 {i + 1} 节</Text>
              {form.sections.length > 1 ? (
                <Text className='mt-remove' onClick={() => set({ sections: form.sections.filter((_, j) => j !== i) }, 'sections')}>
                  删除
                </Text>
              ) : null}
            </View>
            <Input
              className='mt-input'
              value={s.heading}
              maxlength={40}
              placeholder='小节标题，如：产地与工艺'
              placeholderClass='ui-placeholder'
              onInput={(e) => setSection(i, { heading: e.detail.value })}
            />
            {errors[`sections.${i}.heading`] ? <Text className='mt-error'>{errors[`sections.${i}.heading`]}</Text> : null}
            <Textarea
              className='mt-textarea'
              value={s.body}
              maxlength={3000}
              placeholder='小节内容'
              placeholderClass='ui-placeholder'
              onInput={(e) => setSection(i, { body: e.detail.value })}
            />
            {errors[`sections.${i}.body`] ? <Text className='mt-error'>{errors[`sections.${i}.body`]}</Text> : null}
          </View>
        ))}
        {errors.sections ? <Text className='mt-error'>{errors.sections}</Text> : null}
        {form.sections.length < MAX_SECTIONS ? (
          <Button size='small' onClick={() => set({ sections: [...form.sections, { heading: '', body: '' }] }, 'sections')}>
            + 加一节
          </Button>
        ) : null}
      </View>

      <View className='section'>
        <Text className='section-title'>
          测验（{form.quiz.length}/{MAX_QUESTIONS} 题）
        </Text>
        <Text className='muted'>每题 2-4 个选项，点选项左边的圆圈标出正确答案。</Text>
        {form.quiz.map((q, qi) => {
          const qe = questionErrors(errors, qi, q.options.length);
          return (
            <View key={qi} className='mt-block' data-testid='course-question-edit'>
              <View className='mt-block-head'>
                <Text className='mt-block-no'>第 {qi + 1} 题</Text>
                {form.quiz.length > 1 ? (
                  <Text className='mt-remove' onClick={() => set({ quiz: form.quiz.filter((_, j) => j !== qi) }, 'quiz', 'passMark')}>
                    删除
                  </Text>
                ) : null}
              </View>
              <Input
                className='mt-input'
                value={q.question}
                maxlength={200}
                placeholder='题目'
                placeholderClass='ui-placeholder'
                onInput={(e) => setQuestion(qi, { question: e.detail.value })}
              />
              {qe.question ? <Text className='mt-error'>{qe.question}</Text> : null}
              {qe.answer ? (
                <Text className='mt-error' data-testid='course-answer-error'>
                  {qe.answer}：点选项左边的圆圈
                </Text>
              ) : null}
              {q.options.map((o, oi) => (
                <View key={oi}>
                  <View className='mt-option'>
                    <Text
                      className={`mt-radio${q.answer === oi ? ' mt-radio-on' : ''}`}
                      data-testid='course-answer'
                      onClick={() => setQuestion(qi, { answer: oi })}
                    >
                      {q.answer === oi ? '✓' : ''}
                    </Text>
                    <Input
                      className='mt-input mt-option-input'
                      value={o}
                      maxlength={100}
                      placeholder={`选项 ${'ABCD'[oi]}`}
                      placeholderClass='ui-placeholder'
                      onInput={(e) => setOption(qi, oi, e.detail.value)}
                    />
                    {q.options.length > MIN_OPTIONS ? (
                      <Text
                        className='mt-remove'
                        onClick={() => {
                          setForm((f) => removeOption(f, qi, oi));
                          clear(`quiz.${qi}`);
                        }}
                      >
                        ×
                      </Text>
                    ) : null}
                  </View>
                  {qe.option(oi) ? <Text className='mt-error mt-option-error'>{qe.option(oi)}</Text> : null}
                </View>
              ))}
              {qe.rest.map((m) => (
                <Text key={m} className='mt-error'>
                  {m}
                </Text>
              ))}
              {q.options.length < MAX_OPTIONS ? (
                <Text
                  className='mt-add'
                  onClick={() => {
                    setForm((f) => addOption(f, qi));
                    setErrors((e) => dropError(e, `quiz.${qi}.options`));
                  }}
                >
                  + 加一个选项
                </Text>
              ) : null}
            </View>
          );
        })}
        {errors.quiz ? <Text className='mt-error'>{errors.quiz}</Text> : null}
        {form.quiz.length < MAX_QUESTIONS ? (
          <Button
            size='small'
            onClick={() => {
              set({ quiz: [...form.quiz, emptyQuestion()] }, 'passMark');
              setErrors((e) => dropError(e, 'quiz'));
            }}
          >
            + 加一题
          </Button>
        ) : null}
        <TextField
          label='及格线（答对几题）'
          type='number'
          required
          value={form.passMark}
          error={errors.passMark}
          hint={`1-${form.quiz.length} 题`}
          onInput={(passMark) => set({ passMark }, 'passMark')}
          testId='course-pass-mark'
        />
        <Field label='谁能学' error={errors.minTier} testId='course-min-tier'>
          <View className='mt-chips'>
            {AUDIENCES.map((a) => (
              <Text
                key={a.label}
                className={`chip${form.minTier === a.tier ? ' chip-on' : ''}`}
                data-testid={`course-min-tier-${a.tier ?? 'all'}`}
                onClick={() => set({ minTier: a.tier }, 'minTier')}
              >
                {a.label}
              </Text>
            ))}
          </View>
          <Text className='muted'>专享课程是等级特权：达人升级后才能学，不能设为必修。</Text>
        </Field>
      </View>
      {errors._ ? <Text className='mt-error mt-general'>{errors._}</Text> : null}
      <View className='mt-actions'>
        <Button onClick={onCancel}>取消</Button>
        <Button type='primary' testId='course-save' onClick={save}>
          保存课程
        </Button>
      </View>
    </View>
  );
}
