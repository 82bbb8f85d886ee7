// The campus map as points on a grid: each place absolutely positioned by its metres, scaled so
// the farthest place fits the page's width (a square, its side rounded up to 500 m steps).
import { Text, View } from '@tarojs/components';
import { KIND_LABELS, type PlaceRow } from './form';

const STEP = 500;

/** The side of the square the places fit in, metres: at least 500, in 500 m steps. */
export function mapExtent(places: { x: number; y: number }[]): number {
  const far = Math.max(0, ...places.flatMap((p) => [p.x, p.y]).filter((n) => Number.isFinite(n)));
  return Math.max(STEP, Math.ceil((far + 1) / STEP) * STEP);
}

export function MapView({ places }: { places: PlaceRow[] }) {
  const points = places
    .map((p) => ({ name: p.name, kind: p.kind, x: Number(p.x), y: Number(p.y) }))
    .filter((p) => p.name.trim() && Number.isInteger(p.x) && Number.isInteger(p.y) && p.x >= 0 && p.y >= 0);
  const extent = mapExtent(points);
  const pct = (m: number) => `${Math.min(100, (m / extent) * 100)}%`;
  return (
    <View className='cs-map-wrap' data-testid='campus-map'>
      <View className='cs-map'>
        {points.map((p) => (
          <View key={p.name} className={`cs-dot cs-dot-${p.kind}`} style={{ left: pct(p.x), top: pct(p.y) }} data-testid='campus-map-dot'>
            <Text className='cs-dot-name'>{p.name}</Text>
          </View>
        ))}
      </View>
      <View className='cs-map-legend'>
        <Text className='muted'>
          每格 {extent / 10} 米 · 整张 {extent} 米见方 · 左上角是 (0, 0)
        </Text>
        <View className='cs-legend-keys'>
          <View className='cs-legend-key'>
            <View className='cs-dot-mark cs-dot-building' />
            <Text className='muted'>{KIND_LABELS.building}</Text>
          </View>
          <View className='cs-legend-key'>
            <View className='cs-dot-mark cs-dot-pickup' />
            <Text className='muted'>{KIND_LABELS.pickup}</Text>
          </View>
        </View>
      </View>
    </View>
  );
}
