// The merchant's campus timetable settings: read with defaults, saved in one write, and what a
// student's timetable on the campus then sees (a school 调休 day, a custom scene rule).
import type { CampusResults, CampusSettingsInput } from '../../core/contracts/campus';
import type { TimetableResults } from '../../core/contracts/timetable';
import { DEFAULT_SCENE_RULES } from '../../core/timetable/scenes';
import { DEFAULT_SECTIONS } from '../../core/timetable/sections';
import { CAMPUS, OWNER, STUDENTS, world } from '../groupbuy/fixture';

const STUDENT = STUDENTS[0];
/** Week 1 starts Monday 2026-09-07; Saturday 2026-11-28 is in week 12. */
const TERM_START = '2026-09-07';
const SATURDAY = '2026-11-28';

const SETTINGS: CampusSettingsInput = {
  sections: DEFAULT_SECTIONS,
  calendar: [
    { date: SATURDAY, kind: 'follows', week: 12, day: 1, name: '运动会调课' },
    { date: '2026-12-04', kind: 'off', name: '校庆' },
  ],
  sceneRules: [...DEFAULT_SCENE_RULES, { scene: 'LAB', nameKeywords: ['编程'], roomKeywords: ['机房'] }],
  map: {
    places: [
      { name: '一教', kind: 'building', x: 100, y: 200 },
      { name: '二食堂门口', kind: 'pickup', x: 300, y: 200 },
    ],
  },
};

const COURSES = [
  { name: '高等数学', day: 1, startNode: 1, endNode: 2, weeks: [12], room: '一教A201', teacher: '' },
  { name: '编程实践', day: 3, startNode: 5, endNode: 6, weeks: [12], room: '二教305', teacher: '' },
];

async function campusWorld() {
  const w = await world();
  const settings = () => w.call<CampusResults['campusSettings']>('merchant', OWNER, { action: 'campusSettings' });
  /** Saves from the version the form loaded (read first unless given). */
  const save = async (input: object, who = OWNER, expectedVersion?: number) => {
    const current = await settings();
    const loaded = expectedVersion ?? (current.ok ? current.data.version : 0);
    return w.call<CampusResults['saveCampusSettings']>('merchant', who, { action: 'saveCampusSettings', expectedVersion: loaded, ...input });
  };
  const tt = async <K extends keyof TimetableResults>(action: K, event: Record<string, unknown> = {}) => {
    const res = await w.call<TimetableResults[K]>('timetable', STUDENT, { action, ...event });
    if (!res.ok) throw new Error(`${action}: ${res.code} ${res.message}`);
    return res.data;
  };
  const importTimetable = async () => {
    await tt('consent', { granted: true });
    await tt('save', { termStartDate: TERM_START, termWeeks: 18, courses: COURSES });
  };
  return { ...w, settings, save, tt, importTimetable };
}

describe('merchant campus settings', () => {
  it('reads the defaults for a campus that set nothing', async () => {
    const w = await campusWorld();
    const res = await w.settings();
    expect(res).toEqual({
      ok: true,
      data: {
        campusId: CAMPUS.id,
        campusName: CAMPUS.name,
        settings: { sections: DEFAULT_SECTIONS, calendar: [], sceneRules: DEFAULT_SCENE_RULES, map: { places: [] } },
        version: 0,
      },
    });
  });

  it('a save from a form loaded before another shop saved is refused, not overwritten; sections cannot be dropped', async () => {
    const w = await campusWorld();
    expect((await w.save(SETTINGS, OWNER, 0)).ok).toBe(true);
    // Another form still holds version 0.
    const before = w.fingerprint();
    expect(await w.save({ ...SETTINGS, calendar: [] }, OWNER, 0)).toMatchObject({ ok: false, code: 'BAD_STATE' });
    expect(await w.save({ ...SETTINGS, sections: DEFAULT_SECTIONS.slice(0, 10) })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      message: expect.stringContaining('节次只能'),
    });
    expect(w.fingerprint()).toEqual(before);
    expect(await w.settings()).toMatchObject({ ok: true, data: { version: 1, settings: { calendar: SETTINGS.calendar } } });
  });

  it('saves settings that a student timetable on the campus then follows', async () => {
    const w = await campusWorld();
    const saved = await w.save(SETTINGS);
    if (!saved.ok) throw new Error(saved.message);
    expect(saved.data.calendar).toEqual(SETTINGS.calendar);
    expect(saved.data.map.places.map((p) => [p.name, p.kind, p.x, p.y])).toEqual([
      ['一教', 'building', 100, 200],
      ['二食堂门口', 'pickup', 300, 200],
    ]);
    // Each place gets an id, and saving what was read back keeps them.
    const ids = saved.data.map.places.map((p) => p.id);
    expect(new Set(ids).size).toBe(2);
    const { version, ...readBack } = saved.data;
    const again = await w.save(readBack);
    expect(again.ok && again.data.map.places.map((p) => p.id)).toEqual(ids);
    expect(await w.settings()).toMatchObject({ ok: true, data: { settings: readBack, version: version + 1 } });

    await w.importTimetable();
    // The campus's 调休: this Saturday runs Monday of week 12, so 高等数学 at 08:30.
    const saturday = await w.tt('freeWindows', { date: SATURDAY });
    expect(saturday.classes.map((c) => [c.date, c.start, c.end, c.name])).toEqual([[SATURDAY, '08:30', '10:05', '高等数学']]);
    expect(saturday.windows).not.toContainEqual(expect.objectContaining({ kind: 'day_off' }));
    // Its custom scene rule tags 编程实践 as a lab; the default rules would not.
    const mine = await w.tt('get');
    expect(mine.courses.map((c) => [c.name, c.scenes])).toEqual([
      ['高等数学', []],
      ['编程实践', ['LAB']],
    ]);
  });

  it('a new section table moves the classes', async () => {
    const w = await campusWorld();
    const sections = DEFAULT_SECTIONS.map((s) => (s.n === 1 ? { ...s, start: '08:00', end: '08:45' } : s.n === 2 ? { ...s, start: '08:55', end: '09:40' } : s));
    expect((await w.save({ ...SETTINGS, sections })).ok).toBe(true);
    await w.importTimetable();
    const monday = await w.tt('freeWindows', { date: '2026-11-23' });
    expect(monday.classes.map((c) => [c.start, c.end, c.name])).toEqual([['08:00', '09:40', '高等数学']]);
  });

  it('only a merchant reads or saves them', async () => {
    const w = await campusWorld();
    const before = w.fingerprint();
    expect(await w.call('merchant', STUDENTS[1], { action: 'campusSettings' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await w.save(SETTINGS, STUDENTS[1])).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(w.fingerprint()).toEqual(before);
  });

  it.each([
    ['unordered sections', { sections: [DEFAULT_SECTIONS[1], DEFAULT_SECTIONS[0]] }, '第 1 行应是第 1 节'],
    ['a section that overlaps the one before', { sections: [DEFAULT_SECTIONS[0], { n: 2, start: '09:00', end: '09:45' }] }, '之后开始'],
    ['a section that ends before it starts', { sections: [{ n: 1, start: '09:00', end: '08:15' }] }, '下课时间要晚于上课时间'],
    ['no sections', { sections: [] }, '至少要有 1 节课'],
    ['duplicate place names', { map: { places: [SETTINGS.map.places[0], { ...SETTINGS.map.places[1], name: '一教' }] } }, '重复了'],
    ['a coordinate out of range', { map: { places: [{ name: '一教', kind: 'building', x: 5001, y: 0 }] } }, '坐标是 0-5000 米'],
    ['a negative coordinate', { map: { places: [{ name: '一教', kind: 'building', x: 10, y: -1 }] } }, '坐标是 0-5000 米'],
    ['a date that does not exist', { calendar: [{ date: '2026-02-30', kind: 'off' }] }, '没有这一天'],
    ['a follows rule without its day', { calendar: [{ date: SATURDAY, kind: 'follows', week: 12 }] }, 'calendar.0.day'],
    ['two rules on one date', { calendar: [SETTINGS.calendar[0], { date: SATURDAY, kind: 'off' }] }, '已有一条规则'],
    ['an unknown scene', { sceneRules: [{ scene: 'NAP', nameKeywords: ['午睡'], roomKeywords: [] }] }, '请选择场景'],
    ['a keyword too long', { sceneRules: [{ scene: 'PE', nameKeywords: ['一二三四五六七八九十一'], roomKeywords: [] }] }, '最多 10 个字'],
  ])('refuses %s and writes nothing', async (_, change, message) => {
    const w = await campusWorld();
    const before = w.fingerprint();
    const res = await w.save({ ...SETTINGS, ...change });
    expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: expect.stringContaining(message) });
    expect(w.fingerprint()).toEqual(before);
  });
});
