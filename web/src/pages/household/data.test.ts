import type { JudgedDay } from '../../api/types';
import { dayMarks, readingWindows, seasonView } from './data';

function day(date: string, over: Partial<JudgedDay> = {}): JudgedDay {
  return {
    date,
    value: 19,
    guarantee: 18,
    status: 'qualified',
    share_percent: 0,
    reason: '',
    in_season: true,
    extra_day: false,
    outdoor_mean: null,
    outage_hours: 0,
    finding_id: null,
    evidence: { source: 'remote', room: '主卧', rooms: [] },
    ...over,
  };
}

describe('seasonView', () => {
  it("takes the latest run of season days, newest first, with the latest day's guarantee", () => {
    const items = [
      day('2026-03-14'),
      day('2026-03-15'),
      day('2026-03-16', { in_season: false, status: 'not-judged' }),
      day('2026-11-14', { in_season: false, extra_day: true }),
      day('2026-11-15', { status: 'unqualified', guarantee: 18 }),
      day('2026-11-16', { guarantee: 20 }),
      day('2026-11-17', { guarantee: null, status: 'not-judged', value: null }),
    ];
    const v = seasonView(items, '2026-11-17');
    expect(v.inSeason).toBe(true);
    expect([v.from, v.to]).toEqual(['2026-11-14', '2026-11-17']);
    expect(v.days.map((d) => d.date)).toEqual(['2026-11-17', '2026-11-16', '2026-11-15', '2026-11-14']);
    expect(v.guarantee).toBe(20);
    expect(v.unqualified).toEqual(['2026-11-15']);
  });
  it('out of season, shows the last 30 days', () => {
    const v = seasonView([day('2026-07-01', { in_season: false, guarantee: null })], '2026-07-10');
    expect(v.inSeason).toBe(false);
    expect([v.from, v.to]).toEqual(['2026-07-01', '2026-07-01']);
    expect(v.guarantee).toBeNull();
  });
});

describe('readingWindows', () => {
  it('cuts a range into windows of at most 31 days (the readings route allows no more)', () => {
    const day = 86400_000;
    const w = readingWindows(0, 70 * day);
    expect(w).toEqual([
      [0, 31 * day],
      [31 * day, 62 * day],
      [62 * day, 70 * day],
    ]);
    expect(readingWindows(5, 5)).toEqual([]);
  });
});

describe('dayMarks', () => {
  it.each([
    ['a day of neither', {}, { outageHours: null, findingId: null }],
    ['a server before findings', { outage_hours: undefined, finding_id: undefined }, { outageHours: null, findingId: null }],
    ['no stop', { outage_hours: 0, finding_id: null }, { outageHours: null, findingId: null }],
    ['a 14-hour stop', { outage_hours: 14, finding_id: null }, { outageHours: 14, findingId: null }],
    ['a stop of 13 h 20 min', { outage_hours: 13.333333, finding_id: null }, { outageHours: 13.3, findingId: null }],
    ['a finding', { outage_hours: 0, finding_id: 3 }, { outageHours: null, findingId: 3 }],
    ['both', { outage_hours: 2.5, finding_id: 3 }, { outageHours: 2.5, findingId: 3 }],
  ])('%s', (_name, d, want) => {
    expect(dayMarks(d)).toEqual(want);
  });
});
