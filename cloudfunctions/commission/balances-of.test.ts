import { KOC, kocSale, SHOP, STUDENTS, world } from '../groupbuy/fixture';

// A KOC's summary sums the KOC's own balances only (a mutation run found no test with two
// KOCs: reading every balance document passed). The lamp sells at 5900 in a 2-seat group; at
// the default 10% each sale through a card earns 590.
// Leaders are unbound students, so only the buyer's order carries a card.
const [S1, S2, S3, S4, , OTHER_KOC] = STUDENTS;

it("a KOC's summary shows only the KOC's own commission, not another KOC's at the same shop", async () => {
  const c = await world({ productPriceFen: 9900, groupPriceFen: 5900 });
  // The other KOC passed the shop's trial too: an approved KOC, whose cards earn.
  await c.cloud.db
    .collection('koc_members')
    .add({ data: { _id: `${SHOP}:${OTHER_KOC}`, merchantId: SHOP, openid: OTHER_KOC, since: new Date(0), via: 'trial' } });
  await kocSale(c, S2, S1); // through KOC's card: 590 pending
  await kocSale(c, S4, S3, OTHER_KOC); // through the other KOC's card: 590 pending
  expect(await c.summary()).toMatchObject({ pendingFen: 590, availableFen: 0, earnedFen: 590 });
  expect(await c.summary(OTHER_KOC)).toMatchObject({ pendingFen: 590, availableFen: 0, earnedFen: 590 });
  expect((await c.summary(KOC)).programs).toHaveLength(1);
});
