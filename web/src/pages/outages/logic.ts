// The heating-stop pages' pure parts (停热管理, issue 15): the notice status a list row shows
// (from the stop's obligations), the stop's phase, who may record, times typed in Beijing wall
// clock sent as RFC 3339 with +08:00, the request bodies, a server error's field as a form
// field, the list's filters in the URL, and an "outage.notice" notification's fields.
import type { Role } from '../../auth';
import type {
  Notification,
  Outage,
  OutageEnd,
  OutageNew,
  OutageNoticeFields,
  OutageNoticeNew,
  OutageObligation,
  OutageScope,
  ScopeRef,
} from '../../api/types';
import { cursorQuery, readCursor, writeCursor, type CursorFilters } from '../../components/cursorFilters';
import { formatDateTime, MISSING, toEpochMs } from '../../format';

/** The roles that record a stop, publish its notices and end it (outages.cpp). */
export const OUTAGE_RECORDERS: readonly Role[] = ['admin', 'manager', 'agent'];

export function canRecord(role: Role | undefined): boolean {
  return !!role && OUTAGE_RECORDERS.includes(role);
}

/** Publishing a notice and ending: for a recorder, while the stop has not ended (else 409). */
export function outageActions(role: Role | undefined, outage: Pick<Outage, 'actual_end'>): Array<'notice' | 'end'> {
  if (!canRecord(role) || outage.actual_end) return [];
  return ['notice', 'end'];
}

// ---- the notice status -------------------------------------------------------------------

/** A list row's notice status: 按时 (all met in time), 逾期 (a notice late or overdue),
 * 待通知 (one still due), or none owed. */
export type NoticeStatus = 'on_time' | 'late' | 'pending' | 'none';

export const NOTICE_STATUS_COLOUR: Record<NoticeStatus, string> = {
  on_time: 'green',
  late: 'red',
  pending: 'gold',
  none: 'default',
};

export const DUTY_STATE_COLOUR: Record<string, string> = {
  met: 'green',
  late: 'orange',
  pending: 'gold',
  overdue: 'red',
};

/**
 * The status of a stop's notices. What asks for action comes first: an obligation overdue (not
 * notified, past due) is 逾期; else one pending is 待通知; else one met late is 逾期; else all met
 * is 按时. A stop with no obligations owes none (the server's notice_late still counts).
 */
export function noticeStatus(o: Pick<Outage, 'obligations' | 'notice_late'>): NoticeStatus {
  const states = (o.obligations ?? []).map((ob: OutageObligation) => ob.state);
  if (states.includes('overdue')) return 'late';
  if (states.includes('pending')) return 'pending';
  if (states.includes('late')) return 'late';
  if (states.length > 0) return 'on_time';
  return o.notice_late ? 'late' : 'none';
}

/** Where a stop stands at `now`: not started, cutting heat off, or over. */
export type OutagePhase = 'scheduled' | 'ongoing' | 'ended';

export function outagePhase(o: Pick<Outage, 'start' | 'actual_end'>, now: number): OutagePhase {
  if (o.actual_end) return 'ended';
  return toEpochMs(o.start) > now ? 'scheduled' : 'ongoing';
}

export const PHASE_COLOUR: Record<OutagePhase, string> = { scheduled: 'blue', ongoing: 'volcano', ended: 'default' };

// ---- times ---------------------------------------------------------------------------------

const WALL = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * A Beijing wall-clock time ("2026-01-05 10:00" or with seconds, as a picker shows it) as
 * RFC 3339 with +08:00: "2026-01-05T10:00:00+08:00". Whatever the browser's zone, what the user
 * picked is read as Beijing time. Null when the text is not such a time.
 */
export function beijingRfc3339(wall: string | null | undefined): string | null {
  const m = WALL.exec((wall ?? '').trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  if (Number(mo) < 1 || Number(mo) > 12 || Number(d) < 1 || Number(d) > 31 || Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59) return null;
  return `${y}-${mo}-${d}T${h}:${mi}:${s ?? '00'}+08:00`;
}

/** The wall-clock format the pickers show and send (they read it back as Beijing time). */
export const PICKER_FORMAT = 'YYYY-MM-DD HH:mm';
const SEND_FORMAT = 'YYYY-MM-DD HH:mm:ss';

/** Anything with dayjs's format(): a picker's value. */
export interface Formattable {
  format(template: string): string;
}

/** A picker's value (its wall clock read as Beijing time) as RFC 3339; undefined when empty. */
export function pickedRfc3339(value: Formattable | null | undefined): string | undefined {
  if (!value) return undefined;
  return beijingRfc3339(value.format(SEND_FORMAT)) ?? undefined;
}

/** A picker's value as an instant (epoch ms); NaN when empty. */
export function pickedMs(value: Formattable | null | undefined): number {
  const text = pickedRfc3339(value);
  return text ? Date.parse(text) : NaN;
}

/** Beijing wall clock of an instant, to the minute: what a picker starts at ("now"). */
export function beijingWallMinute(ms: number): string {
  return `${formatDateTime(Math.floor(ms / 60000) * 60000)}:00`;
}

// ---- request bodies ------------------------------------------------------------------------

export const SCOPE_LEVELS = ['heat_sources', 'network_sections', 'substations', 'buildings'] as const;
export type ScopeLevel = (typeof SCOPE_LEVELS)[number];

/**
 * Typed codes or ids of a level: trimmed, empty and repeated ones dropped. A record is named by
 * its code (a code of digits stays a code); "#12" names the record with id 12.
 */
export function scopeRefs(typed: readonly string[] | undefined): ScopeRef[] {
  const out: ScopeRef[] = [];
  const seen = new Set<string>();
  for (const raw of typed ?? []) {
    const text = String(raw).trim();
    if (!text || seen.has(text)) continue;
    seen.add(text);
    out.push(/^#[1-9]\d{0,14}$/.test(text) ? Number(text.slice(1)) : text);
  }
  return out;
}

export interface RecordValues {
  company?: number;
  kind?: 'planned' | 'emergency';
  company_caused?: boolean;
  cause?: string;
  scope?: Partial<Record<ScopeLevel, string[]>>;
  start?: Formattable | null;
  expected_end?: Formattable | null;
  road_sections?: string;
}

/** Whether the form names at least one heat source, section, substation or building. */
export function scopeGiven(scope: RecordValues['scope']): boolean {
  return SCOPE_LEVELS.some((l) => scopeRefs(scope?.[l]).length > 0);
}

/** POST /api/v1/outages's body; `company` only when the user picks one (admin). */
export function recordBody(v: RecordValues, withCompany: boolean): OutageNew {
  const scope: OutageNew['scope'] = {};
  for (const level of SCOPE_LEVELS) {
    const refs = scopeRefs(v.scope?.[level]);
    if (refs.length) scope[level] = refs;
  }
  const body: OutageNew = {
    kind: v.kind ?? 'planned',
    company_caused: v.company_caused ?? true,
    cause: (v.cause ?? '').trim(),
    scope,
    start: pickedRfc3339(v.start) ?? '',
    expected_end: pickedRfc3339(v.expected_end) ?? '',
  };
  const roads = (v.road_sections ?? '').trim();
  if (roads) body.road_sections = roads;
  if (withCompany && v.company !== undefined && v.company !== null) body.company = v.company;
  return body;
}

export interface NoticeValues {
  at?: Formattable | null;
  expected_end?: Formattable | null;
  text?: string;
}

/** POST /api/v1/outages/{id}/notices's body: the new expected end and text only when given. */
export function noticeBody(v: NoticeValues): OutageNoticeNew {
  const body: OutageNoticeNew = { at: pickedRfc3339(v.at) ?? '' };
  const end = pickedRfc3339(v.expected_end);
  if (end) body.expected_end = end;
  const text = (v.text ?? '').trim();
  if (text) body.text = text;
  return body;
}

/** POST /api/v1/outages/{id}/end's body. */
export function endBody(v: { at?: Formattable | null }): OutageEnd {
  return { at: pickedRfc3339(v.at) ?? '' };
}

// ---- server errors on form fields ------------------------------------------------------------

/** The record form's fields, dotted as the server names them. */
export const RECORD_FIELDS = ['company', 'kind', 'company_caused', 'cause', ...SCOPE_LEVELS.map((l) => `scope.${l}`), 'start', 'expected_end', 'road_sections'];
export const NOTICE_FIELDS = ['at', 'expected_end', 'text'];
export const END_FIELDS = ['at'];

/**
 * The form field (a name path) a server error's field belongs to, among the form's `known`
 * fields: "scope.buildings[1]" → ["scope", "buildings"]; "scope" (nothing named) → the first
 * scope level of the form; "cause" → ["cause"]. Null when the form has no such field (the error
 * is then shown above the form only).
 */
export function formPathOf(field: string | undefined, known: readonly string[]): string[] | null {
  if (!field) return null;
  const plain = field.replace(/\[\d+\]/g, '');
  if (plain === 'scope') {
    const first = known.find((k) => k.startsWith('scope.'));
    return first ? first.split('.') : null;
  }
  return known.includes(plain) ? plain.split('.') : null;
}

// ---- display ---------------------------------------------------------------------------------

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** An area in m² with two decimals: 1234.5 → "1,234.50 m²". */
export function formatArea(m2: number | null | undefined): string {
  if (m2 === null || m2 === undefined || !Number.isFinite(m2)) return MISSING;
  const [whole, frac] = Math.abs(m2).toFixed(2).split('.');
  return `${m2 < 0 ? '-' : ''}${groupThousands(whole)}.${frac} m²`;
}

/** How many records the scope names at each level. */
export function scopeCounts(scope: Partial<OutageScope> | undefined): Record<ScopeLevel, number> {
  const out = {} as Record<ScopeLevel, number>;
  for (const level of SCOPE_LEVELS) out[level] = scope?.[level]?.length ?? 0;
  return out;
}

// ---- the list's filters in the URL ---------------------------------------------------------------


export interface OutageFilters extends CursorFilters {
  /** A company id (admin and regulator filter by one); '' for all. */
  company: string;
}

export function readFilters(params: URLSearchParams): OutageFilters {
  const company = params.get('company') ?? '';
  return {
    company: /^[1-9]\d{0,14}$/.test(company) ? company : '',
    ...readCursor(params),
  };
}

/** The URL parameters of `f`, defaults left out. */
export function writeFilters(f: OutageFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.company) p.set('company', f.company);
  return writeCursor(p, f);
}

export function listQuery(f: OutageFilters): Record<string, string | number | undefined> {
  return { company: f.company || undefined, ...cursorQuery(f) };
}

// ---- the household's notification -------------------------------------------------------------

export const OUTAGE_NOTICE_TOPIC = 'outage.notice';

/** An "outage.notice" notification's fields (missing ones as ""); null for any other topic. */
export function outageNoticeOf(n: Pick<Notification, 'topic' | 'fields'>): OutageNoticeFields | null {
  if (n.topic !== OUTAGE_NOTICE_TOPIC) return null;
  const f = n.fields ?? {};
  const s = (k: keyof OutageNoticeFields) => (typeof f[k] === 'string' ? f[k] : '');
  return {
    outage_id: s('outage_id'),
    kind: s('kind'),
    cause: s('cause'),
    start: s('start'),
    expected_end: s('expected_end'),
    road_sections: s('road_sections'),
    affected_households: s('affected_households'),
    text: s('text'),
  };
}
