// The production adapter: the only file that imports wx-server-sdk. It builds the context
// from WeChat's own parts and hands the event to the function.
import * as cloud from 'wx-server-sdk';
import type { Ctx } from '../context';
import type { Db } from '../db/types';
import type { CloudFunction } from '../define';
import { jsonLog } from '../log';
import { wxCodes } from './codes';
import { wxContentCheck } from './content-check';
import { wxCustomerService } from './customer-service';
import { wxMessages } from './messages';
import type { CloudPay } from './pay';
import { payFromEnv } from './pay-provider';
import { wxPayout } from './payout';

export function wxMain(fn: CloudFunction) {
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });
  const db = cloud.database() as unknown as Db;
  return async (event: unknown, context?: { time_limit_in_ms?: number }) => {
    const started = Date.now();
    // SCF's context tells the function's timeout; 60 s is what config.json declares for timers.
    const limitMs = Number(context?.time_limit_in_ms) > 0 ? Number(context?.time_limit_in_ms) : 60_000;
    const wx = cloud.getWXContext();
    const ctx: Ctx = {
      openid: wx.OPENID ?? '',
      source: wx.SOURCE ?? '',
      db,
      now: Date.now,
      timeLeft: () => limitMs - (Date.now() - started),
      log: jsonLog({ fn: fn.name }),
      call: async (name, data) => ((await cloud.callFunction({ name, data })) as { result: unknown }).result,
      contentCheck: wxContentCheck(cloud.openapi, async (fileID) => {
        // An hour: the check's verdict is due within 30 minutes of the request.
        const res = (await cloud.getTempFileURL({ fileList: [{ fileID, maxAge: 3600 }] })) as { fileList: { tempFileURL?: string }[] };
        const url = res.fileList[0]?.tempFileURL;
        if (!url) throw new Error(`no temporary URL for ${fileID}`);
        return url;
      }),
      codes: wxCodes(cloud as unknown as Parameters<typeof wxCodes>[0]),
      pay: payFromEnv(process.env, (cloud as unknown as { cloudPay: CloudPay }).cloudPay, wx.ENV ?? ''),
      payout: wxPayout(),
      messages: wxMessages(cloud.openapi),
      customerService: wxCustomerService(cloud.openapi),
    };
    return fn.handle(event, ctx);
  };
}
