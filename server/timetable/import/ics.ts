// iCalendar (.ics) from school exports, WakeUp, Outlook, Apple or Google: every event is expanded
// to its occurrences (RRULE with COUNT/UNTIL/INTERVAL, EXDATE, RECURRENCE-ID exceptions, ical.js
// does the expansion), each occurrence is put into campus time (Asia/Shanghai: TZID with or without
// a VTIMEZONE, UTC, floating = campus time), and occurrences are folded back into courses: one
// course per (SUMMARY, LOCATION, weekday, start, end) with the week numbers it falls on. Times map
// to the nearest sections; a time that differs from the sections is kept on the course.
import ICAL from 'ical.js';
import { fromMinutes, type ImportWarning, type SectionTime, toMinutes, type Weekday } from '../../../core/timetable/model';
import { DEFAULT_SECTIONS } from '../../../core/timetable/sections';
import { weekdayOf, weekOf } from '../../../core/timetable/term';
import { type Draft, fileWarning, finish, type Importer, LIMITS, stripBom } from './common';

type Time = InstanceType<typeof ICAL.Time>;
type Component = InstanceType<typeof ICAL.Component>;
type Event = InstanceType<typeof ICAL.Event>;

/** Events of one class split by section (16:00-16:45, 16:55-17:40) are one class when the gap is at most this. */
const SECTION_BREAK_MINUTES = 20;

/**
 * Off the section table at all, a course keeps its own times: the nodes place it on the grid,
 * the times say when the student is busy (a reminder or a free window 10 minutes off is wrong).
 */
const OWN_TIME_MINUTES = 0;
/** Most occurrences read from one event, and from the whole file (a runaway RRULE). */
const MAX_PER_EVENT = 1000;
const MAX_TOTAL = 20_000;
const CAMPUS_OFFSET_MS = 8 * 3_600_000;

/** A moment in campus time. */
interface CampusTime {
  date: string;
  minutes: number;
}

/**
 * The campus date and clock time of an ical.js time. `tzid` is the time's TZID parameter: a zone
 * the tz database knows is converted with it (as Google Calendar does), so a wrong VTIMEZONE in
 * the file cannot shift classes; other names ('China Standard Time') use the file's VTIMEZONE,
 * and without one are taken as campus time, like floating times.
 */
function toCampus(t: Time, tzid: string | undefined): CampusTime {
  const wall = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
  let utc: number | undefined;
  const offset = tzid === undefined ? undefined : offsetOf(tzid, wall);
  if (offset !== undefined) utc = wall - offset;
  else if (t.zone && t.zone.tzid !== 'floating') utc = t.toUnixTime() * 1000; // UTC, or a VTIMEZONE of the file
  const campus = utc === undefined ? wall : utc + CAMPUS_OFFSET_MS; // floating: already campus time
  const d = new Date(campus);
  return { date: d.toISOString().slice(0, 10), minutes: d.getUTCHours() * 60 + d.getUTCMinutes() };
}

const formatters = new Map<string, Intl.DateTimeFormat | null>();

/** A formatter for an IANA zone (made once per zone: they are slow to make), null for an unknown zone. */
function formatterOf(tzid: string): Intl.DateTimeFormat | null {
  let f = formatters.get(tzid);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: tzid,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      f = null; // 'China Standard Time' and other non-IANA names
    }
    formatters.set(tzid, f);
  }
  return f;
}

/** The UTC offset (ms) of an IANA zone near a wall-clock time, or undefined for an unknown zone. */
function offsetOf(tzid: string, wall: number): number | undefined {
  const f = formatterOf(tzid);
  if (!f) return undefined;
  const parts = f.formatToParts(new Date(wall));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second')) - wall;
}

/**
 * The section whose start (or end) is nearest a clock time. A tie goes to the section that
 * covers the class: the earlier one for its start, the later one for its end (08:00-09:40 on a
 * table of 08:30-09:15, 09:20-10:05 is sections 1-2, not 1-1).
 */
function nearest(sections: SectionTime[], minutes: number, edge: 'start' | 'end'): SectionTime {
  let best = sections[0];
  for (const s of sections) {
    const d = Math.abs(toMinutes(s[edge]) - minutes);
    const bestD = Math.abs(toMinutes(best[edge]) - minutes);
    if (d < bestD || (edge === 'end' && d === bestD)) best = s;
  }
  return best;
}

/**
 * Some exporters write one event per section (a two-section class is 16:00-16:45 and
 * 16:55-17:40): the same course, room and weekday in the same weeks with only a break between
 * is one class, as the student sees it.
 */
function joinSplitSections<G extends { name: string; room: string; day: number; start: number; end: number; weeks: Set<number> }>(groups: G[]): G[] {
  const sameWeeks = (a: Set<number>, b: Set<number>) => a.size === b.size && [...a].every((w) => b.has(w));
  const sorted = [...groups].sort((a, b) => a.name.localeCompare(b.name) || a.room.localeCompare(b.room) || a.day - b.day || a.start - b.start);
  const out: G[] = [];
  for (const g of sorted) {
    const prev = out[out.length - 1];
    const gap = prev ? g.start - prev.end : -1;
    if (
      prev &&
      prev.name === g.name &&
      prev.room === g.room &&
      prev.day === g.day &&
      gap >= 0 &&
      gap <= SECTION_BREAK_MINUTES &&
      sameWeeks(prev.weeks, g.weeks)
    ) {
      prev.end = Math.max(prev.end, g.end);
    } else out.push({ ...g });
  }
  return out;
}

const TEACHER = /(?:任课教师|授课教师|教师|老师|Teacher|Instructor)\s*[:：]\s*([^\n\r,，;；|]+)/i;

/** A description that is only a person's name (many school exports put the teacher there alone). */
const NAME_ONLY = /^[\u4e00-\u9fff·]{2,5}$/;

function teacherOf(description: string): string {
  const labelled = TEACHER.exec(description)?.[1].trim();
  if (labelled) return labelled;
  const text = description.trim();
  return NAME_ONLY.test(text) ? text : '';
}

/** The TZID parameter of a property (used when the file has no VTIMEZONE for it). */
function tzidOf(c: Component, prop: string): string | undefined {
  const id = c.getFirstProperty(prop)?.getParameter('tzid');
  return typeof id === 'string' ? id : undefined;
}

function text(c: Component, name: string): string {
  const v = c.getFirstPropertyValue(name);
  return v === null || v === undefined ? '' : String(v).trim();
}

interface Group {
  name: string;
  room: string;
  teacher: string;
  day: Weekday;
  start: number;
  end: number;
  weeks: Set<number>;
}

export const parseIcs: Importer = (content, opts) => {
  const warnings: ImportWarning[] = [];
  let roots: Component[];
  try {
    const jcal = ICAL.parse(stripBom(content).trim());
    // one VCALENDAR parses to one jCal array, several to an array of them
    const list = (Array.isArray(jcal[0]) ? jcal : [jcal]) as unknown[];
    roots = list.map((j) => new ICAL.Component(j as ConstructorParameters<typeof ICAL.Component>[0]));
  } catch (e) {
    return { courses: [], warnings: [fileWarning('', `不是有效的 ICS 文件（${(e as Error).message}）`)] };
  }
  const sections = [...(opts.sections.length > 0 ? opts.sections : DEFAULT_SECTIONS)].sort((a, b) => a.n - b.n);

  // masters and their RECURRENCE-ID exceptions, by UID
  const vevents = roots.flatMap((r) => (r.name === 'vevent' ? [r] : r.getAllSubcomponents('vevent')));
  const masters = new Map<string, Event>();
  const events: Event[] = [];
  const exceptions: Component[] = [];
  for (const [i, c] of vevents.entries()) {
    if (c.hasProperty('recurrence-id')) {
      exceptions.push(c);
      continue;
    }
    const event = new ICAL.Event(c, { strictExceptions: false });
    const uid = text(c, 'uid') || `#${i}`;
    if (!masters.has(uid)) masters.set(uid, event);
    events.push(event);
  }
  for (const c of exceptions) {
    const master = masters.get(text(c, 'uid'));
    if (master) master.relateException(c);
    else events.push(new ICAL.Event(c)); // a moved occurrence without its series: an event of its own
  }

  const groups = new Map<string, Group>();
  let total = 0;
  for (const event of events) {
    const c = event.component;
    const summary = text(c, 'summary');
    if (!c.hasProperty('dtstart')) {
      warnings.push(fileWarning(summary, '没有开始时间，跳过'));
      continue;
    }
    if (event.startDate.isDate) {
      warnings.push(fileWarning(summary, '全天事件不是课，跳过'));
      continue;
    }
    if (text(c, 'status').toUpperCase() === 'CANCELLED') continue;
    const startTzid = tzidOf(c, 'dtstart');
    const outside: string[] = [];
    // occurrences skipped, one warning per reason and event (a runaway rule must not give thousands)
    const skipped = new Map<string, { text: string; count: number }>();
    let count = 0;
    const add = (start: Time, end: Time, item: Event) => {
      if (text(item.component, 'status').toUpperCase() === 'CANCELLED') return;
      const startTz = tzidOf(item.component, 'dtstart');
      // an occurrence of a series ends in its start's zone (start + duration); an event of its own at its DTEND
      const endTz = item === event && event.isRecurring() ? startTz : (tzidOf(item.component, 'dtend') ?? startTz);
      const s = toCampus(start, startTz);
      const e = toCampus(end, endTz);
      const name = text(item.component, 'summary');
      if (e.date !== s.date || e.minutes <= s.minutes) {
        const reason = e.date !== s.date ? '跨天的事件不是课，跳过' : '没有结束时间，跳过';
        const seen = skipped.get(reason);
        if (seen) seen.count++;
        else skipped.set(reason, { text: `${name} ${s.date}`, count: 1 });
        return;
      }
      const week = weekOf(opts.termStartDate, s.date);
      if (week < 1 || week > LIMITS.maxWeek) return void outside.push(s.date);
      const day = weekdayOf(s.date);
      const room = text(item.component, 'location');
      const key = JSON.stringify([name, room, day, s.minutes, e.minutes]);
      let g = groups.get(key);
      if (!g) {
        g = { name, room, teacher: '', day, start: s.minutes, end: e.minutes, weeks: new Set() };
        groups.set(key, g);
      }
      // a moved occurrence without a DESCRIPTION has its series' teacher
      if (!g.teacher) g.teacher = teacherOf(text(item.component, 'description')) || teacherOf(text(c, 'description'));
      g.weeks.add(week);
    };
    if (event.isRecurring()) {
      const it = event.iterator();
      for (let next = it.next(); next; next = it.next()) {
        if (count >= MAX_PER_EVENT || total >= MAX_TOTAL) {
          warnings.push(fileWarning(summary, `重复次数太多，只读了前 ${count} 次`));
          break;
        }
        const details = event.getOccurrenceDetails(next);
        // past the term's last week: an endless rule stops here
        const campusDate = toCampus(next, startTzid).date;
        if (weekOf(opts.termStartDate, campusDate) > LIMITS.maxWeek) {
          outside.push(campusDate);
          break;
        }
        add(details.startDate, details.endDate, details.item);
        count++;
        total++;
      }
    } else {
      add(event.startDate, event.endDate, event);
      total++;
    }
    for (const [reason, { text, count }] of skipped) warnings.push(fileWarning(text, count > 1 ? `${reason}（共 ${count} 次）` : reason));
    if (outside.length > 0) {
      const dates = outside.length > 3 ? `${outside.slice(0, 3).join('、')} 等 ${outside.length} 次` : outside.join('、');
      warnings.push(fileWarning(summary, `在第 1 周之前或第 ${LIMITS.maxWeek} 周之后（${dates}），没有导入；开学日期对吗？`));
    }
  }

  const drafts: Draft[] = [];
  for (const g of joinSplitSections([...groups.values()])) {
    const startSection = nearest(sections, g.start, 'start');
    const endSection = nearest(sections, g.end, 'end');
    const startNode = startSection.n;
    const endNode = Math.max(startNode, endSection.n);
    const draft: Draft = { text: g.name, name: g.name, day: g.day, startNode, endNode, weeks: [...g.weeks], room: g.room, teacher: g.teacher };
    const endOf = sections.find((s) => s.n === endNode) ?? endSection;
    if (Math.abs(toMinutes(startSection.start) - g.start) > OWN_TIME_MINUTES || Math.abs(toMinutes(endOf.end) - g.end) > OWN_TIME_MINUTES) {
      draft.startTime = fromMinutes(g.start);
      draft.endTime = fromMinutes(g.end);
    }
    drafts.push(draft);
  }
  if (drafts.length === 0 && warnings.length === 0) warnings.push(fileWarning('', '文件里没有课程（没有 VEVENT）'));
  return finish(drafts, warnings);
};
