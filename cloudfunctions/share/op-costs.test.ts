// What the share pages cost in database round trips (5-20 ms each in WeChat): the same number
// however many rows a page shows. Each world is built twice, with a short and a longer page; the
// counts are equal and equal to the hand count in the comment, so a read per row, or one more
// read anywhere, fails here.
import type { MyBinding } from '../../core/contracts/share';
import { KOC, STUDENTS, world } from '../groupbuy/fixture';

const CUSTOMER = STUDENTS[5];
const DAY = 86_400_000;

describe('share pages cost the same whatever their length', () => {
  it('myBinding: 3 reads for 1 binding and for 6 (bindings, sharers, shops)', async () => {
    const page = async (n: number) => {
      const w = await world();
      await w.bind(CUSTOMER); // the KOC's card of the fixture's product: bound to its shop
      // More programs the customer is bound in: the platform's (a KOC page) and other shops'.
      const more = [{ scope: 'platform', sharer: KOC }, ...[1, 2, 3, 4].map((i) => ({ scope: `fx-shop-${i}`, sharer: STUDENTS[i - 1] }))].slice(0, n - 1);
      for (const { scope, sharer } of more) {
        if (scope !== 'platform')
          await w.cloud.db
            .collection('merchants')
            .add({ data: { _id: scope, name: `小店${scope}`, logo: '', campusId: 'fx-campus', ownerOpenid: `o-${scope}` } });
        const at = w.clock.now();
        await w.cloud.db.collection('bindings').add({
          data: {
            _id: `${scope}:${CUSTOMER}`,
            scope,
            customer: CUSTOMER,
            sharer,
            channel: 'chat',
            code: `c-${scope}`,
            reason: '首次触达：聊天卡片',
            boundAt: new Date(at),
            expiresAt: new Date(at + 7 * DAY),
          },
        });
      }
      const m = await w.callMetered<MyBinding[]>('share', CUSTOMER, { action: 'myBinding' });
      w.dispose();
      return m;
    };
    const [small, large] = [await page(1), await page(6)];
    if (!small.result.ok || !large.result.ok) throw new Error('myBinding failed');
    expect(small.result.data).toMatchObject([{ scope: 'fx-shop', scopeName: '测试小店', sharerNickname: '种草达人' }]);
    // Each binding names its own program and sharer; the platform's has no shop.
    expect(large.result.data.map((b) => [b.scope, b.scopeName, b.sharerNickname]).sort()).toEqual(
      [
        ['fx-shop', '测试小店', '种草达人'],
        ['platform', '校园种草', '种草达人'],
        ['fx-shop-1', '小店fx-shop-1', '学生一'],
        ['fx-shop-2', '小店fx-shop-2', '学生二'],
        ['fx-shop-3', '小店fx-shop-3', '学生三'],
        ['fx-shop-4', '小店fx-shop-4', '学生四'],
      ].sort(),
    );
    // 1 bindings query + 1 sharers (users `_.in`) + 1 shops (merchants `_.in`).
    expect([small.ops.reads, large.ops.reads]).toEqual([3, 3]);
    expect([small.ops.writes, large.ops.writes]).toEqual([0, 0]);
  });
});
