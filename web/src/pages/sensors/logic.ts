// The sensor pages' pure parts: a sensor's alerts (GET /api/v1/alerts: silent, out-of-range,
// clock-skew) gathered by sensor code, its state in one word, when it was last heard, and the
// readings range the detail page shows (a span of days ending at a date, moved span by span).
import type { Alert } from '../../api/types';
import { addDays, beijingToday, formatDate } from '../../format';

/** The alert kinds about a sensor, most serious first. */
export const SENSOR_ALERT_KINDS = ['silent', 'out-of-range', 'clock-skew'] as const;
export type SensorState = 'ok' | (typeof SENSOR_ALERT_KINDS)[number];

export const STATE_COLOUR: Record<SensorState, string> = { ok: 'green', silent: 'default', 'out-of-range': 'orange', 'clock-skew': 'purple' };

/** The sensor alerts by sensor code (a household's unqualified-day alerts are left out). */
export function alertsBySensor(alerts: Alert[]): Map<string, Alert[]> {
  const out = new Map<string, Alert[]>();
  for (const a of alerts) {
    if (!a.sensor || !(SENSOR_ALERT_KINDS as readonly string[]).includes(a.kind)) continue;
    const list = out.get(a.sensor) ?? [];
    list.push(a);
    out.set(a.sensor, list);
  }
  return out;
}

/** A sensor's states: its alerts' kinds, most serious first, or ['ok'] without any. */
export function sensorStates(alerts: Alert[] | undefined): SensorState[] {
  const kinds = new Set((alerts ?? []).map((a) => a.kind));
  const states = SENSOR_ALERT_KINDS.filter((k) => kinds.has(k));
  return states.length ? states : ['ok'];
}

/** The i18n key suffix of a state: "out-of-range" → "out_of_range". */
export function stateKey(state: SensorState): string {
  return state.replace(/-/g, '_');
}

/**
 * When the sensor was last heard, as its alerts know it (silent and out-of-range alerts carry
 * details.last_reading): a time, null for never heard, undefined when no alert tells (then the
 * sensor was heard within the silence threshold and its readings tell the time).
 */
export function lastHeardFromAlerts(alerts: Alert[] | undefined): string | null | undefined {
  for (const a of alerts ?? []) {
    if ('last_reading' in a.details && a.details.last_reading !== undefined) return a.details.last_reading;
  }
  return undefined;
}

export const SPANS = [1, 7, 31, 92];
export const DEFAULT_SPAN = 7;

export interface ReadingRange {
  from: string;
  to: string;
  span: number;
}

/**
 * The range shown: `span` days (one of SPANS) ending on `to` (a date from the URL), else on the
 * day the sensor was last heard (a silent sensor shows its last readings), else today.
 */
export function readingRange(spanParam: string | null, toParam: string | null, lastHeard: string | null | undefined, today = beijingToday()): ReadingRange {
  const spanNumber = Number(spanParam);
  const span = SPANS.includes(spanNumber) ? spanNumber : DEFAULT_SPAN;
  let to = toParam && /^\d{4}-\d{2}-\d{2}$/.test(toParam) ? toParam : lastHeard ? formatDate(lastHeard) : today;
  if (to > today) to = today;
  return { from: addDays(to, -(span - 1)), to, span };
}

/** The end date of the range one span earlier (-1) or later (+1), never past today. */
export function shiftRange(range: ReadingRange, direction: -1 | 1, today = beijingToday()): string {
  const to = addDays(range.to, direction * range.span);
  return to > today ? today : to;
}
