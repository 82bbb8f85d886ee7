// A button whose tap does nothing while it is disabled, loading or its last tap is still on its
// way. Taro's Button is only styled as disabled on H5 (the click still fires), and a `busy`
// state set by React lands a render late, so a double tap used to send two requests.
import { Button, type ButtonProps } from '@tarojs/components';
import { useRef } from 'react';

export interface ActionButtonProps extends Omit<ButtonProps, 'onClick'> {
  /** May return a promise: further taps are ignored until it settles. */
  onClick?: () => unknown;
}

export function ActionButton({ disabled, loading, onClick, className, ...rest }: ActionButtonProps) {
  const inFlight = useRef(false);
  const tap = async () => {
    if (disabled || loading || inFlight.current || !onClick) return;
    inFlight.current = true;
    try {
      await onClick();
    } finally {
      inFlight.current = false;
    }
  };
  return (
    <Button {...rest} className={`${className ?? ''}${disabled ? ' is-disabled' : ''}`} disabled={disabled} loading={loading} onClick={() => void tap()} />
  );
}
