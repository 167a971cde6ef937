// The sampling plan's pure parts (采样方案, R-SAMPLE-1..3): the company and seed in the URL and the
// query they make, the seed's check (decimal digits 0..2^64−1, kept a string: it may pass 2^53),
// the quota table's rows (quota, achieved, gap) and the shortfalls in words (R-SAMPLE-3), the
// words of the dimensions and values, and where the server's refusal goes.
import { ApiError } from '../../api/client';
import type { SampleDimension, SampledHousehold, SamplePlan, SampleShortfall } from '../../api/types';
import type { MessageKey, Translate } from '../../i18n';

export { crossCompany } from '../licence/logic';

/** The route (manager and technician their own company, admin and regulator one they name). */
export const SAMPLE_PLAN_PATH = '/api/v1/sample-plan';

/** The largest seed the server takes (2^64 − 1). */
export const SEED_MAX = '18446744073709551615';

const DIGITS = /^\d+$/;
/** A company's id or code as the URL may hold it. */
const COMPANY = /^[A-Za-z0-9][\w.-]{0,63}$/;

/** What is wrong with a seed typed ('' is the default, 0), or null when the server takes it. */
export function seedError(seed: string): MessageKey | null {
  const s = seed.trim();
  if (s === '') return null;
  if (!DIGITS.test(s)) return 'sampling.seedDigits';
  const n = s.replace(/^0+(?=\d)/, '');
  if (n.length > SEED_MAX.length || (n.length === SEED_MAX.length && n > SEED_MAX)) return 'sampling.seedTooLarge';
  return null;
}

/** A valid seed without its leading zeros ('' → '0'). */
export function normalSeed(seed: string): string {
  const s = seed.trim();
  return s === '' ? '0' : s.replace(/^0+(?=\d)/, '');
}

export interface PlanFilters {
  /** A company's id (or code); '' when none is chosen. */
  company: string;
  /** The seed, digits ('0' by default). */
  seed: string;
}

/** The URL's filters: a company id or code, and a valid seed (else the default, 0). */
export function readFilters(params: URLSearchParams): PlanFilters {
  const company = params.get('company') ?? '';
  const seed = params.get('seed') ?? '';
  return {
    company: COMPANY.test(company) ? company : '',
    seed: seedError(seed) === null ? normalSeed(seed) : '0',
  };
}

/** The URL parameters of the filters (no company left out). */
export function writeFilters(f: PlanFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.company) p.set('company', f.company);
  p.set('seed', normalSeed(f.seed));
  return p;
}

/** Whether the plan can be asked for: the admin and the regulator must name a company first. */
export function canPlan(f: PlanFilters, cross: boolean): boolean {
  return !cross || f.company !== '';
}

export type PlanFormat = 'json' | 'csv' | 'xlsx';

/** GET /api/v1/sample-plan's query: `company` only for the roles that name one (staff are scoped
 * to their own company by the server), `format` for a download. */
export function planQuery(f: PlanFilters, cross: boolean, format?: Exclude<PlanFormat, 'json'>): Record<string, string | undefined> {
  return { company: cross ? f.company || undefined : undefined, seed: normalSeed(f.seed), format };
}

/** The download's name when the server's Content-Disposition gives none. */
export function fileName(plan: Pick<SamplePlan, 'company_code'> | undefined, f: PlanFilters, format: 'csv' | 'xlsx'): string {
  return `sample-plan-${plan?.company_code || f.company || 'company'}-seed-${normalSeed(f.seed)}.${format}`;
}

/** A random seed (64 bits), for 换一个. */
export function randomSeed(words: Uint32Array = crypto.getRandomValues(new Uint32Array(2))): string {
  return ((BigInt(words[0]) << 32n) | BigInt(words[1])).toString();
}

/** The dimensions and their values, in the order the rule lists them (R-SAMPLE-2). */
export const DIMENSIONS: ReadonlyArray<{ dimension: SampleDimension; values: readonly string[] }> = [
  { dimension: 'position', values: ['near', 'middle', 'far'] },
  { dimension: 'orientation', values: ['shade', 'sun'] },
  { dimension: 'floor', values: ['upper', 'middle', 'lower'] },
];

export interface QuotaRow {
  key: string;
  dimension: SampleDimension;
  value: string;
  quota: number;
  achieved: number;
  /** quota − achieved when positive, else 0. */
  gap: number;
  /** The rows of its dimension on the first one (the merged 维度 cell), 0 on the others. */
  span: number;
}

/** The quota table: each dimension's values in the rule's order (any other the server names after). */
export function quotaRows(plan: Pick<SamplePlan, 'quotas' | 'achieved'>): QuotaRow[] {
  const rows: QuotaRow[] = [];
  for (const { dimension, values } of DIMENSIONS) {
    const quotas = (plan.quotas?.[dimension] ?? {}) as Record<string, number>;
    const achieved = (plan.achieved?.[dimension] ?? {}) as Record<string, number>;
    const extra = [...Object.keys(quotas), ...Object.keys(achieved)].filter((v, i, all) => !values.includes(v) && all.indexOf(v) === i);
    const all = [...values, ...extra];
    all.forEach((value, i) => {
      const quota = quotas[value] ?? 0;
      const got = achieved[value] ?? 0;
      rows.push({ key: `${dimension}.${value}`, dimension, value, quota, achieved: got, gap: Math.max(0, quota - got), span: i === 0 ? all.length : 0 });
    });
  }
  return rows;
}

/** A dimension's words (管网位置, 朝向, 楼层段). */
export function dimensionText(t: Translate, dimension: string): string {
  return DIMENSIONS.some((d) => d.dimension === dimension) ? t(`sampling.dim.${dimension}` as MessageKey) : dimension;
}

/** A value's words (近端, 阴面, 高层, …); one the console does not know shows as the server names it. */
export function valueText(t: Translate, dimension: string, value: string): string {
  const known = DIMENSIONS.find((d) => d.dimension === dimension)?.values.includes(value);
  return known ? t(`sampling.value.${dimension}.${value}` as MessageKey) : value;
}

/** The shortfalls in words: "末端 缺 1 户；阳面 缺 2 户" (R-SAMPLE-3). */
export function shortfallText(t: Translate, shortfalls: readonly SampleShortfall[]): string {
  return shortfalls.map((s) => t('sampling.shortfallItem', { value: valueText(t, s.dimension, s.value), n: s.missing })).join('；');
}

/** A household's floor: "1/6". */
export function floorText(h: Pick<SampledHousehold, 'floor' | 'floors'>): string {
  return `${h.floor}/${h.floors}`;
}

/** An area in m² with two decimals: 90 → "90.00", 1234.5 → "1,234.50". */
export function areaText(m2: number): string {
  return m2.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** A total: 1080 → "1,080", 1080.25 → "1,080.25". */
export function countText(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

export interface PlanRefusal {
  /** The form's field at fault (the seed, the company), else none: an Alert above the plan. */
  field?: 'seed' | 'company';
  /** 409: the records cannot be planned (a building with no network position, a floor missing). */
  unplannable: boolean;
  message: string;
}

/** Where a refusal goes: 400 on the field it names, 409 in an Alert saying what to fix; null for
 * the others (a page error). */
export function planRefusal(e: unknown): PlanRefusal | null {
  if (!(e instanceof ApiError)) return null;
  if (e.status === 409) return { unplannable: true, message: e.message };
  if (e.status === 400) {
    const field = e.field === 'seed' || e.field === 'company' ? e.field : undefined;
    return { field, unplannable: false, message: e.message };
  }
  return null;
}
