// The home page's precision card: products for the current or next free window, matched to the
// class before or after it, with the reason in one line.
import { STUDENTS } from '../groupbuy/fixture';
import { MONDAY } from './fixture';
import { picksWorld } from './picks.fixtures';

const [S1, S2] = STUDENTS;

describe('precision picks', () => {
  it('at 09:50 on Monday: the 10:05 break before PE, sports items first, with the reason and the walk', async () => {
    const w = await picksWorld();
    await w.importCsv();
    w.setNow(`${MONDAY} 09:50`);
    const pick = await w.picks();
    expect(pick).not.toBeNull();
    expect(pick?.window).toEqual({ date: MONDAY, start: '10:05', end: '10:25', kind: 'break' });
    expect(pick?.reason).toBe('10:05 下课 · 下一节体育课 · 离东区自提点 3 分钟');
    expect(pick?.scenes).toEqual(['PE']);
    // Sports products only (the scene's category), the sold-out one left out.
    expect(pick?.products.map((p) => p.id).sort()).toEqual(['pk-band', 'pk-drink']);
    expect(pick?.ref).toBe(`pick.${MONDAY}.1005.PE`);
  });

  it('a pick shown is delivered once per window; opening it is recorded once', async () => {
    const w = await picksWorld();
    await w.importCsv();
    w.setNow(`${MONDAY} 09:50`);
    const pick = await w.picks();
    await w.picks();
    const stats = async () => (await w.cloud.db.collection('touch_stats').where({ kind: 'pick' }).get()).data;
    expect(await stats()).toEqual([expect.objectContaining({ scene: 'PE', delivered: 1, opened: 0 })]);
    expect(await w.call('timetable', S1, { action: 'opened', ref: pick?.ref })).toMatchObject({ ok: true, data: { recorded: true } });
    expect(await w.call('timetable', S1, { action: 'opened', ref: pick?.ref })).toMatchObject({ ok: true, data: { recorded: false } });
    expect(await stats()).toEqual([expect.objectContaining({ delivered: 1, opened: 1 })]);
    // A malformed ref, or one for a pick this student was never shown, records nothing.
    expect(await w.call('timetable', S1, { action: 'opened', ref: 'pick.x' })).toMatchObject({ ok: true, data: { recorded: false } });
    expect(await w.call('timetable', S2, { action: 'opened', ref: pick?.ref })).toMatchObject({ ok: true, data: { recorded: false } });
    expect(await w.call('timetable', S1, { action: 'opened', ref: `pick.${MONDAY}.1400.ART` })).toMatchObject({ ok: true, data: { recorded: false } });
    expect(await stats()).toEqual([expect.objectContaining({ delivered: 1, opened: 1 })]);
  });

  it('a paid order within 24 h of opening a pick converts it once, counted on the day of the open', async () => {
    const w = await picksWorld();
    await w.importCsv();
    w.setNow(`${MONDAY} 09:50`);
    const pick = await w.picks();
    await w.call('timetable', S1, { action: 'opened', ref: pick?.ref });
    const seat = await w.open(S1);
    if (!seat.ok) throw new Error(seat.message);
    await w.pay(S1, seat.data.orderId);
    const tick = () => w.cloud.invoke('timetable', { Type: 'Timer', TriggerName: 'reminders' }, { source: 'wx_trigger' });
    await tick(); // the event is younger than the settle time: not yet
    const stats = async () => (await w.cloud.db.collection('touch_stats').where({ kind: 'pick' }).get()).data;
    expect(await stats()).toEqual([expect.objectContaining({ converted: 0 })]);
    w.clock.advance(3 * 60_000);
    await tick();
    await tick();
    expect(await stats()).toEqual([expect.objectContaining({ day: MONDAY, delivered: 1, opened: 1, converted: 1 })]);
    // A second order the same day does not convert the same open again.
    const again = await w.open(S1);
    if (!again.ok) throw new Error(again.message);
    await w.pay(S1, again.data.orderId);
    w.clock.advance(3 * 60_000);
    await tick();
    expect(await stats()).toEqual([expect.objectContaining({ converted: 1 })]);
  });

  it('a group-buy aimed at the PE scene comes first on the card, whatever its category', async () => {
    const w = await picksWorld();
    await w.importCsv();
    // The fixture's campaign sells the lamp (another category); aim it at PE.
    await w.cloud.db
      .collection('campaigns')
      .doc(w.campaignId)
      .update({ data: { scenes: ['PE'] } });
    w.setNow(`${MONDAY} 09:50`);
    const pick = await w.picks();
    expect(pick?.products[0].id).toBe('fx-product');
    expect(pick?.products.map((p) => p.id)).toEqual(expect.arrayContaining(['pk-drink', 'pk-band']));
  });

  it('no consent or no timetable: no pick; after the last class of the day the evening window', async () => {
    const w = await picksWorld();
    w.setNow(`${MONDAY} 09:50`);
    expect(await w.picks(S2)).toBeNull();
    await w.importCsv();
    w.setNow(`${MONDAY} 12:10`);
    const after = await w.picks();
    // Monday's classes end at 12:00: the rest of the day is one window after the last class.
    // Under way: it counts from now.
    expect(after?.window).toMatchObject({ start: '12:10', end: '23:00' });
    expect(after?.reason).toContain('12:00 下课');
  });
});
