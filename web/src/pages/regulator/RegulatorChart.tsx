// A chart of the regulator's pages (ECharts bars and pie, the option from chartOptions):
// resized with its container, disposed with the component. Screen readers get a one-line
// summary as its label.
import { BarChart, PieChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, PieChart, AriaComponent, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface RegulatorChartProps {
  option: echarts.EChartsCoreOption;
  ariaLabel: string;
  testId: string;
  height?: number;
}

export default function RegulatorChart({ option, ariaLabel, testId, height = 320 }: RegulatorChartProps) {
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
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={ref} data-testid={testId} role="img" aria-label={ariaLabel} style={{ width: '100%', height }} />;
}
