// WeChat's own SDK in front of the local engine. `cloud.database()` of wx-server-sdk is the
// very object functions get in production; only its requester (the one class that would send
// database actions to Tencent, `Db.reqClass` of @cloudbase/database) is replaced by one that
// hands the same actions to a LocalEngine. Query builders, serializers, argument checks and
// error shapes are therefore WeChat's. Each local database gets its own env name, so several
// can live in one process (tests open many).
import { createRequire } from 'node:module';
import type { Db } from '../server/db/types';
import type { LocalEngine, WireResult } from './engine/engine';

const requireHere = createRequire(__filename);
// The SDK's own copy of @cloudbase/database: the one whose Db.reqClass the SDK reads.
const requireFromNodeSdk = createRequire(requireHere.resolve('@cloudbase/node-sdk'));

interface SdkCloud {
  init(config: { env: string }): void;
  database(config?: { env?: string; throwOnNotFound?: boolean }): unknown;
}

const engines = new Map<string, LocalEngine>();
let counter = 0;

class LocalRequester {
  private readonly engine: LocalEngine;
  constructor(config: { env?: string }) {
    const engine = engines.get(String(config?.env));
    if (!engine) throw new Error(`no local database for env '${config?.env}' (closed?)`);
    this.engine = engine;
  }
  send(action: string, params?: Record<string, unknown>): Promise<WireResult> {
    return this.engine.send(action, params ?? {});
  }
}

let installed = false;
function sdk(): SdkCloud {
  const cloud = requireHere('wx-server-sdk') as SdkCloud;
  if (!installed) {
    const { Db } = requireFromNodeSdk('@cloudbase/database') as { Db: { reqClass: unknown } };
    // @cloudbase/node-sdk assigns Db.reqClass again on every database() call; in the local
    // cloud nothing may reach Tencent, so the local requester stays whatever is assigned.
    Object.defineProperty(Db, 'reqClass', { get: () => LocalRequester, set: () => {}, configurable: true });
    cloud.init({ env: 'sprout-local' });
    installed = true;
  }
  return cloud;
}

/** The SDK's database object answered by `engine`. */
export function sdkDatabase(engine: LocalEngine): Db {
  const env = `sprout-local-${++counter}`;
  engines.set(env, engine);
  return sdk().database({ env }) as Db;
}

export function releaseSdkDatabase(engine: LocalEngine): void {
  for (const [env, e] of engines) if (e === engine) engines.delete(env);
}
