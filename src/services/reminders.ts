// 自提提醒 and 拼团结果 from the order and group pages: the same one-tap ask as 上课提醒. The
// template ids come from the timetable function's status, loaded once per launch when such a
// page shows, so the tap itself can ask WeChat before anything is awaited.
import type { ReminderKind } from '@core/contracts/timetable';
import { type RemindInput, remind, timetableStatus } from '../api/timetable';
import { toast } from '../components/ui';
import { askSubscribe } from './subscribe';

let templates: Partial<Record<ReminderKind, string>> = {};
let loading = false;

/** Call when a page that offers a reminder shows (before any tap). */
export function prepareReminders(): void {
  if (loading || Object.keys(templates).length > 0) return;
  loading = true;
  void timetableStatus().then((res) => {
    loading = false;
    if (res.ok) templates = res.data.templates;
  });
}

/** From the tap: asks WeChat for this template, then plans the reminder; says what happened. */
export function askReminder(input: RemindInput, planned: string): Promise<void> {
  const asked = askSubscribe(templates[input.kind] ?? '');
  return asked.then(async (answer) => {
    if (answer === 'reject') return toast('你没有允许提醒，需要时再点一次');
    if (answer === 'unavailable') return toast('微信现在无法发送提醒，请稍后再试');
    const res = await remind(input);
    if (res.ok) toast(planned);
    else toast(res.message, 'error');
  });
}
