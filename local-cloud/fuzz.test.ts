// Random events to every action of every function: always a typed result, never a throw or an
// INTERNAL, and a refusal writes nothing (the one exception: a failed share open is itself
// recorded, by design).
import fc from 'fast-check';
import { functions } from './functions';
import { testCloud } from './testing';

const RECORDED_REFUSALS = new Set(['CODE_INVALID']);

describe.each(Object.keys(functions))('random events to %s', (name) => {
  it('answer typed results and write nothing when refused', async () => {
    const { call, fingerprint } = await testCloud();
    const actions = Object.keys(functions[name].actions);
    const event = fc.oneof(
      fc
        .record({ action: fc.constantFrom(...actions), fields: fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }) })
        .map(({ action, fields }) => ({ ...fields, action })),
      fc.record(
        {
          action: fc.constantFrom(...actions),
          code: fc.string(),
          scene: fc.integer(),
          targetType: fc.constantFrom('product', 'koc', 'x'),
          targetId: fc.string(),
          channel: fc.string(),
          days: fc.jsonValue(),
        },
        { requiredKeys: ['action'] },
      ),
      fc.jsonValue({ maxDepth: 2 }),
    );
    await fc.assert(
      fc.asyncProperty(event, fc.constantFrom('demo-student-1', 'demo-merchant-1', ''), async (ev, openid) => {
        const before = fingerprint();
        const res = await call(name, openid, ev as Record<string, unknown>);
        expect(typeof res.ok).toBe('boolean');
        if (!res.ok) {
          expect(res.code).not.toBe('INTERNAL');
          expect(typeof res.message).toBe('string');
          if (!RECORDED_REFUSALS.has(res.code)) expect(fingerprint()).toBe(before);
        }
      }),
      { numRuns: 300 },
    );
  });
});
