// The service indicators' pure parts (五项指标, W 14.4 table 1, W 14.4.6): the five rules in
// their order, who publishes, the month a page starts at (the last one that is over), a target
// in words from target_per_mille and its kind, a status's tag, what a figure shows, the count of
// the ids behind a live indicator, a published record's link and outcome, the publish body and
// how a refusal reads, and both lists' filters in the URL.
import type { Role } from '../../auth';
import type { Indicator, IndicatorPublicationNew, IndicatorRule } from '../../api/types';
import { MISSING } from '../../format';
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

export interface IndicatorFilters {
  /** The month of the live figures (YYYY-MM); the previous month by default. */
  month: string;
  /** A company id (admin and regulator filter by one); '' for all. */
  company: string;
  /** The published list: only the month chosen, else every month (newest first). */
  onlyMonth: boolean;
  size: number;
  /** The cursors of the published list's pages before this one. */
  trail: string[];
}

export function readFilters(params: URLSearchParams, today: string): IndicatorFilters {
  const month = params.get('month') ?? '';
  const company = params.get('company') ?? '';
  return {
    month: isMonth(month) ? month : previousMonth(today),
    company: ID.test(company) ? company : '',
    onlyMonth: params.get('published') === 'month',
    size: readSize(params),
    trail: readTrail(params),
  };
}

/** The URL parameters of `f`: the month always (a shared link shows the same month), the other
 * defaults left out. */
export function writeFilters(f: IndicatorFilters): URLSearchParams {
  const p = new URLSearchParams();
  p.set('month', f.month);
  if (f.company) p.set('company', f.company);
  if (f.onlyMonth) p.set('published', 'month');
  if (f.size !== 20) p.set('size', String(f.size));
  if (f.trail.length) p.set('after', f.trail.join(','));
  return p;
}

/** GET /api/v1/reports/indicators's query. */
export function liveQuery(f: IndicatorFilters): Record<string, string | undefined> {
  return { month: f.month, company: f.company || undefined };
}

/** GET /api/v1/indicators/publications's query. */
export function publishedQuery(f: IndicatorFilters): Record<string, string | number | undefined> {
  return { month: f.onlyMonth ? f.month : undefined, company: f.company || undefined, limit: f.size, cursor: f.trail[f.trail.length - 1] };
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
