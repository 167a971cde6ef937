// Insurance claims' pure parts (保险理赔, R-INS-1, W 13.3–13.6): the states, events and exclusions
// with their clauses and colours, who records one and who filters by company, which deadline a
// row shows and how it stands (open, met, met late), yuan as typed, the record form's and the
// event modals' bodies, a server error's field as a form path, and the list's filters in the URL.
import type { Role } from '../../auth';
import type { Claim, ClaimDeadline, ClaimEventType, ClaimExclusion, ClaimState, InsuranceClaimEvent, InsuranceClaimNew } from '../../api/types';
import { cursorQuery, readCursor, writeCursor, type CursorFilters } from '../../components/cursorFilters';
import { formatFen, MISSING } from '../../format';
import { photoRefs } from '../findings/logic';
import { deadlineState } from '../../components/deadline';
import { pickedRfc3339, type Formattable } from '../outages/logic';

export const CLAIM_STATES: readonly ClaimState[] = ['recorded', 'insurer-notified', 'agreed', 'paid', 'rejected'];

export const STATE_COLOUR: Record<ClaimState, string> = {
  recorded: 'gold',
  'insurer-notified': 'blue',
  agreed: 'purple',
  paid: 'green',
  rejected: 'default',
};

export function stateColour(state: string): string {
  return STATE_COLOUR[state as ClaimState] ?? 'default';
}

/** In the order their buttons stand. */
export const CLAIM_EVENTS: readonly ClaimEventType[] = ['notify-insurer', 'agree', 'pay', 'reject'];

/** The known events among a claim's `actions`, in CLAIM_EVENTS's order (one a newer server adds
 * is left out until the console knows its words). */
export function claimActions(c: Pick<Claim, 'actions'>): ClaimEventType[] {
  const offered = new Set(c.actions ?? []);
  return CLAIM_EVENTS.filter((a) => offered.has(a));
}

/** The buttons' look: moving the claim on leads, a refusal warns. */
export function actionTone(action: ClaimEventType): { primary?: boolean; danger?: boolean } {
  return action === 'reject' ? { danger: true } : { primary: true };
}

/** The exclusions with the clause each comes from (the server's answer names it too). */
export const EXCLUSIONS: ReadonlyArray<{ value: ClaimExclusion; clause: string }> = [
  { value: 'own-installation', clause: 'W 13.6 a' },
  { value: 'self-altered', clause: 'W 13.6 b' },
  { value: 'builder-warranty', clause: 'W 13.6 c' },
  { value: 'indirect-loss', clause: 'W 13.6 d' },
];

export function exclusionClause(exclusion: string): string | undefined {
  return EXCLUSIONS.find((e) => e.value === exclusion)?.clause;
}

/** The roles that record a claim and report it to the insurer (the server checks again). */
export const CLAIM_RECORDERS: readonly Role[] = ['admin', 'manager', 'agent', 'technician'];

export function canRecordClaim(role: Role | undefined): boolean {
  return !!role && CLAIM_RECORDERS.includes(role);
}

/** The roles that see every company's claims and filter by one. */
export function crossCompany(role: Role | undefined): boolean {
  return role === 'admin' || role === 'regulator';
}

// ---- deadlines -----------------------------------------------------------------------------

export type ClaimDeadlineName = 'notify' | 'payout';
export const DEADLINE_NAMES: readonly ClaimDeadlineName[] = ['notify', 'payout'];

/** How a deadline stands at `now`: open (ok, amber, red) from the live clock; met, or met late. */
export type DeadlineLook = 'ok' | 'warning' | 'overdue' | 'met' | 'late';

export function deadlineLook(d: ClaimDeadline, now: number): DeadlineLook {
  if (d.met_at) return d.status === 'late' || Date.parse(d.met_at) > Date.parse(d.due) ? 'late' : 'met';
  return deadlineState(d.from, d.due, now).kind;
}

/** The deadline a row shows: the open one due first; else the last one met (payout before
 * notify); none when the claim owes none. */
export function shownDeadline(c: Pick<Claim, 'deadlines'>): { name: ClaimDeadlineName; deadline: ClaimDeadline } | undefined {
  const all = DEADLINE_NAMES.flatMap((name) => {
    const deadline = c.deadlines?.[name];
    return deadline ? [{ name, deadline }] : [];
  });
  const open = all.filter((d) => !d.deadline.met_at).sort((a, b) => Date.parse(a.deadline.due) - Date.parse(b.deadline.due));
  if (open.length) return open[0];
  return all[all.length - 1];
}

/** A basis as the server writes it ("W 13.5", "platform default (W 13.3)"): its clause, and
 * whether the number is the platform's default. */
export function basisParts(basis: string): { source: string; platformDefault: boolean } {
  const m = /^platform default \((.*)\)$/.exec(basis.trim());
  return m ? { source: m[1], platformDefault: true } : { source: basis.trim(), platformDefault: false };
}

// ---- money ---------------------------------------------------------------------------------

/** Yuan as the server takes it: digits, at most two decimals. */
export const YUAN = /^\d+(\.\d{1,2})?$/;

/** What is wrong with a typed amount: missing (when required), not yuan, or zero (when it must
 * be positive); null when fine (or blank and optional). */
export function yuanProblem(typed: string | undefined | null, { required = false, positive = false } = {}): 'required' | 'format' | 'zero' | null {
  const text = (typed ?? '').trim();
  if (!text) return required ? 'required' : null;
  if (!YUAN.test(text)) return 'format';
  if (positive && Number(text) === 0) return 'zero';
  return null;
}

/** An amount as the console shows money: "¥4,280.50"; "—" when none. */
export function moneyText(yuan: string | null | undefined, fen: number | null | undefined): string {
  if (fen !== null && fen !== undefined) return formatFen(fen);
  if (yuan && YUAN.test(yuan)) return formatFen(Math.round(Number(yuan) * 100));
  return yuan ?? MISSING;
}

// ---- recording -----------------------------------------------------------------------------

export interface LossValues {
  item?: string;
  estimate?: string;
}

export interface ClaimValues {
  household?: number | null;
  incident_at?: Formattable | null;
  incident?: string;
  injuries?: boolean;
  photos?: string[];
  losses?: LossValues[];
}

/** POST /api/v1/insurance-claims's body. Every loss row is sent (so the server's "losses[1]" is
 * the form's second row); a blank estimate is left out (not estimated). */
export function claimBody(v: ClaimValues): InsuranceClaimNew {
  return {
    household: Number(v.household),
    incident_at: pickedRfc3339(v.incident_at) ?? '',
    incident: (v.incident ?? '').trim(),
    injuries: !!v.injuries,
    photos: photoRefs(v.photos),
    losses: (v.losses ?? []).map((l) => {
      const estimate = (l?.estimate ?? '').trim();
      return estimate ? { item: (l?.item ?? '').trim(), estimate } : { item: (l?.item ?? '').trim() };
    }),
  };
}

/** The record form's fields, as the server names them. */
export const CLAIM_FIELDS = ['household', 'incident_at', 'incident', 'injuries', 'photos', 'losses'];

/**
 * The record form's path of a server error's field: "losses[1].estimate" → ["losses", 1,
 * "estimate"] (a row's own key, else its item), "photos[2]" → ["photos"], "incident" →
 * ["incident"]. Null when the form has no such field (shown above the form only).
 */
export function claimFieldPath(field: string | undefined): Array<string | number> | null {
  if (!field) return null;
  const loss = /^losses\[(\d+)\](?:\.(\w+))?$/.exec(field);
  if (loss) return ['losses', Number(loss[1]), loss[2] === 'estimate' ? 'estimate' : 'item'];
  const plain = field.replace(/\[\d+\]/g, '');
  return CLAIM_FIELDS.includes(plain) && plain !== 'losses' ? [plain] : null;
}

// ---- events --------------------------------------------------------------------------------

export interface EventValues {
  insurer?: string;
  reference?: string;
  amount?: string;
  exclusion?: ClaimExclusion;
  note?: string;
}

/** Each event's fields, in the order the modal shows them. */
export const EVENT_FIELDS: Record<ClaimEventType, Array<keyof EventValues>> = {
  'notify-insurer': ['insurer', 'reference'],
  agree: ['amount', 'note'],
  pay: ['reference'],
  reject: ['exclusion', 'note'],
};

/** The fields an event cannot go without (the server refuses it otherwise). */
export function eventFieldRequired(type: ClaimEventType, field: keyof EventValues): boolean {
  return (type === 'notify-insurer' && field === 'insurer') || (type === 'agree' && field === 'amount') || (type === 'reject' && (field === 'exclusion' || field === 'note'));
}

/** POST /api/v1/insurance-claims/{id}/events's body: the event's own fields, trimmed, blank
 * ones left out. */
export function eventBody(type: ClaimEventType, v: EventValues): InsuranceClaimEvent {
  const body: InsuranceClaimEvent = { type };
  for (const field of EVENT_FIELDS[type]) {
    const value = (v[field] ?? '').trim();
    if (value) (body as unknown as Record<string, string>)[field] = value;
  }
  return body;
}

// ---- the list ------------------------------------------------------------------------------

const ID = /^[1-9]\d{0,14}$/;

export interface ClaimFilters extends CursorFilters {
  state: string;
  /** A company id (admin and regulator); '' for all. */
  company: string;
  /** A household id; '' for all. */
  household: string;
}

export function readFilters(params: URLSearchParams): ClaimFilters {
  const state = params.get('state') ?? '';
  const company = params.get('company') ?? '';
  const household = params.get('household') ?? '';
  return {
    state: (CLAIM_STATES as readonly string[]).includes(state) ? state : '',
    company: ID.test(company) ? company : '',
    household: ID.test(household) ? household : '',
    ...readCursor(params),
  };
}

/** The URL parameters of `f`, defaults left out. */
export function writeFilters(f: ClaimFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.state) p.set('state', f.state);
  if (f.company) p.set('company', f.company);
  if (f.household) p.set('household', f.household);
  return writeCursor(p, f);
}

/** GET /api/v1/insurance-claims's query; `company` only for the roles that may name one. */
export function listQuery(f: ClaimFilters, cross: boolean): Record<string, string | number | undefined> {
  return {
    household: f.household || undefined,
    company: cross ? f.company || undefined : undefined,
    state: f.state || undefined,
    ...cursorQuery(f),
  };
}
