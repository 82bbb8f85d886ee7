import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { useMaskedNavBar } from './mask';

/** A bottom sheet with a title and a close ×; the footer stays visible while the body scrolls. */
export function Sheet({
  open,
  title,
  onClose,
  children,
  footer,
  testId,
}: {
  open: boolean;
  title?: ReactNode;
  onClose: () => void;
  children?: ReactNode;
  footer?: ReactNode;
  testId?: string;
}) {
  useMaskedNavBar(open);
  if (!open) return null;
  return (
    <View className='ui-mask ui-sheet-mask' catchMove onClick={onClose}>
      <View className='ui-sheet' data-testid={testId} onClick={(e) => e.stopPropagation()}>
        <View className='ui-sheet-head'>
          <Text className='ui-sheet-title'>{title}</Text>
          <Text className='ui-sheet-close' onClick={onClose}>
            ×
          </Text>
        </View>
        <View className='ui-sheet-body'>{children}</View>
        {footer ? <View className='ui-sheet-foot'>{footer}</View> : null}
      </View>
    </View>
  );
}
