// The refund form checked before it is sent: the amount in yuan turned into fen (core/money),
// within what can still be refunded, and the reason, note and photos by the rules and messages
// of the contract (orderInput.requestRefund). Written out because zod's runtime must stay out of
// the weapp build (scripts/size-report.mjs); form.test.ts checks this against the schema.
import type { RefundReason } from '@core/contracts/fulfilment';
import { formatFen, parseYuan } from '@core/money';
import { isUpload } from '@core/uploads';

/** The contract's REFUND_REASONS (form.test.ts checks they are the same list). */
export const REASONS: readonly RefundReason[] = ['商品有质量问题', '商品与描述不符', '少件或漏发', '收到时已损坏', '不想要了', '其他'];

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
  const reason = REASONS.find((r) => r === form.reason);
  if (!reason) errors.reason = '请选择退款原因';
  const note = form.note.trim();
  if (note.length > 200) errors.note = '说明最多 200 个字';
  if (form.photos.length > 3) errors.photos = '最多 3 张照片';
  else if (!form.photos.every((f) => isUpload(f) && f.length <= 256)) errors.photos = '照片要先上传';
  if (fen === null || !reason || Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, value: { orderId, amountFen: fen, reason, note, photos: form.photos } };
}
