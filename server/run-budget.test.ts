import { eachPage, MAX_PAGE, PROBE_PAGE, RUN_MARGIN_MS, RunBudget } from './run-budget';

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
    // Within the margin: at most one small page's fixed cost past limit - margin, never the limit.
    expect(run.elapsed()).toBeLessThanOrEqual(60_000 - RUN_MARGIN_MS + 500);
  });

  it('the first page is a small probe; then full pages while they fit, and the last shrinks to what fits', async () => {
    const run = fakeRun(60_000);
    const budget = new RunBudget(run.timeLeft);
    const sizes: number[] = [];
    await budget.drain(async (size) => {
      sizes.push(size);
      run.spend(size * 130); // 130 ms an item: 1.3 s for the probe, 13 s a full page, then 9.7 s hold 74 items
      return size;
    });
    expect(sizes).toEqual([PROBE_PAGE, MAX_PAGE, MAX_PAGE, MAX_PAGE, 74]);
    expect(run.elapsed()).toBeLessThanOrEqual(50_000);
  });

  it('stops at once when a page comes back short, or when no time is left', async () => {
    const budget = new RunBudget(fakeRun(60_000).timeLeft);
    let calls = 0;
    const step = (n: number) => async () => {
      calls++;
      return n;
    };
    expect(await budget.drain(step(3))).toBe(3);
    expect(calls).toBe(1);
    const spent = new RunBudget(() => RUN_MARGIN_MS - 1);
    expect(await spent.drain(step(100))).toBe(0);
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

  it('a share sizes its pages by the cost the run has measured, not a fresh guess', async () => {
    const run = fakeRun(60_000);
    const budget = new RunBudget(run.timeLeft);
    await budget.drain(async (size) => {
      const n = Math.min(size, 5); // a step with 5 items, 1 s each
      run.spend(n * 1000);
      return n;
    });
    const later = budget.share(0.1); // 10% of the ~45 s left: 4 items of 1 s
    expect(later.pageSize()).toBe(4);
  });

  it('eachPage stops between items once the time is up, and says how many it handled', async () => {
    const run = fakeRun(60_000);
    const budget = new RunBudget(run.timeLeft);
    const handled: number[] = [];
    const items = Array.from({ length: 10 }, (_, i) => ({ _id: `i${i}` }));
    const n = await eachPage(
      budget,
      async (size, last) => items.filter((x) => !last || x._id > last._id).slice(0, size),
      async (item) => {
        handled.push(Number(item._id.slice(1)));
        run.spend(20_000); // each item takes 20 s: three fill the 50 s
      },
    );
    expect(handled).toEqual([0, 1, 2]);
    expect(n).toBe(3);
  });
});
