import { Input, Text, Textarea, View } from '@tarojs/components';
import type { ReactNode } from 'react';

export interface FieldProps {
  label: ReactNode;
  error?: string;
  hint?: string;
  required?: boolean;
  children?: ReactNode;
  testId?: string;
}

/** A labelled form row; its error shows in red right under it. */
export function Field({ label, error, hint, required, children, testId }: FieldProps) {
  return (
    <View className={`ui-field${error ? ' ui-field-bad' : ''}`} data-testid={testId}>
      <Text className='ui-field-label'>
        {label}
        {required ? <Text className='ui-field-req'> *</Text> : null}
      </Text>
      <View className='ui-field-control'>{children}</View>
      {error ? (
        <Text className='ui-field-error' data-testid={testId ? `${testId}-error` : undefined}>
          {error}
        </Text>
      ) : hint ? (
        <Text className='ui-field-hint'>{hint}</Text>
      ) : null}
    </View>
  );
}

export interface TextFieldProps {
  label: ReactNode;
  value: string;
  onInput: (value: string) => void;
  type?: 'text' | 'number' | 'digit' | 'idcard';
  placeholder?: string;
  error?: string;
  hint?: string;
  required?: boolean;
  maxlength?: number;
  testId?: string;
  /** Called when the field loses focus, to check it then. */
  onBlur?: () => void;
}

export function TextField({ label, value, onInput, type = 'text', placeholder, error, hint, required, maxlength = 140, testId, onBlur }: TextFieldProps) {
  return (
    <Field label={label} error={error} hint={hint} required={required} testId={testId ? `${testId}-field` : undefined}>
      <Input
        className='ui-input'
        type={type}
        value={value}
        placeholder={placeholder}
        placeholderClass='ui-placeholder'
        maxlength={maxlength}
        data-testid={testId}
        onInput={(e) => onInput(e.detail.value)}
        onBlur={onBlur}
      />
    </Field>
  );
}

/** A multi-line field: the box fills the row, the count sits under its right edge, the error below. */
export function TextAreaField({ label, value, onInput, placeholder, error, hint, required, maxlength = 200, testId, onBlur }: Omit<TextFieldProps, 'type'>) {
  return (
    <Field label={label} error={error} hint={hint} required={required} testId={testId ? `${testId}-field` : undefined}>
      <Textarea
        className='ui-textarea'
        value={value}
        placeholder={placeholder}
        placeholderClass='ui-placeholder'
        maxlength={maxlength}
        data-testid={testId}
        onInput={(e) => onInput(e.detail.value)}
        onBlur={onBlur}
      />
      <Text className='ui-field-count'>
        {value.length}/{maxlength}
      </Text>
    </Field>
  );
}
