// The energy reserve's pure parts (能源储备, R-ENERGY-1, W 6.2): the fuels and their units, who
// may file a daily report, the reserve days as the server computes them (stock ÷ consumption,
// rounded down to one decimal) and their display, the report form's checks and request body,
// the trend chart's series from the listed reports, the season's flags (missing days merged
// into stretches, how alarming a company's flags are), and the list's filters in the URL.
import type { Role } from '../../auth';
import type { EnergyCompanyFlags, EnergyFuel, EnergyLowSpell, EnergyReport, EnergyReportNew, EnergyUnit } from '../../api/types';
import { cursorQuery, readCursor, writeCursor, type CursorFilters } from '../../components/cursorFilters';
import { dayStretches } from '../../components/temperatureChartOption';
import { MISSING, toEpochMs } from '../../format';
import { pickedDate } from '../findings/logic';
import type { Formattable } from '../outages/logic';

export const ENERGY_FUELS: readonly EnergyFuel[] = ['coal', 'gas', 'oil', 'biomass'];

/** Coal, oil and biomass in tonnes; gas in cubic metres. */
export const FUEL_UNIT: Record<EnergyFuel, EnergyUnit> = { coal: 't', gas: 'm3', oil: 't', biomass: 't' };

export function isFuel(value: string | null | undefined): value is EnergyFuel {
  return ENERGY_FUELS.includes(value as EnergyFuel);
}

/** The unit a fuel is reported in; undefined for a fuel the console does not know. */
export function unitOfFuel(fuel: string | null | undefined): EnergyUnit | undefined {
  return isFuel(fuel) ? FUEL_UNIT[fuel] : undefined;
}

/** W 6.2.2: fuel for at least 30 days of consumption (the server's threshold_days rules). */
export const DEFAULT_THRESHOLD_DAYS = 30;
export const DEFAULT_BASIS = 'W 6.2.2';

/** The roles that file a daily report (the server checks again). */
export const ENERGY_REPORTERS: readonly Role[] = ['admin', 'manager', 'technician'];

export function canReport(role: Role | undefined): boolean {
  return !!role && ENERGY_REPORTERS.includes(role);
}

// ---- reserve days ----------------------------------------------------------------------------

/**
 * Days of reserve: stock ÷ consumption rounded down to one decimal (12000.5 ÷ 350.25 → 34.2);
 * null when there is no consumption, or a value is missing or negative. Rounded down on tenths
 * with a tolerance for binary fractions, so 0.3 ÷ 0.1 gives 3.0, not 2.9.
 */
export function reserveDays(stock: number | null | undefined, consumption: number | null | undefined): number | null {
  if (stock === null || stock === undefined || consumption === null || consumption === undefined) return null;
  if (!Number.isFinite(stock) || !Number.isFinite(consumption) || stock < 0 || consumption <= 0) return null;
  const tenths = (stock * 10) / consumption;
  return Math.floor(tenths + 1e-9 * Math.max(1, tenths)) / 10;
}

/** Below the threshold (a reserve of unknown or unlimited days is not). */
export function isLow(days: number | null | undefined, threshold: number): boolean {
  return days !== null && days !== undefined && Number.isFinite(days) && days < threshold;
}

/** Reserve days with one decimal: 34.2 → "34.2", 30 → "30.0", null → "—". */
export function formatReserveDays(days: number | null | undefined): string {
  if (days === null || days === undefined || !Number.isFinite(days)) return MISSING;
  return days.toFixed(1);
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A stock or a consumption with two decimals and thousands grouped: 12000.5 → "12,000.50". */
export function formatQuantity(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  const [whole, frac] = Math.abs(value).toFixed(2).split('.');
  return `${value < 0 ? '-' : ''}${groupThousands(whole)}.${frac}`;
}

// ---- the report form ---------------------------------------------------------------------------

/** The form's fields, as the server names them. */
export const REPORT_FIELDS = ['company', 'day', 'fuel', 'stock', 'consumption', 'note'];

export interface ReportValues {
  company?: number;
  day?: Formattable | null;
  fuel?: EnergyFuel;
  stock?: number | null;
  consumption?: number | null;
  note?: string;
}

/** A day's problem before asking the server (today is Beijing's), else null. */
export function dayError(day: string | undefined, today: string): 'required' | 'future' | null {
  if (!day) return 'required';
  return day > today ? 'future' : null;
}

export type AmountError = 'required' | 'invalid' | 'negative' | 'decimals';

/** A stock's or a consumption's problem before asking the server, else null: given, a number,
 * not negative, with at most `decimals` decimals as typed (the server keeps hundredths). */
export function amountError(value: number | null | undefined, decimals?: number): AmountError | null {
  if (value === null || value === undefined) return 'required';
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'invalid';
  if (value < 0) return 'negative';
  if (decimals !== undefined && decimalsOf(value) > decimals) return 'decimals';
  return null;
}

/** The decimals of a number as typed (its shortest text: 12000.5 → 1, 1.005 → 3, 3e-7 → 7). */
export function decimalsOf(value: number): number {
  const [mantissa, exponent] = String(value).split('e');
  const fraction = mantissa.split('.')[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exponent ?? 0));
}

/** POST /api/v1/energy/reports's body: `company` only when the user picks one (the admin), the
 * note trimmed and left out when blank. */
export function reportBody(v: ReportValues, withCompany: boolean): EnergyReportNew {
  const body: EnergyReportNew = {
    day: pickedDate(v.day) ?? '',
    fuel: v.fuel as EnergyFuel,
    stock: v.stock as number,
    consumption: v.consumption as number,
  };
  const note = (v.note ?? '').trim();
  if (note) body.note = note;
  if (withCompany && v.company !== undefined && v.company !== null) body.company = v.company;
  return body;
}

// ---- the trend chart ---------------------------------------------------------------------------

export interface ReservePoint {
  day: string;
  /** Null on a day without consumption (a gap in the line). */
  value: number | null;
  low: boolean;
}

export interface ReserveSeries {
  /** The fuel, or "company-fuel" when the reports are of more than one company. */
  key: string;
  company_id: number;
  fuel: string;
  points: ReservePoint[];
}

/**
 * The listed reports as one series per fuel (per company and fuel when they are of several
 * companies: the regulator's list), each oldest day first, the known fuels in ENERGY_FUELS's
 * order. A report corrected later stands once (the last one listed of its day wins).
 */
export function reserveSeries(reports: readonly EnergyReport[]): ReserveSeries[] {
  const companies = new Set(reports.map((r) => r.company_id));
  const several = companies.size > 1;
  const byKey = new Map<string, ReserveSeries>();
  const days = new Map<string, Map<string, ReservePoint>>();
  for (const r of reports) {
    const key = several ? `${r.company_id}-${r.fuel}` : r.fuel;
    let s = byKey.get(key);
    if (!s) {
      s = { key, company_id: r.company_id, fuel: r.fuel, points: [] };
      byKey.set(key, s);
      days.set(key, new Map());
    }
    days.get(key)!.set(r.day, { day: r.day, value: r.reserve_days, low: r.low });
  }
  const rank = (fuel: string) => {
    const i = ENERGY_FUELS.indexOf(fuel as EnergyFuel);
    return i < 0 ? ENERGY_FUELS.length : i;
  };
  const out = [...byKey.values()].map((s) => ({ ...s, points: [...days.get(s.key)!.values()].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0)) }));
  return out.sort((a, b) => a.company_id - b.company_id || rank(a.fuel) - rank(b.fuel) || (a.fuel < b.fuel ? -1 : a.fuel > b.fuel ? 1 : 0));
}

/**
 * The threshold and its basis the page states, the chart marks and the form checks against: the
 * listed reports' own (the newest), else the flags' (a season without companies answers 0 and
 * ""), else W 6.2.2's 30 days.
 */
export function reserveRule(
  reports: readonly Pick<EnergyReport, 'threshold_days' | 'basis'>[],
  flags?: { threshold_days?: number; basis?: string },
): { threshold: number; basis: string } {
  const own = reports.find((r) => Number.isFinite(r.threshold_days) && r.threshold_days > 0);
  const flagged = flags?.threshold_days && flags.threshold_days > 0 ? flags : undefined;
  return {
    threshold: own?.threshold_days ?? flagged?.threshold_days ?? DEFAULT_THRESHOLD_DAYS,
    basis: own?.basis || flagged?.basis || DEFAULT_BASIS,
  };
}

/** A day (YYYY-MM-DD) on the chart's time axis: its Beijing midnight. */
export function dayMs(day: string): number {
  return toEpochMs(day);
}

// ---- the season's flags ------------------------------------------------------------------------

/** red: a reserve below the threshold; amber: reports missing; ok: neither. */
export type FlagLevel = 'low' | 'missing' | 'ok';

export const FLAG_COLOUR: Record<FlagLevel, string> = { low: 'red', missing: 'gold', ok: 'green' };

export function flagLevel(c: Pick<EnergyCompanyFlags, 'missing_days' | 'low_spells'>): FlagLevel {
  if ((c.low_spells ?? []).length > 0) return 'low';
  if ((c.missing_days ?? []).length > 0) return 'missing';
  return 'ok';
}

/** The missing days merged into stretches of consecutive days: [["2026-11-20", "2026-11-22"], …]. */
export function missingStretches(days: readonly string[] | undefined): Array<[string, string]> {
  return dayStretches([...(days ?? [])]);
}

/** A spell still running on the period's last day (the reserve is low still). */
export function spellOngoing(spell: Pick<EnergyLowSpell, 'to'>, periodTo: string): boolean {
  return spell.to >= periodTo;
}

/** Companies with flags first (low, then missing), then by code. */
export function sortFlags(companies: readonly EnergyCompanyFlags[]): EnergyCompanyFlags[] {
  const order: Record<FlagLevel, number> = { low: 0, missing: 1, ok: 2 };
  return [...companies].sort((a, b) => order[flagLevel(a)] - order[flagLevel(b)] || (a.company_code < b.company_code ? -1 : a.company_code > b.company_code ? 1 : 0));
}

// ---- the list's filters in the URL -------------------------------------------------------------

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface EnergyFilters extends CursorFilters {
  /** A company id (admin and regulator filter by one); '' for all. */
  company: string;
  /** '' for every fuel. */
  fuel: EnergyFuel | '';
  /** YYYY-MM-DD or ''. */
  from: string;
  to: string;
}

export function readFilters(params: URLSearchParams): EnergyFilters {
  const company = params.get('company') ?? '';
  const fuel = params.get('fuel') ?? '';
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  return {
    company: /^[1-9]\d{0,14}$/.test(company) ? company : '',
    fuel: isFuel(fuel) ? fuel : '',
    from: DATE.test(from) ? from : '',
    to: DATE.test(to) ? to : '',
    ...readCursor(params),
  };
}

/** The URL parameters of `f`, defaults left out. */
export function writeFilters(f: EnergyFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.company) p.set('company', f.company);
  if (f.fuel) p.set('fuel', f.fuel);
  if (f.from) p.set('from', f.from);
  if (f.to) p.set('to', f.to);
  return writeCursor(p, f);
}

/** GET /api/v1/energy/reports's query. */
export function listQuery(f: EnergyFilters): Record<string, string | number | undefined> {
  return {
    company: f.company || undefined,
    fuel: f.fuel || undefined,
    from: f.from || undefined,
    to: f.to || undefined,
    ...cursorQuery(f),
  };
}
