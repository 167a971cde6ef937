// R-TEMP-4 in the entry form: the same checks as the server's rules/manual_measurement.cpp, so a
// technician sees each problem on its field while typing, named by its rule ("R-TEMP-4 高度").
// The numbers are the policy profiles' [temperature.manual] (policies/weihai.toml and zibo.toml
// hold the same: W 5.4.5, W 5.4.6); the server checks again against the household's own profile
// and its answer is put on the field it names.
import type { MessageKey } from '../../i18n';

export const MANUAL_POLICY = {
  maxResolution: 0.1,
  closedMinutes: 30,
  readings: 3,
  gapSeconds: 180,
  gapToleranceSeconds: 30,
  heightCm: 150,
  heightToleranceCm: 10,
};
export type ManualPolicy = typeof MANUAL_POLICY;

export type Instrument = 'glass-thermometer' | 'digital-thermometer' | 'infrared-gun';
export type WallPoint = 'upper' | 'middle' | 'lower';

export interface ReadingValues {
  /** Beijing time as typed: "YYYY-MM-DD HH:mm:ss" (or HH:mm). */
  at?: string;
  value?: number | null;
  point?: WallPoint;
}

export interface MeasurementValues {
  household_id?: number;
  room?: string;
  instrument?: Instrument;
  resolution?: number | null;
  system_running?: boolean;
  environment?: string;
  closed_minutes?: number | null;
  readings?: ReadingValues[];
  radiators_uncovered?: boolean;
  shielded?: boolean;
  at_room_centre?: boolean;
  height_cm?: number | null;
  cold_outer_wall?: boolean;
  inspector_still?: boolean;
  third_party?: boolean;
  signature?: 'pending' | 'signed' | 'refused';
  signature_by?: string;
  signature_at?: string;
}

/** The R-TEMP-4 checks, by the server's names (ManualCheckName). */
export type Check =
  | 'resolution'
  | 'system'
  | 'environment'
  | 'doors-closed'
  | 'readings'
  | 'gap'
  | 'radiators'
  | 'heat-source'
  | 'centre'
  | 'height'
  | 'wall-points'
  | 'cold-wall'
  | 'inspector'
  | 'signature';

/** The form field each check belongs to. */
export const FIELD_OF_CHECK: Record<Check, string> = {
  resolution: 'resolution',
  system: 'system_running',
  environment: 'environment',
  'doors-closed': 'closed_minutes',
  readings: 'readings',
  gap: 'readings',
  radiators: 'radiators_uncovered',
  'heat-source': 'shielded',
  centre: 'at_room_centre',
  height: 'height_cm',
  'wall-points': 'readings',
  'cold-wall': 'cold_outer_wall',
  inspector: 'inspector_still',
  signature: 'signature',
};

export interface Problem {
  check: Check;
  key: MessageKey;
  vars?: Record<string, string | number>;
}

const TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;

/** A typed Beijing time as epoch ms; NaN when it is not "YYYY-MM-DD HH:mm[:ss]". */
export function parseBeijing(text: string | undefined): number {
  const m = TIME.exec((text ?? '').trim());
  if (!m) return NaN;
  const [, y, mo, d, h, mi, s] = m;
  const ms = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s ?? '00'}+08:00`);
  return ms;
}

/** The typed Beijing time as RFC 3339: "2026-01-05T10:00:00+08:00". */
export function toRfc3339(text: string): string {
  const m = TIME.exec(text.trim());
  if (!m) return text;
  const [, y, mo, d, h, mi, s] = m;
  return `${y}-${mo}-${d}T${h}:${mi}:${s ?? '00'}+08:00`;
}

export function isThermometer(i: Instrument | undefined): boolean {
  return i !== 'infrared-gun';
}

/** Every R-TEMP-4 problem of the values, in the server's order; [] when none. */
export function checkMeasurement(v: MeasurementValues, p: ManualPolicy = MANUAL_POLICY): Problem[] {
  const out: Problem[] = [];
  const thermometer = isThermometer(v.instrument);
  if (v.resolution === null || v.resolution === undefined || !(v.resolution > 0)) {
    out.push({ check: 'resolution', key: 'measure.rule.resolutionMissing' });
  } else if (v.resolution > p.maxResolution + 1e-9) {
    out.push({ check: 'resolution', key: 'measure.rule.resolutionCoarse', vars: { max: p.maxResolution } });
  }
  if (!v.system_running) out.push({ check: 'system', key: 'measure.rule.system' });
  if (!v.environment || !v.environment.trim()) out.push({ check: 'environment', key: 'measure.rule.environment' });
  if (v.closed_minutes === null || v.closed_minutes === undefined) {
    out.push({ check: 'doors-closed', key: 'measure.rule.closedMissing', vars: { min: p.closedMinutes } });
  } else if (v.closed_minutes < p.closedMinutes) {
    out.push({ check: 'doors-closed', key: 'measure.rule.closedShort', vars: { got: v.closed_minutes, min: p.closedMinutes } });
  }
  const readings = v.readings ?? [];
  if (thermometer) {
    if (readings.length !== p.readings) {
      out.push({ check: 'readings', key: 'measure.rule.readingsCount', vars: { n: p.readings, got: readings.length } });
    }
    for (let i = 1; i < readings.length; i++) {
      const a = parseBeijing(readings[i - 1].at);
      const b = parseBeijing(readings[i].at);
      if (Number.isNaN(a) || Number.isNaN(b)) continue;
      const apart = (b - a) / 1000;
      if (apart < 0) {
        out.push({ check: 'gap', key: 'measure.rule.gapOrder', vars: { i: i + 1, j: i } });
      } else if (apart < p.gapSeconds - p.gapToleranceSeconds || apart > p.gapSeconds + p.gapToleranceSeconds) {
        out.push({
          check: 'gap',
          key: 'measure.rule.gap',
          vars: { i, j: i + 1, apart: Math.round(apart), gap: p.gapSeconds, tol: p.gapToleranceSeconds },
        });
      }
    }
  }
  if (!v.radiators_uncovered) out.push({ check: 'radiators', key: 'measure.rule.radiators' });
  if (!v.shielded) out.push({ check: 'heat-source', key: 'measure.rule.heatSource' });
  if (thermometer) {
    if (!v.at_room_centre) out.push({ check: 'centre', key: 'measure.rule.centre' });
    const h = p.heightCm;
    const tol = p.heightToleranceCm;
    if (v.height_cm === null || v.height_cm === undefined) {
      out.push({ check: 'height', key: 'measure.rule.heightMissing', vars: { h, tol } });
    } else if (v.height_cm < h - tol || v.height_cm > h + tol) {
      out.push({ check: 'height', key: 'measure.rule.height', vars: { got: v.height_cm, h, tol } });
    }
  } else {
    const points = readings.map((r) => r.point);
    const one = (x: WallPoint) => points.filter((q) => q === x).length === 1;
    if (readings.length !== 3 || !one('upper') || !one('middle') || !one('lower')) {
      out.push({ check: 'wall-points', key: 'measure.rule.wallPoints' });
    }
    if (v.cold_outer_wall) out.push({ check: 'cold-wall', key: 'measure.rule.coldWall' });
  }
  if (!v.inspector_still) out.push({ check: 'inspector', key: 'measure.rule.inspector' });
  return out;
}

/** The problems of one form field. */
export function problemsOf(field: string, v: MeasurementValues, p: ManualPolicy = MANUAL_POLICY): Problem[] {
  return checkMeasurement(v, p).filter((x) => FIELD_OF_CHECK[x.check] === field);
}

/** A server error's field ("readings[1].at", "signature_record.by") as a form name path. */
export function formPath(field: string): Array<string | number> {
  if (field === 'signature_record' || field === 'signature_record.by') return ['signature_by'];
  if (field === 'signature_record.at') return ['signature_at'];
  if (field === 'signature_record.via') return ['signature'];
  const out: Array<string | number> = [];
  for (const part of field.split('.')) {
    const m = /^([a-z_]+)\[(\d+)\]$/.exec(part);
    if (m) out.push(m[1], Number(m[2]));
    else out.push(part);
  }
  return out;
}
