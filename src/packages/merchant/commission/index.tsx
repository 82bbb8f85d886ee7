// The merchant's commission program: default rate, tier rates and thresholds, the after-sales
// hold and whether a KOC's own purchases earn anything. One level only: rates, never depth.
import type { ProgramSettings } from '@core/contracts/commission';
import { TIER_NAMES } from '@core/tiers';
import { Switch, Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { getProgram, setProgram } from '../../../api/commission';
import { ActionBar, Button, Dialog, Empty, TextField, toast } from '../../../components/ui';
import type { FieldErrors } from '../shared/form';
import { checkProgram, formOf, KOC_MODE_OPTIONS, orderWarnings, type ProgramForm, serverProgramErrors, type TierForm } from './rules';
import './index.css';

export default function CommissionSettings() {
  const [base, setBase] = useState<ProgramSettings | null>(null);
  const [form, setForm] = useState<ProgramForm | null>(null);
  const [error, setError] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [pending, setPending] = useState<ProgramSettings | null>(null);

  const load = async () => {
    setError('');
    const res = await getProgram();
    if (!res.ok) return setError(res.message);
    setBase(res.data);
    setForm(formOf(res.data));
  };
  useDidShow(() => void load());

  if (!form || !base) {
    return (
      <View className='page'>
        {error ? <Empty title='加载失败' hint={error} actionText='重试' onAction={load} /> : <Text className='cs-loading muted'>加载中…</Text>}
      </View>
    );
  }

  const names = base.tiers.map((t) => TIER_NAMES[t.tier]);
  const warnings = orderWarnings(form, names);
  const edit = (patch: Partial<ProgramForm>, key: string) => {
    setForm({ ...form, ...patch });
    if (errors[key] || errors._) setErrors({ ...errors, [key]: '', _: '' });
  };
  const editTier = (i: number, patch: Partial<TierForm>, key: keyof TierForm) =>
    edit({ tiers: form.tiers.map((t, j) => (j === i ? { ...t, ...patch } : t)) }, `tiers.${i}.${key}`);

  const send = async (data: ProgramSettings) => {
    const res = await setProgram(data);
    if (!res.ok) {
      if (res.code === 'INVALID_INPUT') setErrors(serverProgramErrors(res.message));
      else toast(res.message);
      return false;
    }
    setBase(res.data);
    setForm(formOf(res.data));
    toast('已保存，之后的订单按新设置');
    return true;
  };
  const save = async () => {
    const checked = checkProgram(form, base);
    setErrors(checked.errors);
    if (!checked.data) return toast('请按提示修改后再保存');
    // Out-of-order rates may be meant (a promotion for new KOCs), so they are asked, not refused.
    if (Object.keys(warnings).length) return setPending(checked.data);
    await send(checked.data);
  };

  return (
    <View className='page'>
      <View className='section'>
        <Text className='section-title'>谁能赚佣金</Text>
        {KOC_MODE_OPTIONS.map((o) => (
          <View
            key={o.mode}
            className={`cs-mode${form.kocMode === o.mode ? ' cs-mode-on' : ''}`}
            data-testid={`commission-koc-mode-${o.mode}`}
            onClick={() => edit({ kocMode: o.mode }, 'kocMode')}
          >
            <View className='cs-radio'>{form.kocMode === o.mode ? <View className='cs-radio-dot' /> : null}</View>
            <View className='cs-mode-main'>
              <Text className='cs-mode-label'>{o.label}</Text>
              <Text className='muted'>{o.hint}</Text>
            </View>
          </View>
        ))}
        {errors.kocMode ? <Text className='cs-error cs-error-inline'>{errors.kocMode}</Text> : null}
        <Text className='muted'>加入不收费；推荐别人加入没有任何收益；等级只看达人自己的成交。</Text>
      </View>
      <View className='section'>
        <Text className='section-title'>基础</Text>
        <TextField
          label='默认佣金比例（%）'
          type='digit'
          value={form.defaultRate}
          hint='没有等级比例或商品比例时用它，0-50'
          error={errors.defaultRate}
          onInput={(defaultRate) => edit({ defaultRate }, 'defaultRate')}
          testId='commission-default-rate'
        />
        <TextField
          label='售后期（天，订单完成后再等）'
          type='number'
          value={form.holdDays}
          hint='0-30 天；期间退款会收回佣金'
          error={errors.holdDays}
          onInput={(holdDays) => edit({ holdDays }, 'holdDays')}
          testId='commission-hold-days'
        />
        <View className='cs-switch'>
          <Text>KOC 自购也有佣金</Text>
          <Switch checked={form.selfPurchaseRebates} color='#16a34a' onChange={(e) => edit({ selfPurchaseRebates: e.detail.value }, 'self')} />
        </View>
      </View>
      <View className='section'>
        <Text className='section-title'>达人等级（近 90 天自己的成交）</Text>
        {form.tiers.map((t, i) => (
          <View key={base.tiers[i].tier} className='cs-tier' data-testid='commission-tier'>
            <Text className='cs-tier-name'>{names[i]}</Text>
            <TextField
              label='佣金比例（%）'
              type='digit'
              value={t.rate}
              error={errors[`tiers.${i}.rate`]}
              hint={warnings[`tiers.${i}.rate`] ? undefined : '0-50'}
              onInput={(rate) => editTier(i, { rate }, 'rate')}
              testId={`tier-${i}-rate`}
            />
            {!errors[`tiers.${i}.rate`] && warnings[`tiers.${i}.rate`] ? (
              <Text className='cs-warning' data-testid='tier-order-warning'>
                {warnings[`tiers.${i}.rate`]}
              </Text>
            ) : null}
            {i > 0 ? (
              <View className='cs-pair'>
                <TextField
                  label='成交额门槛（元）'
                  type='digit'
                  value={t.revenue}
                  error={errors[`tiers.${i}.revenue`]}
                  onInput={(revenue) => editTier(i, { revenue }, 'revenue')}
                  testId={`tier-${i}-revenue`}
                />
                <TextField
                  label='订单数门槛'
                  type='number'
                  value={t.orders}
                  error={errors[`tiers.${i}.orders`]}
                  onInput={(orders) => editTier(i, { orders }, 'orders')}
                  testId={`tier-${i}-orders`}
                />
              </View>
            ) : (
              <Text className='muted'>所有达人从初级开始。</Text>
            )}
          </View>
        ))}
        <Text className='muted'>只有一级佣金：只给直接分享的同学，不因推荐其他达人获得任何收益。</Text>
      </View>
      {errors._ ? <Text className='cs-error'>{errors._}</Text> : null}
      <ActionBar>
        <Button type='primary' size='large' block testId='commission-save' onClick={save}>
          保存
        </Button>
      </ActionBar>
      <Dialog
        open={pending !== null}
        title='等级比例顺序不对'
        confirmText='仍然保存'
        cancelText='再改改'
        onConfirm={() => (pending ? send(pending) : false)}
        onCancel={() => setPending(null)}
        testId='commission-order-confirm'
      >
        <Text>低等级的比例高于高等级，达人升级后每单佣金会变少。确定这样设置吗？</Text>
      </Dialog>
    </View>
  );
}
