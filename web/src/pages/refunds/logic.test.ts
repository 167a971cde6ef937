import type { RefundEntry } from '../../api/types';
import { refundShare } from '../household/RefundList';
import { actionBody, defaultSeason, listQuery, readFilters, refundActions, refundedDays, seasonChoices, writeFilters } from './logic';

describe('defaultSeason', () => {
  it('from October on, the season starting this year', () => {
    expect(defaultSeason('2026-10-01')).toBe(2026);
    expect(defaultSeason('2026-12-03')).toBe(2026);
  });
  it('before October, the season that started the year before', () => {
    expect(defaultSeason('2027-01-15')).toBe(2026);
    expect(defaultSeason('2027-03-31')).toBe(2026);
    expect(defaultSeason('2027-09-30')).toBe(2026);
  });
});

describe('seasonChoices', () => {
  it('lists the next season and the five before the default, newest first', () => {
    expect(seasonChoices(2026)).toEqual([2027, 2026, 2025, 2024, 2023, 2022, 2021]);
  });
  it('keeps a season chosen by a link outside that range', () => {
    expect(seasonChoices(2026, 2015)).toContain(2015);
    expect(seasonChoices(2026, 2015)[7]).toBe(2015);
  });
});

describe('refundActions', () => {
  it('lets admins and managers approve a draft and pay an approved entry', () => {
    expect(refundActions('draft', 'manager')).toEqual(['approve']);
    expect(refundActions('approved', 'admin')).toEqual(['pay']);
    expect(refundActions('paid', 'manager')).toEqual([]);
  });
  it('gives other roles no action', () => {
    for (const role of ['agent', 'technician', 'regulator', 'household'] as const) {
      expect(refundActions('draft', role)).toEqual([]);
      expect(refundActions('approved', role)).toEqual([]);
    }
    expect(refundActions('draft', undefined)).toEqual([]);
  });
  it('sends the status the route expects', () => {
    expect(actionBody('approve')).toEqual({ status: 'approved' });
    expect(actionBody('pay')).toEqual({ status: 'paid' });
  });
});

describe('the list filters in the URL', () => {
  it('defaults to the current season, all statuses, 10 rows, first page', () => {
    const f = readFilters(new URLSearchParams(''), '2026-12-03');
    expect(f).toEqual({ season: 2026, status: '', household: '', overdue: false, size: 10, trail: [] });
    expect(writeFilters(f, '2026-12-03').toString()).toBe('');
  });
  it('reads and writes back every filter, dropping malformed values', () => {
    const f = readFilters(new URLSearchParams('season=2025&status=approved&household=12&overdue=true&size=50&after=10,20'), '2026-12-03');
    expect(f).toEqual({ season: 2025, status: 'approved', household: '12', overdue: true, size: 50, trail: ['10', '20'] });
    expect(writeFilters(f, '2026-12-03').toString()).toBe('season=2025&status=approved&household=12&overdue=true&size=50&after=10%2C20');
    const bad = readFilters(new URLSearchParams('season=20x5&status=lost&household=abc&size=30&after=x,7'), '2026-12-03');
    expect(bad).toEqual({ season: 2026, status: '', household: '', overdue: false, size: 10, trail: ['7'] });
  });
  it("asks the route for the last cursor of the trail", () => {
    const f = readFilters(new URLSearchParams('status=draft&after=10,20'), '2026-12-03');
    expect(listQuery(f)).toEqual({ season: 2026, status: 'draft', household_id: undefined, overdue: undefined, limit: 10, cursor: '20' });
  });
});

describe('an entry', () => {
  const day = (date: string, share: number) => ({
    date,
    share_percent: share,
    cause: share ? 'temperature' : 'none',
    reason: '',
    value: 17,
    guarantee: 18,
    outdoor_mean: null,
    evidence: { source: 'remote', room: '主卧' },
  });
  it('counts only the days with a share, and its share of the fee', () => {
    const e = { days: [day('2026-11-20', 20), day('2026-11-21', 0), day('2026-11-22', 100)], refund_fen: 2000, fee_fen: 200000 } as Pick<RefundEntry, 'days' | 'refund_fen' | 'fee_fen'>;
    expect(refundedDays(e).map((d) => d.date)).toEqual(['2026-11-20', '2026-11-22']);
    expect(refundShare(e)).toBeCloseTo(1, 10);
    expect(refundShare({ refund_fen: 0, fee_fen: 0 })).toBeNull();
  });
});
