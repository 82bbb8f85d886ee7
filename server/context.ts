// The one seam between production and the local cloud: a handler receives this and never
// imports wx-server-sdk. Identity is the openid WeChat injects, never a field of the event.
import type { Db } from './db/types';
import type { Log } from './log';
import type { Ports } from './ports';

/** As WeChat reports SOURCE: wx_client, wx_trigger, wx_paycallback, wx_http, scf (chains comma-joined). */
export type Source = string;

export interface Ctx extends Ports {
  /** Empty when the caller has no identity (a Moments single-page visit). */
  openid: string;
  source: Source;
  db: Db;
  now(): number;
  log: Log;
  /**
   * Milliseconds this invocation has left before the platform stops it (the function's
   * timeout). Timers page through their work while enough is left; requests ignore it.
   */
  timeLeft(): number;
  /** Calls another cloud function, as cloud.callFunction does; resolves with its result. */
  call(name: string, event: Record<string, unknown>): Promise<unknown>;
}
