import { flattenProfile, profileHeader } from './flatten';

const profile = {
  profile: { id: 'weihai', name: 'Weihai urban heating service standard', city: '威海市 Weihai' },
  season: {
    'official-start': { date: '11-15', source: 'R-SEASON-1', default: true, note: 'W 5.2.1: dates set by the government' },
  },
  deadlines: {
    leak: { hours: 1, source: 'W 10.2.3' },
    return: { 'city-hotline': { 'working-days': 2, source: 'W 10.1.3' } },
  },
  sampling: { source: 'W 7.2', shares: [50, 30, 20], bands: { near: 40, source: 'W 7.3' } },
};

describe('flattenProfile', () => {
  it('gives one row per cited table, in the file order, with its values and basis', () => {
    const rows = flattenProfile(profile);
    expect(rows.map((r) => r.key)).toEqual([
      'season.official-start',
      'deadlines.leak',
      'deadlines.return.city-hotline',
      'sampling',
      'sampling.bands',
    ]);
    expect(rows[0]).toEqual({
      key: 'season.official-start',
      section: 'season',
      values: [['date', '11-15']],
      source: 'R-SEASON-1',
      platformDefault: true,
      note: 'W 5.2.1: dates set by the government',
    });
    expect(rows[2].values).toEqual([['working-days', '2']]);
    expect(rows[2].platformDefault).toBe(false);
  });

  it('keeps a group whose source covers its values, and its cited sub-tables apart', () => {
    const rows = flattenProfile(profile);
    expect(rows[3].values).toEqual([['shares', '50, 30, 20']]);
    expect(rows[4]).toMatchObject({ key: 'sampling.bands', values: [['near', '40']], source: 'W 7.3' });
  });

  it('leaves out the [profile] header and tables without a source', () => {
    expect(flattenProfile({ profile: profile.profile, misc: { a: 1 } })).toEqual([]);
    expect(profileHeader(profile)).toEqual({ id: 'weihai', name: 'Weihai urban heating service standard', city: '威海市 Weihai' });
    expect(profileHeader({})).toEqual({ id: undefined, name: undefined, city: undefined });
  });
});
