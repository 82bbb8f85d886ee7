// 正方 (ZF new 教务, jwglxt) timetable JSON as a student copies it from the browser: the whole
// `xskbcx_cxXsKb` response `{ kbList: [...] }` or just the array. Per item: kcmc name, xqj weekday
// (or xqjmc 星期一), jcs "1-2" (or jc "1-2节"), zcd weeks "4-6周,8-13周" / "1-16周(单)", cdmc room,
// xm teacher. An item that cannot be read becomes a warning; the others still import.
import type { ImportWarning } from '../../../core/timetable/model';
import { parseWeeks } from '../../../core/timetable/weeks';
import { type Draft, fileWarning, finish, type Importer, LIMITS, parseWeekday, stripBom } from './common';

type Item = Record<string, unknown>;

const str = (v: unknown) => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');

function itemsOf(content: string): Item[] | string {
  let data: unknown;
  try {
    data = JSON.parse(stripBom(content).trim());
  } catch {
    return '不是有效的 JSON：请复制正方课表接口（xskbcx_cxXsKb）返回的全部内容';
  }
  const list = Array.isArray(data) ? data : data && typeof data === 'object' ? (data as Item).kbList : undefined;
  if (!Array.isArray(list)) return '没有找到 kbList：请复制正方课表接口（xskbcx_cxXsKb）返回的全部内容';
  return list as Item[];
}

/** The course of one kbList item, or why there is none. */
function readItem(item: Item): Omit<Draft, 'text'> | string {
  const name = str(item.kcmc);
  if (!name) return '没有课程名称（kcmc）';
  const day = parseWeekday(str(item.xqj)) ?? parseWeekday(str(item.xqjmc));
  if (day === undefined) return `星期“${str(item.xqj) || str(item.xqjmc)}”看不懂`;
  const sections = str(item.jcs) || str(item.jc);
  const m = /^第?\s*(\d{1,2})\s*(?:[-－~]\s*(\d{1,2}))?\s*节?$/.exec(sections);
  if (!m) return `节次“${sections}”看不懂`;
  const startNode = Number(m[1]);
  const endNode = m[2] === undefined ? startNode : Number(m[2]);
  const weeks = parseWeeks(str(item.zcd), LIMITS.maxWeek);
  if ('error' in weeks) return weeks.error;
  return { name, day, startNode, endNode, weeks: weeks.weeks, room: str(item.cdmc), teacher: str(item.xm) };
}

export const parseZfJson: Importer = (content) => {
  const items = itemsOf(content);
  if (typeof items === 'string') return { courses: [], warnings: [fileWarning('', items)] };
  const warnings: ImportWarning[] = [];
  const drafts: Draft[] = [];
  for (const [i, item] of items.entries()) {
    if (!item || typeof item !== 'object') {
      warnings.push(fileWarning(`第 ${i + 1} 项`, '不是一门课'));
      continue;
    }
    const text = `${str(item.kcmc) || `第 ${i + 1} 项`} 星期${str(item.xqj) || str(item.xqjmc)} ${str(item.jcs) || str(item.jc)} ${str(item.zcd)}`.trim();
    const read = readItem(item);
    if (typeof read === 'string') warnings.push(fileWarning(text, read));
    else drafts.push({ ...read, text });
  }
  if (drafts.length === 0 && warnings.length === 0) warnings.push(fileWarning('', 'kbList 是空的'));
  return finish(drafts, warnings);
};
