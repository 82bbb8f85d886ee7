// The function host: runs the very same function code as WeChat Cloud, with a context built
// from local parts: the SQLite database, the movable clock and the stand-ins.
import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backfillSearchTerms } from '../server/catalog/search';
import type { Ctx } from '../server/context';
import { indexes } from '../server/db/indexes';
import type { CloudFunction } from '../server/define';
import { jsonLog, type Log } from '../server/log';
import { Clock } from './clock';
import { EngineDead } from './engine/engine';
import { type DbOps, metered } from './engine/meter';
import { functions as allFunctions } from './functions';
import { closeLocalDatabase, type OpenOptions, openLocalEngine } from './index';
import { seedIfEmpty } from './seed/seed';
import { localCodes, localContentCheck, localCustomerService, localMessages, localPay, localPayout } from './stand-ins';

export interface LocalCloudOptions {
  /** Folder for the SQLite file; ':memory:' for a throwaway database. Default: SPROUT_DATA_DIR or .data */
  dataDir?: string;
  seed?: boolean;
  clock?: Clock;
  functions?: Record<string, CloudFunction>;
  /** The address the local cloud is reached at (for links inside QR codes). */
  publicUrl?: string;
  /** Where log lines go; default: nowhere under jest, stdout otherwise. */
  logWrite?: (line: string) => void;
  /** Latency, a seeded random source and the crash hook for the database (tests and the simulator). */
  engine?: Pick<OpenOptions, 'latencyMs' | 'random' | 'crash' | 'sleep' | 'newId'>;
  /** WeChat Pay stand-ins to reuse (a restart after a crash keeps what WeChat already knows). */
  pay?: ReturnType<typeof localPay>;
  payout?: ReturnType<typeof localPayout>;
  messages?: ReturnType<typeof localMessages>;
  /** Content checks to reuse (image checks WeChat accepted survive a restart). */
  contentCheck?: ReturnType<typeof localContentCheck>;
  /**
   * The clock a run's time limit is measured on (ms, monotonic): real time by default; a bench
   * or simulator whose database waits on a virtual clock passes real + virtual time.
   */
  runClock?: () => number;
}

/** Each function's timeout as its config.json declares it (what WeChat Cloud enforces). */
const timeouts = new Map<string, number>();
function timeoutMs(name: string): number {
  const known = timeouts.get(name);
  if (known !== undefined) return known;
  const ms = readTimeoutMs(name);
  timeouts.set(name, ms);
  return ms;
}
function readTimeoutMs(name: string): number {
  try {
    const config = JSON.parse(readFileSync(join(__dirname, '..', 'cloudfunctions', name, 'config.json'), 'utf8')) as { timeout?: number };
    return (config.timeout ?? 3) * 1000;
  } catch {
    return 3000; // WeChat's default for a function without a config
  }
}

export class UnknownFunctionError extends Error {}

export type LocalCloud = Awaited<ReturnType<typeof createLocalCloud>>;

export async function createLocalCloud(options: LocalCloudOptions = {}) {
  const dataDir = options.dataDir ?? process.env.SPROUT_DATA_DIR ?? join(process.cwd(), '.data');
  let file = ':memory:';
  let filesDir = join(tmpdir(), `sprout-files-${process.pid}`);
  if (dataDir !== ':memory:') {
    mkdirSync(dataDir, { recursive: true });
    file = join(dataDir, 'sprout.db');
    filesDir = join(dataDir, 'files');
  }
  const clock = options.clock ?? new Clock();
  const { db, engine } = openLocalEngine({ file, indexes, now: clock.now, strictCollections: true, ...options.engine });
  const fns = options.functions ?? allFunctions;
  let publicUrl = options.publicUrl ?? `http://127.0.0.1:${process.env.PORT ?? 10086}`;
  const codes = localCodes(filesDir, () => publicUrl);
  // WeChat Pay's side lives outside the process: a restarted local cloud keeps the same one.
  const pay = options.pay ?? localPay();
  const payout = options.payout ?? localPayout();
  const messages = options.messages ?? localMessages(clock.now);
  const customerService = localCustomerService(clock.now);
  const contentCheck = options.contentCheck ?? localContentCheck();
  const runClock = options.runClock ?? (() => performance.now());
  const write = options.logWrite ?? (process.env.JEST_WORKER_ID ? () => {} : (l: string) => console.log(l));

  /** Runs a function as WeChat Cloud would and tells what it cost in database operations. */
  async function invokeMetered(name: string, event: unknown, caller: { openid?: string; source?: string } = {}): Promise<{ result: unknown; ops: DbOps }> {
    const { result, ops } = await metered(() => run(name, event, caller));
    // One line per invocation, like WeChat Cloud's per-call log, so a slow action shows why.
    jsonLog({ fn: name }, write).info('db ops', { ...ops });
    return { result, ops };
  }

  async function invoke(name: string, event: unknown, caller: { openid?: string; source?: string } = {}): Promise<unknown> {
    return (await invokeMetered(name, event, caller)).result;
  }

  async function run(name: string, event: unknown, caller: { openid?: string; source?: string }): Promise<unknown> {
    const fn = fns[name];
    if (!fn) throw new UnknownFunctionError(`no cloud function named '${name}'`);
    const source = caller.source ?? 'wx_client';
    const openid = caller.openid ?? '';
    const log: Log = jsonLog({ fn: name, openid }, write);
    const started = runClock();
    const limitMs = timeoutMs(name);
    const ctx: Ctx = {
      openid,
      source,
      db,
      now: clock.now,
      timeLeft: () => limitMs - (runClock() - started),
      log,
      // A function calling a function keeps the caller's identity, as WeChat does, and adds scf to SOURCE.
      call: (other, data) => invoke(other, data, { openid, source: `${source},scf` }),
      contentCheck: contentCheck.port,
      codes,
      pay: pay.port,
      payout: payout.port,
      messages: messages.port,
      customerService: customerService.port,
    };
    // Events and results cross a wire in WeChat: pass them through JSON so nothing local-only
    // (a Date object, undefined, a class instance) leaks through.
    const wireEvent = event === undefined ? {} : JSON.parse(JSON.stringify(event));
    if (engine.crashed) throw new EngineDead();
    const result = await fn.handle(wireEvent, ctx);
    // An injected crash (in-process) ends the invocation as a dead process would: no answer.
    if (engine.crashed) throw new EngineDead();
    return JSON.parse(JSON.stringify(result));
  }

  const seeded = options.seed === false ? false : await seedIfEmpty(db, clock.now());
  // A demo database seeded by an earlier version has products without search terms.
  if (options.seed !== false) await backfillSearchTerms(db);
  const setPublicUrl = (url: string) => {
    publicUrl = url;
  };
  return {
    db,
    engine,
    clock,
    functions: fns,
    invoke,
    invokeMetered,
    seeded,
    filesDir,
    setPublicUrl,
    pay,
    payout,
    messages,
    customerService,
    contentCheck,
    close: () => closeLocalDatabase(db),
  };
}
