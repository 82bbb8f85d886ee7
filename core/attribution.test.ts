import fc from 'fast-check';
import { type AttributionSettings, type Binding, DAY_MS, decideBinding, explainBinding, isActive } from './attribution';

const people = ['u0', 'u1', 'u2', 'u3'];
type Step =
  | { kind: 'open'; customer: string; sharer: string; channel: 'chat' | 'group' | 'moments' | 'poster' }
  | { kind: 'wait'; ms: number }
  | { kind: 'order'; customer: string };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('open' as const),
    customer: fc.constantFrom(...people),
    sharer: fc.constantFrom(...people),
    channel: fc.constantFrom('chat' as const, 'group' as const, 'moments' as const, 'poster' as const),
  }),
  fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 40 * DAY_MS }) }),
  fc.record({ kind: fc.constant('order' as const), customer: fc.constantFrom(...people) }),
);
const settings: fc.Arbitrary<AttributionSettings> = fc.record({
  model: fc.constantFrom('first_touch' as const, 'last_touch' as const),
  windowDays: fc.integer({ min: 1, max: 30 }),
  newCustomersOnly: fc.boolean(),
});

/** Runs a sequence of opens, orders and clock moves, checking every decision against the rules. */
function run(s: AttributionSettings, steps: Step[]) {
  let now = Date.parse('2026-09-01T00:00:00Z');
  const bindings = new Map<string, Binding | null>();
  const ordered = new Set<string>();
  for (const st of steps) {
    if (st.kind === 'wait') now += st.ms;
    else if (st.kind === 'order') ordered.add(st.customer);
    else {
      const before = bindings.get(st.customer) ?? null;
      const sharerBinding = bindings.get(st.sharer) ?? null;
      const d = decideBinding(s, {
        customer: st.customer,
        sharer: st.sharer,
        channel: st.channel,
        code: 'c',
        at: now,
        current: before,
        sharerBoundTo: isActive(sharerBinding, now) ? sharerBinding.sharer : null,
        customerHasOrdered: ordered.has(st.customer),
      });
      expect(explainBinding(s, d, now)).not.toBe('');
      if (st.sharer === st.customer) expect(d.bind).toBe(false); // self-referral never binds
      if (!d.bind) expect(d.binding).toBe(before);
      if (s.newCustomersOnly && ordered.has(st.customer)) expect(d.bind).toBe(false);
      const eligible =
        st.sharer !== st.customer &&
        !(isActive(sharerBinding, now) && sharerBinding.sharer === st.customer) &&
        !(s.newCustomersOnly && ordered.has(st.customer));
      if (eligible) {
        if (!isActive(before, now))
          expect(d.binding?.sharer).toBe(st.sharer); // free (or expired): binds
        else if (s.model === 'first_touch')
          expect(d.binding).toBe(before); // first touch keeps within the window
        else expect(d.binding?.sharer).toBe(st.sharer); // last touch takes the latest
      }
      bindings.set(st.customer, d.binding);
    }
    // Never A bound to B while B is bound to A.
    for (const [a, b] of bindings) {
      if (!isActive(b, now)) continue;
      const back = bindings.get(b.sharer) ?? null;
      expect(isActive(back, now) && back.sharer === a).toBe(false);
    }
  }
}

describe('binding rules', () => {
  it('hold over random sequences of opens, orders and clock moves', () => {
    fc.assert(
      fc.property(settings, fc.array(step, { maxLength: 40 }), (s, steps) => run(s, steps)),
      { numRuns: 1000 },
    );
  });

  it('first touch: kept inside the window, released after it', () => {
    const s: AttributionSettings = { model: 'first_touch', windowDays: 30, newCustomersOnly: false };
    const t = Date.parse('2026-09-01T00:00:00Z');
    const first = decideBinding(s, {
      customer: 'c',
      sharer: 'a',
      channel: 'group',
      code: 'x',
      at: t,
      current: null,
      sharerBoundTo: null,
      customerHasOrdered: false,
    });
    expect(first).toMatchObject({ bind: true, code: 'BOUND', binding: { sharer: 'a', channel: 'group' } });
    const later = decideBinding(s, {
      customer: 'c',
      sharer: 'b',
      channel: 'chat',
      code: 'y',
      at: t + 3 * DAY_MS,
      current: first.binding,
      sharerBoundTo: null,
      customerHasOrdered: false,
    });
    expect(later).toMatchObject({ bind: false, code: 'KEPT_FIRST_TOUCH' });
    expect(explainBinding(s, later, t + 3 * DAY_MS)).toBe('首次触达（30 天内有效）：已在 3 天前通过群聊卡片绑定，保持不变');
    const after = decideBinding(s, {
      customer: 'c',
      sharer: 'b',
      channel: 'chat',
      code: 'y',
      at: t + 30 * DAY_MS,
      current: first.binding,
      sharerBoundTo: null,
      customerHasOrdered: false,
    });
    expect(after).toMatchObject({ bind: true, code: 'REBOUND_AFTER_EXPIRY', binding: { sharer: 'b' } });
  });
});
