import { courseInput, MAX_TERM_WEEKS } from '../../../core/contracts/timetable';
import { IMPORT_FORMATS, type ImportFormat } from '../../../core/timetable/model';
import { LIMITS } from './common';
import { IMPORTERS, parseImport } from './index';
import { fixture, OPTS } from './test-helpers';

const FIXTURES: [string, ImportFormat, number][] = [
  ['school-rrule.ics', 'ics', 4],
  ['per-occurrence-tzid.ics', 'ics', 3],
  ['utc-until.ics', 'ics', 3],
  ['wakeup.csv', 'wakeup_csv', 7],
  ['zf-kblist.json', 'zf_json', 5],
  ['schedule.wakeup_schedule', 'wakeup_file', 5],
];

describe('parseImport', () => {
  it('has an importer for every format of the contract', () => {
    expect(Object.keys(IMPORTERS).sort()).toEqual([...IMPORT_FORMATS].sort());
  });

  it.each(FIXTURES)('%s (%s): every course passes the save schema, sorted by day and section', (file, format, count) => {
    const { courses } = parseImport(format, fixture(file), OPTS);
    expect(courses).toHaveLength(count);
    for (const c of courses) expect(courseInput.safeParse(c).error).toBeUndefined();
    const order = courses.map((c) => c.day * 100 + c.startNode);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('keeps the limits of the contract', () => {
    expect(LIMITS.maxWeek).toBe(MAX_TERM_WEEKS);
    const long = '长'.repeat(60);
    const [c] = parseImport(
      'zf_json',
      JSON.stringify([{ kcmc: long, xqj: '1', jcs: '1-2', zcd: '1周', cdmc: `${'长'.repeat(35)}楼101`, xm: long }]),
      OPTS,
    ).courses;
    expect(courseInput.safeParse(c).error).toBeUndefined();
    expect([c.name.length, c.room.length, c.teacher.length, c.building?.length]).toEqual([40, 39, 30, 30]);
  });

  it('a format that does not fit the content gives warnings, not a crash', () => {
    for (const format of IMPORT_FORMATS) {
      for (const [file] of FIXTURES) {
        const r = parseImport(format, fixture(file), OPTS);
        expect(Array.isArray(r.courses) && Array.isArray(r.warnings)).toBe(true);
      }
    }
  });
});
