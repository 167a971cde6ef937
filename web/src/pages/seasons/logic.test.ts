import { ApiError } from '../../api/client';
import type { SeasonDuty, SeasonDutyRow } from '../../api/types';
import { translate } from '../../i18n';
import {
  announceBody,
  announceRefusal,
  byCompanyDistrict,
  canAnnounce,
  channelText,
  companyText,
  compareRows,
  dayBefore,
  dutyOf,
  dutyTag,
  readSeason,
  seasonOptions,
  seasonQuery,
  seasonSummary,
  statusKey,
  writeFilters,
} from './logic';

const duty = (kind: SeasonDuty['kind'], status: SeasonDuty['status'], over: Partial<SeasonDuty> = {}): SeasonDuty => ({
  kind,
  announced_day: kind === 'commissioning' ? '2026-11-08' : '2026-11-15',
  status,
  flagged: status === 'late' || status === 'missing',
  days_late: status === 'late' ? 1 : 0,
  announcement: status === 'on_time' || status === 'late' ? { id: 1, published_on: '2026-11-01', channel: 'newspaper', reference: '威海日报' } : null,
  ...over,
});

const row = (company_id: number, district_id: number, duties: SeasonDuty[], over: Partial<SeasonDutyRow> = {}): SeasonDutyRow => ({
  company_id,
  company_code: `c-${company_id}`,
  company_name: `企业${company_id}`,
  district_id,
  district_code: `d-${district_id}`,
  district_name: `区${district_id}`,
  season_id: null,
  dates_from: 'profile',
  commissioning_start: '2026-11-08',
  official_start: '2026-11-15',
  official_end: '2027-03-15',
  early_start: null,
  extension_end: null,
  decision_ref: null,
  first_heated_day: '2026-11-15',
  duties,
  ...over,
});

const zh = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate('zh-CN', key, vars);

describe('season announcements logic', () => {
  it('reads and writes the season and company of the URL', () => {
    expect(readSeason(new URLSearchParams('season=2026'))).toBe('2026');
    expect(readSeason(new URLSearchParams('season=1999'))).toBe('');
    expect(readSeason(new URLSearchParams('season=2201'))).toBe('');
    expect(readSeason(new URLSearchParams('season=26'))).toBe('');
    expect(readSeason(new URLSearchParams(''))).toBe('');
    expect(writeFilters('2025', '3').toString()).toBe('season=2025&company=3');
    expect(writeFilters('', '3').toString()).toBe('company=3');
    expect(writeFilters('2025', '').toString()).toBe('season=2025');
  });

  it('sends the season, and the company only for the roles that may name one', () => {
    expect(seasonQuery('2025', '3', true)).toEqual({ season: '2025', company: '3' });
    expect(seasonQuery('', '', true)).toEqual({ season: undefined, company: undefined });
    expect(seasonQuery('2025', '3', false)).toEqual({ season: '2025', company: undefined });
  });

  it('offers the seasons around this year, and any other shown, newest first', () => {
    expect(seasonOptions('2026-12-04')).toEqual([2027, 2026, 2025, 2024, 2023, 2022, 2021]);
    expect(seasonOptions('2026-12-04', 2015, undefined, 2026)).toEqual([2027, 2026, 2025, 2024, 2023, 2022, 2021, 2015]);
    expect(seasonOptions('2002-01-01')).toEqual([2003, 2002, 2001, 2000]);
  });

  it('tags each status: green on time, red late with the days, red missing, default due', () => {
    expect(dutyTag(duty('commissioning', 'on_time'))).toEqual({ color: 'success', key: 'seasons.tag.on_time' });
    expect(dutyTag(duty('heating_start', 'late', { days_late: 4 }))).toEqual({ color: 'error', key: 'seasons.tag.late', vars: { days: 4 } });
    expect(dutyTag(duty('heating_start', 'missing'))).toEqual({ color: 'error', key: 'seasons.tag.missing' });
    expect(dutyTag(duty('heating_start', 'due'))).toEqual({ color: 'default', key: 'seasons.tag.due' });
    const late = dutyTag(duty('heating_start', 'late'));
    expect(zh(late.key, late.vars)).toBe('逾期 晚 1 天');
    expect(zh(dutyTag(duty('heating_start', 'missing')).key)).toBe('未公告');
    expect(zh(dutyTag(duty('heating_start', 'due')).key)).toBe('待公告');
    expect(zh(dutyTag(duty('heating_start', 'on_time')).key)).toBe('按时');
    expect(zh(statusKey('late'))).toContain('逾期公告');
  });

  it('counts the district-seasons and the flagged, missing and late duties', () => {
    expect(seasonSummary([])).toEqual({ districts: 0, flagged: 0, missing: 0, late: 0, onTime: 0, due: 0 });
    expect(
      seasonSummary([
        row(1, 2, [duty('commissioning', 'on_time'), duty('heating_start', 'late')]),
        row(1, 3, [duty('commissioning', 'missing'), duty('heating_start', 'missing')]),
        row(2, 5, [duty('commissioning', 'on_time'), duty('heating_start', 'due')]),
      ]),
    ).toEqual({ districts: 3, flagged: 3, missing: 2, late: 1, onTime: 2, due: 1 });
  });

  it('orders by company, then district', () => {
    const items = [row(9, 1, []), row(3, 7, []), row(3, 2, [])];
    expect([...items].sort(byCompanyDistrict).map((r) => `${r.company_id}-${r.district_id}`)).toEqual(['3-2', '3-7', '9-1']);
    const named = [row(1, 1, [], { company_code: 'z-heat' }), row(2, 1, [], { company_code: 'a-heat' })];
    expect([...named].sort(compareRows).map((r) => r.company_id)).toEqual([2, 1]);
    expect(companyText(row(4, 1, []))).toBe('c-4 企业4');
    expect(companyText(row(4, 1, [], { company_code: '', company_name: '' }))).toBe('#4');
  });

  it('finds a duty, its last day on time, and a channel in words', () => {
    const r = row(1, 2, [duty('commissioning', 'on_time'), duty('heating_start', 'late')]);
    expect(dutyOf(r, 'heating_start')?.status).toBe('late');
    expect(dayBefore('2026-11-15')).toBe('2026-11-14');
    expect(dayBefore('2027-03-01')).toBe('2027-02-28');
    expect(dayBefore('2026-01-01')).toBe('2025-12-31');
    expect(channelText(zh, 'notice_board')).toBe('小区公示栏');
    expect(channelText(zh, 'self_media')).toBe('自媒体');
    expect(channelText(zh, 'carrier_pigeon')).toBe('carrier_pigeon');
  });

  it("lets a company's manager record its own missing or due announcements only", () => {
    const own = row(3, 2, []);
    const manager = { role: 'manager' as const, company_id: 3 };
    expect(canAnnounce(manager, own, { status: 'missing' })).toBe(true);
    expect(canAnnounce(manager, own, { status: 'due' })).toBe(true);
    expect(canAnnounce(manager, own, { status: 'late' })).toBe(false);
    expect(canAnnounce(manager, own, { status: 'on_time' })).toBe(false);
    expect(canAnnounce(manager, row(4, 2, []), { status: 'missing' })).toBe(false);
    expect(canAnnounce({ role: 'agent', company_id: 3 }, own, { status: 'missing' })).toBe(false);
    expect(canAnnounce({ role: 'regulator', company_id: null }, own, { status: 'missing' })).toBe(false);
    expect(canAnnounce(null, own, { status: 'missing' })).toBe(false);
  });

  it('posts the row, the kind and the season with the values, the reference trimmed', () => {
    expect(announceBody(row(3, 2, []), 'heating_start', 2026, { published_on: '2026-11-10', channel: 'online', reference: ' 威海发布 ' })).toEqual({
      company_id: 3,
      district_id: 2,
      season: 2026,
      kind: 'heating_start',
      published_on: '2026-11-10',
      channel: 'online',
      reference: '威海发布',
    });
    const day = { format: (f: string) => (f === 'YYYY-MM-DD' ? '2026-11-09' : '?') };
    expect(announceBody(row(3, 2, []), 'commissioning', 2026, { published_on: day, channel: 'radio', reference: 'x' }).published_on).toBe('2026-11-09');
  });

  it('puts a refusal on the field it names, else above the form', () => {
    expect(announceRefusal(new ApiError(400, 'invalid_argument', 'reference is required', 'reference'))).toEqual({ field: 'reference', message: 'reference is required' });
    expect(announceRefusal(new ApiError(400, 'invalid_argument', 'bad date', 'published_on'))).toEqual({ field: 'published_on', message: 'bad date' });
    expect(announceRefusal(new ApiError(400, 'invalid_argument', 'bad kind', 'kind'))).toEqual({ field: undefined, message: 'bad kind' });
    expect(announceRefusal(new ApiError(409, 'conflict', 'exists'))).toEqual({ key: 'seasons.error.exists', message: 'exists' });
    expect(announceRefusal(new ApiError(403, 'permission_denied', 'not licensed', 'district_id'))).toEqual({ key: 'seasons.error.notLicensed', message: 'not licensed' });
    expect(announceRefusal(new ApiError(403, 'permission_denied', 'no'))).toEqual({ key: 'seasons.error.forbidden', message: 'no' });
    expect(announceRefusal(new Error('offline'))).toEqual({ message: 'offline' });
  });
});
