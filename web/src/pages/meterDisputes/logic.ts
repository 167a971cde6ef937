// Heat-meter disputes' pure parts (热计量表争议与检定, R-METER-1, W 10.3): the states, results,
// parties and events with their colours and order, who raises one, the raise form's and the
// event modals' bodies, and the list's filters in the URL (as insurance claims keep theirs).
import type { Role } from '../../auth';
import type { CalibrationResult, MeterDispute, MeterDisputeEvent, MeterDisputeEventType, MeterDisputeNew, MeterDisputeParty, MeterDisputeState } from '../../api/types';
import { cursorQuery, readCursor, writeCursor, type CursorFilters } from '../../components/cursorFilters';

export const DISPUTE_STATES: readonly MeterDisputeState[] = ['open', 'calibrated', 'withdrawn'];
export const RESULTS: readonly CalibrationResult[] = ['passed', 'failed'];
export const PARTIES: readonly MeterDisputeParty[] = ['household', 'company'];

const STATE_COLOUR: Record<MeterDisputeState, string> = { open: 'gold', calibrated: 'green', withdrawn: 'default' };

export function stateColour(state: string): string {
  return STATE_COLOUR[state as MeterDisputeState] ?? 'default';
}

export function resultColour(result: string): string {
  return result === 'passed' ? 'green' : result === 'failed' ? 'red' : 'default';
}

/** In the order their buttons stand. */
export const DISPUTE_EVENTS: readonly MeterDisputeEventType[] = ['calibrate', 'withdraw'];

/** The known events among a dispute's `actions`, in DISPUTE_EVENTS's order. */
export function disputeActions(d: Pick<MeterDispute, 'actions'>): MeterDisputeEventType[] {
  const offered = new Set(d.actions ?? []);
  return DISPUTE_EVENTS.filter((a) => offered.has(a));
}

/** The company's staff raise a dispute for either side (the server checks again). */
export const DISPUTE_RAISERS: readonly Role[] = ['admin', 'manager', 'agent', 'technician'];

export function canRaiseDispute(role: Role | undefined): boolean {
  return !!role && DISPUTE_RAISERS.includes(role);
}

// ---- raising -------------------------------------------------------------------------------

export interface RaiseValues {
  household?: number | null;
  raised_by?: MeterDisputeParty;
  reason?: string;
}

/** The raise form's fields, as the server names them. */
export const RAISE_FIELDS = ['household', 'raised_by', 'reason'];

/** POST /api/v1/meter-disputes's body; raised_by left out when not chosen (a household's own). */
export function raiseBody(v: RaiseValues): MeterDisputeNew {
  const body: MeterDisputeNew = { household: Number(v.household), reason: (v.reason ?? '').trim() };
  if (v.raised_by) body.raised_by = v.raised_by;
  return body;
}

// ---- events --------------------------------------------------------------------------------

export interface EventValues {
  result?: CalibrationResult;
  reference?: string;
  cost?: string;
  note?: string;
}

/** Each event's fields, in the order the modal shows them (and the server names them). */
export const EVENT_FIELDS: Record<MeterDisputeEventType, Array<keyof EventValues>> = {
  calibrate: ['result', 'reference', 'cost', 'note'],
  withdraw: ['note'],
};

/** POST /api/v1/meter-disputes/{id}/events's body: texts trimmed, blank optional ones left out. */
export function eventBody(type: MeterDisputeEventType, v: EventValues): MeterDisputeEvent {
  const text = (s: string | undefined) => (s ?? '').trim();
  const note = text(v.note);
  if (type === 'withdraw') return note ? { type, note } : { type };
  const body: MeterDisputeEvent = { type, result: v.result as CalibrationResult, reference: text(v.reference) };
  const cost = text(v.cost);
  if (cost) body.cost = cost;
  if (note) body.note = note;
  return body;
}

// ---- the list ------------------------------------------------------------------------------

const ID = /^[1-9]\d{0,14}$/;

export interface DisputeFilters extends CursorFilters {
  state: string;
  /** A household id; '' for all. */
  household: string;
  /** A company id (admin and regulator); '' for all. */
  company: string;
}

export function readFilters(params: URLSearchParams): DisputeFilters {
  const state = params.get('state') ?? '';
  const id = (name: string) => {
    const v = params.get(name) ?? '';
    return ID.test(v) ? v : '';
  };
  return {
    state: (DISPUTE_STATES as readonly string[]).includes(state) ? state : '',
    household: id('household'),
    company: id('company'),
    ...readCursor(params),
  };
}

/** The URL parameters of `f`, defaults left out. */
export function writeFilters(f: DisputeFilters): URLSearchParams {
  const p = new URLSearchParams();
  for (const key of ['state', 'household', 'company'] as const) {
    if (f[key]) p.set(key, f[key]);
  }
  return writeCursor(p, f);
}

/** GET /api/v1/meter-disputes's query; `company` only for the roles that may name one. */
export function listQuery(f: DisputeFilters, cross: boolean): Record<string, string | number | undefined> {
  return {
    household: f.household || undefined,
    company: cross ? f.company || undefined : undefined,
    state: f.state || undefined,
    ...cursorQuery(f),
  };
}
