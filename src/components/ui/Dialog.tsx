// Our own modal: Taro.showModal's editable mode does not work on H5, and a reason typed into a
// dialog must survive a failed submit. onConfirm may be async; a thrown error (shown as a toast)
// or a `false` result keeps the dialog open. After a successful confirm onClose (or onCancel)
// is called so the page can set `open` back to false.
import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { Button } from './Button';
import { useMaskedNavBar } from './mask';
import { toast } from './toast';

export interface DialogProps {
  open: boolean;
  title: ReactNode;
  children?: ReactNode;
  confirmText?: string;
  /** Empty string: no cancel button. */
  cancelText?: string;
  confirmType?: 'primary' | 'danger';
  onConfirm: () => unknown;
  onCancel: () => void;
  /** Called after a successful confirm; defaults to onCancel. */
  onClose?: () => void;
  testId?: string;
}

export function Dialog({
  open,
  title,
  children,
  confirmText = '确定',
  cancelText = '取消',
  confirmType = 'primary',
  onConfirm,
  onCancel,
  onClose,
  testId,
}: DialogProps) {
  useMaskedNavBar(open);
  if (!open) return null;
  const confirm = async () => {
    let result: unknown;
    try {
      result = await onConfirm();
    } catch (e) {
      toast(e instanceof Error && e.message ? e.message : '操作失败，请重试', 'error');
      return;
    }
    if (result === false) return;
    (onClose ?? onCancel)();
  };
  return (
    <View className='ui-mask ui-dialog-mask' catchMove>
      <View className='ui-dialog' data-testid={testId}>
        <Text className='ui-dialog-title'>{title}</Text>
        {children ? <View className='ui-dialog-body'>{children}</View> : null}
        <View className='ui-dialog-actions'>
          {cancelText ? (
            <Button block onClick={onCancel} testId={testId ? `${testId}-cancel` : undefined}>
              {cancelText}
            </Button>
          ) : null}
          <Button block type={confirmType} onClick={confirm} testId={testId ? `${testId}-confirm` : undefined}>
            {confirmText}
          </Button>
        </View>
      </View>
    </View>
  );
}
