// A cloud function is a set of actions. Every event is {action, ...fields}; the fields are
// checked by the action's schema before anything runs, and whatever happens the caller gets
// {ok: true, data} or {ok: false, code, message}.
// A namespace import, not `import { z }`: only then can esbuild leave zod's unused locales out of
// the function bundles (scripts/build-functions.mjs).
import * as z from 'zod';
import zhCN from 'zod/v4/locales/zh-CN.js';
import type { CodeOf, FunctionName } from '../core/contracts/codes';
import { fail, type Result } from '../core/result';
import type { Ctx } from './context';

// Validation messages in Chinese: they reach students as the reason a request was refused.
z.config(zhCN());

/** An action answers its data or one of the codes C (its function's closed list, core/contracts/codes.ts). */
export interface Action<S extends z.ZodType = z.ZodType, R = unknown, C extends string = string> {
  input: S;
  /** Callable without an identity (Moments single-page mode); default false. */
  public?: boolean;
  run(ctx: Ctx, input: z.output<S>): Promise<Result<R, C>>;
}

export interface CloudFunction {
  name: string;
  actions: Record<string, Action>;
  /** The action a timer trigger runs (see FunctionOptions). */
  timerAction?: string;
  handle(event: unknown, ctx: Ctx): Promise<Result<unknown, string>>;
}

/** Typed helper so each action's input type flows into its run(), and the codes it answers out. */
export function action<S extends z.ZodType, R, C extends string = never>(def: Action<S, R, C>): Action<S, R, C> {
  return def;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}

export function isTimerEvent(event: unknown): event is { Type: string; TriggerName: string } {
  return typeof event === 'object' && event !== null && String((event as { Type?: unknown }).Type).toLowerCase() === 'timer';
}

export interface FunctionOptions {
  /** The action a timer trigger runs (WeChat sends {Type: 'Timer', TriggerName, Time}, no action). */
  timerAction?: string;
  /** Events from a platform source that carry no action (a WeChat Pay notification): SOURCE -> action. */
  sourceActions?: Record<string, string>;
}

/** A function's actions may answer only the codes declared for it (tsc refuses any other). */
export function defineFunction<F extends FunctionName>(
  name: F,
  actions: Record<string, Action<z.ZodType, unknown, CodeOf<F>>>,
  options: FunctionOptions = {},
): CloudFunction {
  return {
    name,
    actions,
    timerAction: options.timerAction,
    async handle(event, ctx) {
      let actionName: string;
      let fields: Record<string, unknown>;
      const sources = ctx.source.split(',');
      // A timer or a payment notification has no caller: WeChat vouches for it through SOURCE.
      const fromTimer = Boolean(options.timerAction) && isTimerEvent(event) && sources.includes('wx_trigger');
      const platformAction = Object.entries(options.sourceActions ?? {}).find(([source]) => sources.includes(source))?.[1];
      const fromPlatform = fromTimer || (platformAction !== undefined && typeof event === 'object' && event !== null && !('action' in event));
      if (fromTimer && options.timerAction) {
        actionName = options.timerAction;
        fields = {};
      } else if (fromPlatform && platformAction) {
        actionName = platformAction;
        fields = { ...(event as Record<string, unknown>) };
      } else {
        if (typeof event !== 'object' || event === null || Array.isArray(event)) return fail('INVALID_INPUT', '请求格式不正确');
        const { action: a, ...rest } = event as Record<string, unknown>;
        // WeChat adds userInfo to events from the client; it is not input and never identity.
        delete rest.userInfo;
        if (typeof a !== 'string' || !Object.hasOwn(actions, a)) return fail('INVALID_INPUT', `未知操作：${String(a).slice(0, 40)}`);
        actionName = a;
        fields = rest;
      }
      const act = actions[actionName];
      if (!act.public && !fromPlatform && !ctx.openid) return fail('UNAUTHENTICATED', '请先进入小程序登录');
      const parsed = act.input.safeParse(fields);
      if (!parsed.success) return fail('INVALID_INPUT', describeIssues(parsed.error));
      try {
        return await act.run(ctx, parsed.data);
      } catch (e) {
        ctx.log.error('action failed', { fn: name, action: actionName, error: e });
        return fail('INTERNAL', '服务开小差了，请稍后再试');
      }
    },
  };
}
