// The wrapper over wx.requestMerchantTransfer, with a fake wx whose sheet answers when the test says.
import { type MerchantTransferHost, requestMerchantTransfer, TransferCancelledError, TransferFailedError, transferProblem } from './merchant-transfer';

type Options = Parameters<NonNullable<MerchantTransferHost['requestMerchantTransfer']>>[0];

/** A fake wx: records the call and lets the test fire success or fail later, like the real sheet. */
function fakeWx() {
  const calls: Options[] = [];
  const wx = {
    requestMerchantTransfer(options: Options) {
      calls.push(options);
      return undefined; // what the real API returns: no Promise
    },
  };
  return { wx, calls };
}

const params = { mchId: '1900000001', appId: 'wxapp', package: 'PKG' };

/** Whether a promise has settled after pending callbacks had their turn. */
async function settled(p: Promise<unknown>): Promise<boolean> {
  let done = false;
  p.then(
    () => {
      done = true;
    },
    () => {
      done = true;
    },
  );
  await new Promise((r) => setTimeout(r, 10));
  return done;
}

describe('requestMerchantTransfer wrapper', () => {
  it('passes mchId, appId and package to wx and does not resolve before the sheet calls back', async () => {
    const { wx, calls } = fakeWx();
    const p = requestMerchantTransfer(wx, params);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject(params);
    expect(await settled(p)).toBe(false); // the KOC has not tapped anything yet
    calls[0].success({ errMsg: 'requestMerchantTransfer:ok' });
    await expect(p).resolves.toEqual({ errMsg: 'requestMerchantTransfer:ok' });
  });

  it("rejects with a cancel the KOC's closing the sheet (errMsg mentions cancel)", async () => {
    const { wx, calls } = fakeWx();
    const p = requestMerchantTransfer(wx, params);
    calls[0].fail({ errMsg: 'requestMerchantTransfer:fail cancel' });
    const e = await p.catch((x: unknown) => x);
    expect(e).toBeInstanceOf(TransferCancelledError);
    expect(transferProblem(e).content).toBe('可稍后在"我的佣金"里继续确认收款（24 小时内有效）');
  });

  it('rejects with a failure for any other fail', async () => {
    const { wx, calls } = fakeWx();
    const p = requestMerchantTransfer(wx, params);
    calls[0].fail({ errMsg: 'requestMerchantTransfer:fail:internal error' });
    const e = await p.catch((x: unknown) => x);
    expect(e).toBeInstanceOf(TransferFailedError);
    expect(e).not.toBeInstanceOf(TransferCancelledError);
    expect(transferProblem(e).title).toBe('确认收款没有完成');
  });

  it('an old WeChat without the API, or one that throws, is a failure without a hang', async () => {
    await expect(requestMerchantTransfer({}, params)).rejects.toBeInstanceOf(TransferFailedError);
    expect(transferProblem(await requestMerchantTransfer(undefined, params).catch((x: unknown) => x)).content).toMatch(/升级微信/);
    const throwing = {
      requestMerchantTransfer() {
        throw new Error('boom');
      },
    };
    await expect(requestMerchantTransfer(throwing, params)).rejects.toBeInstanceOf(TransferFailedError);
  });

  it('settles once: a late second callback changes nothing', async () => {
    const { wx, calls } = fakeWx();
    const p = requestMerchantTransfer(wx, params);
    calls[0].success({ errMsg: 'requestMerchantTransfer:ok' });
    calls[0].fail({ errMsg: 'requestMerchantTransfer:fail cancel' });
    await expect(p).resolves.toEqual({ errMsg: 'requestMerchantTransfer:ok' });
  });
});
