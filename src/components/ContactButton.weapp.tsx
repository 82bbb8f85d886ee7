// 联系客服 on weapp: WeChat's own customer-service session. session-from names the shop, so the
// bot (the support function, on WeChat's message push) answers from that shop's FAQ.
import { Button as TaroButton, View } from '@tarojs/components';
import type { ContactButtonProps } from './ContactButton';
import './ui/ui.css';
import './ContactButton.css';

export function ContactButton({ merchantId, testId = 'contact-support' }: ContactButtonProps) {
  return (
    <View className='contact-support'>
      <TaroButton className='ui-btn ui-btn-ghost ui-btn-small' data-testid={testId} openType='contact' sessionFrom={merchantId ? `shop:${merchantId}` : ''}>
        联系客服
      </TaroButton>
    </View>
  );
}
