// A student with a consented timetable on a test cloud, the clock on a Monday of term.
import type { TimetableResults } from '../../core/contracts/timetable';
import { T0, type TestCloudOptions, testCloud } from '../../local-cloud/testing';

export const STUDENT = 'tt-student';
export const OTHER = 'tt-other';
/** Monday 2026-11-23 is in week 12 of a term that started on Monday 2026-09-07. */
export const TERM_START = '2026-09-07';
export const MONDAY = '2026-11-23';

/** A campus instant: '2026-11-23 09:50' → ms. */
export const at = (dateTime: string) => Date.parse(`${dateTime.replace(' ', 'T')}:00+08:00`);

export const CSV = [
  '课程名称,星期,开始节数,结束节数,老师,地点,周数',
  '高等数学,1,1,2,王老师,一教A201,1-16',
  '大学体育,1,3,4,李老师,东区体育馆,1-16',
  '素描基础,2,5,6,赵老师,艺术楼302,1-15单',
  '有机化学实验,3,1,4,钱老师,东区实验楼101,2-16双',
].join('\n');

export async function timetableWorld(options: TestCloudOptions = {}) {
  const t = await testCloud({ seed: false, ...options });
  const setNow = (dateTime: string) => {
    const target = at(dateTime);
    const now = t.clock.now();
    if (target < now) throw new Error(`the clock only moves forward (${dateTime})`);
    t.clock.advance(target - now);
  };
  setNow(`${MONDAY} 09:50`);
  const tt = <K extends keyof TimetableResults>(action: K, event: Record<string, unknown> = {}, who = STUDENT) =>
    t.call<TimetableResults[K]>('timetable', who, { action, ...event });
  const must = async <K extends keyof TimetableResults>(action: K, event: Record<string, unknown> = {}, who = STUDENT) => {
    const res = await tt(action, event, who);
    if (!res.ok) throw new Error(`${action}: ${res.code} ${res.message}`);
    return res.data;
  };
  /** Consent, preview the CSV and save what it found. */
  const importCsv = async (who = STUDENT, csv = CSV) => {
    await must('consent', { granted: true }, who);
    const preview = await must('preview', { format: 'wakeup_csv', content: csv, termStartDate: TERM_START }, who);
    await must('save', { termStartDate: TERM_START, termWeeks: 18, courses: preview.courses }, who);
    return preview;
  };
  const tick = () =>
    t.cloud.invoke('timetable', { Type: 'Timer', TriggerName: 'reminders', Time: new Date(t.clock.now()).toISOString() }, { source: 'wx_trigger' });
  const inbox = (who = STUDENT) => t.cloud.messages.inbox(who);
  const docs = async (collection: string, where: Record<string, unknown> = {}) => (await t.cloud.db.collection(collection).where(where).get()).data;
  return { ...t, setNow, tt, must, importCsv, tick, inbox, docs, T0 };
}
