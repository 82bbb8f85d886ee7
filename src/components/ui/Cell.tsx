import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';

export interface CellProps {
  title: ReactNode;
  value?: ReactNode;
  /** A grey sub-line under the title. */
  label?: ReactNode;
  arrow?: boolean;
  onClick?: () => void;
  testId?: string;
}

export function Cell({ title, value, label, arrow, onClick, testId }: CellProps) {
  return (
    <View className={`ui-cell${onClick ? ' ui-cell-tap' : ''}`} data-testid={testId} onClick={onClick}>
      <View className='ui-cell-main'>
        <Text className='ui-cell-title'>{title}</Text>
        {label ? <Text className='ui-cell-label'>{label}</Text> : null}
      </View>
      {value !== undefined && value !== null ? <View className='ui-cell-value'>{value}</View> : null}
      {arrow ? <Text className='ui-cell-arrow'>›</Text> : null}
    </View>
  );
}

export function CellGroup({ title, children, testId }: { title?: ReactNode; children?: ReactNode; testId?: string }) {
  return (
    <View className='ui-cellgroup' data-testid={testId}>
      {title ? <Text className='ui-cellgroup-title'>{title}</Text> : null}
      <View className='ui-cellgroup-body'>{children}</View>
    </View>
  );
}
