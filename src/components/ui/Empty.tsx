import { Text, View } from '@tarojs/components';
import { Button } from './Button';

/** An empty or error state that always leaves a way out when given one (回首页, 重试, 去逛逛). */
export function Empty({
  title,
  hint,
  actionText,
  onAction,
  secondaryText,
  onSecondary,
  testId,
}: {
  title: string;
  hint?: string;
  actionText?: string;
  onAction?: () => unknown;
  secondaryText?: string;
  onSecondary?: () => unknown;
  testId?: string;
}) {
  return (
    <View className='ui-empty' data-testid={testId}>
      <View className='ui-empty-icon' />
      <Text className='ui-empty-title'>{title}</Text>
      {hint ? <Text className='ui-empty-hint'>{hint}</Text> : null}
      <View className='ui-empty-actions'>
        {secondaryText && onSecondary ? <Button onClick={onSecondary}>{secondaryText}</Button> : null}
        {actionText && onAction ? (
          <Button type='primary' onClick={onAction}>
            {actionText}
          </Button>
        ) : null}
      </View>
    </View>
  );
}
