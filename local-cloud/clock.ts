/** The local cloud's clock: real time plus an offset that /api/dev/clock moves forward. */
export class Clock {
  private offset = 0;
  constructor(private readonly base: () => number = Date.now) {}
  now = (): number => this.base() + this.offset;
  advance(ms: number): number {
    if (!Number.isFinite(ms) || ms < 0) throw new Error('advanceMs must be a non-negative number');
    this.offset += ms;
    return this.now();
  }
}
