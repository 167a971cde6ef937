import * as echarts from 'echarts';
import { BELOW_COLOUR, dayStretches, temperatureChartOption, type TemperatureChartInput } from './temperatureChartOption';

const labels = { series: '卧室', guarantee: '保证温度', unqualified: '不达标', axis: '°C' };

function input(over: Partial<TemperatureChartInput> = {}): TemperatureChartInput {
  return {
    readings: [
      { ts: '2026-01-05T00:00:00+08:00', value: 19.2 },
      { ts: '2026-01-05T00:10:00+08:00', value: 17.4 },
      { ts: '2026-01-05T00:20:00+08:00', value: 18.0 },
    ],
    guarantee: 18,
    labels,
    ...over,
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

describe('temperatureChartOption', () => {
  it('draws the readings as an LTTB-sampled line on a time axis', () => {
    const o = temperatureChartOption(input()) as Any;
    expect(o.xAxis.type).toBe('time');
    expect(o.series).toHaveLength(1);
    const s = o.series[0];
    expect(s.type).toBe('line');
    expect(s.sampling).toBe('lttb');
    expect(s.data).toEqual([
      [Date.parse('2026-01-04T16:00:00Z'), 19.2],
      [Date.parse('2026-01-04T16:10:00Z'), 17.4],
      [Date.parse('2026-01-04T16:20:00Z'), 18.0],
    ]);
  });

  it('keeps the guarantee line in view when every reading is far below it', () => {
    const cold = [
      { ts: '2026-01-05T00:00:00+08:00', value: 11.2 },
      { ts: '2026-01-05T00:10:00+08:00', value: 12.9 },
    ];
    const o = temperatureChartOption(input({ readings: cold })) as Any;
    expect(o.yAxis.max({ min: 11.2, max: 12.9 })).toBe(19);
    expect(o.yAxis.min({ min: 11.2, max: 12.9 })).toBe(11);
    const warm = temperatureChartOption(input({ readings: cold, guarantee: null })) as Any;
    expect(warm.yAxis.max).toBeUndefined();
  });

  it('marks the guarantee as a line and colours what is below it red', () => {
    const o = temperatureChartOption(input()) as Any;
    expect(o.series[0].markLine.data).toEqual([{ yAxis: 18, name: '保证温度' }]);
    expect(o.series[0].markLine.label.formatter).toBe('保证温度 18.0 °C');
    expect(o.visualMap.dimension).toBe(1);
    // Finite bounds below and above every value (ECharts cannot draw open-ended pieces on a line).
    expect(o.visualMap.pieces).toEqual([
      { gte: -83, lt: 18, color: BELOW_COLOUR },
      { gte: 18, lte: 120, color: expect.any(String) },
    ]);
  });

  it('has no guarantee line nor red pieces when no guarantee applies', () => {
    const o = temperatureChartOption(input({ guarantee: null })) as Any;
    expect(o.series[0].markLine).toBeUndefined();
    expect(o.visualMap).toBeUndefined();
  });

  it('zooms inside the chart and with a slider', () => {
    const o = temperatureChartOption(input({ from: '2025-11-15', to: '2026-03-15' })) as Any;
    expect(o.dataZoom.map((z: Any) => z.type)).toEqual(['inside', 'slider']);
    expect(o.xAxis.min).toBe(Date.parse('2025-11-14T16:00:00Z'));
    expect(o.xAxis.max).toBe(Date.parse('2026-03-14T16:00:00Z'));
  });

  it('shades unqualified days as whole Beijing days, consecutive ones together', () => {
    const o = temperatureChartOption(input({ unqualifiedDays: ['2026-01-07', '2026-01-05', '2026-01-06', '2026-01-09'] })) as Any;
    expect(o.series[0].markArea.data).toEqual([
      [{ name: '不达标', xAxis: Date.parse('2026-01-04T16:00:00Z') }, { xAxis: Date.parse('2026-01-07T16:00:00Z') }],
      [{ name: '不达标', xAxis: Date.parse('2026-01-08T16:00:00Z') }, { xAxis: Date.parse('2026-01-09T16:00:00Z') }],
    ]);
  });

  it('shows times in Beijing time in the tooltip', () => {
    const o = temperatureChartOption(input()) as Any;
    const text = o.tooltip.formatter([{ value: [Date.parse('2026-01-04T16:10:00Z'), 17.4] }]);
    expect(text).toBe('2026-01-05 00:10<br/>卧室: 17.4 °C');
  });
});

describe('dayStretches', () => {
  it('merges consecutive dates, across a month end', () => {
    expect(dayStretches(['2026-01-31', '2026-02-01', '2026-02-03'])).toEqual([
      ['2026-01-31', '2026-02-01'],
      ['2026-02-03', '2026-02-03'],
    ]);
    expect(dayStretches([])).toEqual([]);
  });
});

describe('ECharts draws the option', () => {
  // jsdom has no canvas: ECharts renders SVG server-side, measuring text roughly.
  beforeAll(() => {
    echarts.setPlatformAPI({ measureText: (text: string) => ({ width: text.length * 7 }) });
  });
  function draw(o: ReturnType<typeof temperatureChartOption>): string {
    const chart = echarts.init(null, undefined, { renderer: 'svg', ssr: true, width: 800, height: 320 });
    try {
      chart.setOption(o);
      return chart.renderToSVGString();
    } finally {
      chart.dispose();
    }
  }
  it('with the guarantee, the red pieces and the shaded days', () => {
    const readings = Array.from({ length: 2000 }, (_, i) => ({
      ts: new Date(Date.parse('2026-11-15T00:00:00+08:00') + i * 600_000).toISOString(),
      value: 18 + 2.5 * Math.sin(i / 30),
    }));
    const svg = draw(temperatureChartOption(input({ readings, from: '2026-11-15', to: '2026-11-29', unqualifiedDays: ['2026-11-16'] })));
    expect(svg).toContain('<svg');
    expect(svg).toContain('保证温度 18.0 °C');
  });
  it('without a guarantee', () => {
    expect(draw(temperatureChartOption(input({ guarantee: null })))).toContain('<svg');
  });
});
