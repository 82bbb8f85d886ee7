import { weeklyEvent } from './calendar-event';

const PE = { name: '大学体育', room: '东区体育馆', date: '2026-11-23', start: '10:25', end: '12:00', week: 12, day: 1 as const };

describe('weekly phone calendar event', () => {
  it('a course every week to week 16 repeats weekly from this class to the end of week 16’s class day', () => {
    const e = weeklyEvent(PE, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16], '2026-09-07', 10);
    expect(e).toEqual({
      ok: true,
      option: {
        title: '大学体育',
        // 2026-11-23 10:25 in Shanghai is 02:25 UTC
        startTime: Date.UTC(2026, 10, 23, 2, 25) / 1000,
        endTime: String(Date.UTC(2026, 10, 23, 4, 0) / 1000),
        location: '东区体育馆',
        description: '来自校园种草的课表',
        alarm: true,
        alarmOffset: 600,
        repeatInterval: 'week',
        // week 16's Monday is 2026-12-21; the repeat ends at the following midnight in Shanghai
        repeatEndTime: Date.UTC(2026, 11, 21, 16, 0) / 1000,
      },
    });
  });

  it('an odd-week course or one with a gap cannot repeat weekly', () => {
    expect(weeklyEvent({ ...PE, week: 11 }, [1, 3, 5, 7, 9, 11, 13, 15], '2026-09-07', 10)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('单双周'),
    });
    expect(weeklyEvent(PE, [12, 13, 15, 16], '2026-09-07', 10)).toMatchObject({ ok: false });
    // the last week alone is fine
    expect(weeklyEvent(PE, [12], '2026-09-07', 10)).toMatchObject({ ok: true });
  });
});
