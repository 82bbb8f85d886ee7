// The countdown on weapp: the native component (components/native/countdown). A page that uses
// it declares it: usingComponents: { 'sprout-countdown': '../../components/native/countdown/index' }.
import type { CountdownProps } from './index';

export function Countdown({ end, skew = 0, label, onExpire }: CountdownProps) {
  return <sprout-countdown end={end} skew={skew} label={label} onExpire={onExpire} />;
}
