import type { ClassView } from '@core/contracts/timetable';
import { DEFAULT_SECTIONS } from '@core/timetable/sections';
import { COURSE_COLORS, courseColor, initialWeek, layoutWeek, rowCount, weekLabel } from './grid';

const dates = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29'];
const cls = (date: string, startNode: number, endNode: number, name = '高等数学', courseId = name): ClassView => ({
  date,
  start: '08:30',
  end: '10:05',
  name,
  room: '',
  courseId,
  startNode,
  endNode,
});

describe('week grid layout', () => {
  it('puts a class in its day’s column across its sections', () => {
    const [b] = layoutWeek(dates, [cls('2026-11-25', 3, 4)]);
    expect(b).toMatchObject({ column: 2, row: 2, span: 2, lane: 0, lanes: 1 });
  });
  it('leaves out a class of another week', () => {
    expect(layoutWeek(dates, [cls('2026-11-30', 1, 2)])).toEqual([]);
  });
  it('sets overlapping classes side by side, and only those', () => {
    const blocks = layoutWeek(dates, [cls(dates[0], 1, 2, 'A'), cls(dates[0], 2, 3, 'B'), cls(dates[0], 3, 4, 'C'), cls(dates[0], 7, 8, 'D')]);
    const by = Object.fromEntries(blocks.map((b) => [b.cls.name, [b.lane, b.lanes]]));
    expect(by).toEqual({ A: [0, 2], B: [1, 2], C: [0, 2], D: [0, 1] });
  });
  it('gives one course one colour, from the palette', () => {
    expect(courseColor('体育')).toBe(courseColor('体育'));
    expect(COURSE_COLORS).toContain(courseColor('大学英语'));
    const blocks = layoutWeek(dates, [cls(dates[0], 1, 2, '体育', 'a'), cls(dates[3], 5, 6, '体育', 'b')]);
    expect(blocks[0].color).toBe(blocks[1].color);
  });
  it('has a row for every section, more when a class runs later', () => {
    expect(rowCount(DEFAULT_SECTIONS, [])).toBe(12);
    expect(rowCount(DEFAULT_SECTIONS, [cls(dates[0], 13, 14)])).toBe(14);
    expect(rowCount([], [])).toBe(1);
  });
});

describe('week label', () => {
  it('names teaching weeks, and the time before and after the term', () => {
    expect(weekLabel(5, 18)).toBe('第5周');
    expect(weekLabel(0, 18)).toBe('还没开学');
    expect(weekLabel(19, 18)).toBe('学期已结束');
  });
  it('opens on this week during the term, else its nearest end', () => {
    expect(initialWeek(5, 18)).toBe(5);
    expect(initialWeek(0, 18)).toBe(1);
    expect(initialWeek(25, 18)).toBe(18);
  });
});
