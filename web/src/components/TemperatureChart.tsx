// A room's temperature over time (ECharts, the option from temperatureChartOption): resized with
// its container, disposed with the component. Screen readers get a one-line summary as its label.
import { LineChart } from 'echarts/charts';
import {
  AriaComponent,
  DataZoomComponent,
  GridComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapPiecewiseComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { withAriaLabel } from './chartAria';
import { temperatureChartOption, type TemperatureChartInput } from './temperatureChartOption';

echarts.use([
  LineChart,
  AriaComponent,
  DataZoomComponent,
  GridComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapPiecewiseComponent,
  CanvasRenderer,
]);

export interface TemperatureChartProps extends TemperatureChartInput {
  /** What a screen reader hears for the chart. */
  ariaLabel: string;
  height?: number;
}

export default function TemperatureChart({ ariaLabel, height = 320, ...input }: TemperatureChartProps) {
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
    chart.current?.setOption(withAriaLabel(temperatureChartOption(input), ariaLabel), { notMerge: true });
    // The input's parts decide the option; a new array of the same readings is a new chart.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [input.readings, input.guarantee, input.unqualifiedDays, input.from, input.to, input.labels, ariaLabel]);

  return <div ref={ref} data-testid="temperature-chart" role="img" aria-label={ariaLabel} style={{ width: '100%', height }} />;
}
