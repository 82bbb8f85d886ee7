import type { NoteProduct } from '@core/contracts/notes';
import { addProduct, addTopic, checkNote, emptyNoteForm, purchasableOrders, removeProduct } from './form';

const product = (id: string, title = `商品${id}`): NoteProduct => ({ id, title, priceFen: 1230, cover: '', onSale: true });
const form = () => ({ ...emptyNoteForm('req-12345678'), title: '宿舍好物', body: '好用' });

test('the contract decides what is valid, and its message lands beside the field', () => {
  expect(checkNote(form(), false)).toEqual({
    input: { title: '宿舍好物', body: '好用', images: [], topics: [], productIds: [], draft: false },
    errors: null,
  });
  const bad = checkNote({ ...form(), title: '', body: '字'.repeat(1001) }, false);
  expect(bad.errors).toEqual({ title: '请写标题', body: '正文最多 1000 个字' });
  expect(checkNote({ ...form(), title: '标'.repeat(41) }, true).errors?.title).toBe('标题最多 40 个字');
  expect(checkNote({ ...form(), images: Array.from({ length: 10 }, (_, i) => `local://notes/${i}.png`) }, false).errors?.images).toBeDefined();
});

test('a draft says so; the linked order goes with the input', () => {
  const r = checkNote({ ...form(), products: [product('p1')], orderId: 'o1' }, true);
  expect(r.input).toMatchObject({ productIds: ['p1'], orderId: 'o1', draft: true });
});

test('topics: # is dropped, no repeats, at most 10', () => {
  expect(addTopic([], ' #运动 ')).toEqual({ topics: ['运动'], error: null });
  expect(addTopic(['运动'], '＃运动').error).toBe('已经加过这个话题了');
  expect(addTopic([], '#').error).toBe('话题不能为空');
  expect(
    addTopic(
      Array.from({ length: 10 }, (_, i) => `t${i}`),
      '再来',
    ).error,
  ).toBe('话题最多 10 个');
  expect(addTopic([], '话'.repeat(21)).error).toBe('话题最多 20 个字');
});

test('products: once each, at most 5; untagging takes its 已购 order away', () => {
  expect(addProduct([product('p1')], product('p1')).error).toBe('已经标记过这个商品了');
  expect(
    addProduct(
      [1, 2, 3, 4, 5].map((i) => product(`p${i}`)),
      product('p6'),
    ).error,
  ).toBe('最多标记 5 个商品');
  const f = { ...form(), products: [product('p1'), product('p2')], orderId: 'o1' };
  expect(removeProduct(f, 'p2', () => 'p1')).toMatchObject({ orderId: 'o1', products: [product('p1')] });
  expect(removeProduct(f, 'p1', () => 'p1')).toMatchObject({ orderId: null });
});

test('only paid orders of a tagged product can back 已购', () => {
  const orders = [
    { id: 'o1', title: '气泡水', paidAt: 1, createdAt: 1 },
    { id: 'o2', title: '气泡水', paidAt: null, createdAt: 2 },
    { id: 'o3', title: '坚果', paidAt: 3, createdAt: 3 },
  ];
  expect(purchasableOrders(orders, [product('p1', '气泡水')])).toEqual([{ ...orders[0], productId: 'p1' }]);
});
