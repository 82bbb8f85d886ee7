import { PRODUCT_CATEGORIES } from '../contracts/catalog';
import type { ClassSlot, FreeWindow } from './model';
import { SCENES } from './model';
import { DEFAULT_SCENE_PRODUCTS, DEFAULT_SCENE_RULES, dayScenes, rankForWindow, reasonLine, scenesOf, windowScenes } from './scenes';

const course = (name: string, room = '', building?: string) => ({ name, room, building });

function slot(start: string, end: string, startNode: number, endNode: number, over: Partial<ClassSlot> = {}): ClassSlot {
  return { date: '2025-09-03', start, end, courseId: `${startNode}`, name: '课', room: '', building: '', startNode, endNode, scenes: [], ...over };
}

describe('scenesOf', () => {
  it('tags PE, art and lab courses by name', () => {
    expect(scenesOf(course('大学体育（篮球）'))).toEqual(['PE']);
    expect(scenesOf(course('公共体育PE-2'))).toEqual(['PE']);
    expect(scenesOf(course('素描基础'))).toEqual(['ART']);
    expect(scenesOf(course('大学物理实验'))).toEqual(['LAB']);
    expect(scenesOf(course('Python 上机'))).toEqual(['LAB']);
    expect(scenesOf(course('高等数学'))).toEqual([]);
  });

  it('tags a lab by its room or building', () => {
    expect(scenesOf(course('有机化学', '东区实验楼301'))).toEqual(['LAB']);
    expect(scenesOf(course('数据结构', 'B204', '信息机房'))).toEqual(['LAB']);
    expect(scenesOf(course('电路', 'lab 3'))).toEqual(['LAB']);
  });

  it('does not take 程序设计 for art, nor a Latin keyword inside another word', () => {
    expect(scenesOf(course('C语言程序设计'))).toEqual([]);
    expect(scenesOf(course('C语言程序设计', '实训楼204'))).toEqual(['LAB']);
    expect(scenesOf(course('服装设计'))).toEqual(['ART']);
    expect(scenesOf(course('Speech and Presentation', 'Label Hall'))).toEqual([]);
  });

  it('lists several scenes in SCENES order, and follows a campus’s own rules', () => {
    expect(scenesOf(course('摄影实验'))).toEqual(['ART', 'LAB']);
    expect(scenesOf(course('舞龙'), [{ scene: 'PE', nameKeywords: ['舞龙'], roomKeywords: [] }])).toEqual(['PE']);
    expect(DEFAULT_SCENE_RULES.map((r) => r.scene)).toEqual(['PE', 'ART', 'LAB']);
  });
});

describe('dayScenes', () => {
  it('marks MORNING4 on the class ending section 4 when sections 1–4 all had class', () => {
    const day = [slot('08:30', '10:05', 1, 2), slot('10:25', '12:00', 3, 4, { scenes: ['LAB'] }), slot('14:00', '15:35', 5, 6)];
    expect(dayScenes(day).map((c) => c.scenes)).toEqual([[], ['LAB', 'MORNING4'], []]);
    expect(day[1].scenes).toEqual(['LAB']);
  });

  it('does not mark MORNING4 with a hole in the morning', () => {
    expect(dayScenes([slot('08:30', '09:15', 1, 1), slot('10:25', '12:00', 3, 4)]).flatMap((c) => c.scenes)).toEqual([]);
  });

  it('marks evening classes and 晚自习 as EVENING_STUDY', () => {
    const day = [slot('19:00', '20:35', 9, 10), slot('18:00', '20:00', 7, 8, { name: '晚自习' }), slot('14:00', '15:35', 5, 6)];
    expect(dayScenes(day).map((c) => c.scenes)).toEqual([['EVENING_STUDY'], ['EVENING_STUDY'], []]);
  });
});

describe('scene products', () => {
  it('uses only the catalogue’s categories, for every scene', () => {
    expect(Object.keys(DEFAULT_SCENE_PRODUCTS).sort()).toEqual([...SCENES].sort());
    for (const s of SCENES) for (const c of DEFAULT_SCENE_PRODUCTS[s].categories) expect(PRODUCT_CATEGORIES).toContain(c);
  });
});

describe('reasonLine', () => {
  const pe = slot('10:25', '12:00', 3, 4, { scenes: ['PE'] });
  const maths = slot('08:30', '10:05', 1, 2);
  const brk: FreeWindow = { start: '10:05', end: '10:25', kind: 'break' };

  it('says what ends, what comes next and how far pickup is', () => {
    expect(reasonLine({ window: brk, before: maths, after: pe, pickup: { name: '东区自提点', minutes: 3 } })).toBe(
      '10:05 下课 · 下一节体育课 · 离东区自提点 3 分钟',
    );
  });

  it('names the class before when the next has no scene, and leaves out an unknown distance', () => {
    const lunch: FreeWindow = { start: '12:00', end: '14:00', kind: 'lunch' };
    const morning = slot('10:25', '12:00', 3, 4, { scenes: ['MORNING4'] });
    expect(reasonLine({ window: lunch, before: morning, after: slot('14:00', '15:35', 5, 6) })).toBe('12:00 下课 · 上完四节课');
    expect(reasonLine({ window: lunch, before: pe, after: null })).toBe('12:00 下课 · 刚上完体育课');
  });

  it('has a line for a free morning and a day off', () => {
    expect(reasonLine({ window: { start: '07:00', end: '08:30', kind: 'before_first' }, before: null, after: maths })).toBe('08:30 上课前');
    expect(reasonLine({ window: { start: '07:00', end: '23:00', kind: 'day_off' }, before: null, after: null })).toBe('今天没课');
  });

  it('puts the next class’s scene before the last one’s', () => {
    const art = slot('14:00', '15:35', 5, 6, { scenes: ['ART'] });
    expect(windowScenes(slot('10:25', '12:00', 3, 4, { scenes: ['LAB', 'MORNING4'] }), art)).toEqual(['ART', 'LAB', 'MORNING4']);
    // a day scene of the next class (its own evening) is not this window's business
    expect(windowScenes(null, slot('19:00', '20:35', 9, 10, { scenes: ['EVENING_STUDY'] }))).toEqual([]);
  });
});

describe('rankForWindow', () => {
  const products = [
    { title: '中性笔', category: '文具' },
    { title: '运动饮料 500ml', category: '零食' },
    { title: '护腕', category: '运动' },
    { title: '面膜', category: '美妆' },
    { title: '充电宝', category: '数码', delivery: true },
  ];
  const titles = (ps: typeof products) => ps.map((p) => p.title);

  it('puts products that fit the scene first, keyword over category, input order on ties', () => {
    expect(titles(rankForWindow(products, { scenes: ['PE'], windowMinutes: 20, walkMinutes: 3 }))).toEqual([
      '运动饮料 500ml',
      '护腕',
      '中性笔',
      '面膜',
      '充电宝',
    ]);
  });

  it('puts light or delivered items first when pickup is more than half the window away', () => {
    expect(titles(rankForWindow(products, { scenes: ['EVENING_STUDY'], windowMinutes: 20, walkMinutes: 11 }))).toEqual([
      '运动饮料 500ml',
      '护腕',
      '充电宝',
      '面膜',
      '中性笔',
    ]);
  });

  it('keeps the input order with no scene and no distance', () => {
    expect(titles(rankForWindow(products, { scenes: [], windowMinutes: 20, walkMinutes: null }))).toEqual(titles(products));
  });
});
