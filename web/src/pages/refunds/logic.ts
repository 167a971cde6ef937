// The refunds page's pure parts: the season offered by default (from Beijing's date), the seasons
// the chooser lists, the list's filters as URL parameters, the status words' colours, and which
// actions a role may take on an entry in its state (refunds.cpp: admin and manager approve a
// draft, then record its payment, by method and reference, unless the household chose to offset
// it; the server checks again and answers 409 when the state is wrong), and the pay form's body.
import type { Role } from '../../auth';
import { cursorQuery, readCursor, writeCursor, type CursorFilters } from '../../components/cursorFilters';
import { beijingToday } from '../../format';
import type { RefundEntry, Schemas } from '../../api/types';

export const REFUND_STATUSES = ['draft', 'approved', 'paid'] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];

export const STATUS_COLOUR: Record<string, string> = { draft: 'default', approved: 'blue', paid: 'green' };

/** The roles that run a season and approve or pay (refunds.cpp). */
export const REFUND_MANAGERS: readonly Role[] = ['admin', 'manager'];

/**
 * The season (the year it starts) a refund run most likely concerns: from October on, the season
 * starting this year (commissioning starts early November); before, the one that started the
 * year before (it is running, or has ended and its refunds are due by June).
 */
export function defaultSeason(today: string = beijingToday()): number {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return month >= 10 ? year : year - 1;
}

/** The seasons the chooser lists: the default one, the five before it and the next one, newest first. */
export function seasonChoices(current: number, chosen?: number): number[] {
  const years = new Set<number>();
  for (let y = current + 1; y >= current - 5; y--) years.add(y);
  if (chosen !== undefined && Number.isInteger(chosen)) years.add(chosen);
  return [...years].sort((a, b) => b - a);
}

export type RefundAction = 'approve' | 'pay';

/** What a role may do to an entry now: approve a draft, pay an approved one; nothing else. */
export function refundActions(status: string, role: Role | undefined): RefundAction[] {
  if (!role || !REFUND_MANAGERS.includes(role)) return [];
  if (status === 'draft') return ['approve'];
  if (status === 'approved') return ['pay'];
  return [];
}

/** Approving's PATCH body (refunds.cpp: {"status":"approved"}); paying sends payBody's. */
export function approveBody(): { status: 'approved' } {
  return { status: 'approved' };
}

/** The ways a refund is paid by hand (refunds.cpp, RefundLedgerService::Pay); "offset" is the
 * billing run's, never the form's. */
export const PAY_METHODS = ['bank', 'wechat', 'alipay', 'cash'] as const;
export type PayMethod = (typeof PAY_METHODS)[number];

/** The pay form's fields as the server names them (a refusal naming one goes on it). */
export const PAY_FIELDS = ['method', 'reference'] as const;

/** The server's limit on a reference, in UTF-8 bytes. */
export const REFERENCE_MAX_BYTES = 100;

export interface PayValues {
  method?: PayMethod;
  reference?: string;
}

/** PATCH /api/v1/refunds/{id}'s body that marks a refund paid (RefundPatch). */
export type PayBody = Pick<Schemas['RefundPatch'], 'reference'> & { status: 'paid'; method: PayMethod };

/** Whether a reference is needed: for everything but cash. */
export function referenceRequired(method: PayMethod | undefined): boolean {
  return method !== 'cash';
}

/** A text's length in UTF-8 bytes (the server counts bytes: a Chinese character is 3). */
export function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** Paying's PATCH body: {status:'paid', method, reference}, the reference trimmed, and left out
 * for cash paid without one. */
export function payBody(v: { method: PayMethod; reference?: string }): PayBody {
  const method = v.method;
  const reference = (v.reference ?? '').trim();
  return reference || referenceRequired(method) ? { status: 'paid', method, reference } : { status: 'paid', method };
}

/** An approved refund the household chose to offset against the next bill: not paid by hand
 * (the server answers 409 naming choice), the billing run settles it. */
export function settledByBill(entry: Pick<RefundEntry, 'status' | 'choice'>): boolean {
  return entry.status === 'approved' && entry.choice === 'offset';
}

/** The days of an entry that carry a refund (share above 0). */
export function refundedDays(entry: Pick<RefundEntry, 'days'>) {
  return entry.days.filter((d) => d.share_percent > 0);
}


export interface RefundFilters extends CursorFilters {
  season: number;
  status: RefundStatus | '';
  household: string;
  overdue: boolean;
}

/** The list's filters read from the URL, with defaults for what is missing or malformed. */
export function readFilters(params: URLSearchParams, today?: string): RefundFilters {
  const seasonText = params.get('season') ?? '';
  const season = /^\d{4}$/.test(seasonText) ? Number(seasonText) : defaultSeason(today);
  const statusText = params.get('status') ?? '';
  const status = (REFUND_STATUSES as readonly string[]).includes(statusText) ? (statusText as RefundStatus) : '';
  const householdText = params.get('household') ?? '';
  return {
    season,
    status,
    household: /^\d{1,15}$/.test(householdText) ? householdText : '',
    overdue: params.get('overdue') === 'true',
    ...readCursor(params, 10),
  };
}

/** The URL parameters of `f` (defaults left out, so a plain link stays plain). */
export function writeFilters(f: RefundFilters, today?: string): URLSearchParams {
  const p = new URLSearchParams();
  if (f.season !== defaultSeason(today)) p.set('season', String(f.season));
  if (f.status) p.set('status', f.status);
  if (f.household) p.set('household', f.household);
  if (f.overdue) p.set('overdue', 'true');
  return writeCursor(p, f, 10);
}

/** The list route's query for `f`. */
export function listQuery(f: RefundFilters): Record<string, string | number | undefined> {
  return {
    season: f.season,
    status: f.status || undefined,
    household_id: f.household || undefined,
    overdue: f.overdue ? 'true' : undefined,
    ...cursorQuery(f),
  };
}
