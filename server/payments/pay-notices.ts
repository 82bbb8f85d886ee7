// One path for every payment result notice, whichever way it came (cloudPay's function event,
// an APIv3 HTTP notice, the local simulator): the same idempotent flows take it.
import type { Ctx } from '../context';
import type { PayNotice } from '../ports';
import { type PaymentOutcome, recordPayment } from './payments';
import { applyRefundState, type RefundOutcome } from './refund-results';

export type NoticeOutcome = PaymentOutcome | RefundOutcome | 'not_paid' | 'ignored';

export async function handlePayNotice(ctx: Ctx, notice: PayNotice): Promise<NoticeOutcome> {
  if (notice.kind === 'ignored') return 'ignored';
  if (notice.kind === 'refund') return applyRefundState(ctx, notice.outRefundNo, notice.state, 'notice', notice.refundFen);
  if (!notice.paid) return 'not_paid';
  return recordPayment(ctx, notice.outTradeNo, notice.totalFen, notice.transactionId);
}
