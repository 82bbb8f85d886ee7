// What a dashboard chart draws, independent of the platform: the series and categories, and the
// uCharts options built from them. Chart.tsx (H5) and Chart.weapp.tsx (weapp) only find the
// canvas and hand its 2d context over.
import type { UChartsOptions } from '@qiun/ucharts';

export interface ChartSpec {
  type: 'line' | 'column';
  categories: string[];
  series: { name: string; data: number[] }[];
  /** Counts: whole numbers on the axis (uCharts would label 3 orders 0.6, 1.2, …). */
  counts?: boolean;
}

const COLORS = ['#16a34a', '#f0513a', '#3b82f6', '#f59e0b', '#8b5cf6'];

/**
 * uCharts draws in device pixels: width and height are the canvas's own size (CSS size ×
 * pixel ratio) and pixelRatio scales its fonts and lines; the context is not scaled.
 */
export function chartOptions(spec: ChartSpec, context: unknown, cssWidth: number, cssHeight: number, pixelRatio: number): UChartsOptions {
  const many = spec.categories.length > 10;
  const SPLITS = 4;
  const top = Math.max(0, ...spec.series.flatMap((s) => s.data));
  // A multiple of the split count, so every grid line falls on a whole number.
  const axis = spec.counts ? { min: 0, max: Math.max(SPLITS, Math.ceil(top / SPLITS) * SPLITS), fontSize: 10 } : { min: 0, fontSize: 10 };
  return {
    type: spec.type,
    context,
    width: Math.round(cssWidth * pixelRatio),
    height: Math.round(cssHeight * pixelRatio),
    pixelRatio,
    categories: spec.categories,
    series: spec.series,
    animation: false,
    background: '#FFFFFF',
    color: COLORS,
    padding: [12, 8, 4, 4],
    fontSize: 11,
    dataLabel: !many && spec.type === 'column',
    dataPointShape: !many,
    legend: { show: spec.series.length > 1, fontSize: 11 },
    xAxis: { disableGrid: true, fontSize: 10, labelCount: many ? 6 : undefined },
    yAxis: { gridType: 'dash', dashLength: 4, splitNumber: SPLITS, data: [axis] },
    extra: { column: { type: 'group', width: many ? 4 : 14 }, line: { type: 'straight', width: 2 } },
  };
}

/** '2026-11-22' → '11-22': the axis of a daily series. */
export const shortDay = (day: string) => day.slice(5);
