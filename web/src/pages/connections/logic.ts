// Connection applications' pure parts (报装申请, R-CONN-1; Z 2.3 (三), W 9.1.4, W 10.1.7): the
// states, documents and events with their colours and order, who takes one in and who filters by
// company, the season as "2026—2027", the take-in form's and the event modals' bodies, a server
// error's field as a form path, and the list's filters in the URL.
import type { Role } from '../../auth';
import type { Connection, ConnectionDocument, ConnectionEvent, ConnectionEventType, ConnectionNew, ConnectionState } from '../../api/types';
import { cursorQuery, readCursor, writeCursor, type CursorFilters } from '../../components/cursorFilters';
import { pickedMs, pickedRfc3339, type Formattable } from '../outages/logic';

export const CONNECTION_STATES: readonly ConnectionState[] = ['received', 'approved', 'refused'];

export const STATE_COLOUR: Record<ConnectionState, string> = {
  received: 'gold',
  approved: 'green',
  refused: 'default',
};

export function stateColour(state: string): string {
  return STATE_COLOUR[state as ConnectionState] ?? 'default';
}

/** In the order the server lists them (and the form's checkboxes stand). */
export const DOCUMENTS: readonly ConnectionDocument[] = ['application-form', 'drawings', 'retrofit-record', 'owners-decision'];

/** The one document an application cannot go without (W 9.1.4: 申请表 1 份). */
export const REQUIRED_DOCUMENT: ConnectionDocument = 'application-form';

/** What a building of its kind has on file in the end, the form aside (rules/connection.cpp):
 * a new building its drawings; an existing one its retrofit record and owners' decision. */
export function expectedDocuments(newBuilding: boolean | undefined | null): ConnectionDocument[] {
  if (newBuilding === undefined || newBuilding === null) return [];
  return newBuilding ? ['drawings'] : ['retrofit-record', 'owners-decision'];
}

/** In the order their buttons stand. */
export const CONNECTION_EVENTS: readonly ConnectionEventType[] = ['supply-documents', 'approve', 'refuse', 'visit'];

/** The known events among an application's `actions`, in CONNECTION_EVENTS's order (one a newer
 * server adds is left out until the console knows its words). */
export function connectionActions(c: Pick<Connection, 'actions'>): ConnectionEventType[] {
  const offered = new Set(c.actions ?? []);
  return CONNECTION_EVENTS.filter((a) => offered.has(a));
}

/** The buttons' look: approving leads, refusing warns. */
export function actionTone(action: ConnectionEventType): { primary?: boolean; danger?: boolean } {
  if (action === 'approve') return { primary: true };
  if (action === 'refuse') return { danger: true };
  return {};
}

/** The service hall: the roles that take in an application (the server checks again). */
export const CONNECTION_TAKERS: readonly Role[] = ['admin', 'manager', 'agent'];

export function canTakeIn(role: Role | undefined): boolean {
  return !!role && CONNECTION_TAKERS.includes(role);
}

/** The documents a supply-documents event may file: those not yet on file, the missing first. */
export function suppliable(c: Pick<Connection, 'documents' | 'missing'>): ConnectionDocument[] {
  const onFile = new Set(c.documents);
  const missing = new Set(c.missing);
  const open = DOCUMENTS.filter((d) => !onFile.has(d));
  return [...open.filter((d) => missing.has(d)), ...open.filter((d) => !missing.has(d))];
}

/** Whether the application's return visit is done (R-WO-6), owed (decided, not visited) or not
 * yet due (still received). */
export function visitStatus(c: Pick<Connection, 'state' | 'visited_at'>): 'visited' | 'owed' | 'none' {
  if (c.visited_at) return 'visited';
  return c.state === 'received' ? 'none' : 'owed';
}

// ---- taking in -----------------------------------------------------------------------------

export interface ConnectionValues {
  building?: number | null;
  household?: number | null;
  applicant?: string;
  phone?: string;
  new_building?: boolean | null;
  outside_works?: boolean;
  received_at?: Formattable | null;
  documents?: ConnectionDocument[];
}

/** The longest a paper form waits before it is entered (services::kMaxEntryDelay). */
export const MAX_ENTRY_DELAY_MS = 7 * 24 * 3600_000;

/** What is wrong with the receipt time picked at `now`: in the future (a minute's grace), over
 * seven days old; null when fine or empty (the required rule speaks then). */
export function receivedProblem(v: Formattable | null | undefined, now: number): 'future' | 'old' | null {
  const ms = pickedMs(v);
  if (Number.isNaN(ms)) return null;
  if (ms > now + 60_000) return 'future';
  if (ms < now - MAX_ENTRY_DELAY_MS) return 'old';
  return null;
}

/** POST /api/v1/connections's body: texts trimmed, a blank household or phone left out, the
 * documents in the server's order. */
export function connectionBody(v: ConnectionValues): ConnectionNew {
  const body: ConnectionNew = {
    building: Number(v.building),
    applicant: (v.applicant ?? '').trim(),
    new_building: !!v.new_building,
    outside_works: !!v.outside_works,
    received_at: pickedRfc3339(v.received_at) ?? '',
    documents: DOCUMENTS.filter((d) => (v.documents ?? []).includes(d)),
  };
  if (v.household !== undefined && v.household !== null && String(v.household) !== '') body.household = Number(v.household);
  const phone = (v.phone ?? '').trim();
  if (phone) body.phone = phone;
  return body;
}

/** The take-in form's fields, as the server names them ("documents[1]" goes on documents). */
export const CONNECTION_FIELDS = ['building', 'household', 'applicant', 'phone', 'new_building', 'outside_works', 'received_at', 'documents'];

// ---- events --------------------------------------------------------------------------------

export interface EventValues {
  documents?: ConnectionDocument[];
  note?: string;
  reason?: string;
  suggestion?: string;
  satisfied?: boolean;
}

/** Each event's fields, in the order the modal shows them. */
export const EVENT_FIELDS: Record<ConnectionEventType, Array<keyof EventValues>> = {
  'supply-documents': ['documents'],
  approve: ['note'],
  refuse: ['reason', 'suggestion', 'note'],
  visit: ['satisfied', 'note'],
};

/** The fields an event cannot go without (the server refuses it otherwise). */
export function eventFieldRequired(type: ConnectionEventType, field: keyof EventValues): boolean {
  switch (type) {
    case 'supply-documents':
      return field === 'documents';
    case 'refuse':
      return field === 'reason' || field === 'suggestion';
    case 'visit':
      return field === 'note' || field === 'satisfied';
    default:
      return false;
  }
}

/** POST /api/v1/connections/{id}/events's body: the event's own fields, texts trimmed, a blank
 * optional note left out. */
export function eventBody(type: ConnectionEventType, v: EventValues): ConnectionEvent {
  const text = (s: string | undefined) => (s ?? '').trim();
  const note = text(v.note);
  switch (type) {
    case 'supply-documents':
      return { type, documents: DOCUMENTS.filter((d) => (v.documents ?? []).includes(d)) };
    case 'approve':
      return note ? { type, note } : { type };
    case 'refuse':
      return note ? { type, reason: text(v.reason), suggestion: text(v.suggestion), note } : { type, reason: text(v.reason), suggestion: text(v.suggestion) };
    case 'visit':
      return { type, note, satisfied: !!v.satisfied };
  }
}

// ---- the list ------------------------------------------------------------------------------

const ID = /^[1-9]\d{0,14}$/;
const SEASON = /^(19|20|21)\d{2}$/;

export interface ConnectionFilters extends CursorFilters {
  state: string;
  /** The year a season starts; '' for all. */
  season: string;
  /** 'true' 已回访, 'false' 待回访 (decided, not visited); '' for all. */
  visited: string;
  /** A building id; '' for all. */
  building: string;
  /** A household id; '' for all. */
  household: string;
  /** A company id (admin and regulator); '' for all. */
  company: string;
}

export function readFilters(params: URLSearchParams): ConnectionFilters {
  const state = params.get('state') ?? '';
  const season = params.get('season') ?? '';
  const visited = params.get('visited') ?? '';
  const id = (name: string) => {
    const v = params.get(name) ?? '';
    return ID.test(v) ? v : '';
  };
  return {
    state: (CONNECTION_STATES as readonly string[]).includes(state) ? state : '',
    season: SEASON.test(season) ? season : '',
    visited: visited === 'true' || visited === 'false' ? visited : '',
    building: id('building'),
    household: id('household'),
    company: id('company'),
    ...readCursor(params),
  };
}

/** The URL parameters of `f`, defaults left out. */
export function writeFilters(f: ConnectionFilters): URLSearchParams {
  const p = new URLSearchParams();
  for (const key of ['state', 'season', 'visited', 'building', 'household', 'company'] as const) {
    if (f[key]) p.set(key, f[key]);
  }
  return writeCursor(p, f);
}

/** GET /api/v1/connections's query; `company` only for the roles that may name one. */
export function listQuery(f: ConnectionFilters, cross: boolean): Record<string, string | number | undefined> {
  return {
    company: cross ? f.company || undefined : undefined,
    building: f.building || undefined,
    household: f.household || undefined,
    state: f.state || undefined,
    season: f.season || undefined,
    visited: f.visited || undefined,
    ...cursorQuery(f),
  };
}
