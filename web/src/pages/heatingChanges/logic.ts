// Heating changes' pure parts (增减停复, R-ACCT-1; W 9.1.8): the kinds, states, documents and
// events with their colours and order, the documents each kind needs before approval, who takes
// one in and what a household may apply for, the settlement's sign, the take-in form's, the
// household's and the event modals' bodies, and the list's filters in the URL.
import type { Role } from '../../auth';
import type {
  HeatingChange,
  HeatingChangeDocument,
  HeatingChangeEvent,
  HeatingChangeEventType,
  HeatingChangeKind,
  HeatingChangeNew,
  HeatingChangeSettlement,
  HeatingChangeState,
} from '../../api/types';
import { cursorQuery, readCursor, writeCursor, type CursorFilters } from '../../components/cursorFilters';
import { pickedDate } from '../findings/logic';
import { pickedRfc3339, type Formattable } from '../outages/logic';

export const CHANGE_KINDS: readonly HeatingChangeKind[] = ['increase', 'decrease', 'stop', 'resume'];
export const CHANGE_STATES: readonly HeatingChangeState[] = ['received', 'approved', 'refused'];

export const STATE_COLOUR: Record<HeatingChangeState, string> = { received: 'gold', approved: 'green', refused: 'default' };
export const KIND_COLOUR: Record<HeatingChangeKind, string> = { increase: 'blue', decrease: 'cyan', stop: 'volcano', resume: 'green' };

export function stateColour(state: string): string {
  return STATE_COLOUR[state as HeatingChangeState] ?? 'default';
}

export function kindColour(kind: string): string {
  return KIND_COLOUR[kind as HeatingChangeKind] ?? 'default';
}

/** An increase or a decrease of the heated area (the form asks for the area after it). */
export function isAreaChange(kind: string | undefined | null): boolean {
  return kind === 'increase' || kind === 'decrease';
}

/** In the order the server lists them (and the form's checkboxes stand). */
export const DOCUMENTS: readonly HeatingChangeDocument[] = ['application-form', 'identity', 'property-proof', 'area-survey'];

/** The one document an application cannot go without. */
export const REQUIRED_DOCUMENT: HeatingChangeDocument = 'application-form';

/** What `kind` needs on file before approval (rules/heating_change.hpp): the form, identity and
 * property proof; an area change its survey as well. */
export function neededDocuments(kind: string | undefined | null): HeatingChangeDocument[] {
  if (!kind) return [];
  return isAreaChange(kind) ? [...DOCUMENTS] : ['application-form', 'identity', 'property-proof'];
}

/** In the order their buttons stand. */
export const CHANGE_EVENTS: readonly HeatingChangeEventType[] = ['supply-documents', 'approve', 'refuse'];

/** The buttons' test ids. */
export const EVENT_TEST_ID: Record<HeatingChangeEventType, string> = {
  'supply-documents': 'heating-change-supply',
  approve: 'heating-change-approve',
  refuse: 'heating-change-refuse',
};

/** The known events among a change's `actions`, in CHANGE_EVENTS's order. */
export function changeActions(c: Pick<HeatingChange, 'actions'>): HeatingChangeEventType[] {
  const offered = new Set(c.actions ?? []);
  return CHANGE_EVENTS.filter((a) => offered.has(a));
}

export function actionTone(action: HeatingChangeEventType): { primary?: boolean; danger?: boolean } {
  if (action === 'approve') return { primary: true };
  if (action === 'refuse') return { danger: true };
  return {};
}

/** The service hall: the roles that take in an application (the server checks again). */
export const CHANGE_TAKERS: readonly Role[] = ['admin', 'manager', 'agent'];

export function canTakeIn(role: Role | undefined): boolean {
  return !!role && CHANGE_TAKERS.includes(role);
}

/** What a household may apply for online: a stop while heated, a resumption while stopped. */
export function householdKind(heatingStatus: string | undefined | null): 'stop' | 'resume' | null {
  if (heatingStatus === 'heated') return 'stop';
  if (heatingStatus === 'stopped') return 'resume';
  return null;
}

/** The documents a supply-documents event may file: those not yet on file, the missing first. */
export function suppliable(c: Pick<HeatingChange, 'documents' | 'missing'>): HeatingChangeDocument[] {
  const onFile = new Set(c.documents);
  const missing = new Set(c.missing);
  const open = DOCUMENTS.filter((d) => !onFile.has(d));
  return [...open.filter((d) => missing.has(d)), ...open.filter((d) => !missing.has(d))];
}

// ---- the settlement ------------------------------------------------------------------------

const YUAN = /^(-?)(\d+)(?:\.(\d{1,2}))?$/;

/** Yuan as the server writes it ("-2224.30") in whole fen; null when it is not such a number. */
export function yuanToFen(yuan: string | null | undefined): number | null {
  const m = YUAN.exec((yuan ?? '').trim());
  if (!m) return null;
  const fen = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] && fen !== 0 ? -fen : fen;
}

/** A credit to the household (应退), a charge (应补), nothing to settle, or an amount not read. */
export function settlementSide(s: Pick<HeatingChangeSettlement, 'amount'>): 'credit' | 'charge' | 'none' | 'unknown' {
  const fen = yuanToFen(s.amount);
  if (fen === null) return 'unknown';
  return fen < 0 ? 'credit' : fen > 0 ? 'charge' : 'none';
}

/** How an approved change is settled: its amount; by the meter's readings (billed by meter);
 * none yet (not approved). */
export function settlementStatus(c: Pick<HeatingChange, 'state' | 'billing' | 'settlement'>): 'amount' | 'meter' | 'pending' | 'none' {
  if (c.settlement) return 'amount';
  if (c.state === 'approved') return c.billing === 'meter' ? 'meter' : 'none';
  return c.state === 'received' ? 'pending' : 'none';
}

// ---- taking in -----------------------------------------------------------------------------

export interface ChangeValues {
  household?: number | null;
  kind?: HeatingChangeKind;
  effective?: Formattable | null;
  area?: string;
  received_at?: Formattable | null;
  applicant?: string;
  documents?: HeatingChangeDocument[];
  note?: string;
}

/** An area in m² with at most two decimals, above 0 (the server checks the bounds again). */
export const AREA = /^(?:0|[1-9]\d{0,6})(?:\.\d{1,2})?$/;

export function areaProblem(v: string | undefined | null): 'format' | 'zero' | null {
  const text = (v ?? '').trim();
  if (!text) return null;
  if (!AREA.test(text)) return 'format';
  return Number(text) > 0 ? null : 'zero';
}

/** POST /api/v1/heating-changes's body from the hall: texts trimmed, the area only for an area
 * change, a blank note left out, the documents in the server's order. */
export function changeBody(v: ChangeValues): HeatingChangeNew {
  const kind = v.kind ?? 'stop';
  const body: HeatingChangeNew = {
    household: Number(v.household),
    kind,
    effective: pickedDate(v.effective) ?? '',
    received_at: pickedRfc3339(v.received_at) ?? '',
    applicant: (v.applicant ?? '').trim(),
    documents: DOCUMENTS.filter((d) => (v.documents ?? []).includes(d)),
  };
  if (isAreaChange(kind)) body.area = (v.area ?? '').trim();
  const note = (v.note ?? '').trim();
  if (note) body.note = note;
  return body;
}

/** A household's own application: its stop or resumption, with the form only (received when
 * sent, the applicant its own login). */
export function householdBody(household: number, v: { kind?: HeatingChangeKind; effective?: Formattable | null }): HeatingChangeNew {
  return { household, kind: v.kind ?? 'stop', effective: pickedDate(v.effective) ?? '', documents: [REQUIRED_DOCUMENT] };
}

/** The take-in form's fields, as the server names them ("documents[1]" goes on documents). */
export const CHANGE_FIELDS = ['household', 'kind', 'effective', 'area', 'received_at', 'applicant', 'documents', 'note'];

// ---- events --------------------------------------------------------------------------------

export interface EventValues {
  documents?: HeatingChangeDocument[];
  reason?: string;
  note?: string;
}

/** Each event's fields, in the order the modal shows them. */
export const EVENT_FIELDS: Record<HeatingChangeEventType, Array<keyof EventValues>> = {
  'supply-documents': ['documents'],
  approve: ['note'],
  refuse: ['reason', 'note'],
};

export function eventFieldRequired(type: HeatingChangeEventType, field: keyof EventValues): boolean {
  return (type === 'supply-documents' && field === 'documents') || (type === 'refuse' && field === 'reason');
}

/** POST /api/v1/heating-changes/{id}/events's body: texts trimmed, a blank note left out. */
export function eventBody(type: HeatingChangeEventType, v: EventValues): HeatingChangeEvent {
  const note = (v.note ?? '').trim();
  switch (type) {
    case 'supply-documents':
      return { type, documents: DOCUMENTS.filter((d) => (v.documents ?? []).includes(d)) };
    case 'approve':
      return note ? { type, note } : { type };
    case 'refuse': {
      const reason = (v.reason ?? '').trim();
      return note ? { type, reason, note } : { type, reason };
    }
  }
}

// ---- the list ------------------------------------------------------------------------------

const ID = /^[1-9]\d{0,14}$/;

export interface ChangeFilters extends CursorFilters {
  state: string;
  kind: string;
  /** A household id; '' for all. */
  household: string;
  /** A company id (admin and regulator); '' for all. */
  company: string;
}

export function readFilters(params: URLSearchParams): ChangeFilters {
  const state = params.get('state') ?? '';
  const kind = params.get('kind') ?? '';
  const id = (name: string) => {
    const v = params.get(name) ?? '';
    return ID.test(v) ? v : '';
  };
  return {
    state: (CHANGE_STATES as readonly string[]).includes(state) ? state : '',
    kind: (CHANGE_KINDS as readonly string[]).includes(kind) ? kind : '',
    household: id('household'),
    company: id('company'),
    ...readCursor(params),
  };
}

/** The URL parameters of `f`, defaults left out. */
export function writeFilters(f: ChangeFilters): URLSearchParams {
  const p = new URLSearchParams();
  for (const key of ['state', 'kind', 'household', 'company'] as const) {
    if (f[key]) p.set(key, f[key]);
  }
  return writeCursor(p, f);
}

/** GET /api/v1/heating-changes's query; `company` only for the roles that may name one. */
export function listQuery(f: ChangeFilters, cross: boolean): Record<string, string | number | undefined> {
  return {
    company: cross ? f.company || undefined : undefined,
    household: f.household || undefined,
    state: f.state || undefined,
    kind: f.kind || undefined,
    ...cursorQuery(f),
  };
}
