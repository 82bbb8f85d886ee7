// The timetable domain's indexes (server/db/indexes.ts gathers every domain's).
import type { IndexPlan } from './index-spec';

export const timetableIndexes = {
  // One document per student (_id = openid): read and written by _id.
  timetable_consents: [{ name: 'purge', fields: [['purgePending', 'asc']], why: 'the timer finishes revokes that died halfway' }],
  timetables: [
    {
      name: 'course_keys',
      fields: [['courseKeys', 'asc']],
      array: true,
      why: 'how many students have a class (course team-buys: counts, never names)',
    },
  ],
  // The outbox of reminders a student asked for.
  reminders: [
    {
      name: 'status_send',
      fields: [
        ['status', 'asc'],
        ['sendAt', 'asc'],
      ],
      why: 'the sending timer: pending reminders due, in (sendAt, _id) order; sending ones whose claim expired',
    },
    {
      name: 'openid_send',
      fields: [
        ['openid', 'asc'],
        ['sendAt', 'desc'],
      ],
      why: "a student's reminders, newest first; revoking deletes a student's class reminders",
    },
  ],
  // Opens of a reminder or a precision card per student (_id the ref), for conversions.
  touches: [
    {
      name: 'openid_opened',
      fields: [
        ['openid', 'asc'],
        ['openedAt', 'desc'],
      ],
      why: "a buyer's opens in the 24 h before an order",
    },
  ],
  // Anonymous counters per campus day, kind, scene and segment (_id `${day}:${kind}:${scene}:${segment}`).
  touch_stats: [],
  // The conversion step's cursor over order events (_id 'conversions').
  timetable_state: [],
} satisfies IndexPlan;
