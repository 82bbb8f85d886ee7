// Subscribe-message template ids, chosen in the mini-program's console (订阅消息 → 公共模板库)
// and given to the function as environment variables. Locally any id works (the inbox shows it).
import type { ReminderKind } from '../../core/contracts/timetable';

export const TEMPLATE_ENV: Record<ReminderKind, string> = {
  class: 'SPROUT_TMPL_CLASS',
  pickup: 'SPROUT_TMPL_PICKUP',
  group_result: 'SPROUT_TMPL_GROUP_RESULT',
};

export function templatesFrom(env: Record<string, string | undefined>): Record<ReminderKind, string> {
  return {
    class: env[TEMPLATE_ENV.class] || 'local-class-reminder',
    pickup: env[TEMPLATE_ENV.pickup] || 'local-pickup-reminder',
    group_result: env[TEMPLATE_ENV.group_result] || 'local-group-result',
  };
}
