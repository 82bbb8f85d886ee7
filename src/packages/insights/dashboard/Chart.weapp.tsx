// A dashboard chart on weapp: a `Canvas type="2d"` whose node the selector query finds once it
// is laid out, drawn by uCharts with the node's context (Chart.tsx is the H5 one).
import UCharts from '@qiun/ucharts';
import { Canvas, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect } from 'react';
import type { ChartProps } from './Chart';
import { chartOptions } from './chart';

type CanvasNode = { width: number; height: number; getContext(kind: '2d'): unknown };

export function Chart({ id, spec, height = 200 }: ChartProps) {
  useEffect(() => {
    Taro.nextTick(() => {
      Taro.createSelectorQuery()
        .select(`#${id}`)
        .fields({ node: true, size: true })
        .exec((res) => {
          const r = res?.[0] as { node?: CanvasNode; width: number; height: number } | undefined;
          if (!r?.node) return;
          // WeChat caps a canvas at 1365 px a side: at most 2x.
          const dpr = Math.min(Taro.getWindowInfo().pixelRatio, 2);
          r.node.width = Math.round(r.width * dpr);
          r.node.height = Math.round(r.height * dpr);
          new UCharts(chartOptions(spec, r.node.getContext('2d'), r.width, r.height, dpr));
        });
    });
  }, [id, spec]);
  return (
    <View className='db-chart'>
      <Canvas type='2d' id={id} style={{ width: '100%', height: `${height}px` }} />
    </View>
  );
}
