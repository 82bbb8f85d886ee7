import fc from 'fast-check';
import { type ClassTimes, classAt, freeWindows, nextWindow, windowAt } from './free-windows';
import { fromMinutes, toMinutes } from './model';

const cls = (start: string, end: string, startNode = 1): ClassTimes => ({ start, end, startNode });

describe('freeWindows', () => {
  it('gives a day with no classes one day_off window', () => {
    expect(freeWindows([])).toEqual([{ start: '07:00', end: '23:00', kind: 'day_off' }]);
  });

  it('finds the time before, between and after classes on a default-table day', () => {
    const day = [cls('08:30', '10:05', 1), cls('10:25', '12:00', 3), cls('14:00', '15:35', 5), cls('19:00', '20:35', 9)];
    expect(freeWindows(day)).toEqual([
      { start: '07:00', end: '08:30', kind: 'before_first' },
      { start: '10:05', end: '10:25', kind: 'break' },
      { start: '12:00', end: '14:00', kind: 'lunch' },
      { start: '15:35', end: '19:00', kind: 'dinner' },
      { start: '20:35', end: '23:00', kind: 'after_evening' },
    ]);
  });

  it('drops gaps shorter than minBreak, the 5-minute change between sections included', () => {
    const day = [cls('08:30', '09:15', 1), cls('09:20', '10:05', 2), cls('16:45', '17:30', 8)];
    expect(freeWindows(day, { minBreak: 10 }).map((w) => [w.start, w.end, w.kind])).toEqual([
      ['07:00', '08:30', 'before_first'],
      ['10:05', '16:45', 'lunch'],
      ['17:30', '23:00', 'after_last'],
    ]);
  });

  it('does not count a short brush with lunch as lunch', () => {
    // overlaps lunch (11:00–13:30) by 20 minutes only
    expect(freeWindows([cls('08:00', '10:40'), cls('11:20', '13:30')])[1]).toEqual({ start: '10:40', end: '11:20', kind: 'break' });
  });

  it('merges overlapping classes (two courses at once) before looking for gaps', () => {
    const day = [cls('14:00', '15:35', 5), cls('08:30', '10:05'), cls('09:00', '11:00'), cls('14:30', '14:45', 5)];
    expect(freeWindows(day).map((w) => `${w.start}-${w.end}`)).toEqual(['07:00-08:30', '11:00-14:00', '15:35-23:00']);
  });

  it('calls the evening after an evening class by section or by clock', () => {
    expect(freeWindows([cls('19:50', '20:35', 10)]).at(-1)?.kind).toBe('after_evening');
    expect(freeWindows([cls('18:30', '20:00', 1)]).at(-1)?.kind).toBe('after_evening');
    expect(freeWindows([cls('18:00', '20:00', 8)]).at(-1)?.kind).toBe('after_last');
    expect(freeWindows([cls('18:00', '20:00', 7)], { eveningFirstSection: 7 }).at(-1)?.kind).toBe('after_evening');
  });

  it('keeps windows inside the day even when classes run outside it (a gap covering both meals is named by the larger)', () => {
    expect(freeWindows([cls('06:00', '07:30'), cls('22:30', '23:30')])).toEqual([{ start: '07:30', end: '22:30', kind: 'lunch' }]);
    expect(freeWindows([cls('06:00', '06:45')])).toEqual([{ start: '07:00', end: '23:00', kind: 'after_last' }]);
  });
});

describe('windowAt, nextWindow, classAt', () => {
  const day = [cls('08:30', '10:05'), cls('10:25', '12:00', 3), cls('14:00', '15:35', 5)];
  const windows = freeWindows(day);

  it('finds the window now falls in, or the next one', () => {
    expect(windowAt(windows, '10:10')).toEqual({ start: '10:05', end: '10:25', kind: 'break' });
    expect(windowAt(windows, '11:00')).toBeNull();
    expect(nextWindow(windows, day, '10:10')).toEqual({ start: '10:05', end: '10:25', kind: 'break' });
    expect(nextWindow(windows, day, '11:00')).toEqual({ start: '12:00', end: '14:00', kind: 'lunch' });
    expect(nextWindow(windows, day, '23:00')).toBeNull();
  });

  it('never offers time inside a class the windows did not know about', () => {
    const added = [...day, cls('12:30', '13:00')];
    expect(nextWindow(windows, added, '12:40')).toEqual({ start: '13:00', end: '14:00', kind: 'lunch' });
  });

  it('answers the class on now, the earlier-starting of two', () => {
    const both = [cls('09:00', '11:00', 2), ...day];
    expect(classAt(both, '09:30')?.start).toBe('08:30');
    expect(classAt(both, '10:10')?.start).toBe('09:00');
    expect(classAt(both, '12:00')).toBeNull();
  });
});

const classArb = fc
  .record({ s: fc.integer({ min: 300, max: 1400 }), len: fc.integer({ min: 1, max: 200 }), node: fc.integer({ min: 1, max: 12 }) })
  .map(({ s, len, node }) => cls(fromMinutes(s), fromMinutes(Math.min(1439, s + len)), node));
const optsArb = fc.record({
  dayStart: fc.integer({ min: 300, max: 600 }).map(fromMinutes),
  dayEnd: fc.integer({ min: 1200, max: 1439 }).map(fromMinutes),
  minBreak: fc.integer({ min: 1, max: 60 }),
});
const busy = (classes: ClassTimes[], m: number) => classes.some((c) => toMinutes(c.start) <= m && m < toMinutes(c.end));

describe('freeWindows properties', () => {
  it('windows are sorted, disjoint, long enough, inside the day and overlap no class', () => {
    fc.assert(
      fc.property(fc.array(classArb, { maxLength: 12 }), optsArb, (classes, opts) => {
        const ws = freeWindows(classes, opts).map((w) => ({ s: toMinutes(w.start), e: toMinutes(w.end) }));
        ws.forEach((w, i) => {
          expect(w.e - w.s).toBeGreaterThanOrEqual(opts.minBreak);
          expect(w.s).toBeGreaterThanOrEqual(toMinutes(opts.dayStart));
          expect(w.e).toBeLessThanOrEqual(toMinutes(opts.dayEnd));
          if (i > 0) expect(w.s).toBeGreaterThanOrEqual(ws[i - 1].e);
          for (const c of classes) expect(w.s < toMinutes(c.end) && toMinutes(c.start) < w.e).toBe(false);
        });
      }),
    );
  });

  it('misses no free stretch of minBreak or more', () => {
    fc.assert(
      fc.property(fc.array(classArb, { maxLength: 12 }), optsArb, (classes, opts) => {
        const ws = freeWindows(classes, opts).map((w) => ({ s: toMinutes(w.start), e: toMinutes(w.end) }));
        const ds = toMinutes(opts.dayStart);
        const de = toMinutes(opts.dayEnd);
        let runStart = ds;
        for (let m = ds; m <= de; m++) {
          if (m < de && !busy(classes, m)) continue;
          // [runStart, m) is a maximal free stretch inside the day
          if (m - runStart >= opts.minBreak) expect(ws.some((w) => w.s === runStart && w.e === m)).toBe(true);
          runStart = m + 1;
        }
      }),
    );
  });

  it('nextWindow never starts inside a class and never before now', () => {
    fc.assert(
      fc.property(fc.array(classArb, { maxLength: 12 }), fc.integer({ min: 0, max: 1439 }), (classes, now) => {
        const w = nextWindow(freeWindows(classes), classes, fromMinutes(now));
        if (w === null) return;
        const s = toMinutes(w.start);
        expect(busy(classes, s)).toBe(false);
        expect(toMinutes(w.end)).toBeGreaterThan(now);
      }),
    );
  });
});
