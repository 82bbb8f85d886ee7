import { type CreateForm, checkCreate, checkUpdate } from './rules';

const products = [{ id: 'p1', title: '气泡水', priceFen: 3990 }];
const form = (patch: Partial<CreateForm> = {}): CreateForm => ({
  product: 0,
  price: '29.90',
  size: 1,
  hours: '24',
  stock: '50',
  limit: '1',
  startDay: '2099-01-01',
  startClock: '10:00',
  endDay: '2099-01-15',
  endClock: '10:00',
  course: '',
  scenes: [],
  ...patch,
});

describe('campaign form checks', () => {
  test('scenes the campaign is for go to the contract as chosen', () => {
    expect(checkCreate(form({ scenes: ['PE', 'MORNING4'] }), products, [2, 3, 4, 5], 'request-123').input).toMatchObject({ scenes: ['PE', 'MORNING4'] });
    expect(checkCreate(form(), products, [2, 3, 4, 5], 'request-123').input).toMatchObject({ scenes: [] });
  });

  test('a good form gives the contract’s input in fen and campus instants', () => {
    const res = checkCreate(form(), products, [2, 3, 4, 5], 'request-123');
    expect(res.errors).toBeNull();
    expect(res.input).toMatchObject({ productId: 'p1', groupPriceFen: 2990, groupSize: 3, stock: 50, startAt: Date.UTC(2099, 0, 1, 2) });
  });

  test('a course name makes it a course team-buy; empty is everyone’s campaign', () => {
    expect(checkCreate(form({ course: ' 高等数学 ' }), products, [2, 3, 4, 5], 'request-123').input).toMatchObject({ course: { name: '高等数学' } });
    expect(checkCreate(form(), products, [2, 3, 4, 5], 'request-123').input).toMatchObject({ course: null });
    expect(checkCreate(form({ course: '课'.repeat(41) }), products, [2, 3, 4, 5], 'request-123').errors).toEqual({ course: '课程名最多 40 个字' });
  });

  test('stock, price and end are checked with messages by their fields', () => {
    const res = checkCreate(form({ stock: '0', price: '39.90', endDay: '2098-12-31' }), products, [2, 3, 4, 5], 'request-123');
    expect(res.errors).toEqual({ stock: '库存至少 1 件', groupPriceFen: '拼团价要低于商品价 ¥39.90', endAt: '结束时间要晚于开始时间' });
    expect(checkCreate(form({ price: 'abc', stock: '' }), products, [2, 3, 4, 5], 'request-123').errors).toEqual({
      groupPriceFen: '请填写拼团价，例如 29.90',
      stock: '请填写库存（整数）',
    });
  });

  test('an edit checks the end against the start and now', () => {
    const edit = { price: '19.90', endDay: '2099-01-01', endClock: '09:00', stock: '10', limit: '2' };
    expect(checkUpdate('c1', edit, Date.UTC(2099, 0, 1, 2), products[0]).errors).toEqual({ endAt: '结束时间要晚于开始时间' });
    const ok = checkUpdate('c1', { ...edit, endDay: '2099-02-01' }, Date.UTC(2099, 0, 1, 2), products[0]);
    expect(ok.input).toMatchObject({ campaignId: 'c1', groupPriceFen: 1990, stock: 10, perStudentLimit: 2 });
  });
});
