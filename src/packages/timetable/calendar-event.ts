// 加到手机日历: a class as a weekly repeating event in the phone's calendar (wx.addPhoneRepeatCalendar,
// on a tap; WeChat asks the student first). A weekly repeat cannot skip weeks, so only a course
// that runs every week from this one to its last can go there; odd/even-week courses cannot.
import type { Weekday } from '@core/timetable/model';
import { addDays, dateOf } from '@core/timetable/term';

const OFFSET_S = 8 * 3600;
/** Seconds since the epoch of a campus date and clock time. */
const campusSeconds = (date: string, time: string) => Date.parse(`${date}T${time}:00.000Z`) / 1000 - OFFSET_S;

export interface CalendarClass {
  name: string;
  room: string;
  date: string;
  start: string;
  end: string;
  week: number;
  day: Weekday;
}

export type WeeklyEvent =
  | {
      ok: true;
      option: {
        title: string;
        startTime: number;
        endTime: string;
        location: string;
        description: string;
        alarm: true;
        alarmOffset: number;
        repeatInterval: 'week';
        repeatEndTime: number;
      };
    }
  | { ok: false; reason: string };

/** The calendar event for a class repeating weekly to its last week, or why it cannot be one. */
export function weeklyEvent(c: CalendarClass, weeks: readonly number[], termStartDate: string, leadMinutes: number): WeeklyEvent {
  const rest = weeks.filter((w) => w >= c.week).sort((a, b) => a - b);
  if (rest.length === 0 || rest[0] !== c.week) return { ok: false, reason: '这节课不在本周的课表里' };
  if (rest.some((w, i) => w !== c.week + i)) return { ok: false, reason: '这门课不是每周都上（单双周或停课周），手机日历的每周重复会记错，请用上课提醒' };
  const lastDate = dateOf(termStartDate, rest[rest.length - 1], c.day);
  return {
    ok: true,
    option: {
      title: c.name,
      startTime: campusSeconds(c.date, c.start),
      endTime: String(campusSeconds(c.date, c.end)),
      location: c.room,
      description: '来自校园种草的课表',
      alarm: true,
      alarmOffset: leadMinutes * 60,
      repeatInterval: 'week',
      // Through the end of the last class's day.
      repeatEndTime: campusSeconds(addDays(lastDate, 1), '00:00'),
    },
  };
}
