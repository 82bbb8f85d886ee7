// The production adapter: the only file that imports wx-server-sdk. It builds the context
// from WeChat's own parts and hands the event to the function.
import * as cloud from 'wx-server-sdk';
import type { Ctx } from '../context';
import type { Db } from '../db/types';
import type { CloudFunction } from '../define';
import { jsonLog } from '../log';
import { wxCodes } from './codes';
import { wxContentCheck } from './content-check';
import { wxPay } from './pay';
import { wxPayout } from './payout';

export function wxMain(fn: CloudFunction) {
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });
  const db = cloud.database() as unknown as Db;
  return async (event: unknown) => {
    const wx = cloud.getWXContext();
    const ctx: Ctx = {
      openid: wx.OPENID ?? '',
      source: wx.SOURCE ?? '',
      db,
      now: Date.now,
      log: jsonLog({ fn: fn.name }),
      call: async (name, data) => ((await cloud.callFunction({ name, data })) as { result: unknown }).result,
      contentCheck: wxContentCheck(cloud.openapi),
      codes: wxCodes(cloud as unknown as Parameters<typeof wxCodes>[0]),
      pay: wxPay((cloud as unknown as { cloudPay: Parameters<typeof wxPay>[0] }).cloudPay, {
        subMchId: process.env.SPROUT_SUB_MCH_ID ?? '',
        envId: wx.ENV ?? '',
      }),
      payout: wxPayout(),
    };
    return fn.handle(event, ctx);
  };
}
