// Virtual time for the simulator (TigerBeetle's VOPR is the model): every database delay is a
// sleep on this clock, and the simulator releases sleepers one at a time in (time, order)
// order only when nothing else can run. The SQLite engine is synchronous, so once the
// microtasks are drained every request is waiting on a sleep, and a seed replays exactly.

export function seededRandom(seed: number): () => number {
  // mulberry32: small, fast, and the same numbers on every machine.
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Sleeper {
  at: number;
  seq: number;
  wake: () => void;
}

const drain = () => new Promise<void>((r) => setImmediate(r));

export class VirtualScheduler {
  private readonly sleepers: Sleeper[] = [];
  private seq = 0;
  now = 0;

  sleep = (ms: number): Promise<void> =>
    new Promise((wake) => {
      this.sleepers.push({ at: this.now + ms, seq: this.seq++, wake });
    });

  /** Runs until every started request has finished (or waits on nothing this clock controls). */
  async runUntilIdle(): Promise<void> {
    for (let steps = 0; steps < 1_000_000; steps++) {
      await drain();
      await drain();
      if (!this.sleepers.length) return;
      let next = 0;
      for (let i = 1; i < this.sleepers.length; i++) {
        const s = this.sleepers[i];
        const b = this.sleepers[next];
        if (s.at < b.at || (s.at === b.at && s.seq < b.seq)) next = i;
      }
      const [s] = this.sleepers.splice(next, 1);
      this.now = s.at;
      s.wake();
    }
    throw new Error('scheduler: too many steps (a request that never finishes?)');
  }
}
