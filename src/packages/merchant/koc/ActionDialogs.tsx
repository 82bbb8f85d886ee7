// The pipeline's dialogs: a reason (不通过 / 入选 / 不入选), interview slots, the scorecard and
// the trial. Each checks its input by the contract before sending; the server's INVALID_INPUT
// lands on the same fields, other refusals are toasted and keep the dialog open.
import type { MerchantProductRow } from '@core/contracts/catalog';
import type { MerchantApplicationView } from '@core/contracts/koc';
import { INTERVIEW_DIMENSIONS, INTERVIEW_NAMES } from '@core/koc-pipeline';
import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { decideApplication, type InterviewScores, offerInterviewSlots, scoreInterview, screenApplication, startTrial } from '../../../api/koc';
import { merchantProducts } from '../../../api/merchant';
import { Button, Dialog, Field, TextAreaField, TextField } from '../../../components/ui';
import { pickerValues } from '../shared/campus';
import { DateTimeField } from '../shared/DateTimeField';
import { type FieldErrors, serverErrors } from '../shared/form';
import type { PipelineAction } from './ApplicantCard';
import { checkReason, checkScores, checkSlots, checkTrial, MAX_SLOTS, MAX_TRIAL_PRODUCTS, type SlotRow, type TrialForm } from './forms';

const DAY_MS = 86_400_000;
type Done = (message: string) => void;
type Sent = { ok: true } | { ok: false; code: string; message: string };

/** A refusal other than INVALID_INPUT throws, so the Dialog toasts it and stays open. */
function refused(res: Sent, fields: readonly string[], setErrors: (e: FieldErrors) => void): boolean {
  if (res.ok) return false;
  if (res.code !== 'INVALID_INPUT') throw new Error(res.message);
  const e = serverErrors(res.message, fields);
  setErrors(e);
  if (e._) throw new Error(e._);
  return true;
}

function ReasonDialog({
  app,
  action,
  onClose,
  onDone,
}: {
  app: MerchantApplicationView;
  action: 'screenReject' | 'select' | 'reject';
  onClose: () => void;
  onDone: Done;
}) {
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const title = action === 'select' ? `让 ${app.nickname} 入选` : action === 'reject' ? `${app.nickname} 不入选` : `${app.nickname} 初筛不通过`;
  const confirm = async () => {
    const { reason, error: e } = checkReason(text);
    if (e) {
      setError(e);
      return false;
    }
    const res = action === 'screenReject' ? await screenApplication(app.id, false, reason) : await decideApplication(app.id, action === 'select', reason);
    if (refused(res, ['reason'], (f) => setError(f.reason ?? ''))) return false;
    onDone(action === 'select' ? '已入选，对方成为初级达人' : '已通知申请人未通过');
  };
  return (
    <Dialog
      open
      title={title}
      confirmText={action === 'select' ? '入选' : '不通过'}
      confirmType={action === 'select' ? 'primary' : 'danger'}
      onConfirm={confirm}
      onCancel={onClose}
      testId='reason-dialog'
    >
      <TextAreaField
        label={action === 'select' ? '入选理由（申请人能看到）' : '原因（申请人能看到）'}
        required
        value={text}
        maxlength={100}
        error={error}
        onInput={(v) => {
          setText(v);
          setError('');
        }}
        testId='reason-input'
      />
      {action === 'select' ? <Text className='muted'>入选后对方成为本店的初级达人，之后通过其分享的成交才有佣金。</Text> : null}
    </Dialog>
  );
}

function SlotsDialog({ app, onClose, onDone }: { app: MerchantApplicationView; onClose: () => void; onDone: Done }) {
  const first = pickerValues(Date.now() + DAY_MS);
  const [rows, setRows] = useState<SlotRow[]>([{ day: first.day, clock: '14:00' }]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const confirm = async () => {
    const checked = checkSlots(app.id, rows, Date.now());
    setErrors(checked.errors);
    if (!checked.slots) return false;
    const res = await offerInterviewSlots(app.id, checked.slots);
    if (refused(res, ['slots'], setErrors)) return false;
    onDone('已提供面试时间，等对方选择');
  };
  const edit = (i: number, row: SlotRow) => {
    setRows(rows.map((r, j) => (j === i ? row : r)));
    setErrors({});
  };
  return (
    <Dialog open title={`给 ${app.nickname} 的面试时间`} confirmText='发送' onConfirm={confirm} onCancel={onClose} testId='slots-dialog'>
      {rows.map((r, i) => (
        <View key={`${i}-${rows.length}`} className='kp-slot-row'>
          <DateTimeField
            label={`时间 ${i + 1}`}
            day={r.day}
            clock={r.clock}
            error={errors[`slots.${i}`]}
            onChange={(day, clock) => edit(i, { day, clock })}
            testId={`slot-row-${i}`}
          />
          {rows.length > 1 ? (
            <Text className='kp-remove' onClick={() => setRows(rows.filter((_, j) => j !== i))}>
              删除
            </Text>
          ) : null}
        </View>
      ))}
      {errors.slots ? <Text className='kp-bad'>{errors.slots}</Text> : null}
      {rows.length < MAX_SLOTS ? (
        <Button size='small' onClick={() => setRows([...rows, { ...rows[rows.length - 1] }])} testId='slot-add'>
          再加一个时间
        </Button>
      ) : null}
      <Text className='muted'>给 1-{MAX_SLOTS} 个以后的时间（北京时间），对方选一个。</Text>
    </Dialog>
  );
}

function ScoreDialog({ app, onClose, onDone }: { app: MerchantApplicationView; onClose: () => void; onDone: Done }) {
  const [scores, setScores] = useState<InterviewScores>({ understanding: 0, ideas: 0, improvisation: 0 });
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const confirm = async () => {
    const checked = checkScores(app.id, scores, notes);
    setErrors(checked.errors);
    if (!checked.input) return false;
    const res = await scoreInterview(app.id, checked.input.scores, checked.input.notes);
    if (refused(res, ['scores', 'notes'], setErrors)) return false;
    onDone('已保存评分');
  };
  return (
    <Dialog open title={`${app.nickname} 的面试评分`} confirmText='保存' onConfirm={confirm} onCancel={onClose} testId='score-dialog'>
      {INTERVIEW_DIMENSIONS.map((d) => (
        <Field key={d} label={INTERVIEW_NAMES[d]} required error={errors[d] ?? (d === 'understanding' ? errors.scores : undefined)} testId={`score-${d}`}>
          <View className='kp-chips'>
            {[1, 2, 3, 4, 5].map((n) => (
              <Text
                key={n}
                className={`chip${scores[d] === n ? ' chip-on' : ''}`}
                data-testid={`score-${d}-${n}`}
                onClick={() => {
                  setScores({ ...scores, [d]: n });
                  setErrors({});
                }}
              >
                {n}
              </Text>
            ))}
          </View>
        </Field>
      ))}
      <TextAreaField label='面试记录（选填）' value={notes} maxlength={500} error={errors.notes} onInput={setNotes} testId='score-notes' />
    </Dialog>
  );
}

function TrialDialog({ app, onClose, onDone }: { app: MerchantApplicationView; onClose: () => void; onDone: Done }) {
  const end = pickerValues(Date.now() + 7 * DAY_MS);
  const [form, setForm] = useState<TrialForm>({ productIds: [], endDay: end.day, endClock: '22:00', notes: '0', orders: '3' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [products, setProducts] = useState<MerchantProductRow[] | null>(null);
  const [loadError, setLoadError] = useState('');
  useEffect(() => {
    void merchantProducts('on_sale').then((r) => (r.ok ? setProducts(r.data.items) : setLoadError(r.message)));
  }, []);
  const set = (patch: Partial<TrialForm>) => {
    setForm({ ...form, ...patch });
    setErrors({});
  };
  const toggle = (id: string) => {
    const has = form.productIds.includes(id);
    if (!has && form.productIds.length >= MAX_TRIAL_PRODUCTS) return setErrors({ productIds: `试用商品最多 ${MAX_TRIAL_PRODUCTS} 个` });
    set({ productIds: has ? form.productIds.filter((p) => p !== id) : [...form.productIds, id] });
  };
  const confirm = async () => {
    const checked = checkTrial(app.id, form, Date.now());
    setErrors(checked.errors);
    if (!checked.input) return false;
    const res = await startTrial(checked.input);
    if (refused(res, ['productIds', 'endsAt', 'goals'], setErrors)) return false;
    onDone('试用已开始，试用商品已作为 ¥0 订单发给对方');
  };
  return (
    <Dialog open title={`${app.nickname} 的试用`} confirmText='开始试用' onConfirm={confirm} onCancel={onClose} testId='trial-dialog'>
      <Field label={`试用商品（1-${MAX_TRIAL_PRODUCTS} 个，在售）`} required error={errors.productIds} testId='trial-products'>
        {products ? (
          products.length ? (
            products.map((p) => (
              <View
                key={p.id}
                className={`kp-product${form.productIds.includes(p.id) ? ' kp-product-on' : ''}`}
                data-testid='trial-product'
                onClick={() => toggle(p.id)}
              >
                <Text className='kp-product-title'>{p.title}</Text>
                <Text className='muted'>库存 {p.stock}</Text>
              </View>
            ))
          ) : (
            <Text className='muted'>没有在售的商品，先去商品管理上架</Text>
          )
        ) : (
          <Text className='muted'>{loadError || '加载中…'}</Text>
        )}
      </Field>
      <DateTimeField
        label='试用截止'
        required
        day={form.endDay}
        clock={form.endClock}
        error={errors.endsAt}
        hint='至少一天，最长 60 天（北京时间）'
        onChange={(endDay, endClock) => set({ endDay, endClock })}
        testId='trial-end'
      />
      <View className='kp-pair'>
        <TextField label='笔记目标（篇）' type='number' value={form.notes} error={errors.notes} onInput={(notes) => set({ notes })} testId='trial-goal-notes' />
        <TextField
          label='成交目标（单）'
          type='number'
          value={form.orders}
          error={errors.orders ?? errors.goals}
          onInput={(orders) => set({ orders })}
          testId='trial-goal-orders'
        />
      </View>
      <Text className='muted'>目标开始后不能再改。笔记数在笔记功能上线后统计；成交按对方分享卡片带来的订单算。</Text>
    </Dialog>
  );
}

export function ActionDialog({ action, app, onClose, onDone }: { action: PipelineAction; app: MerchantApplicationView; onClose: () => void; onDone: Done }) {
  if (action === 'offerSlots') return <SlotsDialog app={app} onClose={onClose} onDone={onDone} />;
  if (action === 'score') return <ScoreDialog app={app} onClose={onClose} onDone={onDone} />;
  if (action === 'trial') return <TrialDialog app={app} onClose={onClose} onDone={onDone} />;
  return <ReasonDialog app={app} action={action} onClose={onClose} onDone={onDone} />;
}
