// Arrears' pure parts (欠费催缴, R-BILL-1; W 9.2.2): the reminder channels (by hand with their
// proof, or sent by the platform) and deliveries with their colours, the actions the server
// offers, the steps before a stop (proven of needed, the first day a stop may take effect), the
// remind and stop forms' bodies, and the list's filters in the URL (season, household, company)
// with the GET's query they make.
import type { Arrears, ArrearsAction, ArrearsReminderNew, ArrearsStopNew, ReminderChannel, ReminderDelivery } from '../../api/types';
import { cursorQuery, readCursor, writeCursor, type CursorFilters } from '../../components/cursorFilters';
import { pickedDate } from '../findings/logic';
import { pickedMs, pickedRfc3339, type Formattable } from '../outages/logic';
import { FIRST_SEASON, LAST_SEASON } from '../seasons/logic';

/** In the order the form offers them. */
export const CHANNELS: readonly ReminderChannel[] = ['notice', 'sms', 'wechat', 'letter'];

/** A posted notice (张贴告知) and a letter (催费函) are delivered by hand: the hall records them
 * with their proof and when they were posted. An SMS and a WeChat message are sent by the platform. */
export function byHand(channel: string | undefined | null): boolean {
  return channel === 'notice' || channel === 'letter';
}

export const DELIVERIES: readonly ReminderDelivery[] = ['recorded', 'pending', 'delivered', 'failed'];

export const DELIVERY_COLOUR: Record<ReminderDelivery, string> = { recorded: 'blue', pending: 'gold', delivered: 'green', failed: 'red' };

export function deliveryColour(delivery: string): string {
  return DELIVERY_COLOUR[delivery as ReminderDelivery] ?? 'default';
}

/** The gateway's attempts and last refusal are shown for a message the platform sends. */
export function sentByPlatform(channel: string): boolean {
  return channel === 'sms' || channel === 'wechat';
}

export const ACTIONS: readonly ArrearsAction[] = ['remind', 'stop'];

/** The known actions among the arrears' `actions`, in ACTIONS's order (a regulator gets none). */
export function arrearsActions(a: Pick<Arrears, 'actions'>): ArrearsAction[] {
  const offered = new Set(a.actions ?? []);
  return ACTIONS.filter((x) => offered.has(x));
}

/** Whether the proven reminders are as many as the contract asks before a stop. */
export function stepsDone(a: Pick<Arrears, 'reminders_proven' | 'reminders_needed'>): boolean {
  return a.reminders_proven >= a.reminders_needed;
}

/** How many proven reminders are still missing before a stop (0 when enough). */
export function remindersMissing(a: Pick<Arrears, 'reminders_proven' | 'reminders_needed'>): number {
  return Math.max(0, a.reminders_needed - a.reminders_proven);
}

/** The first day the stop form lets one pick: today, or the first day a stop may take effect when
 * that is later. */
export function firstStopDay(a: Pick<Arrears, 'may_stop_from'>, today: string): string {
  return a.may_stop_from && a.may_stop_from > today ? a.may_stop_from : today;
}

// ---- reminding -----------------------------------------------------------------------------

export interface RemindValues {
  channel?: ReminderChannel;
  content?: string;
  proof?: string;
  sent_at?: Formattable | null;
}

/** The remind form's fields, as the server names them. */
export const REMIND_FIELDS = ['channel', 'content', 'proof', 'sent_at'];

/** A posting time in the future (the hall records what it has posted). */
export function sentAtProblem(v: Formattable | null | undefined, now: number): 'future' | null {
  const ms = pickedMs(v);
  return Number.isFinite(ms) && ms > now + 60_000 ? 'future' : null;
}

/** POST /api/v1/arrears/{fee_id}/reminders's body: texts trimmed, a blank content left out (the
 * server writes the standard text), the proof and when it was posted only for a notice or letter. */
export function reminderBody(v: RemindValues): ArrearsReminderNew {
  const channel = v.channel ?? 'notice';
  const body: ArrearsReminderNew = { channel };
  const content = (v.content ?? '').trim();
  if (content) body.content = content;
  if (byHand(channel)) {
    body.proof = (v.proof ?? '').trim();
    const at = pickedRfc3339(v.sent_at);
    if (at) body.sent_at = at;
  }
  return body;
}

// ---- stopping ------------------------------------------------------------------------------

export interface StopValues {
  effective?: Formattable | null;
  note?: string;
}

/** The stop form's fields as the server names them; "reminders" is the steps' line, where a
 * refusal for too few proven reminders is shown. */
export const STOP_FIELDS = ['effective', 'note', 'reminders'];

/** POST /api/v1/arrears/{fee_id}/stop's body: a blank note left out. */
export function stopBody(v: StopValues): ArrearsStopNew {
  const body: ArrearsStopNew = { effective: pickedDate(v.effective) ?? '' };
  const note = (v.note ?? '').trim();
  if (note) body.note = note;
  return body;
}

// ---- the list ------------------------------------------------------------------------------

const ID = /^[1-9]\d{0,14}$/;
const YEAR = /^\d{4}$/;

export interface ArrearsFilters extends CursorFilters {
  /** A season's first year; '' for all. */
  season: string;
  /** A household id; '' for all. */
  household: string;
  /** A company id (admin and regulator); '' for all. */
  company: string;
}

export function readFilters(params: URLSearchParams): ArrearsFilters {
  const id = (name: string) => {
    const v = params.get(name) ?? '';
    return ID.test(v) ? v : '';
  };
  const season = params.get('season') ?? '';
  const year = Number(season);
  return {
    season: YEAR.test(season) && year >= FIRST_SEASON && year <= LAST_SEASON ? season : '',
    household: id('household'),
    company: id('company'),
    ...readCursor(params),
  };
}

/** The URL parameters of `f`, defaults left out. */
export function writeFilters(f: ArrearsFilters): URLSearchParams {
  const p = new URLSearchParams();
  for (const key of ['season', 'household', 'company'] as const) {
    if (f[key]) p.set(key, f[key]);
  }
  return writeCursor(p, f);
}

/** GET /api/v1/arrears's query; `company` only for the roles that may name one. */
export function listQuery(f: ArrearsFilters, cross: boolean): Record<string, string | number | undefined> {
  return {
    company: cross ? f.company || undefined : undefined,
    household: f.household || undefined,
    season: f.season || undefined,
    ...cursorQuery(f),
  };
}

/** A list row's key and drawer: the fee's id. */
export function feeIdOf(a: Pick<Arrears, 'fee_id'>): number {
  return a.fee_id;
}
