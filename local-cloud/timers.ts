// Runs the timer triggers declared in each function's config.json, as WeChat Cloud does:
// 7-field cron (second minute hour day month weekday year), fired in campus time (UTC+8).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Cron } from 'croner';
import { CAMPUS_TZ } from '../core/time';
import type { LocalCloud } from './host';

export interface TimerTrigger {
  fn: string;
  name: string;
  config: string;
}

export function readTriggers(root: string, names: string[]): TimerTrigger[] {
  const out: TimerTrigger[] = [];
  for (const fn of names) {
    const config = JSON.parse(readFileSync(join(root, 'cloudfunctions', fn, 'config.json'), 'utf8')) as {
      triggers?: { name: string; type: string; config: string }[];
    };
    for (const t of config.triggers ?? []) if (t.type === 'timer') out.push({ fn, name: t.name, config: t.config });
  }
  return out;
}

/** Splits WeChat's 7 fields into croner's 6 and a year test. */
export function parseWeChatCron(expr: string): { pattern: string; yearMatches: (year: number) => boolean } {
  const fields = expr.trim().split(/\s+/);
  if (fields.length !== 7) throw new Error(`timer '${expr}' must have 7 fields: second minute hour day month weekday year`);
  const year = fields[6];
  const years =
    year === '*'
      ? null
      : new Set(
          year.split(',').flatMap((part) => {
            const [a, b] = part.split('-').map(Number);
            if (!Number.isInteger(a) || (b !== undefined && !Number.isInteger(b))) throw new Error(`unsupported year field '${year}'`);
            return Array.from({ length: (b ?? a) - a + 1 }, (_, i) => a + i);
          }),
        );
  return { pattern: fields.slice(0, 6).join(' '), yearMatches: (y) => years === null || years.has(y) };
}

export function timerEvent(t: TimerTrigger, now: number) {
  return { Type: 'Timer', TriggerName: t.name, Time: new Date(now).toISOString() };
}

export async function fireTimer(cloud: LocalCloud, t: TimerTrigger) {
  return cloud.invoke(t.fn, timerEvent(t, cloud.clock.now()), { source: 'wx_trigger' });
}

/** Schedules every trigger on real time; returns a stop function. */
export function startTimers(cloud: LocalCloud, triggers: TimerTrigger[], onError: (t: TimerTrigger, e: unknown) => void): () => void {
  const jobs = triggers.map((t) => {
    const { pattern, yearMatches } = parseWeChatCron(t.config);
    return new Cron(pattern, { timezone: CAMPUS_TZ, protect: true }, async () => {
      if (!yearMatches(new Date(cloud.clock.now()).getUTCFullYear())) return;
      await fireTimer(cloud, t).catch((e) => onError(t, e));
    });
  });
  return () => {
    for (const j of jobs) j.stop();
  };
}
