// Loading what a household's pages show: its judged days over the last months (the season is
// read from the days' in_season flags: no extra lookup of its district's season records, which a
// household login may not read), and a sensor's readings over a range, in the windows and pages
// the readings route allows (at most 31 days a request, at most 10080 readings a page); and what a
// day's row marks (heating stops, a household-caused finding).
import { api, type Page } from '../../api/client';
import type { HouseholdDays, JudgedDay, Reading } from '../../api/types';
import { addDays, beijingMidnight, beijingToday, toEpochMs } from '../../format';

/** How far back the household pages look for the season's days (the route allows 366). */
export const DAYS_LOOKBACK = 183;
const WINDOW_MS = 31 * 86400 * 1000;
const READINGS_PAGE = 10080;

export function fetchDays(householdId: string | number, signal?: AbortSignal, today = beijingToday()) {
  return api.get<HouseholdDays>(
    `/api/v1/households/${encodeURIComponent(String(householdId))}/days`,
    { from: addDays(today, -DAYS_LOOKBACK), to: today },
    signal,
  );
}

export interface SeasonView {
  /** First and last date shown (YYYY-MM-DD), the season's days so far or, out of season, the last 30. */
  from: string;
  to: string;
  inSeason: boolean;
  /** The days from..to, newest first. */
  days: JudgedDay[];
  /** The guarantee the latest judged day used (°C), else null. */
  guarantee: number | null;
  unqualified: string[];
}

/** The latest run of in-season days (the current or last season), or the last 30 days. */
export function seasonView(items: JudgedDay[], today = beijingToday()): SeasonView {
  const sorted = [...items].sort((a, b) => a.date.localeCompare(b.date));
  let end = -1;
  for (let i = sorted.length - 1; i >= 0; i--) {
    if (sorted[i].in_season || sorted[i].extra_day) {
      end = i;
      break;
    }
  }
  let start = end;
  while (start > 0 && (sorted[start - 1].in_season || sorted[start - 1].extra_day)) start--;
  const chosen = end >= 0 ? sorted.slice(start, end + 1) : sorted.filter((d) => d.date > addDays(today, -30));
  const from = chosen.length ? chosen[0].date : addDays(today, -29);
  const to = chosen.length ? chosen[chosen.length - 1].date : today;
  const withGuarantee = chosen.filter((d) => d.guarantee !== null);
  return {
    from,
    to,
    inSeason: end >= 0,
    days: [...chosen].reverse(),
    guarantee: withGuarantee.length ? withGuarantee[withGuarantee.length - 1].guarantee : null,
    unqualified: chosen.filter((d) => d.status === 'unqualified').map((d) => d.date),
  };
}

/** What a day's row marks beside its reason: the hours of company-caused heating stops (one
 * decimal at most, null when none) and the household-caused finding covering it (R-REFUND-4). */
export function dayMarks(d: Partial<Pick<JudgedDay, 'outage_hours' | 'finding_id'>>): { outageHours: number | null; findingId: number | null } {
  const hours = d.outage_hours ?? 0;
  return {
    outageHours: Number.isFinite(hours) && hours > 0 ? Math.round(hours * 10) / 10 : null,
    findingId: d.finding_id ?? null,
  };
}

/** The windows of at most 31 days covering [fromMs, toMs). */
export function readingWindows(fromMs: number, toMs: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let a = fromMs; a < toMs; a += WINDOW_MS) out.push([a, Math.min(toMs, a + WINDOW_MS)]);
  return out;
}

function rfc3339(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A sensor's readings from the start of `from` to the end of `to` (dates), or to now if sooner. */
export async function fetchReadings(code: string, from: string, to: string, signal?: AbortSignal): Promise<Reading[]> {
  const startMs = toEpochMs(beijingMidnight(from));
  const endMs = Math.min(toEpochMs(beijingMidnight(addDays(to, 1))), Date.now() + 60_000);
  const path = `/api/v1/sensors/${encodeURIComponent(code)}/readings`;
  const parts = await Promise.all(
    readingWindows(startMs, endMs).map(async ([a, b]) => {
      const got: Reading[] = [];
      let cursor: string | undefined;
      for (;;) {
        const page = await api.get<Page<Reading>>(path, { from: rfc3339(a), to: rfc3339(b), limit: READINGS_PAGE, cursor }, signal);
        got.push(...page.items);
        if (!page.next_cursor) break;
        cursor = String(page.next_cursor);
      }
      return got;
    }),
  );
  return parts.flat();
}
