import { checkRefund } from './form';

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
