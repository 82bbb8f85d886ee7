import * as z from 'zod';
import type { FunctionName } from '../core/contracts/codes';
import { ok } from '../core/result';
import type { Ctx } from './context';
import { action, defineFunction } from './define';

const logs: unknown[] = [];
const ctx = (over: Partial<Ctx> = {}) =>
  ({
    openid: 'u1',
    source: 'wx_client',
    now: () => 0,
    log: { info() {}, warn() {}, error: (m: string, f: unknown) => logs.push([m, f]) },
    ...over,
  }) as unknown as Ctx;

// A name outside the declared list: the test function may answer any declared code.
const fn = defineFunction(
  'demo' as FunctionName,
  {
    echo: action({ input: z.strictObject({ n: z.number().int() }), run: async (_c, { n }) => ok(n * 2) }),
    boom: action({
      input: z.strictObject({}),
      run: async () => {
        throw new Error('secret database detail');
      },
    }),
    sweep: action({ input: z.strictObject({}), run: async () => ok('swept') }),
  },
  { timerAction: 'sweep' },
);

describe('defineFunction', () => {
  it('validates input, runs, and answers typed results', async () => {
    expect(await fn.handle({ action: 'echo', n: 2 }, ctx())).toEqual({ ok: true, data: 4 });
    expect(await fn.handle({ action: 'echo', n: 'x' }, ctx())).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(await fn.handle({ action: 'echo', n: 1, extra: 1 }, ctx())).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(await fn.handle({ action: 'missing' }, ctx())).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(await fn.handle(null, ctx())).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(await fn.handle({ action: 'echo', n: 1 }, ctx({ openid: '' }))).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  });

  it("explains refused input in zod's zh-CN messages, not its English default", async () => {
    const wrongType = await fn.handle({ action: 'echo', n: 'x' }, ctx());
    expect(wrongType).toEqual({ ok: false, code: 'INVALID_INPUT', message: 'n: 无效输入：期望 数字，实际接收 string' });
    const unknownKey = await fn.handle({ action: 'echo', n: 1, extra: 1 }, ctx());
    expect(unknownKey).toEqual({ ok: false, code: 'INVALID_INPUT', message: '出现未知的键(key): "extra"' });
  });

  it('answers INTERNAL without internals and logs the fault', async () => {
    const res = await fn.handle({ action: 'boom' }, ctx());
    expect(res).toMatchObject({ ok: false, code: 'INTERNAL' });
    expect(JSON.stringify(res)).not.toMatch(/secret/);
    expect((logs[0] as [string, { error: Error }])[1].error.message).toBe('secret database detail');
  });

  it('runs the timer action only for a timer event from the trigger source', async () => {
    expect(await fn.handle({ Type: 'Timer', TriggerName: 't' }, ctx({ source: 'wx_trigger', openid: '' }))).toMatchObject({ ok: true, data: 'swept' });
    expect(await fn.handle({ Type: 'Timer', TriggerName: 't' }, ctx({ source: 'wx_client' }))).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  });
});
