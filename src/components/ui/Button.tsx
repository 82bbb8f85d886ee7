// The one button. Promise-aware: while the promise onClick returned is in flight, further taps
// are ignored (a `busy` state set by React lands a render late, so it cannot guard a double tap).
// Built on Taro's Button so open-type (share, chooseAvatar) keeps working on weapp.
import { Button as TaroButton, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { useRef, useState } from 'react';

export interface ButtonProps {
  type?: 'primary' | 'default' | 'danger' | 'ghost';
  size?: 'large' | 'normal' | 'small';
  block?: boolean;
  disabled?: boolean;
  loading?: boolean;
  /** May return a promise: the button shows loading and ignores taps until it settles. */
  onClick?: () => unknown;
  testId?: string;
  /** WeChat's open abilities (share, chooseAvatar, ...); weapp only. */
  openType?: 'share' | 'chooseAvatar' | 'contact';
  className?: string;
  children?: ReactNode;
}

export function Button({ type = 'default', size = 'normal', block, disabled, loading, onClick, testId, openType, className, children }: ButtonProps) {
  const inFlight = useRef(false);
  const [pending, setPending] = useState(false);
  const tap = async () => {
    if (disabled || loading || inFlight.current || !onClick) return;
    inFlight.current = true;
    const result = onClick();
    if (!(result instanceof Promise)) {
      inFlight.current = false;
      return;
    }
    setPending(true);
    try {
      await result;
    } finally {
      inFlight.current = false;
      setPending(false);
    }
  };
  const busy = Boolean(loading || pending);
  const cls = ['ui-btn', `ui-btn-${type}`, `ui-btn-${size}`, block ? 'ui-btn-block' : '', disabled ? 'is-disabled' : '', busy ? 'is-busy' : '', className ?? '']
    .filter(Boolean)
    .join(' ');
  return (
    // Our own spinner: Taro's `loading` inserts a node into the H5 button that React also manages
    // (a NotFoundError on insertBefore when it toggles).
    <TaroButton className={cls} data-testid={testId} disabled={Boolean(disabled)} openType={openType} onClick={() => void tap()}>
      {busy ? <View className='ui-spin' /> : null}
      {children}
    </TaroButton>
  );
}
