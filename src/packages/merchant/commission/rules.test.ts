import { DEFAULT_TIER_RULES } from '@core/tiers';
import { checkProgram, formOf, orderWarnings, serverProgramErrors } from './rules';

const base = { defaultRateBp: 1000, holdDays: 7, selfPurchaseRebates: false, kocMode: 'approved' as const, tiers: DEFAULT_TIER_RULES };
const names = ['初级达人', '中级达人', '高级达人'];

describe('commission settings checks', () => {
  test('round trip of the settings through the form', () => {
    expect(checkProgram(formOf(base), base)).toEqual({ data: base, errors: {} });
  });

  test('who earns: approved KOCs by default, every student when chosen, sent as kocMode', () => {
    const { kocMode: _, ...older } = base;
    expect(formOf(older).kocMode).toBe('approved');
    const form = formOf(base);
    form.kocMode = 'everyone';
    expect(checkProgram(form, base).data).toEqual({ ...base, kocMode: 'everyone' });
    expect(serverProgramErrors('kocMode: 请选择谁能赚佣金')).toEqual({ kocMode: '请选择谁能赚佣金' });
  });

  test('field errors in Chinese instead of the schema’s raw text', () => {
    const form = formOf(base);
    form.defaultRate = '60';
    form.holdDays = '31';
    form.tiers[1].revenue = 'abc';
    form.tiers[2].orders = '5';
    expect(checkProgram(form, base).errors).toEqual({
      defaultRate: '佣金比例最高 50%',
      holdDays: '售后期填 0 到 30 之间的整数天',
      'tiers.1.revenue': '门槛金额填整数或两位小数，例如 1000',
      'tiers.2.orders': '高级达人的门槛不能低于中级达人',
    });
    expect(serverProgramErrors('defaultRateBp: 数值过大：期望 number <=5000')).toEqual({ defaultRate: '佣金比例填 0 到 50 之间的数，最多两位小数' });
  });

  test('rates out of order warn on both fields', () => {
    const form = formOf(base);
    form.tiers[0].rate = '13';
    const w = orderWarnings(form, names);
    expect(Object.keys(w)).toEqual(['tiers.0.rate', 'tiers.1.rate']);
    expect(w['tiers.1.rate']).toContain('初级达人比例（13%）高于中级达人（12%）');
    expect(orderWarnings(formOf(base), names)).toEqual({});
  });
});
