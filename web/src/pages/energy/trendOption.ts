// The ECharts option of the reserve-days trend, built by a pure function (tested without a
// canvas): a line per fuel (per company and fuel for several companies) over Beijing days, the
// days below the threshold as red points, and the threshold (W 6.2.2, 30 days) as a red dashed
// mark line kept in view. A day without consumption (no reserve days) is a gap in its line.
import type { EChartsCoreOption } from 'echarts/core';
import { formatDate } from '../../format';
import { dayMs, formatReserveDays, type ReserveSeries } from './logic';

export const LOW_COLOUR = '#cf1322';
export const FUEL_COLOUR: Record<string, string> = { coal: '#595959', gas: '#1677ff', oil: '#fa8c16', biomass: '#389e0d' };

export interface TrendInput {
  series: ReserveSeries[];
  threshold: number;
  /** A series' name (the fuel, or the company and the fuel). */
  name: (s: ReserveSeries) => string;
  labels: {
    /** The mark line's text: "储备下限 30 天（W 6.2.2）". */
    threshold: string;
    /** The value axis: "天". */
    axis: string;
    /** A value in the tooltip: "34.2 天". */
    days: (value: string) => string;
  };
}

interface TooltipItem {
  seriesName?: string;
  marker?: string;
  value?: [number, number | null];
}

export function trendOption(input: TrendInput): EChartsCoreOption {
  const { threshold, labels } = input;
  const several = new Set(input.series.map((s) => s.company_id)).size > 1;
  const series = input.series.map((s, i) => {
    const out: Record<string, unknown> = {
      type: 'line',
      name: input.name(s),
      showSymbol: true,
      symbolSize: 6,
      connectNulls: false,
      data: s.points.map((p) => (p.low ? { value: [dayMs(p.day), p.value], itemStyle: { color: LOW_COLOUR }, symbolSize: 9 } : { value: [dayMs(p.day), p.value] })),
    };
    // One company: each fuel its own colour. Several: ECharts's palette tells them apart.
    if (!several && FUEL_COLOUR[s.fuel]) {
      out.itemStyle = { color: FUEL_COLOUR[s.fuel] };
      out.lineStyle = { color: FUEL_COLOUR[s.fuel], width: 2 };
    }
    if (i === 0) {
      out.markLine = {
        silent: true,
        symbol: 'none',
        lineStyle: { color: LOW_COLOUR, type: 'dashed', width: 2 },
        label: { formatter: labels.threshold, position: 'insideEndTop', color: LOW_COLOUR },
        data: [{ yAxis: threshold, name: labels.threshold }],
      };
    }
    return out;
  });

  return {
    animation: false,
    aria: { enabled: true },
    grid: { left: 48, right: 24, top: 48, bottom: 32, containLabel: false },
    legend: { top: 0, type: 'scroll' },
    tooltip: {
      trigger: 'axis',
      formatter: (params: unknown) => {
        const list = (Array.isArray(params) ? params : [params]) as TooltipItem[];
        const first = list.find((p) => p.value);
        if (!first?.value) return '';
        const rows = list.map((p) => `${p.marker ?? ''}${p.seriesName ?? ''}: ${labels.days(formatReserveDays(p.value?.[1]))}`);
        return [formatDate(first.value[0]), ...rows].join('<br/>');
      },
    },
    xAxis: {
      type: 'time',
      minInterval: 86400 * 1000,
      axisLabel: { hideOverlap: true, formatter: (v: number) => formatDate(v) },
    },
    yAxis: {
      type: 'value',
      name: labels.axis,
      min: 0,
      // The threshold stays in view when every reserve is far above (or all are missing).
      max: (v: { max: number }) => Math.ceil((Math.max(Number.isFinite(v.max) ? v.max : 0, threshold) * 11) / 10),
      axisLabel: { formatter: (v: number) => String(v) },
    },
    series,
  };
}
