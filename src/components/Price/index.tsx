import { formatFen } from '@core/money';
import { Text, View } from '@tarojs/components';
import './index.css';

export function Price({ fen, originalFen, size = 'md' }: { fen: number; originalFen?: number | null; size?: 'md' | 'lg' }) {
  return (
    <View className={`price price-${size}`}>
      <Text className='price-now'>{formatFen(fen)}</Text>
      {originalFen && originalFen > fen ? <Text className='price-was'>{formatFen(originalFen)}</Text> : null}
    </View>
  );
}
