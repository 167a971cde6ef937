// The reserve-days trend of the listed reports (ECharts line, the option from trendOption),
// drawn by components/EChart.
import { LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useMemo } from 'react';
import EChart from '../../components/EChart';
import { trendOption, type TrendInput } from './trendOption';

echarts.use([LineChart, AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

export interface ReserveChartProps {
  input: TrendInput;
  ariaLabel: string;
  height?: number;
}

export default function ReserveChart({ input, ariaLabel, height = 300 }: ReserveChartProps) {
  const option = useMemo(() => trendOption(input), [input]);
  return <EChart option={option} ariaLabel={ariaLabel} testId="energy-chart" height={height} />;
}
