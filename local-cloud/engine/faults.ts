// The network and the crashes WeChat's database has and a local SQLite file does not: a delay
// before every operation (so concurrent requests interleave), a write that fails once, and a
// process that dies right after a committed write. Off unless asked for.

export interface FaultPlan {
  crashAfterWrites?: number;
  failWrite?: number;
}

export interface FaultOptions {
  /** [min, max] milliseconds before each database operation; from SPROUT_DB_LATENCY_MS=min-max. */
  latencyMs?: [number, number];
  /** Random source for the delays (the simulator passes a seeded one). */
  random?: () => number;
  /** What a crash does: kill -9 of this process by default; tests pass their own. */
  crash?: () => void;
  /** How to wait: real timers by default; the simulator passes its virtual clock's. */
  sleep?: (ms: number) => Promise<void>;
}

export function parseLatency(text: string | undefined): [number, number] | undefined {
  if (!text) return undefined;
  const m = /^(\d+)(?:-(\d+))?$/.exec(text.trim());
  if (!m) throw new Error(`SPROUT_DB_LATENCY_MS must look like 1-5 (milliseconds), not '${text}'`);
  const min = Number(m[1]);
  const max = m[2] === undefined ? min : Number(m[2]);
  if (max < min) throw new Error(`SPROUT_DB_LATENCY_MS: ${max} is below ${min}`);
  return [min, max];
}

export const killProcess = () => {
  // As abrupt as kill -9: no exit handlers, no flushing beyond what SQLite already committed.
  process.kill(process.pid, 'SIGKILL');
};

export class Faults {
  private plan: FaultPlan = {};
  private writesSinceArmed = 0;
  private attemptsSinceArmed = 0;
  latencyMs?: [number, number];
  readonly random: () => number;
  readonly crash: () => void;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(options: FaultOptions = {}) {
    this.latencyMs = options.latencyMs;
    this.random = options.random ?? Math.random;
    this.crash = options.crash ?? killProcess;
    this.sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  /** Arms a plan, counting from now; {} disarms. */
  arm(plan: FaultPlan): void {
    for (const [k, v] of Object.entries(plan)) {
      if (k !== 'crashAfterWrites' && k !== 'failWrite') throw new Error(`unknown fault '${k}'`);
      if (!Number.isInteger(v) || (v as number) < 1) throw new Error(`${k} must be a whole number from 1`);
    }
    this.plan = { ...plan };
    this.writesSinceArmed = 0;
    this.attemptsSinceArmed = 0;
  }

  armed(): FaultPlan {
    return { ...this.plan };
  }

  async delay(): Promise<void> {
    if (!this.latencyMs) return;
    const [min, max] = this.latencyMs;
    await this.sleep(min + this.random() * (max - min));
  }

  /** Before a write: true when this attempt is the one that must fail. */
  failWrite(): boolean {
    if (this.plan.failWrite === undefined) return false;
    this.attemptsSinceArmed++;
    if (this.attemptsSinceArmed !== this.plan.failWrite) return false;
    this.plan.failWrite = undefined; // once
    return true;
  }

  /** After a committed write: crashes when it was the k-th (true when a test's crash hook returned). */
  committed(): boolean {
    if (this.plan.crashAfterWrites === undefined) return false;
    this.writesSinceArmed++;
    if (this.writesSinceArmed < this.plan.crashAfterWrites) return false;
    this.plan = {};
    this.crash();
    return true;
  }
}
