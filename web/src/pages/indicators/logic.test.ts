import dayjs from 'dayjs';
import { ApiError } from '../../api/client';
import type { Indicator } from '../../api/types';
import { translate } from '../../i18n';
import { formPathOf } from '../outages/logic';
import {
  addMonths,
  canPublish,
  companyCodes,
  counted,
  crossCompany,
  daysShare,
  figureText,
  idCount,
  isDay,
  isIndicatorRule,
  liveQuery,
  liveRefusal,
  monthDays,
  monthOver,
  previousMonth,
  publicQuery,
  PUBLISH_FIELDS,
  publishBody,
  publishErrorKey,
  publishedQuery,
  rangeDays,
  readFilters,
  readPublicFilters,
  recordLink,
  recordPart,
  recordsSource,
  statusColour,
  statusTag,
  stopAreaHours,
  switchPeriod,
  targetText,
  writeFilters,
  writePublicFilters,
  type IndicatorFilters,
} from './logic';

describe('roles and rules', () => {
  it.each([
    ['admin', true, true],
    ['manager', true, false],
    ['agent', false, false],
    ['regulator', false, true],
    ['technician', false, false],
    ['household', false, false],
    [undefined, false, false],
  ] as const)('%s publishes: %s, filters by company: %s', (role, publishes, cross) => {
    expect(canPublish(role)).toBe(publishes);
    expect(crossCompany(role)).toBe(cross);
  });
  it('knows the five rules only', () => {
    expect(['R-KPI-S', 'R-KPI-Q', 'R-KPI-C', 'R-KPI-P', 'R-KPI-B', 'R-KPI-X', '', null].map(isIndicatorRule)).toEqual([true, true, true, true, true, false, false, false]);
  });
});

describe('months', () => {
  it.each([
    ['2026-12-03', '2026-11'],
    ['2026-01-01', '2025-12'],
    ['2026-03-31', '2026-02'],
    ['2026-11-30', '2026-10'],
  ])('on %s the default month is %s', (today, want) => {
    expect(previousMonth(today)).toBe(want);
  });
  it.each([
    ['2026-11', 1, '2026-12'],
    ['2026-12', 1, '2027-01'],
    ['2026-01', -13, '2024-12'],
    ['bad', 1, 'bad'],
  ] as const)('%s moved by %s is %s', (month, n, want) => {
    expect(addMonths(month, n)).toBe(want);
  });
  it.each([
    ['2026-11', '2026-12-01', true],
    ['2026-11', '2026-11-30', false],
    ['2026-12', '2026-12-03', false],
    ['2025-12', '2026-01-01', true],
    ['2026-13', '2027-01-01', false],
  ] as const)('%s is over on %s: %s', (month, today, want) => {
    expect(monthOver(month, today)).toBe(want);
  });
});

describe('targetText', () => {
  it.each([
    ['R-KPI-S', 2, 'at-most', '≤ 2‰'],
    ['R-KPI-Q', 1000, 'at-least', '≥ 100%'],
    ['R-KPI-C', 990, 'at-least', '≥ 99%'],
    ['R-KPI-P', 995, 'at-least', '≥ 99.5%'],
    ['R-KPI-B', 900, 'at-least', '≥ 90%'],
    ['R-KPI-B', 905, 'at-most', '≤ 90.5%'],
    ['R-KPI-C', 1, 'at-least', '≥ 0.1%'],
    ['R-KPI-S', null, 'at-most', '—'],
  ] as const)('%s %s %s → %s', (rule, perMille, kind, want) => {
    expect(targetText(rule, perMille, kind)).toBe(want);
  });
});

describe('statuses and figures', () => {
  it.each([
    ['met', 'green', 'indicator.met', '#389e0d'],
    ['not-met', 'red', 'indicator.not_met', '#cf1322'],
    ['not-applicable', 'default', 'indicator.not_applicable', undefined],
    ['unknown', 'default', null, undefined],
  ] as const)('%s → a %s tag', (status, color, key, colour) => {
    expect(statusTag(status)).toEqual({ color, key });
    expect(statusColour(status)).toBe(colour);
  });
  it.each([
    [{ value: 0.6667, display: '66.67%' }, '66.67%'],
    [{ value: 0.00035, display: '0.35‰' }, '0.35‰'],
    [{ value: null, display: 'n/a' }, '—'],
    [{ value: 0, display: 'n/a' }, '—'],
    [{ value: 1, display: '' }, '—'],
  ])('%j shows %s', (i, want) => {
    expect(figureText(i)).toBe(want);
  });
  it('counts the ids behind a live indicator, whatever their key', () => {
    expect(idCount({ rule: 'R-KPI-S', outages: [1, 2] })).toEqual({ kind: 'outages', n: 2 });
    expect(idCount({ rule: 'R-KPI-Q', orders: [4, 5, 6] })).toEqual({ kind: 'orders', n: 3 });
    expect(idCount({ rule: 'R-KPI-C', households: [] })).toEqual({ kind: 'households', n: 0 });
    expect(idCount({ rule: 'R-KPI-X' as Indicator['rule'] })).toBeNull();
  });
});

describe('published records', () => {
  it.each([
    ['R-KPI-S', '17', { to: '/outages/17', kind: 'outage', id: 17 }],
    ['R-KPI-Q', '286/response', { to: '/work-orders/286', kind: 'order', id: 286, deadline: 'response' }],
    ['R-KPI-Q', '286', { to: '/work-orders/286', kind: 'order', id: 286 }],
    ['R-KPI-P', '31', { to: '/work-orders/31', kind: 'order', id: 31 }],
    ['R-KPI-B', '32', { to: '/work-orders/32', kind: 'order', id: 32 }],
    ['R-KPI-C', '9', { to: '/households/9', kind: 'household', id: 9 }],
    ['R-KPI-C', 'abc', null],
    ['R-KPI-Q', '/response', null],
    ['R-KPI-S', '0', null],
    ['R-KPI-X', '3', null],
  ] as const)('%s %s → %j', (rule, record, want) => {
    expect(recordLink(rule, record)).toEqual(want);
  });
  it("gives a stop's seconds × area (m²×100) as m²·hours", () => {
    // 2 hours over 1,500 m²: 7200 s × 150000.
    expect(stopAreaHours(7200 * 150000)).toBe('3000.00');
    expect(stopAreaHours(0)).toBe('0.00');
    expect(stopAreaHours(NaN)).toBe('—');
  });
  it('counts a share in the numerator when it is 1 of 1', () => {
    expect(counted({ numerator: 1 })).toBe(true);
    expect(counted({ numerator: 0 })).toBe(false);
  });
  it.each([
    ['R-KPI-Q', 1, 1, 'indicators.counted', 'counted', '计入'],
    ['R-KPI-Q', 0, 1, 'indicators.notCounted', 'not-counted', '未计入'],
    ['R-KPI-P', 1, 1, 'indicators.counted', 'counted', '计入'],
    ['R-KPI-B', 0, 1, 'indicators.notCounted', 'not-counted', '未计入'],
    ['R-KPI-C', 12, 15, 'indicators.partDays', 'plain', '12/15 日'],
    ['R-KPI-S', 7200 * 150000, 0, 'indicators.partStop', 'plain', '计入分子'],
    ['R-KPI-X', 2, 3, 'indicators.partRatio', 'plain', '2/3'],
  ] as const)("reads %s's %i of %i as %s", (rule, n, d, key, tone, words) => {
    const part = recordPart(rule, { numerator: n, denominator: d });
    expect(part).toEqual({ key, vars: { n, d }, tone });
    expect(translate('zh-CN', part.key, part.vars)).toBe(words);
  });
  it("gives a household's qualified share of its judged days", () => {
    expect(daysShare({ numerator: 12, denominator: 15 })).toBe('80%');
    expect(daysShare({ numerator: 2, denominator: 3 })).toBe('66.7%');
    expect(daysShare({ numerator: 0, denominator: 0 })).toBe('—');
  });
});

describe("a live indicator's records", () => {
  it('reads the route and the query of records_url, leaving the paging to the table', () => {
    expect(recordsSource('/api/v1/indicators/R-KPI-Q/records?from=2026-01-05&to=2026-01-06&company=3&district=7')).toEqual({
      path: '/api/v1/indicators/R-KPI-Q/records',
      query: { from: '2026-01-05', to: '2026-01-06', company: '3', district: '7' },
    });
    expect(recordsSource('/api/v1/indicators/R-KPI-C/records?month=2026-01&company=3&cursor=40&limit=5')).toEqual({
      path: '/api/v1/indicators/R-KPI-C/records',
      query: { month: '2026-01', company: '3' },
    });
    expect(recordsSource('/api/v1/indicators/R-KPI-S/records')).toEqual({ path: '/api/v1/indicators/R-KPI-S/records', query: {} });
  });
  it.each([undefined, null, '', 'https://elsewhere.test/api/v1/indicators/R-KPI-Q/records', '/api/v1/indicators/publications/7/records', '/api/v1/indicators/../users/records'])(
    'refuses %j',
    (url) => {
      expect(recordsSource(url)).toBeNull();
    },
  );
});

describe('publishing', () => {
  it('sends the month picked, and the company for the admin only', () => {
    const v = { month: dayjs('2026-11-01'), company: 3 };
    expect(publishBody(v, false)).toEqual({ month: '2026-11' });
    expect(publishBody(v, true)).toEqual({ month: '2026-11', company: 3 });
    expect(publishBody({ month: null }, true)).toEqual({ month: '' });
  });
  it.each([
    ['conflict', 'indicators.error.conflict'],
    ['failed_precondition', 'indicators.error.notOver'],
    ['invalid_argument', null],
    ['permission_denied', null],
    [undefined, null],
  ] as const)('reads a %s refusal as %s', (code, want) => {
    expect(publishErrorKey(code)).toBe(want);
  });
  it.each([
    ['month', ['month']],
    ['company', ['company']],
    ['policy', null],
  ] as const)("puts the server's %s on %j", (field, want) => {
    expect(formPathOf(field, PUBLISH_FIELDS)).toEqual(want);
  });
});

describe('filters in the URL', () => {
  const today = '2026-12-03';
  const base: IndicatorFilters = { period: 'month', month: '2026-11', from: '', to: '', company: '', district: '', onlyMonth: false, size: 20, trail: [] };
  it('starts at the previous month and reads what it knows', () => {
    expect(readFilters(new URLSearchParams(''), today)).toEqual(base);
    expect(readFilters(new URLSearchParams('month=2026-10&company=3&district=4&published=month&size=50&after=20,40'), today)).toEqual({
      ...base,
      month: '2026-10',
      company: '3',
      district: '4',
      onlyMonth: true,
      size: 50,
      trail: ['20', '40'],
    });
    expect(readFilters(new URLSearchParams('month=2026-13&company=x&district=0&size=7&after=a'), today)).toEqual(base);
    expect(readFilters(new URLSearchParams('district=weihan'), today).district).toBe('');
  });
  it('reads a run of days, over a month given beside it', () => {
    expect(readFilters(new URLSearchParams('from=2026-01-05&to=2026-02-10&district=2'), today)).toEqual({ ...base, period: 'range', from: '2026-01-05', to: '2026-02-10', district: '2' });
    expect(readFilters(new URLSearchParams('month=2026-10&from=2026-01-05&to=2026-01-05'), today)).toEqual({ ...base, period: 'range', from: '2026-01-05', to: '2026-01-05' });
  });
  it('swaps reversed ends, and ignores a run that is incomplete, not days, or longer than 366 days', () => {
    expect(readFilters(new URLSearchParams('from=2026-02-10&to=2026-01-05'), today)).toMatchObject({ period: 'range', from: '2026-01-05', to: '2026-02-10' });
    // 2024 is a leap year: 2024-01-01..2024-12-31 is 366 days, one more is too many.
    expect(readFilters(new URLSearchParams('from=2024-01-01&to=2024-12-31'), today)).toMatchObject({ period: 'range', from: '2024-01-01', to: '2024-12-31' });
    for (const q of ['from=2024-01-01&to=2025-01-01', 'from=2026-01-05', 'to=2026-01-05', 'from=2026-02-30&to=2026-03-01', 'from=2026-1-5&to=2026-02-01', 'from=x&to=y', 'month=2026-10&from=2026-01-05']) {
      const f = readFilters(new URLSearchParams(q), today);
      expect(f, q).toMatchObject({ period: 'month', from: '', to: '' });
      expect(f.month, q).toBe(q.startsWith('month=') ? '2026-10' : '2026-11');
    }
  });
  it('writes the period always (a month, or from and to), the other defaults left out', () => {
    expect(writeFilters(base).toString()).toBe('month=2026-11');
    expect(writeFilters({ ...base, period: 'range', from: '2026-01-05', to: '2026-02-10', district: '2' }).toString()).toBe('from=2026-01-05&to=2026-02-10&district=2');
    for (const q of ['month=2026-10&company=3&district=4&published=month&size=50&after=20%2C40', 'from=2026-01-05&to=2026-02-10&company=3&district=4&published=month']) {
      const f = readFilters(new URLSearchParams(q), today);
      expect(writeFilters(f).toString()).toBe(q);
      expect(readFilters(writeFilters(f), today)).toEqual(f);
    }
  });
  it('switches a month to its days (cut at today) and a run of days to the month it starts in', () => {
    expect(switchPeriod(base, 'month', today)).toEqual({});
    expect(switchPeriod({ ...base, month: '2026-02' }, 'range', today)).toEqual({ period: 'range', from: '2026-02-01', to: '2026-02-28' });
    expect(switchPeriod({ ...base, month: '2024-02' }, 'range', today)).toEqual({ period: 'range', from: '2024-02-01', to: '2024-02-29' });
    expect(switchPeriod({ ...base, month: '2026-12' }, 'range', today)).toEqual({ period: 'range', from: '2026-12-01', to: '2026-12-03' });
    const range: IndicatorFilters = { ...base, period: 'range', from: '2026-01-05', to: '2026-02-10' };
    expect(switchPeriod(range, 'month', today)).toEqual({ period: 'month', month: '2026-01', from: '', to: '' });
    expect(switchPeriod({ ...range, from: '2027-01-05' }, 'month', today)).toEqual({ period: 'month', month: '2026-11', from: '', to: '' });
  });
  it('counts the days of a run, both ends in, and knows a real day', () => {
    expect(rangeDays('2026-01-05', '2026-01-05')).toBe(1);
    expect(rangeDays('2026-01-05', '2026-02-10')).toBe(37);
    expect(rangeDays('2025-12-31', '2026-12-31')).toBe(366);
    expect(rangeDays('x', '2026-01-01')).toBeNaN();
    expect([isDay('2024-02-29'), isDay('2026-02-29'), isDay('2026-13-01'), isDay('2026-1-01'), isDay(null)]).toEqual([true, false, false, false, false]);
    expect(monthDays('2026-11', today)).toEqual({ from: '2026-11-01', to: '2026-11-30' });
  });
  it('asks the live report for the period and district, and the published list for its page (months only)', () => {
    const f = { ...base, month: '2026-10', company: '3', size: 10, trail: ['10', '20'] };
    expect(liveQuery(f)).toEqual({ month: '2026-10', company: '3', district: undefined });
    expect(liveQuery({ ...f, period: 'range', from: '2026-01-05', to: '2026-02-10', company: '', district: '2' })).toEqual({ from: '2026-01-05', to: '2026-02-10', company: undefined, district: '2' });
    expect(publishedQuery(f)).toEqual({ month: undefined, company: '3', limit: 10, cursor: '20' });
    expect(publishedQuery({ ...f, onlyMonth: true, company: '', trail: [] })).toEqual({ month: '2026-10', company: undefined, limit: 10, cursor: undefined });
    // A run of days: the published list shows every month, and never by district.
    expect(publishedQuery({ ...f, period: 'range', from: '2026-01-05', to: '2026-02-10', onlyMonth: true, district: '2', trail: [] })).toEqual({ month: undefined, company: '3', limit: 10, cursor: undefined });
  });
  it('names the field of a refused live query (400 only)', () => {
    expect(liveRefusal(new ApiError(400, 'invalid_argument', 'more than 366 days', 'to'))).toEqual({ field: 'to', label: 'indicators.to', message: 'more than 366 days' });
    expect(liveRefusal(new ApiError(400, 'invalid_argument', 'unknown district', 'district'))).toEqual({ field: 'district', label: 'indicators.district', message: 'unknown district' });
    expect(liveRefusal(new ApiError(400, 'invalid_argument', 'bad', 'format'))).toEqual({ field: 'format', label: null, message: 'bad' });
    expect(liveRefusal(new ApiError(400, 'invalid_argument', 'bad'))).toEqual({ field: undefined, label: null, message: 'bad' });
    expect(liveRefusal(new ApiError(403, 'forbidden', 'no', 'company'))).toBeNull();
    expect(liveRefusal(new Error('x'))).toBeNull();
    expect(liveRefusal(undefined)).toBeNull();
  });
  it('reads and writes the public filters (every month by default, a company by code)', () => {
    expect(readPublicFilters(new URLSearchParams(''))).toEqual({ month: '', company: '', size: 20, trail: [] });
    const f = readPublicFilters(new URLSearchParams('month=2026-11&company=weihai-heat&size=10&after=10'));
    expect(f).toEqual({ month: '2026-11', company: 'weihai-heat', size: 10, trail: ['10'] });
    expect(readPublicFilters(writePublicFilters(f))).toEqual(f);
    expect(readPublicFilters(new URLSearchParams('company=a%20b&month=11'))).toEqual({ month: '', company: '', size: 20, trail: [] });
    expect(publicQuery(f)).toEqual({ month: '2026-11', company: 'weihai-heat', limit: 10, cursor: '10' });
  });
  it("offers each company's code once, sorted", () => {
    expect(
      companyCodes([
        { company_code: 'b', company_name: 'B 热力' },
        { company_code: 'a', company_name: 'A 热电' },
        { company_code: 'b', company_name: 'B 热力' },
      ]),
    ).toEqual([
      { code: 'a', name: 'A 热电' },
      { code: 'b', name: 'B 热力' },
    ]);
  });
});
