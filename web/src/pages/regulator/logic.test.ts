import { ApiError } from '../../api/client';
import { translate } from '../../i18n';
import { complaintsOption, sharesOption } from './chartOptions';
import { comparisonReport, weihai, zibo } from './fixture';
import {
  activeChannels,
  basisText,
  comparisonQuery,
  comparisonRefusal,
  heatingSeason,
  lineValue,
  MAX_POOL_FEN,
  measureName,
  per10000Text,
  periodKey,
  periodOf,
  poolText,
  ratePercent,
  readFilters,
  readPool,
  reportPeriodText,
  scoreWorking,
  sharePercent,
  sharesTotal,
  workbookName,
  writeFilters,
  type ComparisonFilters,
} from './logic';

const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate('zh-CN', key, vars);

describe('the filters in the URL', () => {
  const month = (over: Partial<ComparisonFilters> = {}): ComparisonFilters => ({ period: 'month', month: '2026-11', from: '', to: '', policy: '', poolFen: null, ...over });

  it('reads the month, the profile and the pool, ignoring what is not one', () => {
    expect(readFilters(new URLSearchParams('month=2026-11&policy=weihai&pool_fen=100000'), '2026-12-04')).toEqual(month({ policy: 'weihai', poolFen: 100000 }));
    // The previous month by default; a bad profile, a pool out of range or not whole: none.
    expect(readFilters(new URLSearchParams('month=2026-13&policy=a b&pool_fen=1.5'), '2026-01-10')).toEqual(month({ month: '2025-12' }));
    expect(readFilters(new URLSearchParams(`pool_fen=${MAX_POOL_FEN + 1}`), '2026-12-04').poolFen).toBeNull();
    expect(readFilters(new URLSearchParams(`pool_fen=${MAX_POOL_FEN}`), '2026-12-04').poolFen).toBe(MAX_POOL_FEN);
    expect(readFilters(new URLSearchParams('pool_fen=0'), '2026-12-04').poolFen).toBe(0);
  });

  it('reads a run of days as the indicators page does, unless the page offers months only', () => {
    const season = readFilters(new URLSearchParams('from=2025-11-15&to=2026-03-15&month=2026-01&policy=weihai'), '2026-04-02');
    expect(season).toEqual({ period: 'range', month: '2026-03', from: '2025-11-15', to: '2026-03-15', policy: 'weihai', poolFen: null });
    // Reversed ends swapped; a run longer than 366 days, half a run or not days: the month.
    expect(readFilters(new URLSearchParams('from=2026-03-15&to=2025-11-15'), '2026-04-02')).toMatchObject({ period: 'range', from: '2025-11-15', to: '2026-03-15' });
    expect(readFilters(new URLSearchParams('from=2025-01-01&to=2026-01-02&month=2025-12'), '2026-04-02')).toMatchObject({ period: 'month', month: '2025-12', from: '', to: '' });
    expect(readFilters(new URLSearchParams('from=2025-11-15'), '2026-04-02')).toMatchObject({ period: 'month', month: '2026-03' });
    expect(readFilters(new URLSearchParams('from=2025-11-15&to=2026-02-30'), '2026-04-02').period).toBe('month');
    // 补贴份额测算 offers months only.
    expect(readFilters(new URLSearchParams('from=2025-11-15&to=2026-03-15'), '2026-04-02', false)).toEqual(month({ month: '2026-03' }));
  });

  it('writes them back, the period always, and makes the query for the same period', () => {
    const f = month({ policy: 'zibo', poolFen: 0 });
    expect(writeFilters(f).toString()).toBe('month=2026-11&policy=zibo&pool_fen=0');
    expect(writeFilters(month()).toString()).toBe('month=2026-11');
    expect(comparisonQuery(f, true)).toEqual({ month: '2026-11', policy: 'zibo', pool_fen: 0, format: undefined });
    // The comparison page sends no pool.
    expect(comparisonQuery(f, false, 'xlsx')).toEqual({ month: '2026-11', policy: 'zibo', pool_fen: undefined, format: 'xlsx' });
    expect(comparisonQuery(month(), true).policy).toBeUndefined();
    expect(workbookName(periodKey(f))).toBe('regulator-companies-2026-11.xlsx');

    const season = month({ period: 'range', from: '2025-11-15', to: '2026-03-15', policy: 'weihai' });
    expect(writeFilters(season).toString()).toBe('from=2025-11-15&to=2026-03-15&policy=weihai');
    expect(comparisonQuery(season, false)).toEqual({ from: '2025-11-15', to: '2026-03-15', policy: 'weihai', pool_fen: undefined, format: undefined });
    expect(comparisonQuery(season, false, 'xlsx')).toEqual({ from: '2025-11-15', to: '2026-03-15', policy: 'weihai', pool_fen: undefined, format: 'xlsx' });
    expect(comparisonQuery(season, false)).not.toHaveProperty('month');
    expect(workbookName(periodKey(season))).toBe('regulator-companies-2025-11-15..2026-03-15.xlsx');
  });

  it.each([
    ['2026-01-10', '2025-11-15', '2026-03-15'],
    ['2026-03-15', '2025-11-15', '2026-03-15'],
    ['2026-07-01', '2025-11-15', '2026-03-15'],
    ['2026-11-14', '2025-11-15', '2026-03-15'],
    ['2026-11-15', '2026-11-15', '2027-03-15'],
    ['2026-12-31', '2026-11-15', '2027-03-15'],
  ])('fills 整个供暖季 on %s with %s..%s (the season under way, or the last)', (today, from, to) => {
    expect(heatingSeason(today)).toEqual({ from, to });
  });

  it("reads a report's period: a month as it is, a run of days in words", () => {
    expect(reportPeriodText(t, '2026-01')).toBe('2026-01');
    expect(reportPeriodText(t, '2025-11-15..2026-03-15')).toBe('2025-11-15 至 2026-03-15');
  });
});

describe('the pool typed in yuan', () => {
  it.each([
    ['', null],
    ['  ', null],
    ['0', 0],
    ['-0', 0],
    ['1000000', 100000000],
    ['1,000,000', 100000000],
    ['1，000', 100000],
    ['12.3', 1230],
    ['12.34', 1234],
    ['0.01', 1],
    ['.5', 50],
    ['7.', 700],
    ['0001.10', 110],
    ['100000000000', MAX_POOL_FEN],
    ['100000000000.00', MAX_POOL_FEN],
  ])('reads %j as %j fen', (text, fen) => {
    expect(readPool(text)).toEqual({ fen });
  });

  it.each([
    ['-5', 'negative'],
    ['-0.01', 'negative'],
    ['1.234', 'format'],
    ['abc', 'format'],
    ['1e6', 'format'],
    ['.', 'format'],
    ['-', 'format'],
    ['1.2.3', 'format'],
    ['100000000000.01', 'tooLarge'],
    ['1000000000000', 'tooLarge'],
  ])('refuses %j (%s)', (text, error) => {
    expect(readPool(text)).toEqual({ error });
  });

  it('shows fen as the yuan a user types', () => {
    expect(poolText(null)).toBe('');
    expect(poolText(100000000)).toBe('1000000');
    expect(poolText(1230)).toBe('12.30');
    expect(poolText(5)).toBe('0.05');
    // Read back exactly.
    for (const fen of [0, 1, 99, 100, 123456, MAX_POOL_FEN]) expect(readPool(poolText(fen))).toEqual({ fen });
  });
});

describe('figures and words', () => {
  it('formats rates, shares and the period', () => {
    expect(ratePercent(0.9375)).toBe('93.75%');
    expect(ratePercent(0.96)).toBe('96%');
    expect(ratePercent(null)).toBe('—');
    expect(per10000Text(23.333333)).toBe('23.33');
    expect(per10000Text(null)).toBe('—');
    expect(sharePercent(61234, 100000)).toBe('61.23%');
    expect(sharePercent(null, 100000)).toBe('—');
    expect(sharePercent(0, 0)).toBe('—');
    expect(sharesTotal(comparisonReport(100000).companies)).toBe(100000);
    expect(sharesTotal(comparisonReport(null).companies)).toBe(0);
    expect(periodOf({ from: '2026-11-01T00:00:00+08:00', until: '2026-12-01T00:00:00+08:00' })).toEqual({ from: '2026-11-01', to: '2026-11-30' });
  });

  it('names the measures and puts the server words in Chinese', () => {
    expect(measureName(t, 'R-KPI-C')).toBe('室温合格率');
    expect(measureName(t, 'complaint-rate')).toBe('万户投诉量');
    expect(measureName(t, 'on-time-reply')).toBe('按时办结率');
    expect(measureName(t, 'something-new')).toBe('something-new');
    expect(lineValue(t, '23.33 per 10,000')).toBe('23.33 件/万户');
    expect(lineValue(t, '(best 20.00 per 10,000 + 1) ÷ (23.33 per 10,000 + 1) × 100 = 90.00')).toBe('(best 20.00 件/万户 + 1) ÷ (23.33 件/万户 + 1) × 100 = 90.00');
    expect(lineValue(t, '0.35‰')).toBe('0.35‰');
    expect(basisText(t, 'Z 4.3 (platform default)')).toBe('Z 4.3（平台默认）');
    expect(basisText(t, 'W 14.4')).toBe('W 14.4');
    expect(scoreWorking(t, 'no applicable measure: 0.00')).toBe('无适用指标：0.00');
    expect(scoreWorking(t, '(15 × 100.00) ÷ 15 = 100.00')).toBe('(15 × 100.00) ÷ 15 = 100.00');
  });

  it('keeps the channels with a complaint at any company', () => {
    expect(activeChannels([weihai, zibo])).toEqual(['city-hotline', 'phone', 'web']);
    expect(activeChannels([])).toEqual([]);
  });
});

describe('refusals', () => {
  it('puts a 400 or an unknown profile above the page, the field marked; the rest is the page error', () => {
    expect(comparisonRefusal(new ApiError(400, 'invalid_argument', 'the companies compared use the profiles weihai, zibo', 'policy'))).toEqual({
      field: 'policy',
      key: 'regulator.error.choosePolicy',
      message: 'the companies compared use the profiles weihai, zibo',
    });
    expect(comparisonRefusal(new ApiError(404, 'not_found', 'no profile x', 'policy'))?.key).toBe('regulator.error.unknownPolicy');
    expect(comparisonRefusal(new ApiError(400, 'invalid_argument', 'month must be YYYY-MM', 'month'))?.key).toBe('regulator.error.month');
    expect(comparisonRefusal(new ApiError(400, 'invalid_argument', 'from must be a date YYYY-MM-DD', 'from'))).toEqual({ field: 'from', key: 'regulator.error.from', message: 'from must be a date YYYY-MM-DD' });
    expect(comparisonRefusal(new ApiError(400, 'invalid_argument', 'from..to must be at most 366 days', 'to'))?.key).toBe('regulator.error.to');
    expect(comparisonRefusal(new ApiError(400, 'invalid_argument', 'pool_fen must be…', 'pool_fen'))?.field).toBe('pool_fen');
    expect(comparisonRefusal(new ApiError(400, 'invalid_argument', 'format must be json or xlsx', 'format'))?.key).toBe('regulator.error.input');
    expect(comparisonRefusal(new ApiError(403, 'permission_denied', 'no'))).toBeNull();
    expect(comparisonRefusal(new ApiError(404, 'not_found', 'no'))).toBeNull();
    expect(comparisonRefusal(new Error('offline'))).toBeNull();
    expect(comparisonRefusal(undefined)).toBeNull();
  });
});

describe('chart options', () => {
  const name = (c: { company_name: string }) => c.company_name;

  it('stacks complaints per 10,000 households by channel beside the scores on their own axis', () => {
    const option = complaintsOption({ companies: [weihai, zibo], companyName: name, channelName: (ch) => `#${ch}`, labels: { per10000: '万户投诉量', score: '得分' } }) as {
      xAxis: { data: string[] };
      yAxis: Array<{ name: string; max?: number }>;
      series: Array<{ name: string; stack?: string; yAxisIndex: number; data: Array<number | null> }>;
    };
    expect(option.xAxis.data).toEqual(['威海热电', '淄博热力']);
    expect(option.yAxis.map((a) => a.name)).toEqual(['万户投诉量', '得分']);
    expect(option.yAxis[1].max).toBe(100);
    expect(option.series.map((s) => [s.name, s.stack, s.yAxisIndex])).toEqual([
      ['#city-hotline', 'per10000', 0],
      ['#phone', 'per10000', 0],
      ['#web', 'per10000', 0],
      ['得分', undefined, 1],
    ]);
    expect(option.series[0].data).toEqual([8.33, 7.5]);
    // The channels stack up to the company's per-10,000 figure.
    const stacked = [0, 1].map((i) => option.series.slice(0, 3).reduce((s, x) => s + (x.data[i] ?? 0), 0));
    expect(stacked[0]).toBeCloseTo(25, 1);
    expect(option.series[3].data).toEqual([97.5, 61.7]);
  });

  it('shows the shares as a pie, or the scores as bars without a pool', () => {
    const report = comparisonReport(100000000);
    const pie = sharesOption({ companies: report.companies, poolFen: 100000000, companyName: name, labels: { share: '份额', score: '得分' } }) as {
      series: Array<{ type: string; data: Array<{ name: string; value: number; share_fen: number }> }>;
      tooltip: { formatter: (p: unknown) => string };
    };
    expect(pie.series[0].type).toBe('pie');
    expect(pie.series[0].data.map((d) => [d.name, d.value])).toEqual([
      ['威海热电', 612340],
      ['淄博热力', 387660],
    ]);
    expect(pie.tooltip.formatter({ name: '威海热电', value: 612340, data: pie.series[0].data[0] })).toBe('威海热电<br/>¥612,340.00 (61.23%)');
    const bars = sharesOption({ companies: comparisonReport(null).companies, poolFen: null, companyName: name, labels: { share: '份额', score: '得分' } }) as {
      series: Array<{ type: string; data: number[] }>;
    };
    expect(bars.series.map((s) => [s.type, s.data])).toEqual([['bar', [97.5, 61.7]]]);
  });
});
