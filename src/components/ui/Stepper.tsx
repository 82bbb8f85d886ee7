import { Text, View } from '@tarojs/components';

/** − n + for a quantity, kept within [min, max]. */
export function Stepper({
  value,
  min = 1,
  max,
  onChange,
  testId,
}: {
  value: number;
  min?: number;
  max: number;
  onChange: (v: number) => void;
  testId?: string;
}) {
  const canDown = value > min;
  const canUp = value < max;
  return (
    <View className='ui-stepper' data-testid={testId}>
      <View
        className={`ui-stepper-btn${canDown ? '' : ' ui-stepper-off'}`}
        data-testid={testId ? `${testId}-minus` : undefined}
        onClick={() => canDown && onChange(value - 1)}
      >
        <Text>−</Text>
      </View>
      <Text className='ui-stepper-value' data-testid={testId ? `${testId}-value` : undefined}>
        {value}
      </Text>
      <View
        className={`ui-stepper-btn${canUp ? '' : ' ui-stepper-off'}`}
        data-testid={testId ? `${testId}-plus` : undefined}
        onClick={() => canUp && onChange(value + 1)}
      >
        <Text>+</Text>
      </View>
    </View>
  );
}
