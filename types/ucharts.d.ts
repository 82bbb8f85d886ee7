// uCharts 2.5 ships no types: only what the dashboard's Chart (src/packages/insights/dashboard)
// passes is declared. It draws on any canvas 2d context it is given (the browser's on H5,
// `Canvas type="2d"`'s node on weapp) and keeps no reference to a platform API of its own.
declare module '@qiun/ucharts' {
  export interface UChartsSeries {
    name: string;
    data: (number | null)[];
    color?: string;
    type?: 'line' | 'column';
    index?: number;
  }
  export interface UChartsOptions {
    type: 'line' | 'column' | 'area' | 'bar' | 'mix';
    context: unknown;
    width: number;
    height: number;
    pixelRatio?: number;
    categories: string[];
    series: UChartsSeries[];
    animation?: boolean;
    background?: string;
    color?: string[];
    padding?: number[];
    fontSize?: number;
    dataLabel?: boolean;
    dataPointShape?: boolean;
    legend?: Record<string, unknown>;
    xAxis?: Record<string, unknown>;
    yAxis?: Record<string, unknown>;
    extra?: Record<string, unknown>;
  }
  export default class UCharts {
    constructor(opts: UChartsOptions);
    updateData(data: Partial<UChartsOptions>): void;
  }
}
