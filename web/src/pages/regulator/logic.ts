// The regulator's comparison of companies, its pure parts (企业对比 · 补贴份额测算, R-REG-1, Z 4.3):
// the filters in the URL (a month, or a run of days from and to as the indicators page keeps
// them; policy, pool in fen) and the query they make, the heating season 整个供暖季 fills, a
// report's period in words, the pool typed in
// yuan read as whole fen, the words of a measure, a score line's value and basis, a rate or a
// share as a percentage, the channels worth a bar, and how a refusal of the route reads.
import { ApiError } from '../../api/client';
import type { CompanyComparison, CompanyComparisonReport } from '../../api/types';
import { addDays, formatDate, formatPercent, MISSING } from '../../format';
import type { MessageKey, Translate } from '../../i18n';
import { isIndicatorRule, isMonth, previousMonth, readRange, type PeriodKind } from '../indicators/logic';

/** The route both pages read (admin and regulator only). */
export const COMPARISON_PATH = '/api/v1/regulator/companies';

/** The largest pool the server takes: 100,000,000,000.00 yuan, in fen. */
export const MAX_POOL_FEN = 10_000_000_000_000;

const POLICY = /^[\w.-]{1,64}$/;
const FEN = /^\d{1,14}$/;

export interface ComparisonFilters {
  /** 按月 (a month) or 按时段 (a run of whole days, at most 366). */
  period: PeriodKind;
  /** YYYY-MM; the previous month by default (the last one that is over). In range mode the
   * month 按月 goes back to. */
  month: string;
  /** Range mode: the first and last days (YYYY-MM-DD, both inclusive); '' in month mode. */
  from: string;
  to: string;
  /** A profile's name; '' lets the server take the one every company uses. */
  policy: string;
  /** The subsidy pool in whole fen; null for none (scores only). */
  poolFen: number | null;
}

/** The filters the URL gives: from and to (a run of days, as on 五项指标) over a month when both
 * are there and `ranges` (the page offers 按时段); what is not understood falls back to the
 * default (the previous month). */
export function readFilters(params: URLSearchParams, today: string, ranges = true): ComparisonFilters {
  const month = params.get('month') ?? '';
  const policy = params.get('policy') ?? '';
  const pool = params.get('pool_fen') ?? '';
  const fen = FEN.test(pool) ? Number(pool) : null;
  const range = ranges ? readRange(params) : null;
  return {
    period: range ? 'range' : 'month',
    month: !range && isMonth(month) ? month : previousMonth(today),
    from: range?.from ?? '',
    to: range?.to ?? '',
    policy: POLICY.test(policy) ? policy : '',
    poolFen: fen !== null && fen <= MAX_POOL_FEN ? fen : null,
  };
}

/** The URL parameters of `f`: the period always (a month, or from and to: a shared link shows the
 * same figures). */
export function writeFilters(f: ComparisonFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.period === 'range') {
    p.set('from', f.from);
    p.set('to', f.to);
  } else p.set('month', f.month);
  if (f.policy) p.set('policy', f.policy);
  if (f.poolFen !== null) p.set('pool_fen', String(f.poolFen));
  return p;
}

/** The period's parameters: {month} or {from, to}. */
export function periodQuery(f: Pick<ComparisonFilters, 'period' | 'month' | 'from' | 'to'>): { month: string } | { from: string; to: string } {
  return f.period === 'range' ? { from: f.from, to: f.to } : { month: f.month };
}

/** GET /api/v1/regulator/companies's query; `withPool` for the subsidy page only. The workbook
 * (format=xlsx) is asked for the same period. */
export function comparisonQuery(f: ComparisonFilters, withPool: boolean, format?: 'xlsx'): Record<string, string | number | undefined> {
  return {
    ...periodQuery(f),
    policy: f.policy || undefined,
    pool_fen: withPool && f.poolFen !== null ? f.poolFen : undefined,
    format,
  };
}

/** The period as the server names it in the answer's "month" and the workbook's name: "2026-01",
 * "2025-11-15..2026-03-15". */
export function periodKey(f: Pick<ComparisonFilters, 'period' | 'month' | 'from' | 'to'>): string {
  return f.period === 'range' ? `${f.from}..${f.to}` : f.month;
}

/** The workbook's name, as the server names it (its Content-Disposition says so again). */
export function workbookName(period: string): string {
  return `regulator-companies-${period}.xlsx`;
}

/** A report's period ("month") in words: "2026-01" stays, "2025-11-15..2026-03-15" reads
 * "2025-11-15 至 2026-03-15". */
export function reportPeriodText(t: Translate, month: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(month);
  return m ? t('indicators.rangeText', { from: m[1], to: m[2] }) : month;
}

/** The heating season (11-15 to the next 03-15) under way on `today`, or the last one when none
 * is: 2026-01-10 → 2025-11-15..2026-03-15, 2026-07-01 → the same, 2026-11-20 → 2026-11-15..
 * 2027-03-15. What 整个供暖季 fills. */
export function heatingSeason(today: string): { from: string; to: string } {
  const year = Number(today.slice(0, 4));
  const start = today.slice(5) >= '11-15' ? year : year - 1;
  return { from: `${start}-11-15`, to: `${start + 1}-03-15` };
}

// ---- the pool, typed in yuan -------------------------------------------------------------------

export type PoolError = 'format' | 'negative' | 'tooLarge';

export type PoolReading = { fen: number | null; error?: undefined } | { fen?: undefined; error: PoolError };

/**
 * The pool as typed (yuan, at most two decimals, thousands separators allowed) in whole fen,
 * exactly (no binary fractions): "1,000,000" → 100000000, "12.3" → 1230; '' → null (no pool).
 * Refused: what is not such a number, a negative one, one above 100,000,000,000 yuan.
 */
export function readPool(text: string): PoolReading {
  const s = text.trim().replace(/[,，\s]/g, '');
  if (!s) return { fen: null };
  if (/^-(\d+\.?\d*|\.\d+)$/.test(s) && /[1-9]/.test(s)) return { error: 'negative' };
  const m = /^-?(\d*)(?:\.(\d*))?$/.exec(s);
  if (!m || (!m[1] && !m[2])) return { error: 'format' };
  const [, whole, decimals = ''] = m;
  if (decimals.length > 2) return { error: 'format' };
  const digits = whole.replace(/^0+(?=\d)/, '');
  if (digits.length > 12) return { error: 'tooLarge' };
  const fen = Number(digits || '0') * 100 + Number(decimals.padEnd(2, '0'));
  if (fen > MAX_POOL_FEN) return { error: 'tooLarge' };
  return { fen };
}

/** The words of a pool refusal. */
export function poolErrorKey(e: PoolError): MessageKey {
  return `subsidy.poolError.${e}`;
}

/** Fen as the yuan a user types: 100000000 → "1000000", 1230 → "12.30". */
export function poolText(fen: number | null): string {
  if (fen === null) return '';
  const yuan = Math.floor(fen / 100);
  const cents = fen % 100;
  return cents ? `${yuan}.${String(cents).padStart(2, '0')}` : String(yuan);
}

// ---- figures ------------------------------------------------------------------------------------

/** A ratio (0.9375) as a percentage with up to two decimals ("93.75%"); "—" for null. */
export function ratePercent(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return MISSING;
  return formatPercent(rate * 100, 2);
}

/** Complaints per 10,000 households with two decimals ("23.33"); "—" without households. */
export function per10000Text(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  return value.toFixed(2);
}

/** A company's share of the pool in percent ("61.23%"); "—" without a pool or a share. */
export function sharePercent(shareFen: number | null, poolFen: number | null): string {
  if (shareFen === null || poolFen === null || poolFen <= 0) return MISSING;
  return formatPercent((shareFen * 100) / poolFen, 2);
}

/** The shares' sum in fen (what the table's total row shows: the pool, to the fen). */
export function sharesTotal(companies: ReadonlyArray<Pick<CompanyComparison, 'score'>>): number {
  return companies.reduce((sum, c) => sum + (c.score.share_fen ?? 0), 0);
}

/** The period of a report: its first day and its last (until is the next month's midnight). */
export function periodOf(r: Pick<CompanyComparisonReport, 'from' | 'until'>): { from: string; to: string } {
  const from = formatDate(r.from);
  const until = formatDate(r.until);
  return { from, to: until === MISSING ? MISSING : addDays(until, -1) };
}

/** "weihai-heat 威海热电". */
export function companyLabel(c: Pick<CompanyComparison, 'company_code' | 'company_name'>): string {
  return `${c.company_code} ${c.company_name}`;
}

// ---- words --------------------------------------------------------------------------------------

/** 运行事故率 … 万户投诉量, 按时办结率; a measure the console does not know keeps its name. */
export function measureName(t: Translate, measure: string): string {
  if (isIndicatorRule(measure)) return t(`indicatorName.${measure}`);
  if (measure === 'complaint-rate') return t('regulator.measure.complaintRate');
  if (measure === 'on-time-reply') return t('regulator.measure.onTimeReply');
  return measure;
}

/** A score line's value or working, the rates in words: "23.33 per 10,000" → "23.33 件/万户";
 * the rest as the server wrote it. */
export function lineValue(t: Translate, value: string): string {
  return value.replace(/(-?\d[\d.]*) per 10,000/g, (_, n: string) => t('regulator.per10000Value', { value: n }));
}

/** A basis: "Z 4.3 (platform default)" → "Z 4.3（平台默认）". */
export function basisText(t: Translate, basis: string): string {
  const m = /^(.*?)\s*\(platform default\)$/.exec(basis.trim());
  return m ? t('regulator.basisDefault', { basis: m[1] }) : basis;
}

/** A score's working: the server's symbols, but a score of no applicable measure in words. */
export function scoreWorking(t: Translate, working: string): string {
  return /^no applicable measure/.test(working) ? t('regulator.noApplicableMeasure') : working;
}

/** The channels with a complaint at any company, in the order the first company lists them. */
export function activeChannels(companies: ReadonlyArray<Pick<CompanyComparison, 'complaints'>>): string[] {
  const out: string[] = [];
  for (const c of companies) {
    for (const ch of c.complaints.by_channel) {
      if (ch.received > 0 && !out.includes(ch.channel)) out.push(ch.channel);
    }
  }
  return out;
}

// ---- refusals -----------------------------------------------------------------------------------

export interface ComparisonRefusal {
  /** The field at fault, as the server names it: month, from, to, pool_fen, policy, format. */
  field: string | undefined;
  /** The words above the server's message. */
  key: MessageKey;
  message: string;
}

/**
 * How a refusal of the route reads on the page: a 400 (bad input; the companies under several
 * profiles and none named) or a 404 on the policy (an unknown profile) goes above the table with
 * the server's message, the field marked; anything else is the page's error (403: not found).
 */
export function comparisonRefusal(e: unknown): ComparisonRefusal | null {
  if (!(e instanceof ApiError)) return null;
  if (e.status === 404 && e.field === 'policy') return { field: 'policy', key: 'regulator.error.unknownPolicy', message: e.message };
  if (e.status !== 400) return null;
  if (e.field === 'policy') return { field: 'policy', key: 'regulator.error.choosePolicy', message: e.message };
  if (e.field === 'month') return { field: 'month', key: 'regulator.error.month', message: e.message };
  if (e.field === 'from') return { field: 'from', key: 'regulator.error.from', message: e.message };
  if (e.field === 'to') return { field: 'to', key: 'regulator.error.to', message: e.message };
  if (e.field === 'pool_fen') return { field: 'pool_fen', key: 'regulator.error.pool', message: e.message };
  return { field: e.field, key: 'regulator.error.input', message: e.message };
}
