// A dashboard chart on H5: a browser canvas sized to its container, drawn by uCharts (the weapp
// build uses Chart.weapp.tsx, a `Canvas type="2d"`). data-drawn tells a test the chart is there.
import UCharts from '@qiun/ucharts';
import { View } from '@tarojs/components';
import { useEffect, useRef, useState } from 'react';
import { type ChartSpec, chartOptions } from './chart';

export interface ChartProps {
  /** The canvas id (weapp's selector query needs one; unique on the page). */
  id: string;
  spec: ChartSpec;
  /** CSS pixels. */
  height?: number;
}

export function Chart({ id, spec, height = 200 }: ChartProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  const [drawn, setDrawn] = useState(false);
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    const width = canvas.parentElement?.clientWidth || 320;
    const dpr = Math.min(window.devicePixelRatio || 1, 2);
    canvas.width = Math.round(width * dpr);
    canvas.height = Math.round(height * dpr);
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    new UCharts(chartOptions(spec, ctx, width, height, dpr));
    setDrawn(true);
  }, [spec, height]);
  return (
    <View className='db-chart' data-testid={`chart-${id}`} data-drawn={drawn ? '1' : '0'}>
      <canvas id={id} ref={ref} />
    </View>
  );
}
