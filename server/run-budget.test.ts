import { MAX_PAGE, RUN_MARGIN_MS, RunBudget } from './run-budget';

/** A run of `limitMs` on a fake clock, where each item costs `msPerItem`. */
function fakeRun(limitMs: number) {
  let elapsed = 0;
  const spend = (ms: number) => {
    elapsed += ms;
  };
  return { timeLeft: () => limitMs - elapsed, spend, elapsed: () => elapsed };
}

describe('RunBudget', () => {
  it('pages through a backlog while time is left and never runs past the limit minus the margin', async () => {
    const run = fakeRun(60_000);
    const budget = new RunBudget(run.timeLeft);
    let backlog = 10_000;
    const handled = await budget.drain(async (size) => {
      const n = Math.min(size, backlog);
      backlog -= n;
      run.spend(200 + n * 70); // a query, then 70 ms an item
      return n;
    });
    // 50 s of work at ~72 ms an item is ~690 items; the run stops before the margin.
    expect(handled).toBeGreaterThan(600);
    expect(handled).toBeLessThan(720);
    expect(run.elapsed()).toBeLessThanOrEqual(60_000 - RUN_MARGIN_MS);
  });

  it('the first page is a full page; later pages shrink to what fits', async () => {
    const run = fakeRun(60_000);
    const budget = new RunBudget(run.timeLeft);
    const sizes: number[] = [];
    await budget.drain(async (size) => {
      sizes.push(size);
      run.spend(size * 130); // 13 s a full page: three fit in 50 s, then 11 s hold 84 items
      return size;
    });
    expect(sizes[0]).toBe(MAX_PAGE);
    expect(sizes).toEqual([100, 100, 100, 84]);
    expect(run.elapsed()).toBeLessThanOrEqual(50_000);
  });

  it('stops at once when a page comes back short, or when no time is left', async () => {
    const budget = new RunBudget(fakeRun(60_000).timeLeft);
    let calls = 0;
    expect(await budget.drain(async () => (calls++, 3))).toBe(3);
    expect(calls).toBe(1);
    const spent = new RunBudget(() => RUN_MARGIN_MS - 1);
    expect(await spent.drain(async () => (calls++, 100))).toBe(0);
    expect(calls).toBe(1);
  });

  it('a share leaves the rest of the run its part of the time', async () => {
    const run = fakeRun(60_000);
    const budget = new RunBudget(run.timeLeft);
    const first = budget.share(0.6); // 30 s of the 50 s left
    await first.drain(async (size) => {
      run.spend(size * 100);
      return size;
    });
    expect(run.elapsed()).toBeLessThanOrEqual(30_000);
    expect(run.elapsed()).toBeGreaterThan(25_000);
    expect(budget.left()).toBeGreaterThanOrEqual(20_000);
  });
});
