// The countdown on H5: a React fallback for the native component, which H5 drops silently.
import { formatRemaining } from '@core/countdown';
import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';

export interface CountdownProps {
  end: number;
  skew?: number;
  label?: string;
  onExpire?: () => void;
}

export function Countdown({ end, skew = 0, label, onExpire }: CountdownProps) {
  const [now, setNow] = useState(() => Date.now() + skew);
  const left = end - now;
  useEffect(() => {
    if (left <= 0) {
      if (end > 0) onExpire?.();
      return;
    }
    const t = setTimeout(() => setNow(Date.now() + skew), left % 1000 || 1000);
    return () => clearTimeout(t);
  }, [left, end, skew, onExpire]);
  return (
    <View className='countdown' style={{ display: 'inline-flex', alignItems: 'baseline' }}>
      {label ? <Text style={{ color: '#5b616b', marginRight: '4px', fontSize: '12px' }}>{label}</Text> : null}
      <Text style={{ color: '#f0513a', fontWeight: 600, fontVariantNumeric: 'tabular-nums' }}>{formatRemaining(left)}</Text>
    </View>
  );
}
