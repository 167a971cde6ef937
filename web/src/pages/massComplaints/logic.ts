// The mass-complaint warnings' pure parts (群体投诉预警, R-REG-1, Z 3.4): who filters by company,
// the list's filters in the URL (from, to, company, page size, cursor trail) and the query they
// make, a period in order, and an episode's orders with the one that reached the threshold.
import type { Role } from '../../auth';
import type { MassComplaint } from '../../api/types';
import { cursorQuery, readCursor, writeCursor, type CursorFilters } from '../../components/cursorFilters';

/** The platform's default rule: 20 complaints within 24 hours (each warning states its own). */
export const DEFAULT_THRESHOLD = 20;
export const DEFAULT_WINDOW_HOURS = 24;
/** The server's period when neither from nor to is given: the last 30 days. */
export const DEFAULT_PERIOD_DAYS = 30;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ID = /^[1-9]\d{0,14}$/;

/** The roles that see every company's warnings and filter by one (staff see their own only). */
export function crossCompany(role: Role | undefined): boolean {
  return role === 'admin' || role === 'regulator';
}

export interface MassFilters extends CursorFilters {
  /** A company id (admin and regulator filter by one); '' for all. */
  company: string;
  /** YYYY-MM-DD or '' (the server's default period). */
  from: string;
  to: string;
}

export function readFilters(params: URLSearchParams): MassFilters {
  const company = params.get('company') ?? '';
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  return {
    company: ID.test(company) ? company : '',
    from: DATE.test(from) ? from : '',
    to: DATE.test(to) ? to : '',
    ...readCursor(params),
  };
}

/** The URL parameters of `f`, defaults left out. */
export function writeFilters(f: MassFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.company) p.set('company', f.company);
  if (f.from) p.set('from', f.from);
  if (f.to) p.set('to', f.to);
  return writeCursor(p, f);
}

/** GET /api/v1/complaints/mass's query; `company` only for the roles that may name one. */
export function listQuery(f: MassFilters, cross: boolean): Record<string, string | number | undefined> {
  return {
    company: cross ? f.company || undefined : undefined,
    from: f.from || undefined,
    to: f.to || undefined,
    ...cursorQuery(f),
  };
}

/** Whether the period is in order (to on or after from); true while either is missing. */
export function periodOrdered(f: Pick<MassFilters, 'from' | 'to'>): boolean {
  return !f.from || !f.to || f.to >= f.from;
}

export interface EpisodeOrder {
  id: number;
  /** The order whose complaint reached the threshold. */
  reached: boolean;
}

/** The episode's orders in the server's order, the one that reached the threshold marked (and
 * listed even if order_ids lacks it). */
export function episodeOrders(m: Pick<MassComplaint, 'order_ids' | 'reached_order_id'>): EpisodeOrder[] {
  const ids = [...new Set(m.order_ids ?? [])];
  if (m.reached_order_id && !ids.includes(m.reached_order_id)) ids.push(m.reached_order_id);
  return ids.map((id) => ({ id, reached: id === m.reached_order_id }));
}
