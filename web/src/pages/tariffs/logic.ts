// Tariffs' pure parts (收费标准, R-BILL-1; W 9.2.1 供热经营企业应按照物价部门核准的收费标准收取供热费。
// 热费价格调整时，应及时告知热用户): who announces a price change, how a price and a period read,
// whether a notice given today would come late (on or after the first day), the notices by the
// tariff they announce, and the list's filters in the URL (company, billing) with the GETs' queries
// they make.
import type { PriceNotice, Tariff, TariffBilling } from '../../api/types';
import type { Role } from '../../auth';
import { cursorQuery, readCursor, writeCursor, type CursorFilters } from '../../components/cursorFilters';

/** The roles that announce a tariff to the households (the server checks again); the rest read. */
export const TARIFF_ANNOUNCERS: readonly Role[] = ['admin', 'manager'];

export function canAnnounce(role: Role | undefined): boolean {
  return !!role && TARIFF_ANNOUNCERS.includes(role);
}

/** In the order the filter offers them. */
export const BILLINGS: readonly TariffBilling[] = ['area', 'meter'];

// ---- display -------------------------------------------------------------------------------

const DECIMAL = /^-?\d+(?:\.\d+)?$/;

/** Yuan with two decimals, as the notices write it: 28 or "28" → "28.00"; null when absent (a
 * text that is not a number is kept as the server wrote it). */
export function yuanText(v: number | string | null | undefined): string | null {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'string' && !DECIMAL.test(v.trim())) return v;
  const n = Number(v);
  return Number.isFinite(n) ? (Math.round(n * 100) / 100).toFixed(2) : String(v);
}

/** Whether any of `tariffs` has a fixed part (the 基本热价 column shows then). */
export function hasBasePrice(tariffs: readonly Pick<Tariff, 'base_price'>[]): boolean {
  return tariffs.some((t) => yuanText(t.base_price) !== null);
}

/** Whether a notice given on `today` (YYYY-MM-DD, Beijing) would be late: on or after the first day. */
export function lateOn(validFrom: string, today: string): boolean {
  return !!validFrom && today >= validFrom;
}

/** Each tariff's notice: the newest one the list gives for it (the list is newest first). */
export function noticesByTariff(notices: readonly PriceNotice[]): Map<number, PriceNotice> {
  const out = new Map<number, PriceNotice>();
  for (const n of notices) if (!out.has(n.tariff_id)) out.set(n.tariff_id, n);
  return out;
}

// ---- the list ------------------------------------------------------------------------------

const ID = /^[1-9]\d{0,14}$/;

export interface TariffFilters extends CursorFilters {
  /** A company id (admin and regulator); '' for all. */
  company: string;
  /** By area or by meter; '' for both. */
  billing: string;
}

export function readFilters(params: URLSearchParams): TariffFilters {
  const company = params.get('company') ?? '';
  const billing = params.get('billing') ?? '';
  return {
    company: ID.test(company) ? company : '',
    billing: (BILLINGS as readonly string[]).includes(billing) ? billing : '',
    ...readCursor(params),
  };
}

/** The URL parameters of `f`, defaults left out. */
export function writeFilters(f: TariffFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.company) p.set('company', f.company);
  if (f.billing) p.set('billing', f.billing);
  return writeCursor(p, f);
}

/** GET /api/v1/tariffs's query; `company_id` only for the roles that may name one. */
export function listQuery(f: TariffFilters, cross: boolean): Record<string, string | number | undefined> {
  return {
    company_id: cross ? f.company || undefined : undefined,
    billing: f.billing || undefined,
    ...cursorQuery(f),
  };
}

/** GET /api/v1/price-notices's query (every page of it): the company chosen, for the roles that
 * may name one; the server keeps the others to their own. */
export function noticeQuery(f: Pick<TariffFilters, 'company'>, cross: boolean): Record<string, string | undefined> {
  return { company: cross ? f.company || undefined : undefined };
}
