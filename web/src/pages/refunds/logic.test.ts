import type { RefundEntry } from '../../api/types';
import { translate } from '../../i18n';
import { refundShare } from '../household/RefundList';
import { paidLate, payoutMethodText } from '../household/RefundPayout';
import {
  approveBody,
  defaultSeason,
  listQuery,
  payBody,
  readFilters,
  refundActions,
  refundedDays,
  referenceRequired,
  seasonChoices,
  settledByBill,
  utf8Bytes,
  writeFilters,
} from './logic';

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
  it('sends the status the route expects to approve', () => {
    expect(approveBody()).toEqual({ status: 'approved' });
  });
});

describe('paying a refund (R-REFUND-6)', () => {
  it('sends the method and the reference, trimmed', () => {
    expect(payBody({ method: 'bank', reference: '  BK-2026-0620-001 ' })).toEqual({ status: 'paid', method: 'bank', reference: 'BK-2026-0620-001' });
    expect(payBody({ method: 'wechat', reference: '4200001234202606200001' })).toEqual({ status: 'paid', method: 'wechat', reference: '4200001234202606200001' });
  });
  it('leaves the reference out for cash paid without one, and keeps one given', () => {
    expect(payBody({ method: 'cash' })).toEqual({ status: 'paid', method: 'cash' });
    expect(payBody({ method: 'cash', reference: '   ' })).toEqual({ status: 'paid', method: 'cash' });
    expect(payBody({ method: 'cash', reference: '收据 0012' })).toEqual({ status: 'paid', method: 'cash', reference: '收据 0012' });
  });
  it('needs a reference for everything but cash', () => {
    expect(referenceRequired('bank')).toBe(true);
    expect(referenceRequired('wechat')).toBe(true);
    expect(referenceRequired('alipay')).toBe(true);
    expect(referenceRequired(undefined)).toBe(true);
    expect(referenceRequired('cash')).toBe(false);
  });
  it('counts the reference in UTF-8 bytes, as the server does', () => {
    expect(utf8Bytes('BK-1')).toBe(4);
    expect(utf8Bytes('收据')).toBe(6);
  });
  it('leaves an approved refund the household chose to offset to the billing run', () => {
    expect(settledByBill({ status: 'approved', choice: 'offset' })).toBe(true);
    expect(settledByBill({ status: 'approved', choice: 'payment' })).toBe(false);
    expect(settledByBill({ status: 'approved', choice: null })).toBe(false);
    expect(settledByBill({ status: 'paid', choice: 'offset' })).toBe(false);
  });
  it('words the payout and flags it late unless a bill offset it', () => {
    const zh = (k: Parameters<typeof translate>[1]) => translate('zh-CN', k);
    expect(payoutMethodText(zh, 'bank')).toBe('银行转账');
    expect(payoutMethodText(zh, 'offset')).toBe('抵扣下季热费');
    expect(payoutMethodText(zh, 'cheque')).toBe('cheque');
    expect(paidLate({ method: 'bank', late: true })).toBe(true);
    expect(paidLate({ method: 'cash', late: false })).toBe(false);
    expect(paidLate({ method: 'offset', late: true })).toBe(false);
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
