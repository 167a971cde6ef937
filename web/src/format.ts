// The console's formats, as Chinese heating staff expect them (shared/console/MENUS.md): dates
// YYYY-MM-DD, 24-hour times in Beijing time (UTC+8, whatever the browser's zone), money ¥ with
// two decimals, temperatures with one decimal and °C. Pure functions; "—" for a missing value.

export const MISSING = '—';
const BEIJING_OFFSET_MS = 8 * 3600 * 1000;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Money from whole fen (the API's exact amounts): 123456 → "¥1,234.56". */
export function formatFen(fen: number | null | undefined): string {
  if (fen === null || fen === undefined || !Number.isFinite(fen)) return MISSING;
  const whole = Math.round(fen);
  const sign = whole < 0 ? '-' : '';
  const abs = Math.abs(whole);
  return `${sign}¥${groupThousands(String(Math.floor(abs / 100)))}.${pad(abs % 100)}`;
}

/** Money from yuan (a decimal with at most two places): 1234.5 → "¥1,234.50". */
export function formatYuan(yuan: number | null | undefined): string {
  if (yuan === null || yuan === undefined || !Number.isFinite(yuan)) return MISSING;
  return formatFen(Math.round(yuan * 100));
}

/** A temperature with one decimal: 17.95 → "18.0 °C" (half away from zero), null → "—". */
export function formatTemp(celsius: number | null | undefined): string {
  if (celsius === null || celsius === undefined || !Number.isFinite(celsius)) return MISSING;
  // Rounded on tenths as integers, so 17.95 (17.949999… in binary) still gives 18.0.
  const tenths = Math.round(Math.abs(celsius) * 10 + 1e-9) * Math.sign(celsius);
  const text = (tenths / 10).toFixed(1);
  return `${text === '-0.0' ? '0.0' : text} °C`;
}

/** A share in percent: 20 → "20%", 12.5 → "12.5%". */
export function formatPercent(percent: number | null | undefined, digits = 1): string {
  if (percent === null || percent === undefined || !Number.isFinite(percent)) return MISSING;
  const rounded = Number(percent.toFixed(digits));
  return `${rounded}%`;
}

/** Milliseconds since the epoch of an RFC 3339 time, a date, or a Date; NaN if unreadable. */
export function toEpochMs(value: string | number | Date): number {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'number') return value;
  // A bare date means Beijing midnight.
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return Date.parse(`${value}T00:00:00+08:00`);
  return Date.parse(value);
}

interface BeijingParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function beijingParts(ms: number): BeijingParts {
  const d = new Date(ms + BEIJING_OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/** The Beijing date of a time: "2026-01-05". */
export function formatDate(value: string | number | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return MISSING;
  const ms = toEpochMs(value);
  if (Number.isNaN(ms)) return typeof value === 'string' ? value : MISSING;
  const p = beijingParts(ms);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/** Beijing date and 24-hour time: "2026-01-05 23:59" (with seconds: "2026-01-05 23:59:07"). */
export function formatDateTime(
  value: string | number | Date | null | undefined,
  withSeconds = false,
): string {
  if (value === null || value === undefined || value === '') return MISSING;
  const ms = toEpochMs(value);
  if (Number.isNaN(ms)) return typeof value === 'string' ? value : MISSING;
  const p = beijingParts(ms);
  const time = `${pad(p.hour)}:${pad(p.minute)}${withSeconds ? `:${pad(p.second)}` : ''}`;
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)} ${time}`;
}

/** Today's date in Beijing: "2026-12-03". */
export function beijingToday(now: number = Date.now()): string {
  return formatDate(now);
}

/** `date` (YYYY-MM-DD) moved by `days` days. */
export function addDays(date: string, days: number): string {
  const ms = toEpochMs(date) + days * 86400 * 1000;
  return formatDate(ms);
}

/** An RFC 3339 time at Beijing midnight starting `date`: "2026-01-05T00:00:00+08:00". */
export function beijingMidnight(date: string): string {
  return `${date}T00:00:00+08:00`;
}

/** A whole span in days, hours and minutes (always positive): 11520 s → { d: 0, h: 3, m: 12 }. */
export function splitDuration(ms: number): { days: number; hours: number; minutes: number } {
  const totalMinutes = Math.floor(Math.abs(ms) / 60000);
  return {
    days: Math.floor(totalMinutes / 1440),
    hours: Math.floor((totalMinutes % 1440) / 60),
    minutes: totalMinutes % 60,
  };
}
