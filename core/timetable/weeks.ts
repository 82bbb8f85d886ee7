// Teaching weeks as students and 教务 systems write them, and back. A course keeps an explicit
// list of weeks (model.ts); these two functions read the compact text forms that WakeUp's CSV
// template, 正方's `zcd` and hand-typed input use ("1-15单", "1-5、7-11单、12-16双", "4-6周,8-13周",
// "1-16周(单)", "第1-16周", and Excel's "1月16日" for "1-16"), and write the compact form back.

export type WeeksParse = { weeks: number[] } | { error: string };

const FULL_WIDTH_DIGIT = /[０-９]/g;

/** Reads a week string; weeks come back ascending and unique, each within 1..maxWeek. */
export function parseWeeks(text: string, maxWeek = 30): WeeksParse {
  const original = text;
  const unreadable = { error: `周数“${original}”看不懂` };
  let s = String(text ?? '')
    .replace(FULL_WIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .trim();
  if (!s) return { error: '周数是空的' };
  // Excel turns "1-16" into a date; WakeUp repairs "1月16日" the same way.
  s = s.replace(/(\d+)\s*月\s*(\d+)\s*日/g, '$1-$2');
  s = s
    .replace(/[－—–~～〜]|至|到/g, '-')
    .replace(/[（【[]/g, '(')
    .replace(/[）】\]]/g, ')')
    .replace(/单周/g, '单')
    .replace(/双周/g, '双')
    .replace(/\((单|双)\)/g, '$1')
    .replace(/第/g, '')
    // "2周5周8周": a 周 followed by another number ends a part
    .replace(/周\s*(?=\d)/g, ',')
    .replace(/周/g, '');
  const parts = s.split(/[、，,;；\s]+/).filter((p) => p !== '');
  if (parts.length === 0) return unreadable;

  const set = new Set<number>();
  for (let i = 0; i < parts.length; i++) {
    let part = parts[i];
    // "1-16 单": a parity standing alone belongs to the range before it
    if (i + 1 < parts.length && /^(单|双)$/.test(parts[i + 1]) && /^\d+(-\d+)?$/.test(part)) {
      part += parts[i + 1];
      i++;
    }
    const m = /^(\d+)(?:-(\d+))?(单|双)?$/.exec(part);
    if (!m) return unreadable;
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (from > to) return { error: `周数“${original}”里的“${part}”开始周大于结束周` };
    if (from < 1 || to > maxWeek) return { error: `周数“${original}”超出了 1-${maxWeek} 周` };
    let added = 0;
    for (let w = from; w <= to; w++) {
      if (m[3] === '单' && w % 2 === 0) continue;
      if (m[3] === '双' && w % 2 === 1) continue;
      set.add(w);
      added++;
    }
    if (added === 0) return { error: `周数“${original}”里的“${part}”没有${m[3]}周` };
  }
  return { weeks: [...set].sort((a, b) => a - b) };
}

/**
 * The compact form of a set of weeks, parts joined by 、. From the smallest week left, a run of
 * consecutive weeks (2 or more) is taken first ("1-5"); otherwise a run of every other week
 * ("7-11单", "12-16双"); otherwise the week alone. parseWeeks reads the result back to the same set.
 */
export function formatWeeks(weeks: number[]): string {
  const left = new Set(weeks.filter((w) => Number.isInteger(w)));
  const parts: string[] = [];
  while (left.size > 0) {
    const a = Math.min(...left);
    let b = a;
    while (left.has(b + 1)) b++;
    if (b > a) {
      for (let w = a; w <= b; w++) left.delete(w);
      parts.push(`${a}-${b}`);
      continue;
    }
    let c = a;
    while (left.has(c + 2)) c += 2;
    for (let w = a; w <= c; w += 2) left.delete(w);
    parts.push(c > a ? `${a}-${c}${a % 2 === 1 ? '单' : '双'}` : `${a}`);
  }
  return parts.join('、');
}
