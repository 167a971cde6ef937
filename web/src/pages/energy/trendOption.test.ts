import * as echarts from 'echarts';
import type { ReserveSeries } from './logic';
import { FUEL_COLOUR, LOW_COLOUR, trendOption, type TrendInput } from './trendOption';

const NAMES: Record<string, string> = { coal: '燃煤', gas: '天然气' };

function input(over: Partial<TrendInput> = {}): TrendInput {
  const series: ReserveSeries[] = [
    {
      key: 'coal',
      company_id: 1,
      fuel: 'coal',
      points: [
        { day: '2026-12-01', value: 34.2, low: false },
        { day: '2026-12-02', value: 28.5, low: true },
      ],
    },
    {
      key: 'gas',
      company_id: 1,
      fuel: 'gas',
      points: [
        { day: '2026-12-01', value: null, low: false },
        { day: '2026-12-02', value: 41, low: false },
      ],
    },
  ];
  return {
    series,
    threshold: 30,
    name: (s) => NAMES[s.fuel] ?? s.fuel,
    labels: { threshold: '储备下限 30 天（W 6.2.2）', axis: '天', days: (n) => (n === '—' ? n : `${n} 天`) },
    ...over,
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;
const DEC1 = Date.parse('2026-11-30T16:00:00Z');
const DEC2 = Date.parse('2026-12-01T16:00:00Z');

describe('trendOption', () => {
  it('draws a line per fuel over Beijing days, in the fuel colours', () => {
    const o = trendOption(input()) as Any;
    expect(o.xAxis.type).toBe('time');
    expect(o.series.map((s: Any) => [s.type, s.name])).toEqual([
      ['line', '燃煤'],
      ['line', '天然气'],
    ]);
    expect(o.series[0].lineStyle.color).toBe(FUEL_COLOUR.coal);
    expect(o.series[1].data.map((d: Any) => d.value)).toEqual([
      [DEC1, null],
      [DEC2, 41],
    ]);
    expect(o.series[1].connectNulls).toBe(false);
  });

  it('marks the threshold as a red dashed line, once, and the low days as red points', () => {
    const o = trendOption(input()) as Any;
    expect(o.series[0].markLine.data).toEqual([{ yAxis: 30, name: '储备下限 30 天（W 6.2.2）' }]);
    expect(o.series[0].markLine.lineStyle).toMatchObject({ color: LOW_COLOUR, type: 'dashed' });
    expect(o.series[1].markLine).toBeUndefined();
    expect(o.series[0].data[1].itemStyle).toEqual({ color: LOW_COLOUR });
    expect(o.series[0].data[0].itemStyle).toBeUndefined();
  });

  it('keeps the threshold in view when every reserve is far above or missing', () => {
    const o = trendOption(input()) as Any;
    expect(o.yAxis.min).toBe(0);
    expect(o.yAxis.max({ max: 12 })).toBe(33);
    expect(o.yAxis.max({ max: 100 })).toBe(110);
    expect(o.yAxis.max({ max: -Infinity })).toBe(33);
  });

  it("leaves several companies' lines to the palette", () => {
    const o = trendOption(input({ series: input().series.map((s, i) => ({ ...s, company_id: i + 1, key: `${i + 1}-${s.fuel}` })) })) as Any;
    expect(o.series[0].lineStyle).toBeUndefined();
  });

  it('shows the day and each fuel in the tooltip', () => {
    const o = trendOption(input()) as Any;
    const text = o.tooltip.formatter([
      { seriesName: '燃煤', marker: '', value: [DEC2, 28.5] },
      { seriesName: '天然气', marker: '', value: [DEC2, null] },
    ]);
    expect(text).toBe('2026-12-02<br/>燃煤: 28.5 天<br/>天然气: —');
  });
});

describe('ECharts draws the option', () => {
  // jsdom has no canvas: ECharts renders SVG server-side, measuring text roughly.
  beforeAll(() => {
    echarts.setPlatformAPI({ measureText: (text: string) => ({ width: text.length * 7 }) });
  });
  it('with the lines, the red points and the threshold', () => {
    const chart = echarts.init(null, undefined, { renderer: 'svg', ssr: true, width: 800, height: 300 });
    try {
      chart.setOption(trendOption(input()));
      const svg = chart.renderToSVGString();
      expect(svg).toContain('<svg');
      expect(svg).toContain('储备下限 30 天（W 6.2.2）');
    } finally {
      chart.dispose();
    }
  });
});
