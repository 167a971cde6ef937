// A season's adopted sampling plan (R-SAMPLE-3, 已采用方案 and 我的入户任务), its pure parts: the
// page's tabs by role, the season and the points' filters in the URL, the statuses in order with
// their colours, a technician's visits in the order to make them (overdue first, then by day),
// the default collection window (the season's official days from the company's policy profile),
// the bodies and queries of the adoption and of a reschedule, and the days a picker offers.
import type { AdoptedPlan, AdoptedPlanSummary, CollectionStatus, FollowedPoint, SamplePlanAdoption, SamplePointChange, SampleShortfall } from '../../api/types';
import type { Role } from '../../auth';
import type { MessageKey } from '../../i18n';
import { defaultSeason } from '../refunds/logic';

export type SamplingTab = 'preview' | 'adopted' | 'mine';

/** The plans adopted (a company's list of them). */
export const SAMPLE_PLANS_PATH = '/api/v1/sample_plans';
/** The technicians to choose from (GET /api/v1/staff?role=technician). */
export const STAFF_PATH = '/api/v1/staff';

/** Who adopts a season's plan and moves its visits (the server checks again). */
export const ADOPT_ROLES: readonly Role[] = ['admin', 'manager'];

export function canAdopt(role: Role | undefined): boolean {
  return !!role && ADOPT_ROLES.includes(role);
}

/** The tabs a role sees: the preview for all; the adopted plan for those who run or check it; a
 * technician's own visits for a technician (only theirs, not the whole plan). */
export function tabsFor(role: Role | undefined): SamplingTab[] {
  if (role === 'technician') return ['preview', 'mine'];
  if (role === 'admin' || role === 'manager' || role === 'regulator') return ['preview', 'adopted'];
  return ['preview'];
}

/** The URL's tab (?tab=adopted|mine) when the role has it, else the preview. */
export function readTab(params: URLSearchParams, role: Role | undefined): SamplingTab {
  const tab = params.get('tab') as SamplingTab | null;
  return tab && tabsFor(role).includes(tab) ? tab : 'preview';
}

/** The URL with another tab (the preview is the default: no parameter); the rest kept. */
export function writeTab(params: URLSearchParams, tab: SamplingTab): URLSearchParams {
  const p = new URLSearchParams(params);
  if (tab === 'preview') p.delete('tab');
  else p.set('tab', tab);
  return p;
}

/** The URL's season (?season=2026, the year it starts), else the current one. */
export function readSeason(params: URLSearchParams, current: number = defaultSeason()): number {
  const s = params.get('season') ?? '';
  const n = /^\d{4}$/.test(s) ? Number(s) : NaN;
  return n >= 2000 && n <= 2200 ? n : current;
}

/** `params` with `season`: the current one is left out of the URL, as readSeason reads it back. */
export function writeSeason(params: URLSearchParams, season: number, current: number = defaultSeason()): URLSearchParams {
  const p = new URLSearchParams(params);
  if (season === current) p.delete('season');
  else p.set('season', String(season));
  return p;
}

/** The statuses as the counts show them: what needs doing first. */
export const STATUSES: readonly CollectionStatus[] = ['overdue', 'due', 'late', 'collected'];

/** Their tags' colours: overdue red, due blue, late amber, collected green. */
export const STATUS_COLOUR: Record<CollectionStatus, string> = { overdue: 'red', due: 'blue', late: 'orange', collected: 'green' };

/** The same colours for a number (a Statistic's value). */
export const STATUS_TEXT_COLOUR: Record<CollectionStatus, string> = { overdue: '#cf1322', due: '#0958d9', late: '#d46b08', collected: '#389e0d' };

export function statusKey(status: string): MessageKey {
  return (STATUSES as readonly string[]).includes(status) ? (`adopted.status.${status}` as MessageKey) : 'adopted.status.unknown';
}

export function methodKey(method: string): MessageKey {
  return method === 'remote' ? 'adopted.method.remote' : 'adopted.method.manual';
}

export interface PointFilters {
  /** '' for every status. */
  status: CollectionStatus | '';
  /** A technician's username; '' for everyone. */
  staff: string;
}

/** The URL's filters of the points (?status=overdue&staff=…). */
export function readPointFilters(params: URLSearchParams): PointFilters {
  const status = params.get('status') ?? '';
  const staff = (params.get('staff') ?? '').trim();
  return {
    status: (STATUSES as readonly string[]).includes(status) ? (status as CollectionStatus) : '',
    staff: staff.length <= 64 ? staff : '',
  };
}

/** The URL with other filters of the points; the rest kept. */
export function writePointFilters(params: URLSearchParams, f: Partial<PointFilters>): URLSearchParams {
  const p = new URLSearchParams(params);
  for (const key of ['status', 'staff'] as const) {
    if (!(key in f)) continue;
    const v = f[key];
    if (v) p.set(key, v);
    else p.delete(key);
  }
  return p;
}

/** The points the filters keep. */
export function filterPoints(points: readonly FollowedPoint[], f: PointFilters): FollowedPoint[] {
  return points.filter((p) => (!f.status || p.status === f.status) && (!f.staff || p.staff === f.staff));
}

/** The technicians named on the points, in username order (the staff filter's choices). */
export function staffOf(points: readonly FollowedPoint[]): string[] {
  return [...new Set(points.map((p) => p.staff).filter((s): s is string => !!s))].sort();
}

/** Counts by status of some points (a technician's own: the follow-up counts the whole plan). */
export function countByStatus(points: readonly FollowedPoint[]): Record<CollectionStatus, number> {
  const counts: Record<CollectionStatus, number> = { overdue: 0, due: 0, late: 0, collected: 0 };
  for (const p of points) if (p.status in counts) counts[p.status] += 1;
  return counts;
}

/** A technician's visits in the order to make them: overdue first, then those still to do (due),
 * then the done ones (late, collected); each group by day, then household. */
export function sortVisits(points: readonly FollowedPoint[]): FollowedPoint[] {
  const rank = (s: string) => {
    const i = (STATUSES as readonly string[]).indexOf(s);
    return i < 0 ? STATUSES.length : i;
  };
  return [...points].sort(
    (a, b) => rank(a.status) - rank(b.status) || a.collect_on.localeCompare(b.collect_on) || a.household_code.localeCompare(b.household_code) || a.id - b.id,
  );
}

/** The points of the plan in its order: by day, then household. */
export function sortByDay(points: readonly FollowedPoint[]): FollowedPoint[] {
  return [...points].sort((a, b) => a.collect_on.localeCompare(b.collect_on) || a.household_code.localeCompare(b.household_code) || a.id - b.id);
}

/** The days a season's window may take (the server's season year: 07-01 … 06-30 next year). */
export function seasonBounds(season: number): { first: string; last: string } {
  return { first: `${season}-07-01`, last: `${season + 1}-06-30` };
}

const MONTH_DAY = /^(\d{2})-(\d{2})$/;

/** A policy profile's date ("11-15", in `season.official-start.date`), else null. */
function profileDate(profile: unknown, key: string): string | null {
  const season = (profile as { season?: Record<string, { date?: unknown }> } | undefined)?.season;
  const d = season?.[key]?.date;
  return typeof d === 'string' && MONTH_DAY.test(d) ? d : null;
}

/** The season's official days by the company's policy profile (GET /api/v1/policies/{name}'s
 * `profile`): 11-15 and 03-15 make 2026-11-15 … 2027-03-15; null when the profile lacks them. */
export function officialWindow(season: number, profile: unknown): { from: string; to: string } | null {
  const start = profileDate(profile, 'official-start');
  const end = profileDate(profile, 'official-end');
  if (!start || !end) return null;
  // A month-day before July falls in the season's second year (its spring).
  const year = (md: string) => (Number(md.slice(0, 2)) >= 7 ? season : season + 1);
  return { from: `${year(start)}-${start}`, to: `${year(end)}-${end}` };
}

export interface AdoptValues {
  season: number;
  /** YYYY-MM-DD (the form's pickers give Dayjs; adoptBody takes either). */
  from: string | { format: (f: string) => string };
  to: string | { format: (f: string) => string };
  staff: string[];
}

function day(v: string | { format: (f: string) => string }): string {
  return typeof v === 'string' ? v : v.format('YYYY-MM-DD');
}

/** POST /api/v1/sample-plan's body. */
export function adoptBody(v: AdoptValues): SamplePlanAdoption {
  return { season: v.season, from: day(v.from), to: day(v.to), staff: [...v.staff] };
}

/** POST /api/v1/sample-plan's query: the preview's company (for the roles that name one) and
 * seed, as a job. */
export function adoptQuery(company: string, cross: boolean, seed: string): Record<string, string | undefined> {
  return { company: cross ? company || undefined : undefined, seed, async: 'true' };
}

/** The adoption form's fields a refusal may name. */
export const ADOPT_FIELDS = ['season', 'from', 'to', 'staff'] as const;

/** The reschedule form's fields a refusal may name. */
export const RESCHEDULE_FIELDS = ['collect_on', 'staff'] as const;

export interface RescheduleValues {
  collect_on: string | { format: (f: string) => string };
  staff?: string | null;
}

/** The reschedule's body: only what changed (null when nothing did). */
export function rescheduleBody(point: Pick<FollowedPoint, 'collect_on' | 'staff'>, v: RescheduleValues): SamplePointChange | null {
  const body: SamplePointChange = {};
  const on = day(v.collect_on);
  if (on !== point.collect_on) body.collect_on = on;
  if (v.staff && v.staff !== point.staff) body.staff = v.staff;
  return Object.keys(body).length ? body : null;
}

/** Whether a day (YYYY-MM-DD) lies in the plan's window. */
export function inWindow(date: string, plan: Pick<AdoptedPlan, 'collect_from' | 'collect_to'>): boolean {
  return date >= plan.collect_from && date <= plan.collect_to;
}

/** The plan's shortfalls as drawn (the record's summary), none when it has none or is not read. */
export function planShortfalls(plan: Pick<AdoptedPlan, 'summary'>): SampleShortfall[] {
  const s = plan.summary as unknown as Partial<AdoptedPlanSummary> | string | null | undefined;
  const parsed = typeof s === 'string' ? safeParse(s) : s;
  const list = (parsed as Partial<AdoptedPlanSummary> | null | undefined)?.shortfalls;
  return Array.isArray(list) ? (list as SampleShortfall[]) : [];
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** A company's id for GET /api/v1/sample_plans: the URL's company (an id, or a code found among
 * the companies read), a company role's own; undefined while not known. */
export function companyIdOf(company: string, own: number | null | undefined, companies: ReadonlyArray<{ id: number; code: string }>): number | undefined {
  if (own) return own;
  if (/^\d+$/.test(company)) return Number(company);
  return companies.find((c) => c.code === company)?.id;
}

/** Whether an answer of POST /api/v1/sample-plan is a job (202), not the plan (201). */
export function isJob(answer: unknown): answer is { id: number; kind: string; state: string } {
  const a = answer as { kind?: unknown; state?: unknown } | null;
  return !!a && typeof a.kind === 'string' && typeof a.state === 'string';
}
