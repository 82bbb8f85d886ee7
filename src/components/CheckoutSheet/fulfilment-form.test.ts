import { addressInput } from '@core/contracts/fulfilment';
import { checkAddress, fulfilmentOf } from './fulfilment-form';

const empty = { building: '', room: '', name: '', phone: '' };

describe('checkout fulfilment', () => {
  it('asks to choose when nothing is chosen', () => {
    expect(fulfilmentOf('', empty)).toMatchObject({ ok: false, message: '请选择取货方式' });
  });
  it('takes a pickup point without an address', () => {
    expect(fulfilmentOf('p1', empty)).toEqual({ ok: true, value: { type: 'pickup', pickupPointId: 'p1' } });
  });
  it('puts each address error next to its field, in the contract’s words', () => {
    const res = fulfilmentOf('delivery', { building: '7 号楼', room: '', name: '小林', phone: '123' });
    expect(res).toEqual({ ok: false, errors: { room: '请填写房间号', phone: '请填写 11 位手机号' } });
  });
  it('trims a complete address', () => {
    const res = fulfilmentOf('delivery', { building: ' 7 号楼 ', room: '302', name: '小林', phone: '13800138000' });
    expect(res).toEqual({ ok: true, value: { type: 'delivery', address: { building: '7 号楼', room: '302', name: '小林', phone: '13800138000' } } });
  });
});

describe('the sheet’s address check agrees with the contract’s schema', () => {
  const cases = [
    { building: '', room: '', name: '', phone: '' },
    { building: '  ', room: '302', name: '小林', phone: '13800138000' },
    { building: '7 号楼', room: '302', name: '小林', phone: '13800138000' },
    { building: '楼'.repeat(41), room: '3'.repeat(21), name: '名'.repeat(21), phone: '1380013800' },
    { building: '楼'.repeat(40), room: '3'.repeat(20), name: '名'.repeat(20), phone: ' 13800138000 ' },
    { building: 'A', room: 'B', name: 'C', phone: '23800138000' },
  ];
  it.each(cases)('%j', (a) => {
    const schema = addressInput.safeParse(a);
    const ours = checkAddress(a);
    expect(ours.ok).toBe(schema.success);
    if (schema.success && ours.ok) expect(ours.value).toEqual(schema.data);
    if (!schema.success && !ours.ok) {
      const expected: Record<string, string> = {};
      for (const i of schema.error.issues) expected[String(i.path[0])] ??= i.message;
      expect(ours.errors).toEqual(expected);
    }
  });
});
