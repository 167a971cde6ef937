// The sampling plan's pure parts (R-SAMPLE-1..3): the URL's filters and the query, the seed's
// check, the quota table's rows with their gaps, the shortfalls in words, and the refusals.
import { ApiError } from '../../api/client';
import type { SamplePlan } from '../../api/types';
import { translate } from '../../i18n';
import {
  areaText,
  canPlan,
  countText,
  fileName,
  floorText,
  normalSeed,
  planQuery,
  planRefusal,
  quotaRows,
  randomSeed,
  readFilters,
  SEED_MAX,
  seedError,
  shortfallText,
  writeFilters,
} from './logic';

const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate('zh-CN', key, vars);

describe('the URL filters', () => {
  it('reads a company id or code and a valid seed, else the defaults', () => {
    expect(readFilters(new URLSearchParams('company=3&seed=42'))).toEqual({ company: '3', seed: '42' });
    expect(readFilters(new URLSearchParams('company=weihai-heat'))).toEqual({ company: 'weihai-heat', seed: '0' });
    expect(readFilters(new URLSearchParams('company=%3Cx%3E&seed=abc'))).toEqual({ company: '', seed: '0' });
    expect(readFilters(new URLSearchParams(`seed=${SEED_MAX}`)).seed).toBe(SEED_MAX);
    expect(readFilters(new URLSearchParams('seed=18446744073709551616')).seed).toBe('0');
    expect(readFilters(new URLSearchParams('seed=007')).seed).toBe('7');
  });

  it('writes the company when chosen and always the seed, so a link can be shared', () => {
    expect(writeFilters({ company: '3', seed: '42' }).toString()).toBe('company=3&seed=42');
    expect(writeFilters({ company: '', seed: '' }).toString()).toBe('seed=0');
  });

  it('asks for a plan once the admin or the regulator has chosen a company; staff at once', () => {
    expect(canPlan({ company: '', seed: '0' }, true)).toBe(false);
    expect(canPlan({ company: '3', seed: '0' }, true)).toBe(true);
    expect(canPlan({ company: '', seed: '0' }, false)).toBe(true);
  });

  it('sends the company only for the roles that name one, the seed as a string, the format for a download', () => {
    const big = '18446744073709551615';
    expect(planQuery({ company: '3', seed: big }, true)).toEqual({ company: '3', seed: big, format: undefined });
    expect(planQuery({ company: '3', seed: '5' }, false, 'csv')).toEqual({ company: undefined, seed: '5', format: 'csv' });
    expect(fileName({ company_code: 'p' }, { company: '3', seed: '5' }, 'xlsx')).toBe('sample-plan-p-seed-5.xlsx');
  });
});

describe('the seed', () => {
  it('takes decimal digits from 0 to 2^64 − 1, blank meaning 0', () => {
    for (const ok of ['', '0', '42', ' 7 ', SEED_MAX, `000${SEED_MAX}`]) expect(seedError(ok)).toBeNull();
    expect(seedError('-1')).toBe('sampling.seedDigits');
    expect(seedError('1e3')).toBe('sampling.seedDigits');
    expect(seedError('12a')).toBe('sampling.seedDigits');
    expect(seedError('18446744073709551616')).toBe('sampling.seedTooLarge');
    expect(seedError('100000000000000000000')).toBe('sampling.seedTooLarge');
  });

  it('is kept a string past 2^53 and loses its leading zeros', () => {
    expect(normalSeed('')).toBe('0');
    expect(normalSeed('000')).toBe('0');
    expect(normalSeed('0009007199254740993')).toBe('9007199254740993');
    expect(randomSeed(new Uint32Array([0xffffffff, 0xffffffff]))).toBe(SEED_MAX);
    expect(randomSeed(new Uint32Array([0, 7]))).toBe('7');
    expect(seedError(randomSeed())).toBeNull();
  });
});

describe('the quota table (R-SAMPLE-2, R-SAMPLE-3)', () => {
  const plan: Pick<SamplePlan, 'quotas' | 'achieved' | 'shortfalls'> = {
    quotas: { position: { near: 0, middle: 0, far: 1 }, orientation: { shade: 1, sun: 0 }, floor: { upper: 0, middle: 0, lower: 1 } },
    achieved: { position: { near: 1, middle: 0, far: 0 }, orientation: { shade: 1, sun: 0 }, floor: { upper: 0, middle: 0, lower: 1 } },
    shortfalls: [
      { dimension: 'position', value: 'far', missing: 1 },
      { dimension: 'orientation', value: 'sun', missing: 2 },
    ],
  };

  it("lists each dimension's values in the rule's order, the gap when the quota is not met", () => {
    const rows = quotaRows(plan);
    expect(rows.map((r) => r.key)).toEqual(['position.near', 'position.middle', 'position.far', 'orientation.shade', 'orientation.sun', 'floor.upper', 'floor.middle', 'floor.lower']);
    expect(rows.map((r) => r.gap)).toEqual([0, 0, 1, 0, 0, 0, 0, 0]);
    // More achieved than the quota is no negative gap.
    expect(rows[0]).toMatchObject({ quota: 0, achieved: 1, gap: 0 });
    expect(rows.map((r) => r.span)).toEqual([3, 0, 0, 2, 0, 3, 0, 0]);
  });

  it('keeps a value the console does not know, after the known ones', () => {
    const odd = { ...plan, quotas: { ...plan.quotas, orientation: { shade: 1, sun: 0, east: 2 } as never } };
    const rows = quotaRows(odd).filter((r) => r.dimension === 'orientation');
    expect(rows.map((r) => [r.value, r.gap, r.span])).toEqual([
      ['shade', 0, 3],
      ['sun', 0, 0],
      ['east', 2, 0],
    ]);
  });

  it('says which quotas fall short and by how much', () => {
    expect(shortfallText(t, plan.shortfalls)).toBe('末端 缺 1 户；阳面 缺 2 户');
    expect(shortfallText(t, [{ dimension: 'floor', value: 'upper', missing: 3 }])).toBe('高层 缺 3 户');
    expect(shortfallText(t, [])).toBe('');
  });
});

describe('formats and refusals', () => {
  it('shows floors, areas and totals', () => {
    expect(floorText({ floor: 1, floors: 6 })).toBe('1/6');
    expect(areaText(90)).toBe('90.00');
    expect(areaText(1234.5)).toBe('1,234.50');
    expect(countText(1080)).toBe('1,080');
  });

  it('puts a 400 on its field and a 409 in the alert; other failures are page errors', () => {
    expect(planRefusal(new ApiError(400, 'invalid_argument', 'seed must be digits', 'seed'))).toEqual({ field: 'seed', unplannable: false, message: 'seed must be digits' });
    expect(planRefusal(new ApiError(400, 'invalid_argument', 'company is required', 'company'))?.field).toBe('company');
    expect(planRefusal(new ApiError(409, 'conflict', 'building B-2 has neither', 'network_position'))).toEqual({ unplannable: true, message: 'building B-2 has neither' });
    expect(planRefusal(new ApiError(500, 'internal', 'boom'))).toBeNull();
    expect(planRefusal(undefined)).toBeNull();
  });
});
