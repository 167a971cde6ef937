import dayjs from 'dayjs';
import type { EnergyCompanyFlags, EnergyReport } from '../../api/types';
import { formPathOf } from '../outages/logic';
import {
  amountError,
  canReport,
  dayError,
  decimalsOf,
  flagLevel,
  formatQuantity,
  formatReserveDays,
  isLow,
  listQuery,
  missingStretches,
  readFilters,
  REPORT_FIELDS,
  reportBody,
  reserveRule,
  reserveDays,
  reserveSeries,
  sortFlags,
  spellOngoing,
  unitOfFuel,
  writeFilters,
} from './logic';

function report(id: number, over: Partial<EnergyReport> = {}): EnergyReport {
  return {
    id,
    company_id: 1,
    day: '2026-12-01',
    fuel: 'coal',
    unit: 't',
    stock: 12000.5,
    consumption: 350.25,
    reserve_days: 34.2,
    low: false,
    threshold_days: 30,
    basis: 'W 6.2.2',
    note: '',
    reported_by: 'li',
    reported_at: '2026-12-01T18:00:00+08:00',
    ...over,
  };
}

function company(id: number, code: string, over: Partial<EnergyCompanyFlags> = {}): EnergyCompanyFlags {
  return { company_id: id, company_code: code, company_name: code, from: '2026-11-01', to: '2026-12-02', threshold_days: 30, basis: 'W 6.2.2', reports: 31, missing_days: [], low_spells: [], ...over };
}

describe('fuels and roles', () => {
  it('reports coal, oil and biomass in tonnes and gas in cubic metres', () => {
    expect(['coal', 'gas', 'oil', 'biomass', 'peat', undefined].map(unitOfFuel)).toEqual(['t', 'm3', 't', 't', undefined, undefined]);
  });
  it.each([
    ['admin', true],
    ['manager', true],
    ['technician', true],
    ['agent', false],
    ['regulator', false],
    ['household', false],
    [undefined, false],
  ] as const)('%s files reports: %s', (role, want) => {
    expect(canReport(role)).toBe(want);
  });
});

describe('reserveDays', () => {
  it.each([
    ['the contract example', 12000.5, 350.25, 34.2],
    ['rounded down, not to nearest', 299.9, 10, 29.9],
    ['29.99 stays below 30', 2999, 100, 29.9],
    ['exactly the threshold', 3000, 100, 30],
    ['a binary fraction (0.3 ÷ 0.1)', 0.3, 0.1, 3],
    ['an empty store', 0, 350, 0],
    ['gas in m³', 1_250_000, 41_000, 30.4],
  ])('%s: %s ÷ %s → %s', (_name, stock, consumption, want) => {
    expect(reserveDays(stock, consumption)).toBe(want);
  });
  it.each([
    ['no consumption', 12000, 0],
    ['consumption missing', 12000, null],
    ['stock missing', undefined, 350],
    ['a negative stock', -1, 350],
    ['not a number', NaN, 350],
  ])('is null with %s', (_name, stock, consumption) => {
    expect(reserveDays(stock as number | null | undefined, consumption as number | null)).toBeNull();
  });
  it('is low only under the threshold', () => {
    expect(isLow(29.9, 30)).toBe(true);
    expect(isLow(30, 30)).toBe(false);
    expect(isLow(null, 30)).toBe(false);
    expect(isLow(undefined, 30)).toBe(false);
  });
});

describe('display', () => {
  it('shows reserve days with one decimal', () => {
    expect(formatReserveDays(34.2)).toBe('34.2');
    expect(formatReserveDays(30)).toBe('30.0');
    expect(formatReserveDays(null)).toBe('—');
  });
  it('shows quantities with two decimals, thousands grouped', () => {
    expect(formatQuantity(12000.5)).toBe('12,000.50');
    expect(formatQuantity(350.25)).toBe('350.25');
    expect(formatQuantity(1250000)).toBe('1,250,000.00');
    expect(formatQuantity(0)).toBe('0.00');
    expect(formatQuantity(null)).toBe('—');
  });
});

describe('the report form', () => {
  it.each([
    ['2026-12-01', '2026-12-02', null],
    ['2026-12-02', '2026-12-02', null],
    ['2026-12-03', '2026-12-02', 'future'],
    [undefined, '2026-12-02', 'required'],
  ] as const)('day %s on %s → %s', (day, today, want) => {
    expect(dayError(day, today)).toBe(want);
  });
  it.each([
    [12000.5, 2, null],
    [12000.25, 2, null],
    [0, 2, null],
    [0.07, 2, null],
    [1.005, 2, 'decimals'],
    [12000.125, 2, 'decimals'],
    [-1, 2, 'negative'],
    [null, 2, 'required'],
    [undefined, undefined, 'required'],
    [NaN, undefined, 'invalid'],
    [350.123, undefined, null],
    [3e-7, 2, 'decimals'],
    [1e21, 2, null],
  ] as const)('amount %s (at most %s decimals) → %s', (value, decimals, want) => {
    expect(amountError(value, decimals)).toBe(want);
  });
  it('counts the decimals as typed', () => {
    expect([12000.5, 350.25, 12000, 1.005, 0.1 + 0.2, 3e-7, 1.5e-7, 2e21].map(decimalsOf)).toEqual([1, 2, 0, 3, 17, 7, 8, 0]);
  });
  it('builds the body with the day as picked, the note trimmed, the company for the admin only', () => {
    const v = { company: 7, day: dayjs('2026-12-01'), fuel: 'coal' as const, stock: 12000.5, consumption: 350.25, note: ' 到煤 2 车 ' };
    const want = { day: '2026-12-01', fuel: 'coal', stock: 12000.5, consumption: 350.25, note: '到煤 2 车' };
    expect(reportBody(v, false)).toEqual(want);
    expect(reportBody(v, true)).toEqual({ ...want, company: 7 });
    expect(reportBody({ ...v, note: '  ' }, false)).toEqual({ day: '2026-12-01', fuel: 'coal', stock: 12000.5, consumption: 350.25 });
  });
  it.each([
    ['stock', ['stock']],
    ['day', ['day']],
    ['company', ['company']],
    ['unit', null],
  ] as const)("puts the server's %s on %j", (field, want) => {
    expect(formPathOf(field, REPORT_FIELDS)).toEqual(want);
  });
});

describe('reserveSeries', () => {
  it('gives a line per fuel, oldest day first, the fuels in their order', () => {
    const series = reserveSeries([
      report(4, { day: '2026-12-02', fuel: 'gas', unit: 'm3', reserve_days: 25.1, low: true }),
      report(3, { day: '2026-12-02', fuel: 'coal', reserve_days: 33.0 }),
      report(2, { day: '2026-12-01', fuel: 'gas', unit: 'm3', reserve_days: null }),
      report(1, { day: '2026-12-01', fuel: 'coal', reserve_days: 34.2 }),
    ]);
    expect(series.map((s) => s.key)).toEqual(['coal', 'gas']);
    expect(series[0].points).toEqual([
      { day: '2026-12-01', value: 34.2, low: false },
      { day: '2026-12-02', value: 33, low: false },
    ]);
    expect(series[1].points).toEqual([
      { day: '2026-12-01', value: null, low: false },
      { day: '2026-12-02', value: 25.1, low: true },
    ]);
  });
  it("keeps each company's fuels apart when the reports are of several", () => {
    const series = reserveSeries([report(3, { company_id: 2, fuel: 'coal' }), report(2, { company_id: 1, fuel: 'oil' }), report(1, { company_id: 1, fuel: 'coal' })]);
    expect(series.map((s) => s.key)).toEqual(['1-coal', '1-oil', '2-coal']);
  });
  it('is empty without reports', () => {
    expect(reserveSeries([])).toEqual([]);
  });
  it("states the reports' threshold, else the flags', else 30 days of W 6.2.2", () => {
    expect(reserveRule([report(1, { threshold_days: 25, basis: 'W 6.2.3' })], { threshold_days: 30, basis: 'W 6.2.2' })).toEqual({ threshold: 25, basis: 'W 6.2.3' });
    expect(reserveRule([], { threshold_days: 28, basis: 'X 1' })).toEqual({ threshold: 28, basis: 'X 1' });
    // A season without companies answers 0 and "".
    expect(reserveRule([], { threshold_days: 0, basis: '' })).toEqual({ threshold: 30, basis: 'W 6.2.2' });
    expect(reserveRule([])).toEqual({ threshold: 30, basis: 'W 6.2.2' });
  });
});

describe('flags', () => {
  const spell = { fuel: 'coal' as const, from: '2026-11-25', to: '2026-11-28', days: 4, min_reserve_days: 22.5 };
  it('is red for a low spell, amber for missing days only, else in order', () => {
    expect(flagLevel(company(1, 'a', { low_spells: [spell], missing_days: ['2026-11-20'] }))).toBe('low');
    expect(flagLevel(company(1, 'a', { missing_days: ['2026-11-20'] }))).toBe('missing');
    expect(flagLevel(company(1, 'a'))).toBe('ok');
  });
  it('puts flagged companies first', () => {
    const list = [company(1, 'a'), company(2, 'b', { missing_days: ['2026-11-20'] }), company(3, 'c', { low_spells: [spell] }), company(4, 'aa', { missing_days: ['2026-11-21'] })];
    expect(sortFlags(list).map((c) => c.company_code)).toEqual(['c', 'aa', 'b', 'a']);
  });
  it('merges consecutive missing days, across a month end', () => {
    expect(missingStretches(['2026-12-01', '2026-11-30', '2026-11-20', '2026-12-03'])).toEqual([
      ['2026-11-20', '2026-11-20'],
      ['2026-11-30', '2026-12-01'],
      ['2026-12-03', '2026-12-03'],
    ]);
    expect(missingStretches(undefined)).toEqual([]);
  });
  it('calls a spell reaching the period end ongoing', () => {
    expect(spellOngoing(spell, '2026-11-28')).toBe(true);
    expect(spellOngoing(spell, '2026-12-02')).toBe(false);
  });
});

describe('filters in the URL', () => {
  it('reads what it knows and drops the rest', () => {
    const f = readFilters(new URLSearchParams('company=3&fuel=gas&from=2026-11-01&to=2026-11-30&size=50&after=40,20'));
    expect(f).toEqual({ company: '3', fuel: 'gas', from: '2026-11-01', to: '2026-11-30', size: 50, trail: ['40', '20'] });
    expect(readFilters(new URLSearchParams('company=x&fuel=peat&from=11-01&size=7'))).toEqual({ company: '', fuel: '', from: '', to: '', size: 20, trail: [] });
  });
  it('writes back without the defaults', () => {
    expect(writeFilters({ company: '', fuel: 'coal', from: '2026-11-01', to: '', size: 20, trail: [] }).toString()).toBe('fuel=coal&from=2026-11-01');
    const f = readFilters(new URLSearchParams('company=3&fuel=gas&from=2026-11-01&to=2026-11-30&size=50&after=40,20'));
    expect(readFilters(writeFilters(f))).toEqual(f);
  });
  it('asks the list for the last cursor of the trail', () => {
    expect(listQuery({ company: '3', fuel: 'oil', from: '2026-11-01', to: '', size: 10, trail: ['40', '20'] })).toEqual({
      company: '3',
      fuel: 'oil',
      from: '2026-11-01',
      to: undefined,
      limit: 10,
      cursor: '20',
    });
  });
});
