// 客服问答 (merchant): the shop's FAQ that the customer-service bot answers from (in WeChat's
// session and the app's chat page), add / edit with errors beside each field, remove; and 未解
// 答的问题, what students asked that nothing answered, most asked first, each with 添加为问答.
import type { FaqView, MissView } from '@core/contracts/support';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useState } from 'react';
import { newRequestId } from '../../../api/groupbuy';
import { listFaqs, listMisses, removeFaq, saveFaq } from '../../../api/support';
import { Button, Dialog, Empty, TextAreaField, TextField, toast } from '../../../components/ui';
import { type FieldErrors, serverErrors } from '../shared/form';
import { checkFaq, FAQ_FALLBACK, FAQ_FIELDS, type FaqForm } from './faq-form';
import './index.css';

interface Editing {
  faqId?: string;
  missId?: string;
  requestId: string;
  form: FaqForm;
}

const blank = (patch: Partial<FaqForm> = {}): FaqForm => ({ question: '', answer: '', keywords: '', ...patch });

export default function MerchantFaq() {
  const [faqs, setFaqs] = useState<FaqView[] | null>(null);
  const [max, setMax] = useState(100);
  const [misses, setMisses] = useState<MissView[]>([]);
  const [error, setError] = useState('');
  const [editing, setEditing] = useState<Editing | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [removing, setRemoving] = useState<FaqView | null>(null);

  const load = async () => {
    setError('');
    const [list, missed] = await Promise.all([listFaqs(), listMisses()]);
    if (missed.ok) setMisses(missed.data.items);
    if (!list.ok) return setError(list.message);
    setFaqs(list.data.items);
    setMax(list.data.max);
  };
  useDidShow(() => void load());
  usePullDownRefresh(async () => {
    await load();
    Taro.stopPullDownRefresh();
  });

  const open = (e: Omit<Editing, 'requestId'>) => {
    // One id per submission: a retry after a lost answer saves the same FAQ, not a second.
    setEditing({ ...e, requestId: newRequestId() });
    setErrors({});
  };
  const set = (patch: Partial<FaqForm>, field: string) => {
    setEditing((e) => (e ? { ...e, form: { ...e.form, ...patch } } : e));
    setErrors((x) => ({ ...x, [field]: '', _: '' }));
  };
  const submit = async () => {
    if (!editing) return;
    const checked = checkFaq(editing.form, editing);
    if (!checked.input) {
      setErrors(checked.errors);
      return false;
    }
    const res = await saveFaq(checked.input);
    if (!res.ok) {
      if (res.code === 'INVALID_INPUT' || res.code === 'CONTENT_REJECTED') {
        setErrors(res.code === 'INVALID_INPUT' ? serverErrors(res.message, FAQ_FIELDS, FAQ_FALLBACK) : { _: res.message });
        return false;
      }
      throw new Error(res.message);
    }
    toast('已保存', 'success');
    await load();
  };
  const remove = async () => {
    if (!removing) return;
    const res = await removeFaq(removing.faqId);
    if (!res.ok) throw new Error(res.message);
    toast('已删除', 'success');
    await load();
  };

  const full = faqs !== null && faqs.length >= max;
  return (
    <View className='page fq-page'>
      <Text className='fq-note'>
        学生在商品页、订单页点「联系客服」提问时，机器人按这里的问答自动回复（按问题和关键词匹配）。只写服务信息，不要写促销内容。
      </Text>
      <View className='section'>
        <Button type='primary' block disabled={full} testId='faq-add' onClick={() => open({ form: blank() })}>
          {full ? `已达上限 ${max} 条` : '添加问答'}
        </Button>
      </View>
      <Text className='fq-heading'>常见问题</Text>
      {faqs === null ? (
        error ? (
          <Empty title='加载失败' hint={error} actionText='重试' onAction={load} />
        ) : (
          <Text className='fq-loading'>加载中…</Text>
        )
      ) : faqs.length === 0 ? (
        <Empty title='还没有问答' hint='没有问答时，机器人只回答订单、退款、拼团、取货等平台问题' />
      ) : (
        faqs.map((f) => (
          <View key={f.faqId} className='section' data-testid='faq-item'>
            <Text className='fq-q'>{f.question}</Text>
            <Text className='fq-a'>{f.answer}</Text>
            {f.keywords.length ? <Text className='fq-kw'>关键词：{f.keywords.join('、')}</Text> : null}
            <View className='fq-actions'>
              <Button size='small' testId='faq-remove' onClick={() => setRemoving(f)}>
                删除
              </Button>
              <Button
                size='small'
                type='primary'
                testId='faq-edit'
                onClick={() => open({ faqId: f.faqId, form: blank({ question: f.question, answer: f.answer, keywords: f.keywords.join('、') }) })}
              >
                编辑
              </Button>
            </View>
          </View>
        ))
      )}
      <Text className='fq-heading'>未解答的问题</Text>
      <Text className='fq-note'>学生问过、机器人答不上来的问题，按提问次数排列。添加为问答后会从这里移除。</Text>
      {misses.length === 0 ? (
        <Empty title='暂时没有' hint='机器人答不上来的问题会出现在这里' />
      ) : (
        misses.map((m) => (
          <View key={m.missId} className='section' data-testid='faq-miss'>
            <Text className='fq-q'>{m.question}</Text>
            <Text className='fq-kw'>被问了 {m.count} 次</Text>
            <View className='fq-actions'>
              <Button
                size='small'
                type='primary'
                disabled={full}
                testId='faq-from-miss'
                onClick={() => open({ missId: m.missId, form: blank({ question: m.question }) })}
              >
                添加为问答
              </Button>
            </View>
          </View>
        ))
      )}
      <Dialog
        open={editing !== null}
        title={editing?.faqId ? '编辑问答' : '添加问答'}
        confirmText='保存'
        onConfirm={submit}
        onCancel={() => setEditing(null)}
        testId='faq-dialog'
      >
        {editing ? (
          <View>
            <TextField
              label='问题'
              required
              value={editing.form.question}
              maxlength={60}
              placeholder='例如：可以送到宿舍吗？'
              error={errors.question}
              onInput={(question) => set({ question }, 'question')}
              testId='faq-question'
            />
            <TextAreaField
              label='回答'
              required
              value={editing.form.answer}
              maxlength={500}
              placeholder='写清楚做法、时间和地点'
              error={errors.answer}
              onInput={(answer) => set({ answer }, 'answer')}
              testId='faq-answer'
            />
            <TextField
              label='关键词'
              value={editing.form.keywords}
              maxlength={120}
              placeholder='选填，用逗号或顿号分开，如：送到宿舍、配送'
              error={errors.keywords}
              onInput={(keywords) => set({ keywords }, 'keywords')}
              testId='faq-keywords'
            />
            {errors._ ? <Text className='fq-error'>{errors._}</Text> : null}
          </View>
        ) : null}
      </Dialog>
      <Dialog
        open={removing !== null}
        title='删除这条问答？'
        confirmText='删除'
        confirmType='danger'
        onConfirm={remove}
        onCancel={() => setRemoving(null)}
        testId='faq-remove-dialog'
      >
        {removing ? <Text className='fq-a'>{removing.question}</Text> : null}
      </Dialog>
    </View>
  );
}
