// The buttons an order offers, from the server's `actions` (the page shows these and no others),
// and what each does: 付款 (WeChat Pay), 确认收货 (asked first in our dialog), 申请退款 (the
// after-sales page), 再开一团 (the campaign page of a group that did not make it).
import type { OrderAction, OrderView } from '@core/contracts/groupbuy';
import Taro from '@tarojs/taro';
import { type ReactNode, useState } from 'react';
import { getGroup } from '../../api/groupbuy';
import { confirmOrderReceipt } from '../../api/shop';
import { usePayment } from '../PaySheet/usePayment';
import { Button, Dialog, toast } from '../ui';

const LABELS: Record<OrderAction, string> = { pay: '付款', confirmReceipt: '确认收货', requestRefund: '申请退款', regroup: '再开一团' };
const PRIMARY: OrderAction[] = ['pay', 'confirmReceipt', 'regroup'];

export function useOrderActions(onChanged: () => unknown): { buttons: (o: OrderView, size?: 'small' | 'normal' | 'large') => ReactNode; overlays: ReactNode } {
  const { pay, sheet } = usePayment();
  const [confirming, setConfirming] = useState<OrderView | null>(null);

  const run = async (o: OrderView, a: OrderAction) => {
    if (a === 'pay') {
      if (await pay(o.id)) toast('支付成功', 'success');
      await onChanged();
    } else if (a === 'confirmReceipt') setConfirming(o);
    else if (a === 'requestRefund') await Taro.navigateTo({ url: `/packages/order/refund/index?id=${o.id}` });
    else if (a === 'regroup') {
      if (!o.groupId) return;
      const g = await getGroup(o.groupId);
      if (g.ok) await Taro.navigateTo({ url: `/pages/campaign/index?id=${g.data.campaignId}` });
      else toast(g.message, 'error');
    }
  };

  const buttons = (o: OrderView, size: 'small' | 'normal' | 'large' = 'small') =>
    // Refund first (secondary), the main step last: the right-most button is the one to press.
    [...o.actions]
      .sort((a, b) => Number(PRIMARY.includes(a)) - Number(PRIMARY.includes(b)))
      .map((a) => (
        <Button key={a} size={size} type={PRIMARY.includes(a) ? 'primary' : 'default'} block={size === 'large'} testId={`order-${a}`} onClick={() => run(o, a)}>
          {LABELS[a]}
        </Button>
      ));

  const overlays = (
    <>
      <Dialog
        open={Boolean(confirming)}
        title='确认收货'
        confirmText='确认收货'
        testId='confirm-receipt-dialog'
        onCancel={() => setConfirming(null)}
        onConfirm={async () => {
          if (!confirming) return;
          const res = await confirmOrderReceipt(confirming.id);
          if (!res.ok) throw new Error(res.message);
          toast('已确认收货', 'success');
          await onChanged();
        }}
      >
        确认已经拿到「{confirming?.title}」了吗？确认后钱会付给商家。
      </Dialog>
      {sheet}
    </>
  );
  return { buttons, overlays };
}
