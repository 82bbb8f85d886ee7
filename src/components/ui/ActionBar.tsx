import { View } from '@tarojs/components';
import type { ReactNode } from 'react';

/** A bar fixed to the bottom (above the home indicator), with a spacer so content never hides under it. */
export function ActionBar({ children, testId }: { children?: ReactNode; testId?: string }) {
  return (
    <>
      <View className='ui-actionbar-spacer' />
      <View className='ui-actionbar' data-testid={testId}>
        {children}
      </View>
    </>
  );
}
