// The ECharts options of the regulator's pages, built by pure functions (tested without a
// canvas): complaints per 10,000 households by company, stacked by channel, beside each company's
// score on an axis of its own (企业对比); the pool's shares as a pie, or the scores as bars when
// no pool was given (补贴份额测算).
import type { EChartsCoreOption } from 'echarts/core';
import type { CompanyComparison } from '../../api/types';
import { formatFen } from '../../format';
import { activeChannels, sharePercent } from './logic';

export const SCORE_COLOUR = '#722ed1';

function round2(value: number | null | undefined): number | null {
  return value === null || value === undefined || !Number.isFinite(value) ? null : Math.round(value * 100) / 100;
}

function points(c: Pick<CompanyComparison, 'score'>): number {
  return c.score.hundredths / 100;
}

export interface ComplaintsChartInput {
  companies: CompanyComparison[];
  /** An x-axis label: the company's name. */
  companyName: (c: CompanyComparison) => string;
  /** A channel's words: "12345 市民热线". */
  channelName: (channel: string) => string;
  labels: {
    /** The left axis: "万户投诉量". */
    per10000: string;
    /** The score series and the right axis: "得分". */
    score: string;
  };
}

/** Bars of complaints per 10,000 households stacked by channel (left axis) and the score (right, 0–100). */
export function complaintsOption(input: ComplaintsChartInput): EChartsCoreOption {
  const { companies, labels } = input;
  const channels = activeChannels(companies);
  const series: Array<Record<string, unknown>> = channels.map((channel) => ({
    type: 'bar',
    name: input.channelName(channel),
    stack: 'per10000',
    yAxisIndex: 0,
    barMaxWidth: 48,
    emphasis: { focus: 'series' },
    data: companies.map((c) => round2(c.complaints.by_channel.find((x) => x.channel === channel)?.per_10000)),
  }));
  series.push({
    type: 'bar',
    name: labels.score,
    yAxisIndex: 1,
    barMaxWidth: 32,
    itemStyle: { color: SCORE_COLOUR },
    label: { show: true, position: 'top', formatter: (p: { value: number }) => p.value.toFixed(2) },
    data: companies.map(points),
  });
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { type: 'scroll', top: 0 },
    grid: { left: 16, right: 16, top: 56, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: companies.map(input.companyName), axisLabel: { interval: 0 } },
    yAxis: [
      { type: 'value', name: labels.per10000, min: 0 },
      { type: 'value', name: labels.score, min: 0, max: 100, splitLine: { show: false } },
    ],
    series,
  };
}

export interface SharesChartInput {
  companies: CompanyComparison[];
  poolFen: number | null;
  companyName: (c: CompanyComparison) => string;
  labels: {
    /** The pie's name: "补贴份额". */
    share: string;
    /** The bars' name and axis without a pool: "得分". */
    score: string;
  };
}

interface PieTooltip {
  name: string;
  value: number;
  data: { share_fen: number };
}

/** With a pool: a pie of the shares (yuan, and percent of the pool). Without: the scores as bars. */
export function sharesOption(input: SharesChartInput): EChartsCoreOption {
  const { companies, poolFen, labels } = input;
  if (poolFen === null) {
    return {
      aria: { enabled: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 16, right: 16, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: companies.map(input.companyName), axisLabel: { interval: 0 } },
      yAxis: { type: 'value', name: labels.score, min: 0, max: 100 },
      series: [
        {
          type: 'bar',
          name: labels.score,
          barMaxWidth: 48,
          itemStyle: { color: SCORE_COLOUR },
          label: { show: true, position: 'top', formatter: (p: { value: number }) => p.value.toFixed(2) },
          data: companies.map(points),
        },
      ],
    };
  }
  return {
    aria: { enabled: true },
    tooltip: {
      trigger: 'item',
      formatter: (p: PieTooltip) => `${p.name}<br/>${formatFen(p.data.share_fen)} (${sharePercent(p.data.share_fen, poolFen)})`,
    },
    legend: { type: 'scroll', bottom: 0 },
    series: [
      {
        type: 'pie',
        name: labels.share,
        radius: ['35%', '65%'],
        center: ['50%', '45%'],
        label: { formatter: (p: PieTooltip) => `${p.name}\n${sharePercent(p.data.share_fen, poolFen)}` },
        data: companies.map((c) => ({ name: input.companyName(c), value: (c.score.share_fen ?? 0) / 100, share_fen: c.score.share_fen ?? 0 })),
      },
    ],
  };
}
