// The season announcements check's pure parts (供热季公告核查, R-SEASON-1, W 5.2.5, W 6.1.1): the
// season and company in the URL and the query they make, the seasons the picker offers, a duty's
// tag, the totals (district-seasons, flagged, missing, late), who may record an announcement and
// the body it posts, and where the server's refusal goes on the form.
import { ApiError, errorText } from '../../api/client';
import type { AnnouncementChannel, AnnouncementKind, DutyStatus, Schemas, SeasonDuty, SeasonDutyRow } from '../../api/types';
import type { Me } from '../../auth';
import type { MessageKey, Translate } from '../../i18n';

export { crossCompany, districtText, readCompany } from '../licence/logic';

/** The route (admin and regulator every company's, a company's staff their own). */
export const SEASON_PATH = '/api/v1/regulator/season-flags';

/** Where an announcement is recorded (admin and the company's manager). */
export const ANNOUNCEMENTS_PATH = '/api/v1/season_announcements';

/** The rule and its clauses, until the server's answer names them. */
export const SEASON_BASIS = 'R-SEASON-1 (Z 2.1, W 5.2.5, W 6.1.1)';

/** The seasons the server accepts (the year a season starts). */
export const FIRST_SEASON = 2000;
export const LAST_SEASON = 2200;

const YEAR = /^\d{4}$/;

/** The URL's season: a year the server accepts, or '' for the current season (the server's default). */
export function readSeason(params: URLSearchParams): string {
  const season = params.get('season') ?? '';
  if (!YEAR.test(season)) return '';
  const year = Number(season);
  return year >= FIRST_SEASON && year <= LAST_SEASON ? season : '';
}

/** The URL parameters of a season and a company ('' left out). */
export function writeFilters(season: string, company: string): URLSearchParams {
  const p = new URLSearchParams();
  if (season) p.set('season', season);
  if (company) p.set('company', company);
  return p;
}

/** GET /api/v1/regulator/season-flags's query; `company` only for the roles that may name one
 * (staff are scoped to their own company by the server, and another one is a 403). */
export function seasonQuery(season: string, company: string, cross: boolean): Record<string, string | undefined> {
  return { season: season || undefined, company: cross ? company || undefined : undefined };
}

/** The seasons the picker offers, newest first: the five before this year's, this year's and the
 * next, and any other shown (the URL's, the answer's). `today` is YYYY-MM-DD. */
export function seasonOptions(today: string, ...shown: Array<number | undefined>): number[] {
  const year = Number(today.slice(0, 4));
  const years = new Set<number>();
  if (Number.isInteger(year)) for (let y = year - 5; y <= year + 1; y++) years.add(y);
  for (const y of shown) if (y !== undefined && Number.isInteger(y)) years.add(y);
  return [...years].filter((y) => y >= FIRST_SEASON && y <= LAST_SEASON).sort((a, b) => b - a);
}

export interface DutyTag {
  /** The antd Tag's color. */
  color: 'success' | 'error' | 'default';
  key: MessageKey;
  vars?: Record<string, number>;
}

/** A duty's tag: green 按时, red 逾期 晚 N 天, red 未公告, default 待公告. */
export function dutyTag(duty: Pick<SeasonDuty, 'status' | 'days_late'>): DutyTag {
  switch (duty.status) {
    case 'on_time':
      return { color: 'success', key: 'seasons.tag.on_time' };
    case 'late':
      return { color: 'error', key: 'seasons.tag.late', vars: { days: Math.max(1, duty.days_late) } };
    case 'missing':
      return { color: 'error', key: 'seasons.tag.missing' };
    default:
      return { color: 'default', key: 'seasons.tag.due' };
  }
}

/** The words of a duty's status (按时公告, 逾期公告, 未公告, 待公告). */
export function statusKey(status: DutyStatus): MessageKey {
  return `seasons.status.${status}` as MessageKey;
}

/** What a duty announces (供暖调试, 正式供暖). */
export function kindKey(kind: AnnouncementKind): MessageKey {
  return kind === 'commissioning' ? 'seasons.kind.commissioning' : 'seasons.kind.heating_start';
}

/** The channels of W 5.2.5, in the order the form offers them. */
export const CHANNELS: readonly AnnouncementChannel[] = ['newspaper', 'radio', 'television', 'online', 'self_media', 'notice_board'];

/** A channel's words (报纸, 电台, …); one the console does not know shows as the server names it. */
export function channelText(t: Translate, channel: string): string {
  return (CHANNELS as readonly string[]).includes(channel) ? t(`seasons.channel.${channel}` as MessageKey) : channel;
}

export interface SeasonSummary {
  /** The company-district seasons checked (the rows). */
  districts: number;
  /** Late or missing duties. */
  flagged: number;
  missing: number;
  late: number;
  onTime: number;
  due: number;
}

export function seasonSummary(items: readonly SeasonDutyRow[]): SeasonSummary {
  const out: SeasonSummary = { districts: items.length, flagged: 0, missing: 0, late: 0, onTime: 0, due: 0 };
  for (const row of items) {
    for (const d of row.duties) {
      if (d.status === 'missing') out.missing++;
      else if (d.status === 'late') out.late++;
      else if (d.status === 'on_time') out.onTime++;
      else out.due++;
      if (d.flagged || d.status === 'missing' || d.status === 'late') out.flagged++;
    }
  }
  return out;
}

/** The server's order: by company id, then district id (each company's districts together). */
export function byCompanyDistrict(a: SeasonDutyRow, b: SeasonDutyRow): number {
  return a.company_id - b.company_id || a.district_id - b.district_id;
}

/** A company as the table shows it: "weihai-heat 威海海晟热力有限公司", else "#id". */
export function companyText(r: Pick<SeasonDutyRow, 'company_id' | 'company_code' | 'company_name'>): string {
  const text = [r.company_code, r.company_name].filter(Boolean).join(' ');
  return text || `#${r.company_id}`;
}

/** The company column's sort: by the company's words, then district code. */
export function compareRows(a: SeasonDutyRow, b: SeasonDutyRow): number {
  if (a.company_id !== b.company_id) return companyText(a).localeCompare(companyText(b), 'zh-CN') || a.company_id - b.company_id;
  return a.district_code.localeCompare(b.district_code, 'zh-CN', { numeric: true }) || a.district_id - b.district_id;
}

/** The duty of a kind in a row (the server lists the commissioning's, then the start of heating's). */
export function dutyOf(row: SeasonDutyRow, kind: AnnouncementKind): SeasonDuty | undefined {
  return row.duties.find((d) => d.kind === kind);
}

/** Only the company's manager records its announcements on this page (the server lets the admin
 * too, but the admin has no company of its own to answer for), and only one not recorded yet. */
export function canAnnounce(me: Pick<Me, 'role' | 'company_id'> | null | undefined, row: Pick<SeasonDutyRow, 'company_id'>, duty: Pick<SeasonDuty, 'status'>): boolean {
  return !!me && me.role === 'manager' && me.company_id === row.company_id && (duty.status === 'missing' || duty.status === 'due');
}

/** `day` (YYYY-MM-DD) moved back one day: the last day an announcement of it is on time. */
export function dayBefore(day: string): string {
  const ms = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(ms)) return day;
  return new Date(ms - 86400_000).toISOString().slice(0, 10);
}

// ---- recording an announcement --------------------------------------------------------------

/** The form's fields as the server names them. */
export const ANNOUNCE_FIELDS = ['published_on', 'channel', 'reference'] as const;
export type AnnounceField = (typeof ANNOUNCE_FIELDS)[number];

export interface AnnounceValues {
  /** YYYY-MM-DD (ProForm's dateFormatter "string"), or a dayjs. */
  published_on: string | { format: (f: string) => string };
  channel: AnnouncementChannel;
  reference: string;
}

/** The season_announcements record as posted (without its id). */
export type AnnounceBody = Omit<Schemas['season announcement'], 'id'>;

/** POST /api/v1/season_announcements's body: the company, district and kind from the row, the season answered. */
export function announceBody(row: Pick<SeasonDutyRow, 'company_id' | 'district_id'>, kind: AnnouncementKind, season: number, v: AnnounceValues): AnnounceBody {
  const published = typeof v.published_on === 'string' ? v.published_on : v.published_on.format('YYYY-MM-DD');
  return {
    company_id: row.company_id,
    district_id: row.district_id,
    season,
    kind,
    published_on: published,
    channel: v.channel,
    reference: v.reference.trim(),
  };
}

export interface AnnounceRefusal {
  /** The form's field at fault; none for the others (the district, the kind): above the form. */
  field?: AnnounceField;
  /** The console's words for it, when it has them; else the server's message is shown. */
  key?: MessageKey;
  message: string;
}

/** Where a refusal of the POST goes: on the field the server names, else above the form (an
 * announcement recorded already, a district not licensed to the company). */
export function announceRefusal(e: unknown): AnnounceRefusal {
  if (!(e instanceof ApiError)) return { message: errorText(e) };
  if (e.status === 409) return { key: 'seasons.error.exists', message: e.message };
  if (e.status === 403 && e.field === 'district_id') return { key: 'seasons.error.notLicensed', message: e.message };
  if (e.status === 403) return { key: 'seasons.error.forbidden', message: e.message };
  const field = (ANNOUNCE_FIELDS as readonly string[]).includes(e.field ?? '') ? (e.field as AnnounceField) : undefined;
  return { field, message: e.message };
}
