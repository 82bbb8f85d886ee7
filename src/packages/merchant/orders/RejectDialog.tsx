// 驳回: the buyer reads the reason on the order, so it is required.
import { merchantInput } from '@core/contracts/groupbuy';
import { useEffect, useState } from 'react';
import { rejectRefundRequest } from '../../../api/merchant-shop';
import { Dialog, TextAreaField, toast } from '../../../components/ui';
import { check, serverErrors } from '../shared/form';

/** request: the order and the buyer's request the merchant is looking at (null: closed). */
export function RejectDialog({
  request,
  onClose,
  onRejected,
}: {
  request: { orderId: string; refundId: string } | null;
  onClose: () => void;
  onRejected: () => unknown;
}) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  useEffect(() => {
    setReason('');
    setError('');
  }, [request?.refundId]);

  const confirm = async () => {
    if (!request) return false;
    const bad = check(merchantInput.rejectRefund, { ...request, reason }, { reason: '请写明驳回原因' });
    if (bad.errors) {
      setError(bad.errors.reason ?? '请写明驳回原因');
      return false;
    }
    const res = await rejectRefundRequest(request.orderId, request.refundId, reason.trim());
    if (!res.ok) {
      if (res.code === 'INVALID_INPUT') setError(serverErrors(res.message, ['reason']).reason ?? res.message);
      else toast(res.message);
      return false;
    }
    toast('已驳回', 'success');
    await onRejected();
    return true;
  };

  return (
    <Dialog open={request !== null} title='驳回退款申请' confirmText='驳回' confirmType='danger' onConfirm={confirm} onCancel={onClose} testId='reject'>
      <TextAreaField
        label='驳回原因（买家会看到）'
        required
        value={reason}
        maxlength={100}
        placeholder='例如 商品已拆封使用，不支持无理由退款'
        error={error}
        onInput={(v) => {
          setReason(v);
          setError('');
        }}
        testId='reject-reason'
      />
    </Dialog>
  );
}
