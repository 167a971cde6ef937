// The adopted plan's pure parts (R-SAMPLE-3): tabs by role, the URL's season and filters, a
// technician's visits in order, the default window from the policy profile, and the bodies.
import type { FollowedPoint } from '../../api/types';
import {
  adoptBody,
  adoptQuery,
  canAdopt,
  companyIdOf,
  countByStatus,
  filterPoints,
  inWindow,
  isJob,
  officialWindow,
  planShortfalls,
  readPointFilters,
  readSeason,
  writeSeason,
  readTab,
  rescheduleBody,
  seasonBounds,
  sortVisits,
  staffOf,
  tabsFor,
  writePointFilters,
  writeTab,
} from './adopted';

function point(id: number, over: Partial<FollowedPoint>): FollowedPoint {
  return {
    id,
    plan_id: 1,
    household_id: id,
    household_code: `H-${id}`,
    address: null,
    method: 'manual',
    network_position: 'near',
    orientation: 'sun',
    floor_tier: 'lower',
    collect_on: '2026-11-20',
    staff: 'a',
    status: 'due',
    collected_on: null,
    collected_by: null,
    ...over,
  };
}

describe('the tabs', () => {
  it('gives each role its own', () => {
    expect(tabsFor('manager')).toEqual(['preview', 'adopted']);
    expect(tabsFor('admin')).toEqual(['preview', 'adopted']);
    expect(tabsFor('regulator')).toEqual(['preview', 'adopted']);
    expect(tabsFor('technician')).toEqual(['preview', 'mine']);
    expect(canAdopt('manager') && canAdopt('admin')).toBe(true);
    expect(canAdopt('regulator') || canAdopt('technician') || canAdopt(undefined)).toBe(false);
  });

  it("reads the URL's tab only when the role has it", () => {
    expect(readTab(new URLSearchParams('tab=adopted'), 'manager')).toBe('adopted');
    expect(readTab(new URLSearchParams('tab=mine'), 'manager')).toBe('preview');
    expect(readTab(new URLSearchParams('tab=adopted'), 'technician')).toBe('preview');
    expect(readTab(new URLSearchParams('tab=mine'), 'technician')).toBe('mine');
    expect(writeTab(new URLSearchParams('company=3&tab=adopted&season=2025'), 'preview').toString()).toBe('company=3&season=2025');
    expect(writeTab(new URLSearchParams('seed=0'), 'mine').toString()).toBe('seed=0&tab=mine');
  });
});

describe('the URL', () => {
  it('reads a season, else the current one', () => {
    expect(readSeason(new URLSearchParams('season=2025'), 2026)).toBe(2025);
    expect(readSeason(new URLSearchParams('season=25'), 2026)).toBe(2026);
    expect(readSeason(new URLSearchParams('season=1999'), 2026)).toBe(2026);
    expect(readSeason(new URLSearchParams(''), 2026)).toBe(2026);
  });

  it('writes a season into the URL, leaving out the current one, and keeps the other parameters', () => {
    const params = new URLSearchParams('tab=adopted&season=2024&staff=tech1');
    expect(writeSeason(params, 2025, 2026).toString()).toBe('tab=adopted&season=2025&staff=tech1');
    expect(writeSeason(params, 2026, 2026).toString()).toBe('tab=adopted&staff=tech1');
    expect(readSeason(writeSeason(params, 2025, 2026), 2026)).toBe(2025);
    expect(params.get('season')).toBe('2024');
  });

  it('reads and writes the filters of the points', () => {
    expect(readPointFilters(new URLSearchParams('status=overdue&staff=tech'))).toEqual({ status: 'overdue', staff: 'tech' });
    expect(readPointFilters(new URLSearchParams('status=lost'))).toEqual({ status: '', staff: '' });
    expect(writePointFilters(new URLSearchParams('tab=adopted&status=due'), { status: '' }).toString()).toBe('tab=adopted');
    expect(writePointFilters(new URLSearchParams('tab=adopted'), { staff: 'a b' }).toString()).toBe('tab=adopted&staff=a+b');
  });

  it("finds the company's id", () => {
    expect(companyIdOf('', 3, [])).toBe(3);
    expect(companyIdOf('7', null, [])).toBe(7);
    expect(companyIdOf('weihai-heat', null, [{ id: 1, code: 'weihai-heat' }])).toBe(1);
    expect(companyIdOf('', null, [])).toBeUndefined();
  });
});

describe('the points', () => {
  const points = [
    point(1, { status: 'collected', collect_on: '2026-11-15', staff: null, method: 'remote' }),
    point(2, { status: 'due', collect_on: '2026-12-20', staff: 'b' }),
    point(3, { status: 'overdue', collect_on: '2026-11-25' }),
    point(4, { status: 'late', collect_on: '2026-11-16' }),
    point(5, { status: 'overdue', collect_on: '2026-11-18' }),
    point(6, { status: 'due', collect_on: '2026-12-10' }),
  ];

  it('filters by status and staff, and names the staff', () => {
    expect(filterPoints(points, { status: 'overdue', staff: '' }).map((p) => p.id)).toEqual([3, 5]);
    expect(filterPoints(points, { status: '', staff: 'b' }).map((p) => p.id)).toEqual([2]);
    expect(filterPoints(points, { status: 'due', staff: 'a' }).map((p) => p.id)).toEqual([6]);
    expect(staffOf(points)).toEqual(['a', 'b']);
    expect(countByStatus(points)).toEqual({ overdue: 2, due: 2, late: 1, collected: 1 });
  });

  it('puts the overdue visits first, then by day', () => {
    expect(sortVisits(points).map((p) => p.id)).toEqual([5, 3, 6, 2, 4, 1]);
  });
});

describe('the window', () => {
  const profile = { season: { 'official-start': { date: '11-15' }, 'official-end': { date: '03-15' } } };

  it("is the season's official days by the policy profile", () => {
    expect(officialWindow(2026, profile)).toEqual({ from: '2026-11-15', to: '2027-03-15' });
    expect(officialWindow(2026, { season: { 'official-start': { date: '10-01' }, 'official-end': { date: '12-31' } } })).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(officialWindow(2026, {})).toBeNull();
    expect(officialWindow(2026, undefined)).toBeNull();
    expect(seasonBounds(2026)).toEqual({ first: '2026-07-01', last: '2027-06-30' });
  });

  it('says whether a day is in the plan\'s window', () => {
    const plan = { collect_from: '2026-11-15', collect_to: '2027-03-15' };
    expect(inWindow('2026-11-15', plan) && inWindow('2027-03-15', plan)).toBe(true);
    expect(inWindow('2026-11-14', plan) || inWindow('2027-03-16', plan)).toBe(false);
  });
});

describe('the bodies', () => {
  it('adopts the preview\'s seed as a job', () => {
    expect(adoptBody({ season: 2026, from: '2026-11-15', to: { format: () => '2027-03-15' }, staff: ['a'] })).toEqual({ season: 2026, from: '2026-11-15', to: '2027-03-15', staff: ['a'] });
    expect(adoptQuery('3', true, '7')).toEqual({ company: '3', seed: '7', async: 'true' });
    expect(adoptQuery('3', false, '0')).toEqual({ company: undefined, seed: '0', async: 'true' });
    expect(isJob({ id: 1, kind: 'sample-plan', state: 'running' })).toBe(true);
    expect(isJob({ id: 1, season: 2026 })).toBe(false);
  });

  it('sends what changed only', () => {
    const p = { collect_on: '2026-11-20', staff: 'a' };
    expect(rescheduleBody(p, { collect_on: '2026-12-01', staff: 'a' })).toEqual({ collect_on: '2026-12-01' });
    expect(rescheduleBody(p, { collect_on: '2026-11-20', staff: 'b' })).toEqual({ staff: 'b' });
    expect(rescheduleBody(p, { collect_on: '2026-11-20', staff: 'a' })).toBeNull();
  });

  it('reads the shortfalls of the plan as drawn', () => {
    const shortfalls = [{ dimension: 'position' as const, value: 'far', missing: 2 }];
    expect(planShortfalls({ summary: { shortfalls } as never })).toEqual(shortfalls);
    expect(planShortfalls({ summary: JSON.stringify({ shortfalls }) as never })).toEqual(shortfalls);
    expect(planShortfalls({ summary: {} as never })).toEqual([]);
  });
});
