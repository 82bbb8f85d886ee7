// 联系客服 on H5 (and anywhere WeChat's session is not there): the app's own chat page, which
// answers from the same FAQ as WeChat's customer-service bot. The weapp build uses
// ContactButton.weapp.tsx, WeChat's own session (<button open-type="contact">).
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from './ui';
import './ContactButton.css';

export interface ContactButtonProps {
  /** The shop the questions are about (product page)... */
  merchantId?: string;
  /** ...or the caller's order whose shop they are about (order page); neither: the platform's answers. */
  orderId?: string;
  testId?: string;
}

export function chatUrl({ merchantId, orderId }: Pick<ContactButtonProps, 'merchantId' | 'orderId'>): string {
  const query = merchantId ? `?merchantId=${encodeURIComponent(merchantId)}` : orderId ? `?orderId=${encodeURIComponent(orderId)}` : '';
  return `/packages/support/chat/index${query}`;
}

export function ContactButton({ merchantId, orderId, testId = 'contact-support' }: ContactButtonProps) {
  return (
    <View className='contact-support'>
      <Button size='small' type='ghost' testId={testId} onClick={() => Taro.navigateTo({ url: chatUrl({ merchantId, orderId }) })}>
        联系客服
      </Button>
    </View>
  );
}
