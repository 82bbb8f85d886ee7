// A timer run's time. WeChat stops a function at its timeout (60 s for Sprout's timers), so a
// run pages through its backlog while enough time is left and leaves the rest to the next run;
// every step is safe to stop between pages. Pages are sized by time, not by a fixed count: the
// cost of one item is measured as the run goes.

/** Kept free at the end of a run: the last writes, the answer and a slow network's spikes. */
export const RUN_MARGIN_MS = 10_000;
/** WeChat's server SDK returns at most 100 documents per query. */
export const MAX_PAGE = 100;
/** The first page of a run, before anything is measured: small, so it cannot overrun a share. */
export const PROBE_PAGE = 10;

export class RunBudget {
  constructor(
    private readonly timeLeft: () => number,
    private readonly marginMs = RUN_MARGIN_MS,
    /** The slowest cost of an item seen in this run, shared by the run and all its shares. */
    private readonly cost = { msPerItem: 0 },
  ) {}

  /** Milliseconds left for work. */
  left(): number {
    return this.timeLeft() - this.marginMs;
  }

  /**
   * How many items the next page may take: as many as fit in the time left at the slowest
   * cost per item seen so far in this run (PROBE_PAGE before anything is measured); 0 when the
   * run must stop.
   */
  pageSize(): number {
    const left = this.left();
    if (left <= 0) return 0;
    if (this.cost.msPerItem === 0) return PROBE_PAGE;
    return Math.max(0, Math.min(MAX_PAGE, Math.floor(left / this.cost.msPerItem)));
  }

  /**
   * A part of the time left, for one step of a run, so one step's backlog cannot starve the
   * steps after it: the rest of the run keeps (1 - fraction) of what is left now.
   */
  share(fraction: number): RunBudget {
    const reserve = Math.max(0, this.left()) * (1 - fraction);
    return new RunBudget(() => this.timeLeft() - reserve, this.marginMs, this.cost);
  }

  /** Runs one page and learns what an item costs (the slowest seen, to stay on the safe side). */
  async page(step: () => Promise<number>): Promise<number> {
    const before = this.timeLeft();
    const n = await step();
    this.cost.msPerItem = Math.max(this.cost.msPerItem, (before - this.timeLeft()) / Math.max(n, 1));
    return n;
  }

  /**
   * Repeats `step` (which handles up to `size` items and says how many it found) while pages
   * come back full and time is left. Returns the items handled.
   */
  async drain(step: (size: number) => Promise<number>): Promise<number> {
    let total = 0;
    for (;;) {
      const size = this.pageSize();
      if (size === 0) return total;
      const n = await this.page(() => step(size));
      total += n;
      if (n < size) return total;
    }
  }
}

/**
 * A reconciler's walk over a set that handling does not shrink (open groups, orders refunding,
 * commissions waiting for their order): by _id from where the last run stopped, a page at a
 * time while the budget lasts, back to the start after the end. `page(size, after)` handles up
 * to `size` items after `after` and returns the last _id it read (or null when it read none)
 * and how many. The position is saved only when it moved, so a quiet system writes nothing.
 */
export async function walkOn(
  budget: RunBudget,
  stored: string,
  page: (size: number, after: string) => Promise<{ last: string | null; n: number }>,
  save: (position: string) => Promise<void>,
): Promise<void> {
  let from = stored;
  await budget.drain(async (size) => {
    const { last, n } = await page(size, from);
    from = n < size ? '' : (last ?? '');
    return n;
  });
  if (from !== stored) await save(from);
}

/**
 * Pages through one query while the budget lasts. `read(size, last)` reads up to `size` items
 * after `last` (the last item of the page before, null at first) in a stable order (see
 * keysetAfter), and each is handled, stopping between items when the time is up; the position
 * moves forward within the run, so items a step leaves in place (a refund WeChat refused, a
 * move another writer made) are not read again and again.
 */
export async function eachPage<T extends { _id: string }>(
  budget: RunBudget,
  read: (size: number, last: T | null) => Promise<T[]>,
  handle: (item: T) => Promise<void>,
): Promise<number> {
  let last: T | null = null;
  let total = 0;
  await budget.drain(async (size) => {
    const items = await read(size, last);
    let n = 0;
    for (const item of items) {
      if (n > 0 && budget.left() <= 0) break; // the rest waits for the next run
      await handle(item);
      last = item;
      n++;
    }
    total += n;
    // A page cut short by the time ends the step.
    return n < items.length ? 0 : items.length;
  });
  return total;
}
