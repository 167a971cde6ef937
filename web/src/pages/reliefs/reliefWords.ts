// The words of a relief's enums, in one place for the relief list, its form and the household
// page (救助类别): whom a relief names (全部住户 / 低保户 / 特困户 / 优抚对象, applies_to) and a
// household's assistance class (the same classes but "all"), and how a relief reduces the bill
// (按比例 / 按金额). The texts are the dictionaries' (relief.*); an unknown value shows as sent.
import type { AssistanceClass, ReliefAppliesTo } from '../../api/types';
import type { MessageKey, Translate } from '../../i18n';

/** In the order the filter and the form offer them. */
export const APPLIES_TO: readonly ReliefAppliesTo[] = ['all', 'minimum-living', 'extreme-poverty', 'entitled-group'];

/** A household's classes (the relief's but "all"). */
export const ASSISTANCE: readonly AssistanceClass[] = ['minimum-living', 'extreme-poverty', 'entitled-group'];

/** How a relief reduces the bill: a percentage of the season's charges or an amount. */
export type ReliefMethod = 'percent' | 'amount';
export const METHODS: readonly ReliefMethod[] = ['percent', 'amount'];

const APPLIES_TO_KEY: Record<ReliefAppliesTo, MessageKey> = {
  all: 'relief.appliesTo.all',
  'minimum-living': 'relief.appliesTo.minimum-living',
  'extreme-poverty': 'relief.appliesTo.extreme-poverty',
  'entitled-group': 'relief.appliesTo.entitled-group',
};

const METHOD_KEY: Record<ReliefMethod, MessageKey> = { percent: 'relief.method.percent', amount: 'relief.method.amount' };

/** 全部住户, 低保户, 特困户 or 优抚对象. */
export function appliesToText(t: Translate, value: string): string {
  const key = APPLIES_TO_KEY[value as ReliefAppliesTo];
  return key ? t(key) : value;
}

/** A household's 救助类别 (低保户, 特困户, 优抚对象); "all" is no household's class. */
export function assistanceText(t: Translate, value: string): string {
  return (ASSISTANCE as readonly string[]).includes(value) ? appliesToText(t, value) : value;
}

/** 按比例 or 按金额. */
export function methodText(t: Translate, method: ReliefMethod): string {
  return t(METHOD_KEY[method]);
}
