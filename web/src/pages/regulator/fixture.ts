// The answer of GET /api/v1/regulator/companies as the server writes it (regulator.cpp), for the
// pages' tests: two companies under different profiles, scored by weihai's weights; the second
// has no heating-stop figure (R-KPI-S not applicable) and no on-time figure of its own.
import type { ChannelComplaints, CompanyComparison, CompanyComparisonReport, ComparisonIndicator, SubsidyScoreLine, SubsidyWeight } from '../../api/types';

const CHANNELS: ChannelComplaints['channel'][] = ['city-hotline', 'provincial-hotline', 'on-receipt', 'internet-plus', 'first-question', 'urgent', 'phone', 'web', 'hall'];

function channels(households: number, received: Record<string, number>): ChannelComplaints[] {
  return CHANNELS.map((channel) => ({ channel, received: received[channel] ?? 0, per_10000: households ? ((received[channel] ?? 0) * 10000) / households : null }));
}

const indicator = (rule: ComparisonIndicator['rule'], over: Partial<ComparisonIndicator>): ComparisonIndicator => ({
  rule,
  name: rule,
  numerator: 1,
  denominator: 1,
  value: 1,
  display: '100.00%',
  target_per_mille: 990,
  target_kind: 'at-least',
  status: 'met',
  ...over,
});

const line = (measure: SubsidyScoreLine['measure'], weight: number, over: Partial<SubsidyScoreLine> = {}): SubsidyScoreLine => ({
  measure,
  value: '100.00%',
  applicable: true,
  points: '100.00',
  weight,
  basis: 'Z 4.3 (platform default)',
  working: '100.00% reaches the target 99.0%: 100.00',
  ...over,
});

const notApplicable = (measure: SubsidyScoreLine['measure'], weight: number): SubsidyScoreLine => line(measure, weight, { value: 'n/a', applicable: false, points: '0.00', working: 'not applicable' });

export const weihai: CompanyComparison = {
  company_id: 1,
  company_code: 'weihai-heat',
  company_name: '威海热电',
  policy: 'weihai',
  households: 12000,
  indicators: [
    indicator('R-KPI-S', { name: 'operation accident rate', numerator: 1, denominator: 2, value: 0.0004, display: '0.35‰', target_per_mille: 2, target_kind: 'at-most' }),
    indicator('R-KPI-Q', { name: 'repair response rate', numerator: 3, denominator: 3, value: 1, display: '100.00%', target_per_mille: 1000 }),
    indicator('R-KPI-C', { name: 'room temperature qualification rate', numerator: 29, denominator: 30, value: 0.9667, display: '96.67%', status: 'not-met' }),
    indicator('R-KPI-P', { name: 'process satisfaction rate', numerator: 15, denominator: 16, value: 0.9375, display: '93.75%', target_per_mille: 900 }),
    indicator('R-KPI-B', { name: 'result satisfaction rate', numerator: 15, denominator: 16, value: 0.9375, display: '93.75%', target_per_mille: 900 }),
  ],
  complaints: { received: 30, duplicates: 2, complaints: 28, per_10000: 23.333333333333332, by_channel: channels(12000, { 'city-hotline': 10, phone: 18, web: 2 }) },
  replies: { due: 25, on_time: 24, rate: 0.96 },
  satisfaction: { satisfied: 10, basically_satisfied: 5, unsatisfied: 1, not_visited: 14, rate: 0.9375 },
  outages: { company_caused: 2, ids: [4, 9] },
  refunds: { owed_fen: 12345, owed_entries: 3, paid_fen: 0, paid_entries: 0, overdue_entries: 1 },
  licence: { unlicensed_buildings: 2, unlicensed_households: 240 },
  season_announcements: { late: 1, missing: 2 },
  score: {
    points: '97.50',
    hundredths: 9750,
    applicable_weight: 100,
    working: '(15 × 100.00 + 15 × 100.00 + 25 × 97.64 + 10 × 100.00 + 15 × 100.00 + 10 × 90.00 + 10 × 96.00) ÷ 100 = 97.50',
    share_fen: 61234,
    lines: [
      line('R-KPI-S', 15, { value: '0.35‰', working: '0.35‰ within the limit 2.00‰: 100.00' }),
      line('R-KPI-Q', 15),
      line('R-KPI-C', 25, { value: '96.67%', points: '97.64', working: '96.67% ÷ target 99.0% × 100 = 97.64' }),
      line('R-KPI-P', 10, { value: '93.75%', working: '93.75% reaches the target 90.0%: 100.00' }),
      line('R-KPI-B', 15, { value: '93.75%', working: '93.75% reaches the target 90.0%: 100.00' }),
      line('complaint-rate', 10, { value: '23.33 per 10,000', points: '90.00', working: '(best 20.00 per 10,000 + 1) ÷ (23.33 per 10,000 + 1) × 100 = 90.00' }),
      line('on-time-reply', 10, { value: '96.00%', points: '96.00', working: '24 on time ÷ 25 due × 100 = 96.00' }),
    ],
  },
};

export const zibo: CompanyComparison = {
  company_id: 2,
  company_code: 'zibo-heat',
  company_name: '淄博热力',
  policy: 'zibo',
  households: 8000,
  indicators: [
    indicator('R-KPI-S', { name: 'operation accident rate', numerator: 0, denominator: 0, value: null, display: 'n/a', target_per_mille: 2, target_kind: 'at-most', status: 'not-applicable' }),
    indicator('R-KPI-Q', { numerator: 2, denominator: 2, value: 1, display: '100.00%', target_per_mille: 1000 }),
    indicator('R-KPI-C', { numerator: 30, denominator: 30, value: 1, display: '100.00%' }),
    indicator('R-KPI-P', { numerator: 3, denominator: 4, value: 0.75, display: '75.00%', target_per_mille: 900, status: 'not-met' }),
  ],
  complaints: { received: 16, duplicates: 0, complaints: 16, per_10000: 20, by_channel: channels(8000, { 'city-hotline': 6, phone: 10 }) },
  replies: { due: 0, on_time: 0, rate: null },
  satisfaction: { satisfied: 3, basically_satisfied: 0, unsatisfied: 1, not_visited: 12, rate: 0.75 },
  outages: { company_caused: 0, ids: [] },
  refunds: { owed_fen: 0, owed_entries: 0, paid_fen: 500000, paid_entries: 2, overdue_entries: 0 },
  licence: { unlicensed_buildings: 0, unlicensed_households: 0 },
  season_announcements: { late: 0, missing: 0 },
  score: {
    points: '61.70',
    hundredths: 6170,
    applicable_weight: 75,
    working: '(15 × 100.00 + 25 × 100.00 + 10 × 83.33 + 15 × 0.00 + 10 × 100.00) ÷ 75 = 61.70',
    share_fen: 38766,
    lines: [
      notApplicable('R-KPI-S', 15),
      line('R-KPI-Q', 15),
      line('R-KPI-C', 25),
      line('R-KPI-P', 10, { value: '75.00%', points: '83.33', working: '75.00% ÷ target 90.0% × 100 = 83.33' }),
      line('R-KPI-B', 15, { value: 'n/a', points: '0.00' }),
      line('complaint-rate', 10, { value: '20.00 per 10,000', points: '100.00', working: '(best 20.00 per 10,000 + 1) ÷ (20.00 per 10,000 + 1) × 100 = 100.00' }),
      notApplicable('on-time-reply', 10),
    ],
  },
};

export const WEIGHTS: SubsidyWeight[] = [
  { measure: 'R-KPI-S', weight: 15, basis: 'Z 4.3 (platform default)' },
  { measure: 'R-KPI-Q', weight: 15, basis: 'Z 4.3 (platform default)' },
  { measure: 'R-KPI-C', weight: 25, basis: 'Z 4.3 (platform default)' },
  { measure: 'R-KPI-P', weight: 10, basis: 'Z 4.3 (platform default)' },
  { measure: 'R-KPI-B', weight: 15, basis: 'Z 4.3 (platform default)' },
  { measure: 'complaint-rate', weight: 10, basis: 'Z 4.3 (platform default)' },
  { measure: 'on-time-reply', weight: 10, basis: 'Z 4.3 (platform default)' },
];

/** The answer for `poolFen` (null: no pool, every share null): 61.234% of the pool to 威海热电
 * (rounded down), the rest to 淄博热力. */
export function comparisonReport(poolFen: number | null = 100000, policy = 'weihai'): CompanyComparisonReport {
  const first = poolFen === null ? null : Math.floor((poolFen * 61234) / 100000);
  const shared = (c: CompanyComparison): CompanyComparison => ({
    ...c,
    score: { ...c.score, share_fen: poolFen === null || first === null ? null : c.company_id === 1 ? first : poolFen - first },
  });
  return {
    month: '2026-11',
    from: '2026-11-01T00:00:00+08:00',
    until: '2026-12-01T00:00:00+08:00',
    generated_at: '2026-12-04T11:00:00+08:00',
    season_start_year: 2026,
    policy,
    pool_fen: poolFen,
    weights: WEIGHTS,
    companies: [shared(weihai), shared(zibo)],
  };
}

export const POLICIES = {
  policies: [
    { name: 'weihai', title: 'Weihai urban heating service standard', city: '威海市 Weihai' },
    { name: 'zibo', title: 'Zibo opinions on urban residential heating (2022-9)', city: '淄博市 Zibo' },
  ],
};
