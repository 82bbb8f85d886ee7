// The refund form checked before it is sent: the amount in yuan turned into fen (core/money),
// within what can still be refunded, and the rest by the contract's own schema.
import type { RefundReason } from '@core/contracts/fulfilment';
import { orderInput } from '@core/contracts/groupbuy';
import { formatFen, parseYuan } from '@core/money';

export interface RefundForm {
  amount: string;
  reason: RefundReason | '';
  note: string;
  photos: string[];
}
export type RefundErrors = Partial<Record<'amount' | 'reason' | 'note' | 'photos', string>>;

export function checkRefund(
  orderId: string,
  refundableFen: number,
  form: RefundForm,
): { ok: true; value: { orderId: string; amountFen: number; reason: RefundReason; note: string; photos: string[] } } | { ok: false; errors: RefundErrors } {
  const errors: RefundErrors = {};
  const fen = parseYuan(form.amount);
  if (fen === null) errors.amount = '请填写金额，如 12.50';
  else if (fen <= 0) errors.amount = '退款金额要大于 0';
  else if (fen > refundableFen) errors.amount = `最多可退 ${formatFen(refundableFen)}`;
  const res = orderInput.requestRefund.safeParse({
    orderId,
    amountFen: fen ?? undefined,
    reason: form.reason || undefined,
    note: form.note,
    photos: form.photos,
  });
  if (!res.success) {
    for (const issue of res.error.issues) {
      const key = issue.path[0] as keyof RefundErrors;
      if ((key === 'reason' || key === 'note' || key === 'photos') && !errors[key]) errors[key] = issue.message;
    }
  }
  if (Object.keys(errors).length || !res.success || fen === null) return { ok: false, errors };
  return { ok: true, value: { orderId, amountFen: fen, reason: res.data.reason, note: res.data.note, photos: res.data.photos } };
}
