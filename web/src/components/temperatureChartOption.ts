// The ECharts option of a room's temperature chart, built by a pure function (so it is tested
// without a canvas): readings over time as a line (LTTB sampling for a season of 10-minute
// readings), the guarantee as a dashed mark line, the stretches below the guarantee in red
// (a piecewise visualMap on the value), the days judged unqualified shaded, and zoom over the
// whole range (inside: wheel and drag; slider under the chart). Times show in Beijing time.
import type { EChartsCoreOption } from 'echarts/core';
import { formatDateTime, formatTemp, toEpochMs } from '../format';

export const BELOW_COLOUR = '#cf1322';
export const OK_COLOUR = '#1677ff';
export const GUARANTEE_COLOUR = '#fa8c16';

export interface ChartReading {
  /** RFC 3339 time. */
  ts: string;
  /** °C. */
  value: number;
}

export interface TemperatureChartInput {
  readings: ChartReading[];
  /** The guarantee (°C) the days are judged against; null when none applies. */
  guarantee: number | null;
  /** Dates (YYYY-MM-DD) judged unqualified: shaded as whole Beijing days. */
  unqualifiedDays?: string[];
  /** The range shown (RFC 3339 or YYYY-MM-DD), else the readings' own. */
  from?: string;
  to?: string;
  labels: {
    series: string;
    guarantee: string;
    unqualified: string;
    axis: string;
  };
}

/** Consecutive dates merged into [first, last] stretches. */
export function dayStretches(dates: string[]): Array<[string, string]> {
  const sorted = [...new Set(dates)].sort();
  const out: Array<[string, string]> = [];
  const dayMs = 86400 * 1000;
  for (const d of sorted) {
    const last = out[out.length - 1];
    if (last && toEpochMs(d) - toEpochMs(last[1]) === dayMs) last[1] = d;
    else out.push([d, d]);
  }
  return out;
}

export function temperatureChartOption(input: TemperatureChartInput): EChartsCoreOption {
  const { readings, guarantee, labels } = input;
  const data = readings.map((r) => [toEpochMs(r.ts), r.value] as [number, number]);
  const dayMs = 86400 * 1000;
  const stretches = dayStretches(input.unqualifiedDays ?? []).map(([a, b]) => [
    { name: labels.unqualified, xAxis: toEpochMs(a) },
    { xAxis: toEpochMs(b) + dayMs },
  ]);

  const series: Record<string, unknown> = {
    type: 'line',
    name: labels.series,
    data,
    showSymbol: false,
    sampling: 'lttb',
    connectNulls: false,
    lineStyle: { width: 1.5 },
  };
  if (guarantee !== null) {
    series.markLine = {
      silent: true,
      symbol: 'none',
      lineStyle: { color: GUARANTEE_COLOUR, type: 'dashed', width: 2 },
      label: { formatter: `${labels.guarantee} ${formatTemp(guarantee)}`, position: 'insideEndTop' },
      data: [{ yAxis: guarantee, name: labels.guarantee }],
    };
  }
  if (stretches.length > 0) {
    series.markArea = {
      silent: true,
      itemStyle: { color: 'rgba(207, 19, 34, 0.08)' },
      data: stretches,
    };
  }

  const option: EChartsCoreOption = {
    animation: false,
    aria: { enabled: true },
    grid: { left: 48, right: 24, top: 32, bottom: 72, containLabel: false },
    tooltip: {
      trigger: 'axis',
      formatter: (params: unknown) => {
        const list = Array.isArray(params) ? params : [params];
        const first = list[0] as { value?: [number, number] } | undefined;
        if (!first?.value) return '';
        return `${formatDateTime(first.value[0])}<br/>${labels.series}: ${formatTemp(first.value[1])}`;
      },
    },
    xAxis: {
      type: 'time',
      min: input.from ? toEpochMs(input.from) : undefined,
      max: input.to ? toEpochMs(input.to) : undefined,
      // Beijing date, and the time under it unless it is midnight.
      axisLabel: { hideOverlap: true, formatter: (v: number) => formatDateTime(v).replace(' 00:00', '').replace(' ', '\n') },
    },
    yAxis: {
      type: 'value',
      name: labels.axis,
      scale: true,
      // The guarantee line stays in view when every reading is far below (or above) it.
      ...(guarantee !== null
        ? {
            min: (v: { min: number }) => Math.floor(Math.min(v.min, guarantee - 1)),
            max: (v: { max: number }) => Math.ceil(Math.max(v.max, guarantee + 1)),
          }
        : {}),
      axisLabel: { formatter: (v: number) => v.toFixed(1) },
    },
    dataZoom: [
      { type: 'inside', xAxisIndex: 0, filterMode: 'none' },
      { type: 'slider', xAxisIndex: 0, filterMode: 'none', height: 24, bottom: 12, labelFormatter: (v: number) => formatDateTime(v) },
    ],
    series: [series],
  };
  if (guarantee !== null) {
    // Finite bounds: ECharts 5 fails ("reading 'coord'") drawing a line's gradient from pieces
    // open to ±Infinity. The bounds reach past every reading and the guarantee.
    let min = guarantee;
    let max = guarantee;
    for (const [, v] of data) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
    const low = Math.floor(min) - 100;
    const high = Math.ceil(max) + 100;
    option.visualMap = {
      show: false,
      type: 'piecewise',
      dimension: 1,
      seriesIndex: 0,
      pieces: [
        { gte: low, lt: guarantee, color: BELOW_COLOUR },
        { gte: guarantee, lte: high, color: OK_COLOUR },
      ],
    };
  }
  return option;
}
