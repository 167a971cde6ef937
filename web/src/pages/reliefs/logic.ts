// Reliefs' pure parts (减免政策, R-BILL-1, W 9.3): who writes them, how a relief's reduction and
// period read, the form's checks (a percentage 0.01–100, an amount above 0, each with at most two
// decimals; the period in order), the POST and PATCH bodies (only the chosen one of percent and
// amount; on a PATCH the other null, so a switch clears it), a stored relief as the form's values,
// and the list's filters in the URL.
import type { Role } from '../../auth';
import type { Relief, ReliefAppliesTo } from '../../api/types';
import { cursorQuery, readCursor, writeCursor, type CursorFilters } from '../../components/cursorFilters';
import { formatYuan, MISSING } from '../../format';
import { pickedDate } from '../findings/logic';
import type { Formattable } from '../outages/logic';
import { APPLIES_TO, type ReliefMethod } from './reliefWords';

/** The roles that enter, change and delete a relief (the server checks again); the rest read. */
export const RELIEF_WRITERS: readonly Role[] = ['admin', 'manager'];

export function canWriteReliefs(role: Role | undefined): boolean {
  return !!role && RELIEF_WRITERS.includes(role);
}

// ---- display -------------------------------------------------------------------------------

/** How much a relief takes off: "30.00%" or "¥500.00"; "—" when it names neither. */
export function reductionText(r: Pick<Relief, 'percent' | 'amount'>): string {
  if (r.percent !== null && r.percent !== undefined && Number.isFinite(r.percent)) return `${(Math.round(r.percent * 100) / 100).toFixed(2)}%`;
  if (r.amount !== null && r.amount !== undefined) return formatYuan(r.amount);
  return MISSING;
}

/** The method a stored relief uses (a percentage unless it names only an amount). */
export function methodOf(r: Pick<Relief, 'percent' | 'amount'>): ReliefMethod {
  return (r.percent === null || r.percent === undefined) && r.amount !== null && r.amount !== undefined ? 'amount' : 'percent';
}

// ---- the form's checks ---------------------------------------------------------------------

const PERCENT = /^\d{1,3}(?:\.\d{1,2})?$/;
const AMOUNT = /^\d{1,7}(?:\.\d{1,2})?$/;

/** The largest amount the server takes (yuan per household). */
export const MAX_AMOUNT = 1_000_000;

/** What is wrong with a typed percentage: not a number with at most two decimals, or not within
 * 0.01–100; null when right or still empty (the required rule speaks then). */
export function percentProblem(v: string | undefined | null): 'format' | 'range' | null {
  const text = (v ?? '').trim();
  if (!text) return null;
  if (!PERCENT.test(text)) return 'format';
  const n = Number(text);
  return n >= 0.01 && n <= 100 ? null : 'range';
}

/** What is wrong with a typed amount (yuan): not a number with at most two decimals, zero, or
 * above MAX_AMOUNT; null when right or still empty. */
export function amountProblem(v: string | undefined | null): 'format' | 'zero' | 'large' | null {
  const text = (v ?? '').trim();
  if (!text) return null;
  if (!AMOUNT.test(text)) return 'format';
  const n = Number(text);
  if (n <= 0) return 'zero';
  return n > MAX_AMOUNT ? 'large' : null;
}

/** Whether the period is in order (valid_to on or after valid_from); true while either is missing. */
export function periodProblem(from: Formattable | null | undefined, to: Formattable | null | undefined): boolean {
  const f = pickedDate(from);
  const t = pickedDate(to);
  return !!f && !!t && t < f;
}

// ---- the bodies ----------------------------------------------------------------------------

export interface ReliefValues {
  /** The admin chooses it; a manager's is its own. */
  company_id?: number;
  name?: string;
  reference?: string;
  applies_to?: ReliefAppliesTo;
  method?: ReliefMethod;
  percent?: string;
  amount?: string;
  valid_from?: Formattable | null;
  valid_to?: Formattable | null;
}

/** The form's fields, as the server names them (its 400 lands on the one it names). */
export const RELIEF_FIELDS = ['company_id', 'name', 'reference', 'applies_to', 'percent', 'amount', 'valid_from', 'valid_to'];

/** A relief's fields from the form: texts trimmed, the chosen reduction as a number. */
function fields(v: ReliefValues) {
  const method = v.method ?? 'percent';
  return {
    name: (v.name ?? '').trim(),
    reference: (v.reference ?? '').trim(),
    applies_to: v.applies_to ?? 'all',
    method,
    value: Number((method === 'percent' ? v.percent : v.amount) ?? '') || 0,
    valid_from: pickedDate(v.valid_from) ?? '',
    valid_to: pickedDate(v.valid_to) ?? '',
  };
}

/** POST /api/v1/reliefs's body: the company, and only the chosen one of percent and amount. */
export function createBody(v: ReliefValues, company: number): Omit<Relief, 'id'> {
  const { method, value, ...rest } = fields(v);
  const reduction = method === 'percent' ? { percent: value } : { amount: value };
  return { company_id: company, name: rest.name, reference: rest.reference, applies_to: rest.applies_to, ...reduction, valid_from: rest.valid_from, valid_to: rest.valid_to };
}

/** PATCH /api/v1/reliefs/{id}'s body: the company left as it is (it cannot change), the chosen
 * reduction and the other null (a switch from a percentage to an amount clears the percentage). */
export function patchBody(v: ReliefValues): Partial<Relief> {
  const { method, value, ...rest } = fields(v);
  return {
    name: rest.name,
    reference: rest.reference,
    applies_to: rest.applies_to,
    percent: method === 'percent' ? value : null,
    amount: method === 'amount' ? value : null,
    valid_from: rest.valid_from,
    valid_to: rest.valid_to,
  };
}

/** A stored relief as the form's values (its dates as the pickers' values, by `day`). */
export function valuesOf(r: Relief, day: (date: string) => Formattable): ReliefValues {
  const method = methodOf(r);
  return {
    company_id: r.company_id,
    name: r.name,
    reference: r.reference,
    applies_to: r.applies_to,
    method,
    percent: method === 'percent' && r.percent !== null && r.percent !== undefined ? String(r.percent) : undefined,
    amount: method === 'amount' && r.amount !== null && r.amount !== undefined ? r.amount.toFixed(2) : undefined,
    valid_from: r.valid_from ? day(r.valid_from) : null,
    valid_to: r.valid_to ? day(r.valid_to) : null,
  };
}

// ---- the list ------------------------------------------------------------------------------

const ID = /^[1-9]\d{0,14}$/;

export interface ReliefFilters extends CursorFilters {
  /** A company id (admin and regulator); '' for all. */
  company: string;
  /** Whom the reliefs name; '' for all. */
  appliesTo: string;
}

export function readFilters(params: URLSearchParams): ReliefFilters {
  const company = params.get('company') ?? '';
  const appliesTo = params.get('applies_to') ?? '';
  return {
    company: ID.test(company) ? company : '',
    appliesTo: (APPLIES_TO as readonly string[]).includes(appliesTo) ? appliesTo : '',
    ...readCursor(params),
  };
}

/** The URL parameters of `f`, defaults left out. */
export function writeFilters(f: ReliefFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.company) p.set('company', f.company);
  if (f.appliesTo) p.set('applies_to', f.appliesTo);
  return writeCursor(p, f);
}

/** GET /api/v1/reliefs's query; `company_id` only for the roles that may name one. */
export function listQuery(f: ReliefFilters, cross: boolean): Record<string, string | number | undefined> {
  return {
    company_id: cross ? f.company || undefined : undefined,
    applies_to: f.appliesTo || undefined,
    ...cursorQuery(f),
  };
}
