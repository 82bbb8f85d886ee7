import { Text } from '@tarojs/components';
import type { ReactNode } from 'react';

/** success green (done, paid), warning orange (waiting on someone), danger red (rejected, failed), info blue, neutral grey (closed, refunded). */
export type TagTone = 'success' | 'warning' | 'danger' | 'info' | 'neutral';

export function Tag({ tone, children, testId }: { tone: TagTone; children?: ReactNode; testId?: string }) {
  return (
    <Text className={`ui-tag ui-tag-${tone}`} data-testid={testId}>
      {children}
    </Text>
  );
}
