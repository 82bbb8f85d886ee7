// A commission floored to 0 fen (a ¥0.01 sale at 10%) moves no money; the KOC's next sale with
// the same shop is still accrued (an increment of 0 must not read as a missing balance).
import { kocSale, STUDENTS, world } from '../groupbuy/fixture';

it('two ¥0.01 sales through the same KOC: both commissions recorded at 0 fen, balance unchanged', async () => {
  const w = await world({ groupPriceFen: 1 });
  const first = await kocSale(w, STUDENTS[0], STUDENTS[1]);
  const second = await kocSale(w, STUDENTS[2], STUDENTS[3]);
  await w.settleCommission();
  const commissions = await w.all<{ orderId: string; earnedFen: number }>('commissions');
  expect(commissions.map((c) => c.orderId).sort()).toEqual([first, second].sort());
  expect(commissions.every((c) => c.earnedFen === 0)).toBe(true);
  expect(await w.summary()).toMatchObject({ pendingFen: 0, availableFen: 0, earnedFen: 0 });
});
