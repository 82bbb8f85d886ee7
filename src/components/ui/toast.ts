import Taro from '@tarojs/taro';

/**
 * A short message. WeChat cuts icon toasts to 7 characters, so longer messages go without
 * an icon rather than lose their end.
 */
export function toast(message: string, kind: 'success' | 'error' | 'none' = 'none'): void {
  const icon = kind !== 'none' && message.length <= 7 ? kind : 'none';
  void Taro.showToast({ title: message, icon, duration: icon === 'none' ? 2500 : 1500 });
}
