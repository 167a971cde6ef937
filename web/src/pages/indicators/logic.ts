// The service indicators' pure parts (五项指标, W 14.4 table 1, W 14.4.6): the five rules in
// their order, who publishes, the month a page starts at (the last one that is over), a run of
// days (at most 366, both ends inclusive), a target in words from target_per_mille and its kind,
// a status's tag, what a figure shows, the count of the ids behind a live indicator, a published
// record's link and outcome, the publish body and how a refusal reads, both pages' filters in the
// URL (the console's: a month or a run of days, company, district) and the field a refused live
// query names.
import { ApiError } from '../../api/client';
import type { Role } from '../../auth';
import type { Indicator, IndicatorPublicationNew, IndicatorRule } from '../../api/types';
import { formatPercent, MISSING } from '../../format';
import type { MessageKey } from '../../i18n';
import type { Formattable } from '../outages/logic';

export const INDICATOR_RULES: readonly IndicatorRule[] = ['R-KPI-S', 'R-KPI-Q', 'R-KPI-C', 'R-KPI-P', 'R-KPI-B'];

export function isIndicatorRule(rule: string | null | undefined): rule is IndicatorRule {
  return INDICATOR_RULES.includes(rule as IndicatorRule);
}

/** R-KPI-S is a rate per mille (target ≤ 2‰); the others are percentages. */
export const PER_MILLE_RULE: IndicatorRule = 'R-KPI-S';

/** The roles that publish a month's indicators (the admin names the company). */
export const PUBLISHERS: readonly Role[] = ['admin', 'manager'];

export function canPublish(role: Role | undefined): boolean {
  return !!role && PUBLISHERS.includes(role);
}

/** The roles that filter by company: they see every company's figures. */
export function crossCompany(role: Role | undefined): boolean {
  return role === 'admin' || role === 'regulator';
}

// ---- months ------------------------------------------------------------------------------------

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(text: string | null | undefined): text is string {
  return MONTH.test(text ?? '');
}

/** The month of a day (YYYY-MM-DD): "2026-12-03" → "2026-12". */
export function monthOf(day: string): string {
  return day.slice(0, 7);
}

/** `month` moved by `n` months: ("2026-01", -1) → "2025-12". */
export function addMonths(month: string, n: number): string {
  const m = MONTH.exec(month);
  if (!m) return month;
  const index = Number(m[1]) * 12 + Number(m[2]) - 1 + n;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The month before today's (Beijing): a month is published once it is over. */
export function previousMonth(today: string): string {
  return addMonths(monthOf(today), -1);
}

/** Whether `month` is over on `today` (it may be published from the 1st of the next). */
export function monthOver(month: string, today: string): boolean {
  return isMonth(month) && month < monthOf(today);
}

/** A month picker's value as YYYY-MM; undefined when empty. */
export function pickedMonth(value: Formattable | null | undefined): string | undefined {
  return value ? value.format('YYYY-MM') : undefined;
}

// ---- runs of days ------------------------------------------------------------------------------

/** The longest run of days the live figures cover (the server refuses a longer one, naming `to`). */
export const MAX_RANGE_DAYS = 366;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a calendar day (YYYY-MM-DD); null for one that is not a real day. */
function dayNumber(text: string): number | null {
  const m = DAY.exec(text);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const d = new Date(ms);
  if (d.getUTCFullYear() !== Number(m[1]) || d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3])) return null;
  return ms / 86400000;
}

/** Whether `text` is a real calendar day: "2026-02-28" yes, "2026-02-30" and "2026-2-1" no. */
export function isDay(text: string | null | undefined): text is string {
  return dayNumber(text ?? '') !== null;
}

/** How many days from `from` to `to`, both counted: ("2026-01-05", "2026-01-05") → 1. */
export function rangeDays(from: string, to: string): number {
  const a = dayNumber(from);
  const b = dayNumber(to);
  return a === null || b === null ? NaN : b - a + 1;
}

/** A month's days as a run, cut at today: ("2026-10", …) → 2026-10-01..2026-10-31. */
export function monthDays(month: string, today: string): { from: string; to: string } {
  const m = MONTH.exec(month);
  if (!m) return { from: today, to: today };
  const last = new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate();
  const from = `${month}-01`;
  const end = `${month}-${String(last).padStart(2, '0')}`;
  const to = end > today ? today : end;
  return { from, to: to < from ? from : to };
}

// ---- targets, statuses, figures ----------------------------------------------------------------

/** 990 → "99", 995 → "99.5", 1000 → "100", 2 → "0.2" (percent with one decimal when needed). */
function perMilleAsPercent(perMille: number): string {
  return String(Number((perMille / 10).toFixed(1)));
}

/**
 * A target in symbols: "≤ 2‰" (R-KPI-S, per mille), "≥ 99%", "≥ 99.5%" (the others, percent
 * with one decimal when needed). "—" for a target the server did not give.
 */
export function targetText(rule: string, perMille: number | null | undefined, kind: string): string {
  if (perMille === null || perMille === undefined || !Number.isFinite(perMille)) return MISSING;
  const op = kind === 'at-most' ? '≤' : '≥';
  const value = rule === PER_MILLE_RULE ? `${perMille}‰` : `${perMilleAsPercent(perMille)}%`;
  return `${op} ${value}`;
}

export type IndicatorStatus = 'met' | 'not-met' | 'not-applicable';

export interface StatusTag {
  color: string;
  /** The words; null for a status the console does not know (shown as the server wrote it). */
  key: MessageKey | null;
}

const STATUS_TAGS: Record<IndicatorStatus, StatusTag> = {
  met: { color: 'green', key: 'indicator.met' },
  'not-met': { color: 'red', key: 'indicator.not_met' },
  'not-applicable': { color: 'default', key: 'indicator.not_applicable' },
};

/** 达标 green, 未达标 red, 不适用 grey. */
export function statusTag(status: string): StatusTag {
  return STATUS_TAGS[status as IndicatorStatus] ?? { color: 'default', key: null };
}

/** The colour of a figure of that status (a value, a cell). */
export function statusColour(status: string): string | undefined {
  return status === 'met' ? '#389e0d' : status === 'not-met' ? '#cf1322' : undefined;
}

/** What a figure shows: the server's display ("66.67%", "0.35‰"); "—" when there is none ("n/a"). */
export function figureText(i: { value: number | null; display: string }): string {
  if (i.value === null || !i.display || i.display === 'n/a') return MISSING;
  return i.display;
}

/** The kind and count of the ids behind a live indicator (never the ids: they can be thousands). */
export function idCount(i: Pick<Indicator, 'rule' | 'orders' | 'outages' | 'households'>): { kind: 'outages' | 'orders' | 'households'; n: number } | null {
  if (i.outages) return { kind: 'outages', n: i.outages.length };
  if (i.households) return { kind: 'households', n: i.households.length };
  if (i.orders) return { kind: 'orders', n: i.orders.length };
  return null;
}

// ---- published records ------------------------------------------------------------------------

export interface RecordLink {
  /** The console page of the record: /outages/17, /work-orders/286, /households/9. */
  to: string;
  kind: 'outage' | 'order' | 'household';
  id: number;
  /** R-KPI-Q: the deadline the response counts against ("response", "leak"). */
  deadline?: string;
}

const ID = /^[1-9]\d{0,14}$/;

/**
 * The page a published record links to: a heating stop (R-KPI-S), an order ("286/response" for
 * R-KPI-Q, the order's id for P and B), a household (R-KPI-C). Null for one not read.
 */
export function recordLink(rule: string, record: string): RecordLink | null {
  const text = String(record ?? '').trim();
  if (rule === 'R-KPI-Q') {
    const [id, deadline] = text.split('/', 2);
    if (!ID.test(id)) return null;
    return { to: `/work-orders/${id}`, kind: 'order', id: Number(id), ...(deadline ? { deadline } : {}) };
  }
  if (!ID.test(text)) return null;
  const id = Number(text);
  if (rule === 'R-KPI-S') return { to: `/outages/${id}`, kind: 'outage', id };
  if (rule === 'R-KPI-C') return { to: `/households/${id}`, kind: 'household', id };
  if (rule === 'R-KPI-P' || rule === 'R-KPI-B') return { to: `/work-orders/${id}`, kind: 'order', id };
  return null;
}

/** A heating stop's part of R-KPI-S (seconds × area in m²×100) as m²·hours, two decimals. */
export function stopAreaHours(numerator: number): string {
  if (!Number.isFinite(numerator)) return MISSING;
  return (numerator / 360000).toFixed(2);
}

/** Whether a share's record (R-KPI-Q, P, B: 1 of 1 or 0 of 1) counts in the numerator. */
export function counted(r: { numerator: number }): boolean {
  return r.numerator > 0;
}

export interface RecordPart {
  /** The words: 计入 / 未计入 (R-KPI-Q, P, B), "12/15 日" (R-KPI-C), 计入分子 (R-KPI-S, a stop). */
  key: MessageKey;
  vars: Record<string, number>;
  /** counted: in the numerator (green); not-counted: in the denominator only (grey); plain: a share of days. */
  tone: 'counted' | 'not-counted' | 'plain';
}

/** A record's part of its indicator's fraction, in words: a response or a complaint counts or
 * not (1 of 1, 0 of 1), a household its qualified of its judged days, a stop its seconds × area
 * (the numerator only: the period's hours × heated area is the company's denominator). */
export function recordPart(rule: string, r: { numerator: number; denominator: number }): RecordPart {
  const vars = { n: r.numerator, d: r.denominator };
  if (rule === 'R-KPI-C') return { key: 'indicators.partDays', vars, tone: 'plain' };
  if (rule === 'R-KPI-S') return { key: 'indicators.partStop', vars, tone: 'plain' };
  if (rule === 'R-KPI-Q' || rule === 'R-KPI-P' || rule === 'R-KPI-B')
    return counted(r) ? { key: 'indicators.counted', vars, tone: 'counted' } : { key: 'indicators.notCounted', vars, tone: 'not-counted' };
  return { key: 'indicators.partRatio', vars, tone: 'plain' };
}

/** A household's qualified share of its judged days as a percentage ("80%"); "—" without judged days. */
export function daysShare(r: { numerator: number; denominator: number }): string {
  if (!(r.denominator > 0)) return MISSING;
  return formatPercent((r.numerator * 100) / r.denominator, 1);
}

// ---- a live indicator's records ------------------------------------------------------------------

export interface RecordsSource {
  /** /api/v1/indicators/R-KPI-Q/records */
  path: string;
  /** The period, company and district the live figures were asked for (never a page's cursor or limit). */
  query: Record<string, string>;
}

const LIVE_RECORDS_PATH = /^\/api\/v1\/indicators\/R-KPI-[A-Z]\/records$/;

/**
 * Where a live indicator's records are (its records_url, "/api/v1/indicators/R-KPI-Q/records?
 * from=2026-01-05&to=2026-01-06&company=3&district=7"): the route and its query, the page's own
 * cursor and limit left to the table. Null for no link, or one that is not such a route.
 */
export function recordsSource(url: string | null | undefined): RecordsSource | null {
  if (!url) return null;
  const at = url.indexOf('?');
  const path = at < 0 ? url : url.slice(0, at);
  if (!LIVE_RECORDS_PATH.test(path)) return null;
  const query: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(at < 0 ? '' : url.slice(at + 1))) {
    if (k !== 'cursor' && k !== 'limit') query[k] = v;
  }
  return { path, query };
}

// ---- publishing ---------------------------------------------------------------------------------

/** The publish form's fields, as the server names them. */
export const PUBLISH_FIELDS = ['month', 'company'];

export interface PublishValues {
  month?: Formattable | null;
  company?: number;
}

/** POST /api/v1/indicators/publications's body; `company` only when the user picks one (admin). */
export function publishBody(v: PublishValues, withCompany: boolean): IndicatorPublicationNew {
  const body: IndicatorPublicationNew = { month: pickedMonth(v.month) ?? '' };
  if (withCompany && v.company !== undefined && v.company !== null) body.company = v.company;
  return body;
}

/** How a refusal of publishing reads: 该月已发布 (conflict), 该月尚未结束 (failed_precondition);
 * null for the others (the server's message is shown). */
export function publishErrorKey(code: string | undefined): MessageKey | null {
  if (code === 'conflict') return 'indicators.error.conflict';
  if (code === 'failed_precondition') return 'indicators.error.notOver';
  return null;
}

// ---- the filters in the URL ---------------------------------------------------------------------

export const INDICATOR_PAGE_SIZES = [10, 20, 50];

function readSize(params: URLSearchParams): number {
  const size = Number(params.get('size'));
  return INDICATOR_PAGE_SIZES.includes(size) ? size : 20;
}

function readTrail(params: URLSearchParams): string[] {
  return (params.get('after') ?? '').split(',').filter((c) => /^\d+$/.test(c));
}

/** 按月 (a month) or 按日期区间 (a run of whole days). */
export type PeriodKind = 'month' | 'range';

export interface IndicatorFilters {
  /** Whether the live figures cover a month or a run of days. */
  period: PeriodKind;
  /** The month of the live figures in month mode (YYYY-MM; the previous month by default); in
   * range mode the previous month (发布's first choice). The published list's 仅看 month. */
  month: string;
  /** Range mode: the run's first and last days (YYYY-MM-DD, both inclusive); '' in month mode. */
  from: string;
  to: string;
  /** A company id (admin and regulator filter by one); '' for all. */
  company: string;
  /** A district id: the live figures of what lies in it; '' for every district. */
  district: string;
  /** The published list: only the month chosen (month mode only), else every month (newest first). */
  onlyMonth: boolean;
  size: number;
  /** The cursors of the published list's pages before this one. */
  trail: string[];
}

/** The run of days in the URL, reversed ends swapped; null when either is missing or not a day,
 * or the run is longer than MAX_RANGE_DAYS (the page then shows a month). */
export function readRange(params: URLSearchParams): { from: string; to: string } | null {
  let from = params.get('from') ?? '';
  let to = params.get('to') ?? '';
  if (!isDay(from) || !isDay(to)) return null;
  if (to < from) [from, to] = [to, from];
  return rangeDays(from, to) <= MAX_RANGE_DAYS ? { from, to } : null;
}

/** The filters the URL gives: a run of days (from and to) over a month when both are there; what
 * is not understood falls back to the default (the previous month, every company and district). */
export function readFilters(params: URLSearchParams, today: string): IndicatorFilters {
  const month = params.get('month') ?? '';
  const company = params.get('company') ?? '';
  const district = params.get('district') ?? '';
  const range = readRange(params);
  return {
    period: range ? 'range' : 'month',
    month: !range && isMonth(month) ? month : previousMonth(today),
    from: range?.from ?? '',
    to: range?.to ?? '',
    company: ID.test(company) ? company : '',
    district: ID.test(district) ? district : '',
    onlyMonth: params.get('published') === 'month',
    size: readSize(params),
    trail: readTrail(params),
  };
}

/** The URL parameters of `f`: the period always (a month, or from and to: a shared link shows
 * the same figures), the other defaults left out. */
export function writeFilters(f: IndicatorFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.period === 'range') {
    p.set('from', f.from);
    p.set('to', f.to);
  } else p.set('month', f.month);
  if (f.company) p.set('company', f.company);
  if (f.district) p.set('district', f.district);
  if (f.onlyMonth) p.set('published', 'month');
  if (f.size !== 20) p.set('size', String(f.size));
  if (f.trail.length) p.set('after', f.trail.join(','));
  return p;
}

/** The change of switching to `kind`: a month becomes its days (to today at most), a run of days
 * the month it starts in (if that month has begun; else the previous month). */
export function switchPeriod(
  f: Pick<IndicatorFilters, 'period' | 'month' | 'from'>,
  kind: PeriodKind,
  today: string,
): Partial<Pick<IndicatorFilters, 'period' | 'month' | 'from' | 'to'>> {
  if (kind === f.period) return {};
  if (kind === 'range') return { period: 'range', ...monthDays(f.month, today) };
  const month = monthOf(f.from);
  return { period: 'month', month: isMonth(month) && month <= monthOf(today) ? month : previousMonth(today), from: '', to: '' };
}

/** GET /api/v1/indicators's query: the month or the run of days, the company, the district. */
export function liveQuery(f: IndicatorFilters): Record<string, string | undefined> {
  const period = f.period === 'range' ? { from: f.from, to: f.to } : { month: f.month };
  return { ...period, company: f.company || undefined, district: f.district || undefined };
}

/** GET /api/v1/indicators/publications's query (published months: the month only in month mode). */
export function publishedQuery(f: IndicatorFilters): Record<string, string | number | undefined> {
  const month = f.onlyMonth && f.period === 'month' ? f.month : undefined;
  return { month, company: f.company || undefined, limit: f.size, cursor: f.trail[f.trail.length - 1] };
}

/** The live query's fields as the server names them in a 400, with their labels. */
const LIVE_FIELDS: Record<string, MessageKey> = {
  month: 'indicators.month',
  from: 'indicators.from',
  to: 'indicators.to',
  company: 'indicators.company',
  district: 'indicators.district',
};

export interface LiveRefusal {
  /** The field the server names (month, from, to, company, district, …), if any. */
  field?: string;
  /** Its label; null for a field the page does not offer (shown as the server names it). */
  label: MessageKey | null;
  message: string;
}

/** A 400 of the live query: the field it names and the server's message; null for the others
 * (shown as they are). */
export function liveRefusal(e: unknown): LiveRefusal | null {
  if (!(e instanceof ApiError) || e.status !== 400) return null;
  return { field: e.field, label: e.field ? (LIVE_FIELDS[e.field] ?? null) : null, message: e.message };
}

export interface PublicFilters {
  /** YYYY-MM, or '' for every month. */
  month: string;
  /** A company's code, or '' for all. */
  company: string;
  size: number;
  trail: string[];
}

const CODE = /^[\w.-]{1,64}$/;

export function readPublicFilters(params: URLSearchParams): PublicFilters {
  const month = params.get('month') ?? '';
  const company = (params.get('company') ?? '').trim();
  return { month: isMonth(month) ? month : '', company: CODE.test(company) ? company : '', size: readSize(params), trail: readTrail(params) };
}

export function writePublicFilters(f: PublicFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.month) p.set('month', f.month);
  if (f.company) p.set('company', f.company);
  if (f.size !== 20) p.set('size', String(f.size));
  if (f.trail.length) p.set('after', f.trail.join(','));
  return p;
}

/** GET /api/v1/public/indicators's query. */
export function publicQuery(f: PublicFilters): Record<string, string | number | undefined> {
  return { month: f.month || undefined, company: f.company || undefined, limit: f.size, cursor: f.trail[f.trail.length - 1] };
}

/** The companies' codes of the listed publications, each once, sorted: the public filter's
 * choices (no public route lists companies). */
export function companyCodes(items: ReadonlyArray<{ company_code: string; company_name: string }>): Array<{ code: string; name: string }> {
  const seen = new Map<string, string>();
  for (const i of items) if (!seen.has(i.company_code)) seen.set(i.company_code, i.company_name);
  return [...seen].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([code, name]) => ({ code, name }));
}
