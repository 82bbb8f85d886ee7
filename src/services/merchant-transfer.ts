// wx.requestMerchantTransfer (base library 3.3.0+) opens WeChat's 确认收款 sheet for a merchant
// transfer. It has no Promise form, and Taro passes it through unwrapped, so awaiting it resolves
// at once, before the KOC did anything. This wrapper settles only when WeChat calls back:
// success resolves; a fail whose errMsg mentions cancel is the KOC closing the sheet; any other
// fail is a failure. No Taro import here, so it is tested with a fake wx object.

export interface MerchantTransferParams {
  mchId: string;
  appId: string;
  /** package_info the server got when it started the transfer. */
  package: string;
}

interface CallbackResult {
  errMsg?: string;
}

/** What the wrapper needs of wx (or Taro, which hands the call to wx unchanged). */
export interface MerchantTransferHost {
  requestMerchantTransfer?: (options: MerchantTransferParams & { success(res: CallbackResult): void; fail(res: CallbackResult): void }) => unknown;
}

/** The KOC closed the sheet without confirming; the transfer still waits for them (24 h). */
export class TransferCancelledError extends Error {
  constructor(readonly errMsg: string) {
    super(errMsg);
    this.name = 'TransferCancelledError';
  }
}

/** The sheet could not confirm the transfer (an old WeChat, a bad package, a platform error). */
export class TransferFailedError extends Error {
  constructor(readonly errMsg: string) {
    super(errMsg);
    this.name = 'TransferFailedError';
  }
}

export function requestMerchantTransfer(host: MerchantTransferHost | undefined, params: MerchantTransferParams): Promise<CallbackResult> {
  return new Promise((resolve, reject) => {
    const request = host?.requestMerchantTransfer;
    if (typeof request !== 'function') {
      reject(new TransferFailedError('requestMerchantTransfer:fail not supported'));
      return;
    }
    try {
      request.call(host, {
        ...params,
        success: (res) => resolve(res ?? {}),
        fail: (res) => {
          const errMsg = String(res?.errMsg ?? 'requestMerchantTransfer:fail');
          reject(/cancel/i.test(errMsg) ? new TransferCancelledError(errMsg) : new TransferFailedError(errMsg));
        },
      });
    } catch (e) {
      reject(new TransferFailedError(e instanceof Error ? e.message : String(e)));
    }
  });
}

/** What to tell the KOC when the sheet did not confirm, in their words. */
export function transferProblem(e: unknown): { title: string; content: string } {
  if (e instanceof TransferCancelledError) return { title: '已取消收款', content: '可稍后在"我的佣金"里继续确认收款（24 小时内有效）' };
  if (e instanceof TransferFailedError && /not supported/.test(e.errMsg))
    return { title: '暂时无法确认收款', content: '当前微信版本过低，请升级微信后在"我的佣金"里确认收款' };
  return { title: '确认收款没有完成', content: '微信没有完成这次收款，请稍后在"我的佣金"里重试；24 小时内未确认的金额会退回余额' };
}
