// The home showcase: this week's best KOCs of the campus by their own paid orders, only those who
// opted in, without openids. Counts come from the rollup's counters plus the events after them.
import type { ShowcaseResults } from '../../core/contracts/koc-showcase';
import { KOC, kocSale, NICKNAME, STUDENTS, world } from '../groupbuy/fixture';

const [S1, S2, S3, S4, S5] = STUDENTS;

type Answer<T> = { ok: true; data: T } | { ok: false; code: string; message: string };

async function showcaseWorld() {
  const w = await world();
  const koc = <T>(who: string, event: Record<string, unknown>) => w.call<T>('koc', who, event) as Promise<Answer<T>>;
  const showcase = async (who = S1) => {
    const r = await koc<ShowcaseResults['showcase']>(who, { action: 'showcase' });
    if (!r.ok) throw new Error(`showcase: ${r.code} ${r.message}`);
    return r.data;
  };
  /** The analytics rollup, past its margin, so the sales so far sit in the day counters. */
  const rollup = async () => {
    w.clock.advance(5 * 60_000);
    const r = (await w.cloud.invoke('analytics', { Type: 'Timer', TriggerName: 'rollup' }, { source: 'wx_trigger' })) as { ok: boolean };
    expect(r.ok).toBe(true);
  };
  return { ...w, koc, showcase, rollup };
}

describe('koc showcase', () => {
  it('shows only KOCs who opted in, with this week’s orders through their cards, and no openids', async () => {
    const w = await showcaseWorld();
    await kocSale(w, S2, S3);
    await w.rollup();
    // The KOC sold, but did not opt in.
    expect(await w.showcase()).toEqual({ kocs: [] });

    expect(await w.koc(KOC, { action: 'myShowcase' })).toEqual({ ok: true, data: { optIn: false } });
    expect(await w.koc(KOC, { action: 'setShowcase', optIn: true })).toEqual({ ok: true, data: { optIn: true } });
    expect(await w.koc(KOC, { action: 'myShowcase' })).toEqual({ ok: true, data: { optIn: true } });
    expect((await w.showcase()).kocs).toEqual([{ nickname: NICKNAME[KOC], avatarUrl: '', tier: 'primary', tierName: '初级达人', orders: 1 }]);

    // A sale after the rollup's cursor counts too (the tail of events).
    await kocSale(w, S4, S5);
    const shown = await w.showcase(S2);
    expect(shown.kocs.map((k) => k.orders)).toEqual([2]);
    const text = JSON.stringify(shown);
    for (const openid of [KOC, ...STUDENTS]) expect(text).not.toContain(openid);

    // Opting out takes them off; a week later the sales no longer count.
    await w.koc(KOC, { action: 'setShowcase', optIn: false });
    expect(await w.showcase()).toEqual({ kocs: [] });
    await w.koc(KOC, { action: 'setShowcase', optIn: true });
    w.clock.advance(8 * 86_400_000);
    expect(await w.showcase()).toEqual({ kocs: [] });
    w.dispose();
  });

  it('only a member may opt in, and that writes nothing otherwise', async () => {
    const w = await showcaseWorld();
    const before = w.fingerprint();
    expect(await w.koc(S1, { action: 'setShowcase', optIn: true })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await w.koc(S1, { action: 'setShowcase', optIn: 'yes' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(w.fingerprint()).toBe(before);
    w.dispose();
  });
});
