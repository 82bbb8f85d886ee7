// payCallback: WeChat Pay's result for an order (cloudPay calls this function). It refuses any
// other caller, checks the amount against the stored order and is safe to receive many times.
import { z } from 'zod';
import { fail, ok } from '../../core/result';
import { action, defineFunction } from '../../server/define';
import { recordPayment } from '../../server/flows/payments';

// cloudPay's notification fields; others (appid, mchId, sign, ...) are let through and ignored.
const notification = z.object({
  returnCode: z.string().max(16),
  resultCode: z.string().max(16).optional(),
  outTradeNo: z.string().min(1).max(32),
  totalFee: z.number().int().nonnegative().optional(),
  transactionId: z.string().max(64).optional(),
});

export default defineFunction(
  'payCallback',
  {
    notify: action({
      input: notification,
      public: true,
      async run(ctx, n) {
        if (!ctx.source.split(',').includes('wx_paycallback')) return fail('FORBIDDEN', 'not a WeChat Pay callback');
        if (n.returnCode !== 'SUCCESS' || n.resultCode !== 'SUCCESS') return ok({ errcode: 0, errmsg: 'not paid', outcome: 'not_paid' });
        const outcome = await recordPayment(ctx, n.outTradeNo, n.totalFee ?? -1, n.transactionId ?? '');
        ctx.log.info('payment callback', { outTradeNo: n.outTradeNo, outcome });
        return ok({ errcode: 0, errmsg: 'OK', outcome });
      },
    }),
  },
  { sourceActions: { wx_paycallback: 'notify' } },
);
