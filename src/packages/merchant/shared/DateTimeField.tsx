// A date and a time picked side by side, read and written in campus time.
import { Picker, Text, View } from '@tarojs/components';
import { Field } from '../../../components/ui';
import './DateTimeField.css';

export function DateTimeField(props: {
  label: string;
  day: string;
  clock: string;
  onChange: (day: string, clock: string) => void;
  error?: string;
  hint?: string;
  required?: boolean;
  testId?: string;
}) {
  return (
    <Field
      label={props.label}
      error={props.error}
      hint={props.hint ?? '北京时间'}
      required={props.required}
      testId={props.testId ? `${props.testId}-field` : undefined}
    >
      <View className='dtf'>
        <Picker mode='date' value={props.day} onChange={(e) => props.onChange(String(e.detail.value), props.clock)}>
          <View className='dtf-box' data-testid={props.testId ? `${props.testId}-date` : undefined}>
            <Text>{props.day || '选择日期'}</Text>
          </View>
        </Picker>
        <Picker mode='time' value={props.clock} onChange={(e) => props.onChange(props.day, String(e.detail.value))}>
          <View className='dtf-box dtf-time' data-testid={props.testId ? `${props.testId}-time` : undefined}>
            <Text>{props.clock || '选择时间'}</Text>
          </View>
        </Picker>
      </View>
    </Field>
  );
}
