// Transport on weapp: WeChat's own cloud.callFunction. (transport.h5.ts replaces this file in
// the H5 build, so a weapp build never contains the local cloud's HTTP bridge.)
import Taro from '@tarojs/taro';
import { type MerchantTransferHost, requestMerchantTransfer } from '../services/merchant-transfer';

let ready = false;
function init() {
  if (ready) return;
  // The environment is the one selected in WeChat DevTools (or set at deploy), not a constant here.
  Taro.cloud.init({ traceUser: false });
  ready = true;
}

export async function callCloud(name: string, event: Record<string, unknown>): Promise<unknown> {
  init();
  const res = await Taro.cloud.callFunction({ name, data: event });
  return res.result;
}

/** Uploads a local temp file (an avatar) to cloud storage; resolves with its fileID (cloud://...). */
export async function uploadImage(filePath: string, folder: string): Promise<string> {
  init();
  const ext = /\.(\w{2,4})$/.exec(filePath)?.[1] ?? 'jpg';
  const cloudPath = `${folder}/${Date.now()}-${Math.random().toString(36).slice(2, 10)}.${ext}`;
  return (await Taro.cloud.uploadFile({ cloudPath, filePath })).fileID;
}

/** The local cloud's sign-in page; WeChat signs students in by itself, so none here. */
export const signInPage: string | null = null;

/** The route to come back to after signing in; WeChat needs none. */
export function currentRoute(): string | null {
  return null;
}

/** The local cloud's simulated WeChat Pay; on weapp wx.requestPayment is the real sheet. */
export async function simulatePayment(_outTradeNo: string, _result: 'success' | 'fail'): Promise<void> {
  throw new Error('simulated payments exist only on the local cloud');
}

/**
 * Confirms a merchant transfer in WeChat's own sheet (wx.requestMerchantTransfer) with the package
 * the server got. Resolves only once the KOC confirmed; rejects with TransferCancelledError when
 * they closed the sheet and TransferFailedError otherwise.
 */
export async function confirmTransfer(packageInfo: string, mchId: string): Promise<void> {
  await requestMerchantTransfer(Taro as unknown as MerchantTransferHost, {
    mchId,
    appId: Taro.getAccountInfoSync().miniProgram.appId,
    package: packageInfo,
  });
}

export function onSignInPage(): boolean {
  return false;
}

export function hasIdentity(): boolean {
  return true; // WeChat injects the openid into every call
}
