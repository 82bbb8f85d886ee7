// 联系客服 on weapp: WeChat's own customer-service session. session-from names the shop (or the
// order, whose shop the server looks up), so the bot (the support function, on WeChat's message
// push) answers from that shop's FAQ.
import { Button as TaroButton, View } from '@tarojs/components';
import type { ContactButtonProps } from './ContactButton';
import './ui/ui.css';
import './ContactButton.css';

export function ContactButton({ merchantId, orderId, testId = 'contact-support' }: ContactButtonProps) {
  const from = merchantId ? `shop:${merchantId}` : orderId ? `order:${orderId}` : '';
  return (
    <View className='contact-support'>
      <TaroButton className='ui-btn ui-btn-ghost ui-btn-small' data-testid={testId} openType='contact' sessionFrom={from}>
        联系客服
      </TaroButton>
    </View>
  );
}
