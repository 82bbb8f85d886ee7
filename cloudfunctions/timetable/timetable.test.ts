import { MONDAY, OTHER, STUDENT, TERM_START, timetableWorld } from './fixture';

const HOLIDAY_CSV = ['课程名称,星期,开始节数,结束节数,老师,地点,周数', '形势与政策,4,5,6,孙老师,二教101,1-16'].join('\n');

describe('timetable function', () => {
  it('stores nothing before consent: save is refused and the database is unchanged', async () => {
    const w = await timetableWorld();
    const preview = await w.must('preview', { format: 'wakeup_csv', content: 'x,1,1,2,,,1-16', termStartDate: TERM_START });
    const before = w.fingerprint();
    const res = await w.tt('save', { termStartDate: TERM_START, courses: preview.courses });
    expect(res).toMatchObject({ ok: false, code: 'NO_CONSENT' });
    expect(w.fingerprint()).toEqual(before);
    expect(await w.tt('week')).toMatchObject({ ok: false, code: 'NO_TIMETABLE' });
  });

  it('imports a CSV and gives the classes of each week, odd and even weeks apart', async () => {
    const w = await timetableWorld();
    const preview = await w.importCsv();
    expect(preview.warnings).toEqual([]);
    const status = await w.must('status');
    expect(status).toMatchObject({ consented: true, hasTimetable: true, courseCount: 4, currentWeek: 12, term: { startDate: TERM_START, weeks: 18 } });

    const week12 = await w.must('week');
    expect(week12.week).toBe(12);
    expect(week12.dates[0]).toBe(MONDAY);
    expect(week12.classes.map((c) => [c.date, c.start, c.end, c.name])).toEqual([
      ['2026-11-23', '08:30', '10:05', '高等数学'],
      ['2026-11-23', '10:25', '12:00', '大学体育'],
      // 素描基础 runs odd weeks only (1-15单): not in week 12. The even-week lab runs.
      ['2026-11-25', '08:30', '12:00', '有机化学实验'],
    ]);
    const week13 = await w.must('week', { week: 13 });
    expect(week13.classes.map((c) => [c.date, c.start, c.end, c.name])).toEqual([
      ['2026-11-30', '08:30', '10:05', '高等数学'],
      ['2026-11-30', '10:25', '12:00', '大学体育'],
      ['2026-12-01', '14:00', '15:35', '素描基础'],
    ]);
  });

  it('gives the free windows of a day: the 10:05 break, never overlapping a class', async () => {
    const w = await timetableWorld();
    await w.importCsv();
    const day = await w.must('freeWindows', { date: MONDAY });
    expect(day.windows).toContainEqual({ start: '10:05', end: '10:25', kind: 'break' });
    expect(day.windows[0]).toMatchObject({ end: '08:30', kind: 'before_first' });
    for (const win of day.windows) for (const c of day.classes) expect(win.end <= c.start || win.start >= c.end).toBe(true);
    // A day without classes is one free day.
    expect((await w.must('freeWindows', { date: '2026-11-28' })).windows).toEqual([{ start: '07:00', end: '23:00', kind: 'day_off' }]);
  });

  it('a national holiday has no classes, and a student can take a day off or swap a day', async () => {
    const w = await timetableWorld();
    await w.importCsv(STUDENT, HOLIDAY_CSV);
    // 2026-10-01 (Thursday of week 4) is National Day.
    const week4 = await w.must('week', { week: 4 });
    expect(week4.offDays).toContainEqual({ date: '2026-10-01', name: expect.stringContaining('国庆') });
    expect(week4.classes.filter((c) => c.date === '2026-10-01')).toEqual([]);
    // An ordinary Thursday has the class; the student marks it off, then swaps a Saturday onto it.
    expect((await w.must('freeWindows', { date: '2026-11-26' })).classes).toHaveLength(1);
    await w.must('setOverride', { kind: 'off', date: '2026-11-26' });
    expect((await w.must('freeWindows', { date: '2026-11-26' })).classes).toEqual([]);
    await w.must('setOverride', { kind: 'follows', date: '2026-11-28', week: 12, day: 4 });
    expect((await w.must('freeWindows', { date: '2026-11-28' })).classes.map((c) => c.name)).toEqual(['形势与政策']);
    await w.must('setOverride', { kind: 'clear', date: '2026-11-26' });
    expect((await w.must('freeWindows', { date: '2026-11-26' })).classes).toHaveLength(1);
  });

  it('exports the timetable as a CSV that imports back to the same courses', async () => {
    const w = await timetableWorld();
    const first = await w.importCsv();
    const out = await w.must('export');
    expect(out.csv.split('\n')[0]).toBe('课程名称,星期,开始节数,结束节数,老师,地点,周数');
    expect(out.csv).toContain('素描基础,2,5,6,赵老师,艺术楼302,1-15单');
    const again = await w.must('preview', { format: 'wakeup_csv', content: out.csv, termStartDate: TERM_START });
    expect(again.courses.map((c) => [c.name, c.day, c.startNode, c.endNode, c.weeks])).toEqual(
      first.courses.map((c) => [c.name, c.day, c.startNode, c.endNode, c.weeks]),
    );
    expect(JSON.parse(out.json)).toMatchObject({ term: { startDate: TERM_START }, courses: expect.any(Array) });
  });

  it('nobody sees another student’s timetable', async () => {
    const w = await timetableWorld();
    await w.importCsv();
    expect(await w.tt('week', {}, OTHER)).toMatchObject({ ok: false, code: 'NO_TIMETABLE' });
    expect(await w.tt('export', {}, OTHER)).toMatchObject({ ok: false, code: 'NO_TIMETABLE' });
    expect(await w.tt('status', {}, OTHER)).toMatchObject({ ok: true, data: { consented: false, hasTimetable: false } });
  });

  it('a term start on another day of week 1 means that week’s Monday', async () => {
    const w = await timetableWorld();
    await w.must('consent', { granted: true });
    await w.must('save', {
      termStartDate: '2026-09-09',
      courses: [{ name: '高等数学', day: 1, startNode: 1, endNode: 2, weeks: [12], room: '', teacher: '' }],
    });
    expect((await w.must('status')).term).toMatchObject({ startDate: '2026-09-07' });
    expect((await w.must('week', { week: 12 })).classes.map((c) => c.date)).toEqual([MONDAY]);
  });

  it('re-importing replaces the term and keeps the ids of courses that stayed', async () => {
    const w = await timetableWorld();
    await w.importCsv();
    const before = await w.must('get');
    await w.importCsv(STUDENT, ['课程名称,星期,开始节数,结束节数,老师,地点,周数', '高等数学,1,1,2,王老师,一教A201,1-16'].join('\n'));
    const after = await w.must('get');
    expect(after.courses).toHaveLength(1);
    expect(after.courses[0].id).toBe(before.courses.find((c) => c.name === '高等数学')?.id);
  });

  it('tags courses with scenes by the keyword rules (体育 → PE, 素描 → ART, 实验楼 → LAB)', async () => {
    const w = await timetableWorld();
    await w.importCsv();
    const { courses } = await w.must('get');
    const scenes = Object.fromEntries(courses.map((c) => [c.name, c.scenes]));
    expect(scenes).toMatchObject({ 高等数学: [], 大学体育: ['PE'], 素描基础: ['ART'], 有机化学实验: ['LAB'] });
  });

  it('refuses a course beyond the campus’s last section and bad input, writing nothing', async () => {
    const w = await timetableWorld();
    await w.must('consent', { granted: true });
    const before = w.fingerprint();
    const course = { name: '夜课', day: 1, startNode: 13, endNode: 14, weeks: [1], room: '', teacher: '' };
    expect(await w.tt('save', { termStartDate: TERM_START, courses: [course] })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      message: expect.stringContaining('12 节'),
    });
    expect(await w.tt('save', { termStartDate: TERM_START, courses: [{ ...course, startNode: 3, endNode: 2 }] })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    });
    expect(await w.tt('save', { termStartDate: '2026/09/07', courses: [] })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    // Not a real day: refused.
    expect(await w.tt('save', { termStartDate: '2026-02-30', courses: [] })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      message: expect.stringContaining('没有这一天'),
    });
    expect(await w.tt('freeWindows', { date: '2026-13-01' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(w.fingerprint()).toEqual(before);
  });
});
