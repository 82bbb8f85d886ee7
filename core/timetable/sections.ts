// A campus's section table (作息时间): which clock times each section (节) runs. Schools differ
// and buildings stagger, so a campus stores its own table (campuses.sections) and a course may
// carry its own times; this one is the default a new campus starts from.
import type { SectionTime } from './model';

/** 4 morning, 4 afternoon, 4 evening sections; big breaks after sections 2 and 6. */
export const DEFAULT_SECTIONS: SectionTime[] = [
  { n: 1, start: '08:30', end: '09:15' },
  { n: 2, start: '09:20', end: '10:05' },
  { n: 3, start: '10:25', end: '11:10' },
  { n: 4, start: '11:15', end: '12:00' },
  { n: 5, start: '14:00', end: '14:45' },
  { n: 6, start: '14:50', end: '15:35' },
  { n: 7, start: '15:55', end: '16:40' },
  { n: 8, start: '16:45', end: '17:30' },
  { n: 9, start: '19:00', end: '19:45' },
  { n: 10, start: '19:50', end: '20:35' },
  { n: 11, start: '20:40', end: '21:25' },
  { n: 12, start: '21:30', end: '22:15' },
];

/** Sections up to this one are the morning (四节连上 = all of them). */
export const MORNING_LAST_SECTION = 4;
/** Sections from this one on are the evening (晚自习 / evening classes). */
export const EVENING_FIRST_SECTION = 9;
