// Household-caused findings' pure parts (住户原因认定, R-REFUND-4): the kinds and states with
// their tag colours, who may record one, the actions the console knows (what a caller may do
// comes from the finding's own `actions`), which need a note, the record form's checks and
// request bodies, and keeping a loaded list current after a POST answers with a finding.
import type { Role } from '../../auth';
import type { Finding, FindingAction, FindingActionName, FindingKind, FindingNew, FindingState } from '../../api/types';
import { pickedRfc3339, type Formattable } from '../outages/logic';

export const FINDING_KINDS: readonly FindingKind[] = [
  'drain-valve',
  'vent-valve',
  'heat-exchanger',
  'altered-pipes',
  'pipe-pump',
  'added-radiators',
  'own-installation',
];

export const FINDING_STATES: readonly FindingState[] = ['open', 'acknowledged', 'disputed', 'upheld', 'rejected', 'withdrawn'];

/** open waits for the household; disputed for the regulator; upheld stands; rejected and
 * withdrawn count no more. */
export const STATE_COLOUR: Record<FindingState, string> = {
  open: 'gold',
  acknowledged: 'blue',
  disputed: 'orange',
  upheld: 'purple',
  rejected: 'green',
  withdrawn: 'default',
};

export function stateColour(state: string): string {
  return STATE_COLOUR[state as FindingState] ?? 'default';
}

/** The roles that record a finding (the server checks again). */
export const FINDING_RECORDERS: readonly Role[] = ['admin', 'manager', 'agent', 'technician'];

export function canRecordFinding(role: Role | undefined): boolean {
  return !!role && FINDING_RECORDERS.includes(role);
}

// ---- actions -------------------------------------------------------------------------------

/** In the order their buttons stand. */
export const FINDING_ACTIONS: readonly FindingActionName[] = ['acknowledge', 'dispute', 'uphold', 'reject', 'withdraw'];

/** The known actions among a finding's `actions`, in FINDING_ACTIONS's order (an action a newer
 * server adds is left out until the console knows its words). */
export function findingActions(f: Pick<Finding, 'actions'>): FindingActionName[] {
  const offered = new Set(f.actions ?? []);
  return FINDING_ACTIONS.filter((a) => offered.has(a));
}

/** A dispute needs its reason, a ruling or a withdrawal its grounds; an acknowledgement none. */
export function noteRequired(action: FindingActionName): boolean {
  return action !== 'acknowledge';
}

/** The buttons' look: the household's agreement leads, what undoes or contests a finding warns. */
export function actionTone(action: FindingActionName): { primary?: boolean; danger?: boolean } {
  if (action === 'acknowledge' || action === 'uphold') return { primary: true };
  if (action === 'withdraw') return { danger: true };
  return {};
}

export interface ActionValues {
  note?: string;
}

/** The note's problem before asking the server, else null. */
export function noteError(action: FindingActionName, note: string | undefined): 'required' | null {
  return noteRequired(action) && !(note ?? '').trim() ? 'required' : null;
}

/** POST /api/v1/findings/{id}/actions's body: the note trimmed, left out when blank. */
export function actionBody(action: FindingActionName, v: ActionValues): FindingAction {
  const note = (v.note ?? '').trim();
  return note ? { action, note } : { action };
}

// ---- recording -----------------------------------------------------------------------------

/** The record form's fields, as the server names them (photos[i] lands on photos). */
export const FINDING_FIELDS = ['kind', 'description', 'photos', 'found_by', 'found_at', 'valid_from', 'valid_to'];
export const ACTION_FIELDS = ['note'];

export interface FindingValues {
  kind?: FindingKind;
  description?: string;
  photos?: string[];
  found_by?: string;
  found_at?: Formattable | null;
  valid_from?: Formattable | null;
  valid_to?: Formattable | null;
}

/** A date picker's value as YYYY-MM-DD (the day as picked: a date has no zone); undefined when empty. */
export function pickedDate(value: Formattable | null | undefined): string | undefined {
  return value ? value.format('YYYY-MM-DD') : undefined;
}

/** Whether the period is in order (to on or after from); true while either is missing. */
export function periodOrdered(from: string | undefined, to: string | undefined): boolean {
  return !from || !to || to >= from;
}

/** The photo references typed: trimmed, blank and repeated ones dropped, always as text. */
export function photoRefs(typed: readonly string[] | undefined): string[] {
  const out = (typed ?? []).map((raw) => String(raw).trim()).filter(Boolean);
  return [...new Set(out)];
}

/** A reference the browser can open (a web link), else null (a file name or an archive number). */
export function photoHref(ref: string): string | null {
  return /^https?:\/\/\S+$/i.test(ref.trim()) ? ref.trim() : null;
}

/** POST /api/v1/findings's body for the household shown. */
export function findingBody(v: FindingValues, household: number): FindingNew {
  return {
    household,
    kind: v.kind as FindingKind,
    description: (v.description ?? '').trim(),
    photos: photoRefs(v.photos),
    found_by: (v.found_by ?? '').trim(),
    found_at: pickedRfc3339(v.found_at) ?? '',
    valid_from: pickedDate(v.valid_from) ?? '',
    valid_to: pickedDate(v.valid_to) ?? '',
  };
}

// ---- the list ------------------------------------------------------------------------------

/** The list with `f` in place of the finding of its id, or first (the list is newest first). */
export function upsertFinding(list: readonly Finding[], f: Finding): Finding[] {
  return list.some((x) => x.id === f.id) ? list.map((x) => (x.id === f.id ? f : x)) : [f, ...list];
}

/** The findings waiting for the viewer's decision: the household's acknowledgement or dispute,
 * the regulator's ruling (a withdrawal is always open to a manager: nothing waits on it). */
export function awaitingAction(list: readonly Finding[]): number {
  return list.filter((f) => findingActions(f).some((a) => a !== 'withdraw')).length;
}
