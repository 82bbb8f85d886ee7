// Who earns: by default a program pays its approved KOCs only; another student's card is a
// plain share (the binding still decides nothing is paid); a program that pays every student
// (人人分销) pays them as before.
import { KOC, kocSale, OWNER, SHOP, STUDENTS, world } from '../groupbuy/fixture';

const [S1, S2, S3] = STUDENTS;

const commissionsOf = async (w: Awaited<ReturnType<typeof world>>, koc: string) => (await w.cloud.db.collection('commissions').where({ koc }).get()).data;

describe('who earns commission', () => {
  it('a student who is not an approved KOC earns nothing on a sale through their card; the ledger stays empty for them', async () => {
    const w = await world();
    const order = await kocSale(w, S1, S2, S3);
    expect(await commissionsOf(w, S3)).toEqual([]);
    expect((await w.cloud.db.collection('ledger').get()).data.filter((l) => JSON.stringify(l).includes(S3))).toEqual([]);
    // The card still worked as a share: the order carries S3's binding.
    expect((await w.cloud.db.collection('orders').doc(order).get()).data).toMatchObject({ binding: { sharer: S3 } });
  });

  it('a sale paid before the student was selected earns nothing, even when the timer reads its event again after', async () => {
    const w = await world();
    await kocSale(w, S1, S2, S3);
    // Selected a moment later (the timer re-reads the last two minutes of events).
    w.clock.advance(30_000);
    await w.cloud.db
      .collection('koc_members')
      .add({ data: { _id: `${SHOP}:${S3}`, merchantId: SHOP, openid: S3, since: new Date(w.clock.now()), via: 'trial' } });
    await w.settleCommission();
    expect(await commissionsOf(w, S3)).toEqual([]);
    // The next sale, paid after the selection, earns.
    await kocSale(w, STUDENTS[3], STUDENTS[4], S3);
    expect(await commissionsOf(w, S3)).toHaveLength(1);
  });

  it('an approved KOC earns at their tier rate', async () => {
    const w = await world();
    await kocSale(w, S1, S2, KOC);
    expect(await commissionsOf(w, KOC)).toHaveLength(1);
  });

  it('a program that pays every student pays a student’s card as before; the mode is kept when a save leaves it out', async () => {
    const w = await world();
    const program = await w.call<Record<string, unknown>>('commission', OWNER, { action: 'getProgram' });
    if (!program.ok) throw new Error(program.message);
    expect(program.data.kocMode).toBe('approved');
    expect(await w.call('commission', OWNER, { action: 'setProgram', ...program.data, kocMode: 'everyone' })).toMatchObject({
      ok: true,
      data: { kocMode: 'everyone' },
    });
    const { kocMode: _mode, ...withoutMode } = program.data;
    expect(await w.call('commission', OWNER, { action: 'setProgram', ...withoutMode, holdDays: 3 })).toMatchObject({
      ok: true,
      data: { kocMode: 'everyone', holdDays: 3 },
    });
    await kocSale(w, S1, S2, S3);
    expect(await commissionsOf(w, S3)).toHaveLength(1);
  });
});
