// WakeUp's Excel template saved as CSV (从Excel模板导入), the format most exporters write:
//   课程名称,星期,开始节数,结束节数,老师,地点,周数
// RFC 4180 quoting (fields with commas, doubled quotes, line breaks), a BOM, CRLF, the Chinese
// comma as a separator as well, blank lines. Each row that cannot be read becomes a warning with
// its line number; the other rows still import.

import type { ImportWarning } from '../../../core/timetable/model';
import { parseWeeks } from '../../../core/timetable/weeks';
import { cap, type Draft, fileWarning, finish, type Importer, LIMITS, parseNode, parseWeekday, stripBom } from './common';

export const WAKEUP_CSV_HEADER = '课程名称,星期,开始节数,结束节数,老师,地点,周数';

interface Row {
  /** 1-based line the row starts on. */
  line: number;
  fields: string[];
  raw: string;
}

/** Splits CSV text into rows; ',' and '，' separate fields outside quotes. */
export function csvRows(content: string): Row[] {
  const text = stripBom(content);
  const rows: Row[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let rowStart = 0;
  const endRow = (end: number) => {
    fields.push(field);
    rows.push({ line: rowLine, fields, raw: text.slice(rowStart, end) });
    fields = [];
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"' && field.trim() === '') {
      field = '';
      quoted = true;
    } else if (ch === ',' || ch === '，') {
      fields.push(field);
      field = '';
    } else if (ch === '\r' || ch === '\n') {
      endRow(i);
      if (ch === '\r' && text[i + 1] === '\n') i++;
      line++;
      rowLine = line;
      rowStart = i + 1;
    } else field += ch;
  }
  if (field !== '' || fields.length > 0) endRow(text.length);
  return rows;
}

function isHeader(fields: string[]): boolean {
  return fields.some((f) => /课程|星期|节数|周数/.test(f)) && parseWeekday(fields[1]) === undefined;
}

/** The course of one row's fields, or why there is none. */
function readRow(fields: string[]): Omit<Draft, 'line' | 'text'> | string {
  const f = fields.map((x) => x.trim());
  if (f.length < 7) return `只有 ${f.length} 列，需要 7 列：${WAKEUP_CSV_HEADER}`;
  const [name, dayText, startText, endText, teacher, room, weeksText] = f;
  if (!name) return '课程名称是空的';
  const day = parseWeekday(dayText);
  if (day === undefined) return `星期“${dayText}”看不懂，要写 1-7 或 周一…周日`;
  const startNode = parseNode(startText);
  if (startNode === undefined) return `开始节数“${startText}”看不懂`;
  const endNode = endText === '' ? startNode : parseNode(endText);
  if (endNode === undefined) return `结束节数“${endText}”看不懂`;
  const weeks = parseWeeks(weeksText, LIMITS.maxWeek);
  if ('error' in weeks) return weeks.error;
  return { name, day, startNode, endNode, weeks: weeks.weeks, room, teacher };
}

export const parseWakeupCsv: Importer = (content) => {
  const warnings: ImportWarning[] = [];
  const drafts: Draft[] = [];
  const rows = csvRows(content).filter((r) => r.fields.some((f) => f.trim() !== ''));
  for (const [index, row] of rows.entries()) {
    if (index === 0 && isHeader(row.fields)) continue;
    const text = cap(row.raw, 200);
    const read = readRow(row.fields);
    if (typeof read === 'string') warnings.push({ line: row.line, text, reason: read });
    else drafts.push({ ...read, line: row.line, text });
  }
  if (drafts.length === 0 && warnings.length === 0) warnings.push(fileWarning('', `文件里没有课程（第一行应是 ${WAKEUP_CSV_HEADER}）`));
  return finish(drafts, warnings);
};
