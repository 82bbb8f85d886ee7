import fc from 'fast-check';
import { type CalendarOverrides, classesOfDay, classesOn, NO_OVERRIDES, teachingDay } from './calendar';
import type { CalendarOverride, Course, NationalDay, Term, Weekday } from './model';
import { DEFAULT_SECTIONS } from './sections';

// Week 1 starts Monday 2025-09-01; the 2025 National Day holiday falls in weeks 4–6.
const term: Term = { startDate: '2025-09-01', weeks: 18 };
const national: NationalDay[] = [
  { date: '2025-09-28', kind: 'makeup', name: '国庆节' },
  { date: '2025-10-01', kind: 'off', name: '国庆节' },
  { date: '2025-10-06', kind: 'off', name: '中秋' },
  { date: '2025-10-11', kind: 'makeup', name: '国庆节' },
];
const withNational: CalendarOverrides = { national, school: [], student: [] };

const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const dateOf = (week: number, day: number) => addDays(term.startDate, (week - 1) * 7 + day - 1);

function course(id: string, over: Partial<Course>): Course {
  return { id, name: id, day: 1, startNode: 1, endNode: 2, weeks: [1], room: '', teacher: '', scenes: [], ...over };
}

describe('teachingDay', () => {
  it('runs a date as its own week and weekday', () => {
    expect(teachingDay('2025-09-03', term, NO_OVERRIDES)).toEqual({ week: 1, day: 3 });
    expect(teachingDay('2026-01-04', term, NO_OVERRIDES)).toEqual({ week: 18, day: 7 });
  });

  it('answers outside before week 1 and after the last week, whatever the overrides say', () => {
    const school: CalendarOverride[] = [{ date: '2025-08-31', kind: 'follows', week: 1, day: 1 }];
    expect(teachingDay('2025-08-31', term, { ...NO_OVERRIDES, school })).toEqual({ outside: true });
    expect(teachingDay('2026-01-05', term, NO_OVERRIDES)).toEqual({ outside: true });
  });

  it('takes a national weekday holiday off', () => {
    expect(teachingDay('2025-10-01', term, withNational)).toEqual({ off: true, name: '国庆节', kind: 'holiday' });
  });

  it('flags a make-up workday the school has not assigned instead of guessing a weekday', () => {
    expect(teachingDay('2025-09-28', term, withNational)).toEqual({ off: true, name: '国庆节调休', kind: 'makeup_unassigned' });
  });

  it("runs the school's followed day on a make-up workday", () => {
    const school: CalendarOverride[] = [{ date: '2025-09-28', kind: 'follows', week: 6, day: 3, name: '国庆调休' }];
    expect(teachingDay('2025-09-28', term, { ...withNational, school })).toEqual({ week: 6, day: 3, swap: 'school', name: '国庆调休' });
  });

  it('lets the school cancel a day and the student override the school', () => {
    const school: CalendarOverride[] = [
      { date: '2025-09-10', kind: 'off', name: '运动会' },
      { date: '2025-09-11', kind: 'follows', week: 2, day: 1 },
    ];
    const student: CalendarOverride[] = [
      { date: '2025-09-10', kind: 'follows', week: 2, day: 3 },
      { date: '2025-09-11', kind: 'off' },
    ];
    expect(teachingDay('2025-09-10', term, { ...NO_OVERRIDES, school })).toEqual({ off: true, name: '运动会', kind: 'school' });
    expect(teachingDay('2025-09-10', term, { ...NO_OVERRIDES, school, student })).toEqual({ week: 2, day: 3, swap: 'student' });
    expect(teachingDay('2025-09-11', term, { ...NO_OVERRIDES, school, student })).toEqual({ off: true, name: '我的休息日', kind: 'student' });
  });

  it('puts the school above the national calendar (a school may hold classes on a holiday)', () => {
    const school: CalendarOverride[] = [{ date: '2025-10-06', kind: 'follows', week: 6, day: 1 }];
    expect(teachingDay('2025-10-06', term, { ...withNational, school })).toEqual({ week: 6, day: 1, swap: 'school' });
  });
});

describe('classesOn', () => {
  const courses = [
    course('math', { name: '高等数学', day: 3, startNode: 3, endNode: 4, weeks: [1, 2, 3], room: '东区101', building: '东区教学楼' }),
    course('pe', { name: '体育', day: 3, startNode: 1, endNode: 2, weeks: [1, 3], scenes: ['PE'] }),
    course('lab', { name: '物理实验', day: 3, startNode: 5, endNode: 6, weeks: [1], startTime: '13:30', endTime: '15:00' }),
    course('fri', { name: '英语', day: 5, weeks: [1, 3, 5] }),
  ];

  it('lists the day’s classes by start, with section times unless the course has its own', () => {
    expect(classesOn('2025-09-03', term, courses, DEFAULT_SECTIONS, NO_OVERRIDES)).toEqual([
      { date: '2025-09-03', start: '08:30', end: '10:05', courseId: 'pe', name: '体育', room: '', building: '', startNode: 1, endNode: 2, scenes: ['PE'] },
      {
        date: '2025-09-03',
        start: '10:25',
        end: '12:00',
        courseId: 'math',
        name: '高等数学',
        room: '东区101',
        building: '东区教学楼',
        startNode: 3,
        endNode: 4,
        scenes: [],
      },
      { date: '2025-09-03', start: '13:30', end: '15:00', courseId: 'lab', name: '物理实验', room: '', building: '', startNode: 5, endNode: 6, scenes: [] },
    ]);
  });

  it('keeps odd/even weeks: week 2 has no PE', () => {
    expect(classesOn('2025-09-10', term, courses, DEFAULT_SECTIONS, NO_OVERRIDES).map((c) => c.courseId)).toEqual(['math']);
  });

  it('runs the followed week’s parity on a swapped day', () => {
    // 2025-09-28 is Sunday of week 4; it follows Friday of week 5 (英语 runs in odd weeks 1,3,5)
    const school: CalendarOverride[] = [{ date: '2025-09-28', kind: 'follows', week: 5, day: 5 }];
    expect(classesOn('2025-09-28', term, courses, DEFAULT_SECTIONS, { ...withNational, school }).map((c) => c.courseId)).toEqual(['fri']);
    const even: CalendarOverride[] = [{ date: '2025-09-28', kind: 'follows', week: 4, day: 5 }];
    expect(classesOn('2025-09-28', term, courses, DEFAULT_SECTIONS, { ...withNational, school: even })).toEqual([]);
  });

  it('leaves out a course whose sections the table lacks', () => {
    const late = course('late', { day: 1, startNode: 13, endNode: 14 });
    expect(classesOfDay('2025-09-01', 1, 1, [late], DEFAULT_SECTIONS)).toEqual([]);
  });
});

// Random timetables and calendars for the properties below.
const weekArb = fc.integer({ min: 1, max: term.weeks });
const dayArb = fc.integer({ min: 1, max: 7 }).map((d) => d as Weekday);
const courseArb = fc
  .record({
    day: dayArb,
    startNode: fc.integer({ min: 1, max: 12 }),
    len: fc.integer({ min: 0, max: 3 }),
    weeks: fc.uniqueArray(weekArb, { minLength: 1, maxLength: term.weeks }),
    own: fc.option(fc.tuple(fc.integer({ min: 420, max: 1300 }), fc.integer({ min: 30, max: 120 })), { nil: undefined }),
  })
  .map(({ day, startNode, len, weeks, own }) => ({ day, startNode, endNode: Math.min(12, startNode + len), weeks: [...weeks].sort((a, b) => a - b), own }));
const coursesArb = fc.array(courseArb, { maxLength: 25 }).map((list) =>
  list.map((c, i) => {
    const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    const times = c.own ? { startTime: hhmm(c.own[0]), endTime: hhmm(c.own[0] + c.own[1]) } : {};
    return course(`c${i}`, { day: c.day, startNode: c.startNode, endNode: c.endNode, weeks: c.weeks, ...times });
  }),
);
const termDateArb = fc.integer({ min: 0, max: term.weeks * 7 - 1 }).map((n) => addDays(term.startDate, n));
const overrideArb: fc.Arbitrary<CalendarOverride> = fc.oneof(
  termDateArb.map((date) => ({ date, kind: 'off' as const })),
  fc.record({ date: termDateArb, week: weekArb, day: dayArb }).map((o) => ({ ...o, kind: 'follows' as const })),
);
const nationalArb: fc.Arbitrary<NationalDay> = fc.record({
  date: termDateArb,
  kind: fc.constantFrom('off' as const, 'makeup' as const),
  name: fc.constant('节'),
});
const overridesArb: fc.Arbitrary<CalendarOverrides> = fc.record({
  national: fc.array(nationalArb, { maxLength: 10 }),
  school: fc.array(overrideArb, { maxLength: 10 }),
  student: fc.array(overrideArb, { maxLength: 10 }),
});
const without = (o: CalendarOverrides, date: string): CalendarOverrides => ({
  national: o.national.filter((n) => n.date !== date),
  school: o.school.filter((s) => s.date !== date),
  student: o.student.filter((s) => s.date !== date),
});

describe('classesOn properties', () => {
  it('a national holiday (no school or student rule that day) has no classes', () => {
    fc.assert(
      fc.property(coursesArb, overridesArb, termDateArb, (courses, o, date) => {
        const rest = without(o, date);
        const overrides = { ...rest, national: [{ date, kind: 'off' as const, name: '节' }, ...rest.national] };
        expect(classesOn(date, term, courses, DEFAULT_SECTIONS, overrides)).toEqual([]);
      }),
    );
  });

  it("a student's day off has no classes, whatever the school and the nation say", () => {
    fc.assert(
      fc.property(coursesArb, overridesArb, termDateArb, (courses, o, date) => {
        const overrides = { ...o, student: [{ date, kind: 'off' as const }, ...o.student.filter((s) => s.date !== date)] };
        expect(classesOn(date, term, courses, DEFAULT_SECTIONS, overrides)).toEqual([]);
      }),
    );
  });

  it('never returns a class of a week (or weekday) the course does not list', () => {
    fc.assert(
      fc.property(coursesArb, overridesArb, termDateArb, (courses, overrides, date) => {
        const td = teachingDay(date, term, overrides);
        for (const slot of classesOn(date, term, courses, DEFAULT_SECTIONS, overrides)) {
          const c = courses.find((x) => x.id === slot.courseId);
          expect('week' in td && c?.weeks.includes(td.week) && c.day === td.day).toBe(true);
          expect(slot.date).toBe(date);
        }
      }),
    );
  });

  it('a follows-day gives exactly the classes of the followed day', () => {
    fc.assert(
      fc.property(coursesArb, termDateArb, weekArb, dayArb, fc.boolean(), (courses, date, week, day, bySchool) => {
        const rule: CalendarOverride = { date, kind: 'follows', week, day };
        const overrides = bySchool ? { ...NO_OVERRIDES, national, school: [rule] } : { ...NO_OVERRIDES, national, student: [rule] };
        const swapped = classesOn(date, term, courses, DEFAULT_SECTIONS, overrides);
        const original = classesOn(dateOf(week, day), term, courses, DEFAULT_SECTIONS, NO_OVERRIDES);
        expect(swapped).toEqual(original.map((c) => ({ ...c, date })));
      }),
    );
  });

  it('lists classes in start order', () => {
    fc.assert(
      fc.property(coursesArb, overridesArb, termDateArb, (courses, overrides, date) => {
        const starts = classesOn(date, term, courses, DEFAULT_SECTIONS, overrides).map((c) => c.start);
        expect(starts).toEqual([...starts].sort());
      }),
    );
  });
});
