import { REFUND_REASONS } from '@core/contracts/fulfilment';
import { orderInput } from '@core/contracts/groupbuy';
import { checkRefund, REASONS, type RefundForm } from './form';

const base = { amount: '12.50', reason: '不想要了' as const, note: '', photos: [] };

describe('refund form', () => {
  it('turns yuan into fen within what is refundable', () => {
    expect(checkRefund('o1', 1250, base)).toEqual({ ok: true, value: { orderId: 'o1', amountFen: 1250, reason: '不想要了', note: '', photos: [] } });
  });
  it('says the most that can come back', () => {
    expect(checkRefund('o1', 1000, base)).toEqual({ ok: false, errors: { amount: '最多可退 ¥10.00' } });
  });
  it('refuses an amount it cannot read, and a missing reason, by the field', () => {
    expect(checkRefund('o1', 1000, { ...base, amount: '1.234', reason: '' })).toEqual({
      ok: false,
      errors: { amount: '请填写金额，如 12.50', reason: '请选择退款原因' },
    });
  });
});

describe('the refund form agrees with the contract', () => {
  it('offers the contract’s reasons', () => {
    expect([...REASONS]).toEqual([...REFUND_REASONS]);
  });
  it.each([
    { reason: '', note: '', photos: [] },
    { reason: '其他', note: '字'.repeat(201), photos: ['/files/a.png', '/files/b.png', '/files/c.png', '/files/d.png'] },
    { reason: '其他', note: '', photos: ['/files/a.png', 'https://example.com/b.png', 'cloud://env/c.jpg', '/files/d.png'] },
    { reason: '不想要了', note: '', photos: ['https://example.com/a.png'] },
    { reason: '不想要了', note: '  有点多  ', photos: ['cloud://env-1/refunds/a.jpg', '/files/refunds/b.png'] },
  ])('%j', (f) => {
    const schema = orderInput.requestRefund.safeParse({ orderId: 'o1', amountFen: 100, ...f, reason: f.reason || undefined });
    const ours = checkRefund('o1', 100, { amount: '1', ...f, reason: f.reason as RefundForm['reason'] });
    expect(ours.ok).toBe(schema.success);
    if (schema.success && ours.ok) expect(ours.value).toEqual(schema.data);
    if (!schema.success && !ours.ok) {
      const expected: Record<string, string> = {};
      for (const i of schema.error.issues) expected[String(i.path[0])] ??= i.message;
      expect(ours.errors).toEqual(expected);
    }
  });
});
