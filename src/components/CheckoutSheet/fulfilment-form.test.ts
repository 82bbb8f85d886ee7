import { fulfilmentOf } from './fulfilment-form';

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
