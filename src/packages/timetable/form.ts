// The course editor's form checked before save, by the rules and messages of the contract's
// courseInput (written out: zod's runtime stays out of the weapp build; form.test.ts compares
// this with the schema). Empty own times mean "follows the section table".
import type { CourseInput, Weekday } from '@core/timetable/model';
import { MAX_TERM_WEEKS } from './shared';

export interface CourseForm {
  name: string;
  day: number;
  startNode: number;
  endNode: number;
  weeks: number[];
  room: string;
  teacher: string;
  /** Kept from an imported course (the editor does not show it). */
  building?: string;
  startTime: string;
  endTime: string;
}
export type CourseField = 'name' | 'day' | 'startNode' | 'endNode' | 'weeks' | 'room' | 'teacher' | 'building' | 'startTime' | 'endTime';
export type CourseErrors = Partial<Record<CourseField, string>>;

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;
const isInt = (n: number) => Number.isInteger(n);

export function toForm(c: CourseInput): CourseForm {
  return {
    name: c.name,
    day: c.day,
    startNode: c.startNode,
    endNode: c.endNode,
    weeks: [...c.weeks],
    room: c.room ?? '',
    teacher: c.teacher ?? '',
    ...(c.building !== undefined ? { building: c.building } : {}),
    startTime: c.startTime ?? '',
    endTime: c.endTime ?? '',
  };
}

export const emptyCourse = (termWeeks: number, day = 1): CourseForm => ({
  name: '',
  day,
  startNode: 1,
  endNode: 2,
  weeks: Array.from({ length: termWeeks }, (_, i) => i + 1),
  room: '',
  teacher: '',
  startTime: '',
  endTime: '',
});

export function checkCourse(form: CourseForm): { ok: true; value: CourseInput } | { ok: false; errors: CourseErrors } {
  const errors: CourseErrors = {};
  const put = (k: CourseField, message: string) => {
    errors[k] ??= message;
  };
  const name = form.name.trim();
  if (name.length > 40) put('name', '课程名最多 40 个字');
  if (name.length < 1) put('name', '请填写课程名');
  if (!isInt(form.day) || form.day < 1 || form.day > 7) put('day', '星期是 1-7');
  for (const k of ['startNode', 'endNode'] as const) {
    if (!isInt(form[k])) put(k, '节次从 1 开始');
    else if (form[k] < 1) put(k, '节次从 1 开始');
    else if (form[k] > 16) put(k, '节次最多 16');
  }
  if (form.weeks.some((w) => !isInt(w) || w < 1)) put('weeks', '请选择上课的周');
  else if (form.weeks.some((w) => w > MAX_TERM_WEEKS)) put('weeks', `周数最多 ${MAX_TERM_WEEKS}`);
  if (form.weeks.length < 1) put('weeks', '请选择上课的周');
  else if (form.weeks.length > MAX_TERM_WEEKS) put('weeks', '请选择上课的周');
  const room = form.room.trim();
  const teacher = form.teacher.trim();
  const building = form.building?.trim();
  if (room.length > 40) put('room', '地点最多 40 个字');
  if (teacher.length > 30) put('teacher', '老师最多 30 个字');
  if (building !== undefined && building.length > 30) put('building', '教学楼最多 30 个字');
  const startTime = form.startTime || undefined;
  const endTime = form.endTime || undefined;
  if (startTime !== undefined && !CLOCK.test(startTime)) put('startTime', '时间格式是 HH:mm');
  if (endTime !== undefined && !CLOCK.test(endTime)) put('endTime', '时间格式是 HH:mm');
  if (form.endNode < form.startNode) put('endNode', '结束节次不能早于开始节次');
  if ((startTime === undefined) !== (endTime === undefined)) put('endTime', '开始和结束时间要一起填');
  if (startTime && endTime && !(startTime < endTime)) put('endTime', '结束时间要晚于开始时间');
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      name,
      day: form.day as Weekday,
      startNode: form.startNode,
      endNode: form.endNode,
      // The contract keeps weeks as given; the editor sends them ascending without repeats.
      weeks: [...new Set(form.weeks)].sort((a, b) => a - b),
      room,
      teacher,
      ...(building !== undefined ? { building } : {}),
      ...(startTime !== undefined ? { startTime } : {}),
      ...(endTime !== undefined ? { endTime } : {}),
    },
  };
}

/** The course as `save` takes it: a saved course's id and scenes are the server's, not input. */
export function asInput(c: CourseInput & { id?: string; scenes?: unknown }): CourseInput {
  const { id: _id, scenes: _scenes, ...input } = c;
  return input;
}
