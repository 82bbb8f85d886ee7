// The home page's precision card: products for the current or next free window, matched to the
// class before or after it, with the reason in one line.
import type { TimetableResults } from '../../core/contracts/timetable';
import { SHOP, STUDENTS, world } from '../groupbuy/fixture';
import { at, CSV, MONDAY, TERM_START } from './fixture';

const [S1, S2] = STUDENTS;

async function setup() {
  const w = await world();
  const now = new Date(w.clock.now());
  const product = (id: string, title: string, category: string, stock = 10) => ({
    _id: id,
    merchantId: SHOP,
    title,
    subtitle: '',
    description: '',
    priceFen: 500,
    originalPriceFen: null,
    stock,
    stocked: stock,
    images: ['/assets/products/p-lamp.svg'],
    category,
    status: 'on_sale',
    listedKey: `${id}`,
    createdAt: now,
  });
  for (const p of [
    product('pk-drink', '电解质运动饮料 500ml', '运动'),
    product('pk-band', '运动护腕', '运动'),
    product('pk-sold-out', '运动毛巾', '运动', 0),
    product('pk-pen', '素描铅笔套装', '文具'),
    product('pk-bread', '全麦面包', '零食'),
  ])
    await w.cloud.db.collection('products').add({ data: p });
  // The campus map: the PE class's building is 240 m from the east pickup point (3 minutes).
  await w.cloud.db
    .collection('campuses')
    .doc('fx-campus')
    .update({
      data: {
        map: {
          places: [
            { id: 'b1', name: '东区体育馆', kind: 'building', x: 0, y: 0 },
            { id: 'b2', name: '一教', kind: 'building', x: 900, y: 0 },
            { id: 'p1', name: '东区自提点', kind: 'pickup', x: 200, y: 40 },
          ],
        },
      },
    });
  const setNow = (dateTime: string) => w.clock.advance(at(dateTime) - w.clock.now());
  const picks = async (who = S1) => {
    const res = await w.call<TimetableResults['picks']>('timetable', who, { action: 'picks' });
    if (!res.ok) throw new Error(res.message);
    return res.data.pick;
  };
  const importCsv = async (who = S1) => {
    await w.call('timetable', who, { action: 'consent', granted: true });
    const preview = await w.call<TimetableResults['preview']>('timetable', who, {
      action: 'preview',
      format: 'wakeup_csv',
      content: CSV,
      termStartDate: TERM_START,
    });
    if (!preview.ok) throw new Error(preview.message);
    await w.call('timetable', who, { action: 'save', termStartDate: TERM_START, courses: preview.data.courses });
  };
  return { ...w, setNow, picks, importCsv };
}

describe('precision picks', () => {
  it('at 09:50 on Monday: the 10:05 break before PE, sports items first, with the reason and the walk', async () => {
    const w = await setup();
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
    const w = await setup();
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
    const w = await setup();
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
    const w = await setup();
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
    const w = await setup();
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
