// The precision-card world: a shop's products in several categories, a campus map, a student
// who imports the test timetable, and the clock set by campus wall time.
import type { TimetableResults } from '../../core/contracts/timetable';
import { SHOP, STUDENTS, world } from '../groupbuy/fixture';
import { at, CSV, TERM_START } from './fixture';

const [S1] = STUDENTS;

export async function picksWorld() {
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
