// 达人徽章: the shop's badge definitions (name, tier, a rule the timer grants by, or 手动颁发),
// 停用 (a badge is never deleted: its grants stay, no new ones are made) and a grant by hand
// with a reason. The server checks the caller runs the shop.
import { BADGE_METRICS, BADGE_TIERS, type BadgeView } from '@core/contracts/koc-honours';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useState } from 'react';
import { newRequestId } from '../../../api/groupbuy';
import { disableBadge, listBadges, saveBadge } from '../../../api/koc';
import { Button, Dialog, Empty, Field, Tag, TextField, toast } from '../../../components/ui';
import { type FieldErrors, serverErrors } from '../shared/form';
import { type BadgeForm, checkBadge, emptyBadgeForm, METRIC_NAMES, ruleLine, TIER_LEVELS, TIER_NAMES } from './badge-form';
import { GrantDialog } from './GrantDialog';
import './index.css';

const TIER_COLOURS = { bronze: '#b87333', silver: '#8a94a6', gold: '#d4a017', custom: '#16a34a' } as const;

function BadgeEditor({ onClose, onDone }: { onClose: () => void; onDone: (m: string) => void }) {
  const [form, setForm] = useState<BadgeForm>(() => emptyBadgeForm(newRequestId()));
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = (patch: Partial<BadgeForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setErrors({});
  };
  const confirm = async () => {
    const checked = checkBadge(form);
    setErrors(checked.errors);
    if (!checked.input) return false;
    const res = await saveBadge(checked.input);
    if (!res.ok) {
      if (res.code !== 'INVALID_INPUT') throw new Error(res.message);
      const e = serverErrors(res.message, ['name', 'tier', 'rule']);
      setErrors(e);
      if (e._) throw new Error(e._);
      return false;
    }
    onDone(form.mode === 'rule' ? '徽章已保存，达到规则的达人会自动获得' : '徽章已保存，可以手动颁发了');
  };
  return (
    <Dialog open title='新徽章' confirmText='保存' onConfirm={confirm} onCancel={onClose} testId='badge-editor'>
      <TextField label='徽章名称' required maxlength={20} value={form.name} error={errors.name} onInput={(name) => set({ name })} testId='badge-name' />
      <Field label='等级' required error={errors.tier} testId='badge-tier'>
        <View className='mb-chips'>
          {BADGE_TIERS.map((t) => (
            <Text key={t} className={`chip${form.tier === t ? ' chip-on' : ''}`} data-testid={`badge-tier-${t}`} onClick={() => set({ tier: t })}>
              {TIER_NAMES[t]}
            </Text>
          ))}
        </View>
      </Field>
      <Field label='怎么获得' required error={errors.rule} testId='badge-rule'>
        <View className='mb-chips'>
          <Text className={`chip${form.mode === 'rule' ? ' chip-on' : ''}`} onClick={() => set({ mode: 'rule' })}>
            按规则自动颁发
          </Text>
          <Text className={`chip${form.mode === 'manual' ? ' chip-on' : ''}`} data-testid='badge-manual' onClick={() => set({ mode: 'manual' })}>
            手动颁发
          </Text>
        </View>
        {form.mode === 'rule' ? (
          <View className='mb-chips'>
            {BADGE_METRICS.map((m) => (
              <Text
                key={m}
                className={`chip${form.metric === m ? ' chip-on' : ''}`}
                data-testid={`badge-metric-${m}`}
                // The tier rule starts at 中级 (every member is 初级 already); the others keep the number typed.
                onClick={() => set(m === 'tier' ? { metric: m, threshold: '2' } : form.metric === 'tier' ? { metric: m, threshold: '10' } : { metric: m })}
              >
                {METRIC_NAMES[m].label}
              </Text>
            ))}
          </View>
        ) : null}
      </Field>
      {form.mode === 'rule' && form.metric === 'tier' ? (
        <Field label='达到哪一级' required testId='badge-threshold-tier'>
          <View className='mb-chips'>
            {TIER_LEVELS.map((l) => (
              <Text
                key={l.threshold}
                className={`chip${form.threshold === l.threshold ? ' chip-on' : ''}`}
                data-testid={`badge-level-${l.threshold}`}
                onClick={() => set({ threshold: l.threshold })}
              >
                {l.label}
              </Text>
            ))}
          </View>
        </Field>
      ) : form.mode === 'rule' && form.metric ? (
        <TextField
          label={`门槛（${METRIC_NAMES[form.metric].unit}）`}
          type='number'
          required
          value={form.threshold}
          onInput={(threshold) => set({ threshold })}
          testId='badge-threshold'
        />
      ) : null}
    </Dialog>
  );
}

export default function MerchantBadges() {
  const [items, setItems] = useState<BadgeView[] | null>(null);
  const [error, setError] = useState('');
  const [creating, setCreating] = useState(false);
  const [granting, setGranting] = useState<BadgeView | null>(null);
  const [disabling, setDisabling] = useState<BadgeView | null>(null);
  const load = async () => {
    setError('');
    const res = await listBadges();
    if (!res.ok) return setError(res.message);
    setItems(res.data.items);
  };
  useDidShow(() => void load());
  usePullDownRefresh(async () => {
    await load();
    Taro.stopPullDownRefresh();
  });
  const done = (message: string) => {
    setCreating(false);
    setGranting(null);
    setDisabling(null);
    toast(message, 'success');
    void load();
  };
  const disable = async () => {
    if (!disabling) return;
    const res = await disableBadge(disabling.id);
    if (!res.ok) throw new Error(res.message);
    done('徽章已停用');
  };

  if (!items)
    return (
      <View className='page'>
        {error ? <Empty title='加载失败' hint={error} actionText='重试' onAction={load} /> : <Text className='mb-loading'>加载中…</Text>}
      </View>
    );
  return (
    <View className='page mb-page'>
      <Text className='mb-note'>按规则的徽章由系统定时颁发，每位达人每枚徽章只得一次；停用后不再颁发，已颁发的保留。</Text>
      <View className='mb-top'>
        <Button type='primary' size='small' testId='badge-new' onClick={() => setCreating(true)}>
          + 新徽章
        </Button>
      </View>
      {items.length === 0 ? (
        <Empty title='还没有徽章' hint='比如“首单达成”“十单达人”，或为表现突出的达人手动颁发' />
      ) : (
        items.map((b) => (
          <View key={b.id} className='section' data-testid='badge'>
            <View className='mb-row'>
              <View className='mb-medal' style={{ background: b.disabled ? '#c9cdd4' : TIER_COLOURS[b.tier] }}>
                <Text className='mb-medal-text'>{TIER_NAMES[b.tier]}</Text>
              </View>
              <View className='mb-main'>
                <Text className='mb-name'>{b.name}</Text>
                <Text className='muted'>{ruleLine(b.rule)}</Text>
              </View>
              {b.disabled ? <Tag tone='neutral'>已停用</Tag> : null}
            </View>
            {b.disabled ? null : (
              <View className='mb-actions'>
                <Button size='small' testId='badge-disable' onClick={() => setDisabling(b)}>
                  停用
                </Button>
                <Button size='small' type='primary' testId='badge-grant' onClick={() => setGranting(b)}>
                  手动颁发
                </Button>
              </View>
            )}
          </View>
        ))
      )}
      {creating ? <BadgeEditor onClose={() => setCreating(false)} onDone={done} /> : null}
      {granting ? <GrantDialog badge={granting} onClose={() => setGranting(null)} onDone={done} /> : null}
      {disabling ? (
        <Dialog open title={`停用「${disabling.name}」？`} confirmText='停用' confirmType='danger' onConfirm={disable} onCancel={() => setDisabling(null)}>
          <Text className='muted'>停用后不再颁发这枚徽章，已经获得的达人会保留。</Text>
        </Dialog>
      ) : null}
    </View>
  );
}
