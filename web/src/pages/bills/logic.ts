// Season bills' pure parts (账单, 出账; R-BILL-1, W 9.2, W 9.3): who runs the billing, the run
// form's body, the money as the console shows it (¥ with two decimals, a relief and an offset as
// credits, what is still owed, what was overpaid and paid back), who pays an overpayment back and
// the body it sends (退还多缴, R-ACCT-1), and the list's filters in the URL (the tab, season,
// household and company) with the GETs' queries they make.
import type { Role } from '../../auth';
import { cursorQuery, readCursor, writeCursor, type CursorFilters } from '../../components/cursorFilters';
import { formatFen } from '../../format';
import { pickedDate } from '../findings/logic';
import { yuanToFen } from '../heatingChanges/logic';
import type { Formattable } from '../outages/logic';
import { referenceRequired, type PayMethod } from '../refunds/logic';
import { FIRST_SEASON, LAST_SEASON } from '../seasons/logic';
import type { Schemas } from '../../api/types';
import type { Bill, BillingRunNew, BillLine } from './types';

/** The roles that run the billing (the server checks again: the manager its own company). */
export const BILLING_RUNNERS: readonly Role[] = ['admin', 'manager'];

export function canRunBilling(role: Role | undefined): boolean {
  return !!role && BILLING_RUNNERS.includes(role);
}

// ---- money ---------------------------------------------------------------------------------

/** Yuan as the server writes it ("-120.50") as the console shows it ("-¥120.50"); a text that is
 * not such an amount as written. */
export function money(yuan: string | null | undefined): string {
  const fen = yuanToFen(yuan);
  return fen === null ? (yuan ?? '') : formatFen(fen);
}

/** The lines that lower a bill: a relief (R-BILL-1) and last season's refund offset (R-REFUND-6). */
export const CREDIT_LINES: readonly string[] = ['relief', 'offset'];

/** A line's amount in fen, a relief or an offset always negative (whatever sign it was sent
 * with); null when it is not an amount. */
export function lineFen(line: Pick<BillLine, 'code' | 'amount'>): number | null {
  const fen = yuanToFen(line.amount);
  if (fen === null) return null;
  return CREDIT_LINES.includes(line.code) ? -Math.abs(fen) : fen;
}

/** A line's amount as shown: "¥2,639.80", "-¥120.50". */
export function lineMoney(line: Pick<BillLine, 'code' | 'amount'>): string {
  const fen = lineFen(line);
  return fen === null ? line.amount : formatFen(fen);
}

/** Whether the household still owes on the bill. */
export function owing(b: Pick<Bill, 'outstanding'>): boolean {
  return (yuanToFen(b.outstanding) ?? 0) > 0;
}

/** Whether an amount is anything but nothing ("0.00"); a text that is not an amount counts as
 * something, so that it is shown as written. A field an older server leaves out is nothing. */
function nonZero(yuan: string | null | undefined): boolean {
  const fen = yuanToFen(yuan);
  return fen === null ? !!yuan && yuan !== '0.00' : fen !== 0;
}

/** Whether part of an offset refund was left over (anything but "0.00"). */
export function hasUnappliedOffset(b: Pick<Bill, 'unapplied_offset'>): boolean {
  return nonZero(b.unapplied_offset);
}

/** Whether anything was paid back to the household on the bill (R-ACCT-1). */
export function hasPaidBack(b: Pick<Bill, 'paid_back'>): boolean {
  return nonZero(b.paid_back);
}

/** Whether the bill holds money paid beyond its total, not yet paid back (R-ACCT-1). */
export function isOverpaid(b: Pick<Bill, 'overpaid'>): boolean {
  return (yuanToFen(b.overpaid) ?? 0) > 0;
}

// ---- paying an overpayment back ------------------------------------------------------------

/** The roles that pay an overpayment back (bills.cpp; the server checks the company again). */
export const PAYBACK_ROLES: readonly Role[] = ['admin', 'manager', 'agent'];

/** Whether `role` is offered 退还多缴 on `b`: one of PAYBACK_ROLES, and the bill overpaid. */
export function canPayBack(role: Role | undefined, b: Pick<Bill, 'overpaid'>): boolean {
  return !!role && PAYBACK_ROLES.includes(role) && isOverpaid(b);
}

/** POST /api/v1/bills/{id}/payback's body: the whole overpaid amount goes back by `method`. */
export type PaybackBody = Schemas['Payback'];

/** The body of the form's values: the reference trimmed, and left out for cash without one (as
 * refunds/logic's payBody). */
export function paybackBody(v: { method: PayMethod; reference?: string }): PaybackBody {
  const reference = (v.reference ?? '').trim();
  return reference || referenceRequired(v.method) ? { method: v.method, reference } : { method: v.method };
}

/** Billed by area though the household is billed by meter (its meter had no reading or a fault,
 * R-METER-1): the server says why. */
export function areaInsteadOfMeter(b: Pick<Bill, 'basis' | 'basis_reason'>): boolean {
  return b.basis === 'area' && !!b.basis_reason;
}

// ---- the run -------------------------------------------------------------------------------

/** The run form's fields, as the server names them. */
export const RUN_FIELDS = ['company_id', 'season', 'due_on'];

export interface RunValues {
  company_id?: number | null;
  season?: number | null;
  due_on?: Formattable | null;
}

/** POST /api/v1/billing-runs's body: the company chosen (the admin) or the user's own (a manager),
 * the season, and the due date only when one is picked (else the season's official first day). */
export function runBody(v: RunValues, ownCompany: number | null | undefined): BillingRunNew {
  const body: BillingRunNew = { company_id: Number(v.company_id ?? ownCompany), season: Number(v.season) };
  const due = pickedDate(v.due_on);
  if (due) body.due_on = due;
  return body;
}

// ---- the list ------------------------------------------------------------------------------

export const BILL_TABS = ['bills', 'runs'] as const;
export type BillTab = (typeof BILL_TABS)[number];

const ID = /^[1-9]\d{0,14}$/;
const YEAR = /^\d{4}$/;

export interface BillFilters extends CursorFilters {
  /** The bills, or the billing runs (出账记录). */
  tab: BillTab;
  /** A season's first year; '' for all. */
  season: string;
  /** A household id; '' for all. */
  household: string;
  /** A company id (admin and regulator); '' for all. */
  company: string;
}

export function readFilters(params: URLSearchParams): BillFilters {
  const id = (name: string) => {
    const v = params.get(name) ?? '';
    return ID.test(v) ? v : '';
  };
  const season = params.get('season') ?? '';
  const year = Number(season);
  return {
    tab: params.get('tab') === 'runs' ? 'runs' : 'bills',
    season: YEAR.test(season) && year >= FIRST_SEASON && year <= LAST_SEASON ? season : '',
    household: id('household'),
    company: id('company'),
    ...readCursor(params),
  };
}

/** The URL parameters of `f`, defaults left out. */
export function writeFilters(f: BillFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.tab !== 'bills') p.set('tab', f.tab);
  for (const key of ['season', 'household', 'company'] as const) {
    if (f[key]) p.set(key, f[key]);
  }
  return writeCursor(p, f);
}

/** GET /api/v1/bills's query; `company` only for the roles that may name one. Nothing is asked
 * while the runs are shown. */
export function listQuery(f: BillFilters, cross: boolean): Record<string, string | number | undefined> | null {
  if (f.tab !== 'bills') return null;
  return {
    company: cross ? f.company || undefined : undefined,
    household: f.household || undefined,
    season: f.season || undefined,
    ...cursorQuery(f),
  };
}

/** GET /api/v1/billing-runs's query: the company filter (admin, regulator), a page of `limit`
 * after `cursor`. */
export function runsQuery(company: string, cross: boolean, limit: number, cursor: string | undefined): Record<string, string | number | undefined> {
  return { company: cross ? company || undefined : undefined, limit, cursor };
}
