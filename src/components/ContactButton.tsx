// 联系客服 on H5 (and anywhere WeChat's session is not there): the app's own chat page, which
// answers from the same FAQ as WeChat's customer-service bot. The weapp build uses
// ContactButton.weapp.tsx, WeChat's own session (<button open-type="contact">).
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from './ui';
import './ContactButton.css';

export interface ContactButtonProps {
  /** The shop the questions are about; absent for the platform's own answers. */
  merchantId?: string;
  testId?: string;
}

export const chatUrl = (merchantId?: string) => `/packages/support/chat/index${merchantId ? `?merchantId=${encodeURIComponent(merchantId)}` : ''}`;

export function ContactButton({ merchantId, testId = 'contact-support' }: ContactButtonProps) {
  return (
    <View className='contact-support'>
      <Button size='small' type='ghost' testId={testId} onClick={() => Taro.navigateTo({ url: chatUrl(merchantId) })}>
        联系客服
      </Button>
    </View>
  );
}
