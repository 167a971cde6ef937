// A chart of the regulator's pages (ECharts bars and pie, the option from chartOptions), drawn
// by components/EChart.
import { BarChart, PieChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import EChart, { type EChartProps } from '../../components/EChart';

echarts.use([BarChart, PieChart, AriaComponent, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type RegulatorChartProps = EChartProps;

export default function RegulatorChart(props: RegulatorChartProps) {
  return <EChart {...props} />;
}
