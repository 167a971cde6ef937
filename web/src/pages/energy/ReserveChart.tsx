// The reserve-days trend of the listed reports (ECharts line, the option from trendOption):
// resized with its container, disposed with the component. Screen readers get a one-line summary
// as its label.
import { LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { trendOption, type TrendInput } from './trendOption';

echarts.use([LineChart, AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

export interface ReserveChartProps {
  input: TrendInput;
  ariaLabel: string;
  height?: number;
}

export default function ReserveChart({ input, ariaLabel, height = 300 }: ReserveChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts>();

  useEffect(() => {
    if (!ref.current) return;
    const c = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    chart.current = c;
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      c.dispose();
      chart.current = undefined;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(trendOption(input), { notMerge: true });
  }, [input]);

  return <div ref={ref} data-testid="energy-chart" role="img" aria-label={ariaLabel} style={{ width: '100%', height }} />;
}
