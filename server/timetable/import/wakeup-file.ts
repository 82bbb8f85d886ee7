// WakeUp's exported schedule (`.wakeup_schedule`, also what its share code resolves to): five
// JSON lines (CourseAdapter Generator.kt): 1 header, 2 time list [{node,startTime,endTime,timeTable}],
// 3 table settings {startDate,maxWeek,…}, 4 course base [{id,courseName,…}], 5 details
// [{id,day,room,teacher,startNode,step,startWeek,endWeek,type,startTime,endTime,ownTime}]. type 0
// runs every week, 1 odd weeks, 2 even weeks; endNode = startNode + step - 1; ownTime keeps the
// course's own times. Detail rows of one course with the same day, sections and room merge weeks
// (`finish` merges identical courses). Lines are recognised by their shape, so a file with the
// header missing or the share API's copy still reads.
import type { ImportWarning } from '../../../core/timetable/model';
import { type Draft, fileWarning, finish, type Importer, stripBom } from './common';

type Obj = Record<string, unknown>;

const num = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : Number.NaN);
const str = (v: unknown) => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');
const CLOCK = /^([01]?\d|2[0-3]):([0-5]\d)$/;
const pad = (t: string) => t.replace(CLOCK, (_, h: string, m: string) => `${h.padStart(2, '0')}:${m}`);

function isArrayOf(v: unknown, field: string): v is Obj[] {
  return Array.isArray(v) && v.length > 0 && v.every((x) => x && typeof x === 'object') && field in (v[0] as Obj);
}

export const parseWakeupFile: Importer = (content) => {
  const warnings: ImportWarning[] = [];
  let base: Obj[] | undefined;
  let details: Obj[] | undefined;
  let detailsLine = 5;
  const lines = stripBom(content).split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      return;
    }
    if (isArrayOf(value, 'courseName')) base = value;
    else if (isArrayOf(value, 'startNode')) {
      details = value;
      detailsLine = i + 1;
    }
  });
  if (!details) {
    const reason = base ? '文件里没有上课时间（第 5 行）' : '不是 WakeUp 课程表文件（.wakeup_schedule 应有 5 行 JSON）';
    return { courses: [], warnings: [fileWarning('', reason)] };
  }
  const names = new Map<number, string>();
  for (const b of base ?? []) names.set(num(b.id), str(b.courseName));

  const drafts: Draft[] = [];
  for (const d of details) {
    const id = num(d.id);
    const name = names.get(id) ?? '';
    const day = num(d.day);
    const startNode = num(d.startNode);
    const step = Number.isNaN(num(d.step)) ? 1 : num(d.step);
    const startWeek = num(d.startWeek);
    const endWeek = num(d.endWeek);
    const type = Number.isNaN(num(d.type)) ? 0 : num(d.type);
    const text = `${name || `课程 ${str(d.id)}`} 星期${str(d.day)} 第${str(d.startNode)}节 ${str(d.startWeek)}-${str(d.endWeek)}周`;
    const bad = (reason: string) => warnings.push(fileWarning(text, reason, detailsLine));
    if (!names.has(id)) {
      bad('找不到这门课的名称（第 4 行没有它的 id）');
      continue;
    }
    if (!Number.isInteger(startWeek) || !Number.isInteger(endWeek) || startWeek < 1 || endWeek < startWeek) {
      bad('周数看不懂');
      continue;
    }
    const weeks: number[] = [];
    for (let w = startWeek; w <= endWeek; w++) if (type === 0 || (type === 1 && w % 2 === 1) || (type === 2 && w % 2 === 0)) weeks.push(w);
    const draft: Draft = {
      line: detailsLine,
      text,
      name,
      day: day as Draft['day'],
      startNode,
      endNode: startNode + step - 1,
      weeks,
      room: str(d.room),
      teacher: str(d.teacher),
    };
    if (d.ownTime === true) {
      const [s, e] = [str(d.startTime), str(d.endTime)];
      if (!CLOCK.test(s) || !CLOCK.test(e)) {
        bad(`自定义时间“${s}-${e}”看不懂`);
        continue;
      }
      draft.startTime = pad(s);
      draft.endTime = pad(e);
    }
    drafts.push(draft);
  }
  return finish(drafts, warnings);
};
