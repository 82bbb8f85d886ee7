import fc from 'fast-check';
import { freeWindows } from './free-windows';
import { type MsSpan, placeClassReminder, placeInNextWindow, spansOn } from './reminder-plan';

const M = 60_000;
const day = '2025-09-03';
// 08:30 campus time on 2025-09-03 is 00:30 UTC
const at = (hhmm: string) => spansOn(day, [{ start: hhmm, end: hhmm }])[0].startMs;
const classes = spansOn(day, [
  { start: '08:30', end: '09:15' },
  { start: '09:20', end: '10:05' },
  { start: '10:25', end: '12:00' },
  { start: '14:00', end: '15:35' },
]);

describe('spansOn', () => {
  it('places campus clock times on the campus day (UTC+8)', () => {
    expect(new Date(at('08:30')).toISOString()).toBe('2025-09-03T00:30:00.000Z');
    expect(classes[0].endMs - classes[0].startMs).toBe(45 * M);
  });
});

describe('placeClassReminder', () => {
  it('sends lead minutes before a class that follows a free stretch', () => {
    expect(placeClassReminder(at('14:00'), classes)).toBe(at('13:50'));
    expect(placeClassReminder(at('08:30'), classes, 30)).toBe(at('08:00'));
  });

  it('moves to the end of the class before when the lead would land in it', () => {
    // 10:25 − 30 min = 09:55, inside 09:20–10:05
    expect(placeClassReminder(at('10:25'), classes, 30)).toBe(at('10:05'));
    // 09:20 − 10 min = 09:10, inside section 1: the 5-minute change at 09:15
    expect(placeClassReminder(at('09:20'), classes)).toBe(at('09:15'));
  });

  it('follows overlapping and chained classes to the end of the busy stretch', () => {
    const busy = spansOn(day, [
      { start: '08:00', end: '09:00' },
      { start: '08:50', end: '09:40' },
      { start: '09:40', end: '09:50' },
      { start: '10:00', end: '11:00' },
    ]);
    expect(placeClassReminder(at('10:00'), busy, 90)).toBe(at('09:50'));
  });

  it('sends at the class start when there is no gap at all', () => {
    const chained = spansOn(day, [
      { start: '08:00', end: '09:00' },
      { start: '09:00', end: '10:00' },
    ]);
    expect(placeClassReminder(at('09:00'), chained)).toBe(at('09:00'));
  });

  it('property: never inside a class before the target, never earlier than the lead, never after the start', () => {
    const spanArb = fc.record({ s: fc.integer({ min: 0, max: 1400 }), len: fc.integer({ min: 1, max: 150 }) });
    fc.assert(
      fc.property(fc.array(spanArb, { maxLength: 12 }), fc.integer({ min: 0, max: 1439 }), fc.integer({ min: 0, max: 120 }), (list, startMin, lead) => {
        const base = at('00:00');
        const spans: MsSpan[] = list.map(({ s, len }) => ({ startMs: base + s * M, endMs: base + (s + len) * M }));
        const start = base + startMin * M;
        const r = placeClassReminder(start, spans, lead);
        expect(r).toBeLessThanOrEqual(start);
        expect(r).toBeGreaterThanOrEqual(start - lead * M);
        if (r < start) for (const c of spans) if (c.startMs < start) expect(c.startMs <= r && r < c.endMs).toBe(false);
      }),
    );
  });
});

describe('placeInNextWindow', () => {
  const windows = spansOn(
    day,
    freeWindows([
      { start: '08:30', end: '10:05', startNode: 1 },
      { start: '10:25', end: '12:00', startNode: 3 },
    ]),
  );

  it('sends now inside a free window, else at the next window’s start', () => {
    expect(placeInNextWindow(at('07:30'), windows)).toBe(at('07:30'));
    expect(placeInNextWindow(at('09:00'), windows)).toBe(at('10:05'));
    expect(placeInNextWindow(at('11:00'), windows)).toBe(at('12:00'));
  });

  it('answers null once the day has no window left', () => {
    expect(placeInNextWindow(at('23:30'), windows)).toBeNull();
    expect(placeInNextWindow(at('09:00'), [])).toBeNull();
  });
});
