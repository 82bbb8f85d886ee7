// Subscribe-message template ids, chosen in the mini-program's console (订阅消息 → 公共模板库)
// and given to the function as environment variables (read by name, so the deployment test
// sees which the function needs). Locally any id works (the inbox shows it).
import type { ReminderKind } from '../../core/contracts/timetable';

export function templatesFrom(env: Record<string, string | undefined>): Record<ReminderKind, string> {
  return {
    class: env.SPROUT_TMPL_CLASS || 'local-class-reminder',
    pickup: env.SPROUT_TMPL_PICKUP || 'local-pickup-reminder',
    group_result: env.SPROUT_TMPL_GROUP_RESULT || 'local-group-result',
  };
}
