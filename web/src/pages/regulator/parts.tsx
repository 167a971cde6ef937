// The regulator's pages' shared pieces (企业对比 · 补贴份额测算): the comparison as the URL asks
// for it, with the controls' values kept apart until 查询 / 测算 (the pool is typed, not sent
// key by key), the Excel download of the values in the controls (the same period), the toolbar
// (the period: a month, or 按时段 a run of days with 整个供暖季; profile, the pool on the subsidy
// page, the buttons; a refused field marked with the server's message), a refusal above the page,
// an indicator's cell and a line saying what the figures cover.
import { DownloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Flex, Form, Input, Segmented, Select, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import { errorText } from '../../api/client';
import type { ComparisonIndicator, CompanyComparisonReport, PolicyList } from '../../api/types';
import { useApi, type ApiState } from '../../api/useApi';
import { useDownload } from '../../api/useDownload';
import { namedClear } from '../../components/a11y';
import { beijingToday, formatDateTime, MISSING } from '../../format';
import { useT } from '../../i18n';
import { pickedDate } from '../findings/logic';
import { isMonth, MAX_RANGE_DAYS, monthOf, pickedMonth, rangeDays, statusTag, switchPeriod, type PeriodKind } from '../indicators/logic';
import Tip from '../../components/Tip';
import {
  COMPARISON_PATH,
  comparisonQuery,
  comparisonRefusal,
  heatingSeason,
  periodKey,
  periodOf,
  poolErrorKey,
  poolText,
  readFilters,
  readPool,
  workbookName,
  writeFilters,
  type ComparisonFilters,
  type ComparisonRefusal,
  type PoolReading,
} from './logic';

interface Draft {
  period: PeriodKind;
  month: string;
  from: string;
  to: string;
  policy: string;
  /** The pool as typed, in yuan. */
  pool: string;
}

function draftOf(f: ComparisonFilters): Draft {
  return { period: f.period, month: f.month, from: f.from, to: f.to, policy: f.policy, pool: poolText(f.poolFen) };
}

export interface Comparison {
  /** The page offers 按时段 (a run of days) beside 按月. */
  ranges: boolean;
  /** What the URL asks for (what the page shows). */
  filters: ComparisonFilters;
  /** The controls' values. */
  draft: Draft;
  setDraft: (changes: Partial<Draft>) => void;
  /** The typed pool read as fen, or why it is refused. */
  pool: PoolReading;
  report: ApiState<CompanyComparisonReport>;
  policies: ApiState<PolicyList>;
  /** The refusal of the last query (or of the download) that goes above the page. */
  refusal: ComparisonRefusal | null;
  /** The query's failure that is not a refusal (the page's error: 403 reads as not found). */
  failure: unknown;
  /** 查询 / 测算: the controls' values into the URL (asked again when they are the same). */
  apply: () => void;
  /** 导出Excel: the workbook of the controls' values (shown on the page as well). */
  exportXlsx: () => Promise<void>;
  exporting: boolean;
  /** A download that failed for another reason than a refusal. */
  exportError: string | null;
}

/** The comparison of the URL's period and profile (and pool, `withPool`: the subsidy page);
 * `ranges`: the period may be a run of days (from, to) as well as a month. */
export function useComparison(withPool: boolean, { ranges = false }: { ranges?: boolean } = {}): Comparison {
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params, beijingToday(), ranges);
  const key = writeFilters(filters).toString();
  const [draft, setDraftState] = useState<Draft>(() => draftOf(filters));
  // The URL changed (back, forward, a link): the controls show what it asks for.
  useEffect(() => setDraftState(draftOf(readFilters(new URLSearchParams(key), beijingToday(), ranges))), [key, ranges]);
  const setDraft = useCallback((changes: Partial<Draft>) => setDraftState((d) => ({ ...d, ...changes })), []);
  const report = useApi<CompanyComparisonReport>(COMPARISON_PATH, comparisonQuery(filters, withPool));
  const policies = useApi<PolicyList>('/api/v1/policies');
  const pool: PoolReading = withPool ? readPool(draft.pool) : { fen: null };
  const { busy, error: exportFailure, start: startExport, clear: clearExport } = useDownload<'xlsx'>();
  const exportRefusal = comparisonRefusal(exportFailure);
  const exportError = exportFailure && !exportRefusal ? errorText(exportFailure) : null;

  const commit = useCallback(
    (again: boolean): ComparisonFilters | null => {
      if (pool.error) return null;
      const next: ComparisonFilters = {
        period: draft.period,
        month: draft.month,
        from: draft.period === 'range' ? draft.from : '',
        to: draft.period === 'range' ? draft.to : '',
        policy: draft.policy,
        poolFen: withPool ? pool.fen : null,
      };
      const p = writeFilters(next);
      clearExport();
      if (p.toString() !== key) setParams(p);
      else if (again) report.reload();
      return next;
    },
    [clearExport, draft, key, pool.error, pool.fen, report, setParams, withPool],
  );

  const apply = useCallback(() => void commit(true), [commit]);

  const exportXlsx = useCallback(async () => {
    const next = commit(false);
    if (next) await startExport('xlsx', COMPARISON_PATH, comparisonQuery(next, withPool, 'xlsx'), workbookName(periodKey(next)));
  }, [commit, startExport, withPool]);

  const queryRefusal = comparisonRefusal(report.error);
  return {
    ranges,
    filters,
    draft,
    setDraft,
    pool,
    report,
    policies,
    refusal: exportRefusal ?? queryRefusal,
    failure: report.error && !queryRefusal ? report.error : undefined,
    apply,
    exportXlsx,
    exporting: busy !== null,
    exportError,
  };
}

/** The period's control: a month, or (`ranges`) 按月 / 按时段 with a run of days (at most 366,
 * none after the current heating season's end) and 整个供暖季. A refusal naming month, from or to
 * marks it, with the server's message under it. */
function PeriodField({ comparison }: { comparison: Comparison }) {
  const t = useT();
  const { draft, setDraft, refusal, ranges } = comparison;
  const today = beijingToday();
  const season = heatingSeason(today);
  const lastDay = season.to > today ? season.to : today;
  const refused = refusal && ['month', 'from', 'to'].includes(refusal.field ?? '') ? refusal : null;
  // A day after the season's end (or today), or one that would make the run longer than 366 days, cannot be picked.
  const outOfRange = (d: Dayjs, info?: { from?: Dayjs }) => {
    const day = pickedDate(d) ?? '';
    if (day > lastDay) return true;
    const from = pickedDate(info?.from);
    return !!from && (day < from ? rangeDays(day, from) : rangeDays(from, day)) > MAX_RANGE_DAYS;
  };
  const range = ranges && draft.period === 'range';
  return (
    <Form.Item
      label={range ? t('regulator.range') : t('regulator.month')}
      validateStatus={refused ? 'error' : undefined}
      help={refused ? <span data-testid="regulator-period-error">{refused.message}</span> : undefined}
    >
      <Flex gap={8} wrap="wrap" align="center">
        {ranges && (
          <Segmented
            aria-label={t('regulator.periodKind')}
            data-testid="regulator-period-kind"
            value={draft.period}
            onChange={(v) => setDraft(switchPeriod(draft, v as PeriodKind, today))}
            options={[
              { value: 'month', label: t('regulator.byMonth') },
              { value: 'range', label: t('regulator.byRange') },
            ]}
          />
        )}
        {range ? (
          <DatePicker.RangePicker
            aria-label={t('regulator.range')}
            data-testid="regulator-range"
            placeholder={[t('regulator.from'), t('regulator.to')]}
            format="YYYY-MM-DD"
            allowClear={false}
            status={refused ? 'error' : undefined}
            value={[dayjs(draft.from), dayjs(draft.to)]}
            disabledDate={outOfRange}
            onChange={(r) => {
              const from = pickedDate(r?.[0]);
              const to = pickedDate(r?.[1]);
              if (from && to) setDraft({ from, to });
            }}
          />
        ) : (
          <DatePicker
            picker="month"
            format="YYYY-MM"
            allowClear={false}
            aria-label={t('regulator.month')}
            status={refused ? 'error' : undefined}
            value={dayjs(`${draft.month}-01`)}
            disabledDate={(d) => (pickedMonth(d) ?? '') > monthOf(today)}
            onChange={(d) => {
              const month = pickedMonth(d);
              if (month) setDraft({ month });
            }}
          />
        )}
        {ranges && (
          <Tip title={t('regulator.wholeSeasonTip', { from: season.from, to: season.to })}>
            <Button data-testid="regulator-season" onClick={() => setDraft({ period: 'range', from: season.from, to: season.to })}>
              {t('regulator.wholeSeason')}
            </Button>
          </Tip>
        )}
      </Flex>
    </Form.Item>
  );
}

/** The period, profile, (pool,) 查询 or 测算, 导出Excel. */
export function ComparisonToolbar({ comparison, withPool, applyText, applyTestId }: { comparison: Comparison; withPool: boolean; applyText: string; applyTestId: string }) {
  const t = useT();
  const { draft, setDraft, pool, policies, refusal } = comparison;
  const poolProblem = pool.error ? t(poolErrorKey(pool.error)) : undefined;
  return (
    <Form layout="inline" component="div" style={{ rowGap: 8 }}>
      <PeriodField comparison={comparison} />
      <Form.Item label={t('regulator.policy')} validateStatus={refusal?.field === 'policy' ? 'error' : undefined}>
        <Select
          aria-label={t('regulator.policy')}
          style={{ width: 220 }}
          value={draft.policy}
          loading={policies.loading}
          onChange={(policy: string) => setDraft({ policy })}
          options={[
            { value: '', label: t('regulator.policyAuto') },
            ...(policies.data?.policies ?? []).map((p) => ({ value: p.name, label: p.city ? t('regulator.policyOption', { city: p.city, name: p.name }) : p.name })),
          ]}
        />
      </Form.Item>
      {withPool && (
        <Form.Item
          label={t('subsidy.pool')}
          htmlFor="subsidy-pool"
          validateStatus={poolProblem || refusal?.field === 'pool_fen' ? 'error' : undefined}
          help={poolProblem}
        >
          <Input
            id="subsidy-pool"
            data-testid="subsidy-pool"
            inputMode="decimal"
            autoComplete="off"
            allowClear={namedClear(t)}
            style={{ width: 200 }}
            placeholder={t('subsidy.poolPlaceholder')}
            value={draft.pool}
            onChange={(e) => setDraft({ pool: e.target.value })}
            onPressEnter={comparison.apply}
          />
        </Form.Item>
      )}
      <Form.Item>
        <Flex gap={8}>
          <Button type="primary" icon={<SearchOutlined />} data-testid={applyTestId} disabled={!!pool.error} onClick={comparison.apply}>
            {applyText}
          </Button>
          <Button icon={<DownloadOutlined />} data-testid="regulator-export" loading={comparison.exporting} disabled={!!pool.error} onClick={() => void comparison.exportXlsx()}>
            {t('regulator.export')}
          </Button>
        </Flex>
      </Form.Item>
    </Form>
  );
}

/** A refusal of the query or the download, in words and as the server said it. */
export function RefusalAlert({ comparison }: { comparison: Comparison }) {
  const t = useT();
  const { refusal, exportError } = comparison;
  if (!refusal && !exportError) return null;
  return (
    <Flex vertical gap={8}>
      {refusal && <Alert type="error" showIcon data-testid="regulator-refusal" message={t(refusal.key)} description={refusal.message} />}
      {exportError && <Alert type="error" showIcon data-testid="regulator-export-error" message={t('regulator.exportFailed', { message: exportError })} />}
    </Flex>
  );
}

/** What the figures cover: the period's days (and the month, when it is one), the profile that
 * scored, the refunds' season. */
export function ReportLine({ report }: { report: CompanyComparisonReport }) {
  const t = useT();
  const period = periodOf(report);
  return (
    <Typography.Text type="secondary" data-testid="regulator-period">
      {t(isMonth(report.month) ? 'regulator.period' : 'regulator.periodRange', {
        month: report.month,
        from: period.from,
        to: period.to,
        policy: report.policy,
        season: report.season_start_year,
        next: report.season_start_year + 1,
        at: formatDateTime(report.generated_at),
      })}
    </Typography.Text>
  );
}

/** An indicator's figure in its status's colour: 达标 green, 未达标 red, 不适用 grey. */
export function IndicatorCell({ indicator }: { indicator: ComparisonIndicator | undefined }) {
  const t = useT();
  if (!indicator) return <Typography.Text type="secondary">{MISSING}</Typography.Text>;
  const tag = statusTag(indicator.status);
  const na = indicator.status === 'not-applicable';
  const text = na || indicator.value === null || indicator.display === 'n/a' ? t('indicator.not_applicable') : indicator.display;
  return (
    <Tag color={tag.color} title={tag.key ? t(tag.key) : indicator.status} data-testid="regulator-indicator" data-rule={indicator.rule} data-status={indicator.status}>
      {text}
    </Tag>
  );
}

/** 不适用, grey. */
export function NotApplicable({ children }: { children?: ReactNode }) {
  const t = useT();
  return (
    <Tag color="default" data-testid="regulator-not-applicable">
      {children ?? t('indicator.not_applicable')}
    </Tag>
  );
}
