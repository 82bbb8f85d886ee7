// The timetable domain's documents. A student's timetable is one document (_id = openid):
// reading a week, a day or the picks is one read, saving is one write, revoking is one delete.
import { createHash } from 'node:crypto';
import type { CalendarOverride, Course, Term } from '../../core/timetable/model';
import type { Ctx } from '../context';
import { getDoc } from '../db/get-doc';

export interface ConsentDoc {
  _id: string;
  granted: boolean;
  version: number;
  grantedAt: Date | null;
  revokedAt: Date | null;
  /** Revoked, and not every derived record is deleted yet (the timer finishes the job). */
  purgePending: boolean;
}

export interface TimetableDoc {
  _id: string;
  term: Term;
  courses: Course[];
  /** The student's own changes: days off, days that run another day's classes. */
  overrides: CalendarOverride[];
  /**
   * Hashed (term, course name, weekday, first section) of each course: classmates of a course
   * are counted by key (course team-buys), never listed, and the key says nothing by itself.
   */
  courseKeys: string[];
  campusId: string | null;
  updatedAt: Date;
}

export const getConsent = (ctx: Ctx, openid: string) => getDoc<ConsentDoc>(ctx, 'timetable_consents', openid);
export const getTimetable = (ctx: Ctx, openid: string) => getDoc<TimetableDoc>(ctx, 'timetables', openid);

export const hasConsent = (c: ConsentDoc | null, version: number) => Boolean(c?.granted && c.version >= version);

/** A course's id: the same course imported again keeps its id (and its reminders). */
export function courseId(c: { name: string; day: number; startNode: number; endNode: number; room: string }): string {
  return `c${createHash('sha1').update(`${c.name}|${c.day}|${c.startNode}|${c.endNode}|${c.room}`).digest('hex').slice(0, 12)}`;
}

/** The course team-buy key: same term, same course name, same weekday and first section. */
export function courseKey(termStartDate: string, c: { name: string; day: number; startNode: number }): string {
  return createHash('sha256').update(`${termStartDate}|${c.name.trim()}|${c.day}|${c.startNode}`).digest('hex').slice(0, 32);
}
