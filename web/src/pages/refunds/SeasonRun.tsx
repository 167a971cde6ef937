// 退费管理's run (issue 14): the season's refund run as a job (POST /api/v1/jobs {kind:
// 'refund-run', season}: one draft per heated household with a fee, approved and paid entries
// kept, R-REFUND-6; the caller's scope: a manager its company, the admin every company). While it
// runs, its progress (already done of how many households); once it succeeded, its summary (the
// job's result, as POST /api/v1/refunds/runs answers) and the list again; a failed or interrupted
// run says why (an interrupted one may be started again).
import { Alert, Button, Descriptions, Flex, Popconfirm, Typography } from 'antd';
import { useCallback, useState } from 'react';
import type { Schemas } from '../../api/types';
import { useJob } from '../../api/useJob';
import JobProgress from '../../components/JobProgress';
import { interrupted, jobFailureText } from '../../components/jobFailure';
import { formatDate, formatFen } from '../../format';
import { useT, type Translate } from '../../i18n';

/** A refund run's answer (refunds.cpp, RefundRunJson): the job's result once it succeeded. */
export type RunSummary = Schemas['RefundRunSummary'];

export function seasonLabel(t: Translate, season: number): string {
  return t('refunds.seasonOption', { season, next: season + 1 });
}

/** The run: the button, the job's progress while it runs, then its summary or why it failed. */
export default function SeasonRun({ season, onDone }: { season: number; onDone: () => void }) {
  const t = useT();
  const { job, running, run } = useJob<RunSummary>();
  const [summary, setSummary] = useState<RunSummary>();
  const [error, setError] = useState<unknown>();

  const start = useCallback(async () => {
    setError(undefined);
    setSummary(undefined);
    try {
      setSummary(await run({ kind: 'refund-run', season }));
      onDone();
    } catch (e) {
      setError(e);
    }
  }, [run, season, onDone]);

  return (
    <Flex vertical gap={12}>
      <Flex gap={12} align="center" wrap="wrap">
        <Popconfirm title={t('refunds.runConfirm', { season: seasonLabel(t, season) })} okText={t('refunds.run')} cancelText={t('common.cancel')} onConfirm={() => void start()} disabled={running}>
          <Button type="primary" data-testid="refund-run" loading={running} disabled={running} aria-busy={running}>
            {running ? t('refunds.running') : t('refunds.run')}
          </Button>
        </Popconfirm>
        <Typography.Text type="secondary">{running ? t('refunds.runningHint') : t('refunds.runHint')}</Typography.Text>
      </Flex>
      {running && <JobProgress job={job} label={t('refunds.progress')} />}
      {error !== undefined && (
        <Alert
          type={interrupted(error) ? 'warning' : 'error'}
          showIcon
          data-testid="refund-run-error"
          message={t(interrupted(error) ? 'refunds.interruptedTitle' : 'refunds.runFailed')}
          description={jobFailureText(t, error)}
          closable
          onClose={() => setError(undefined)}
        />
      )}
      {summary && (
        <Alert
          type="success"
          showIcon
          data-testid="refund-run-summary"
          message={t('refunds.summaryTitle', { season: seasonLabel(t, summary.season) })}
          description={
            <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
              <Descriptions.Item label={t('refunds.summary.households')}>{summary.households}</Descriptions.Item>
              <Descriptions.Item label={t('refunds.summary.written')}>{summary.written}</Descriptions.Item>
              <Descriptions.Item label={t('refunds.summary.kept')}>{summary.kept}</Descriptions.Item>
              <Descriptions.Item label={t('refunds.summary.withoutFee')}>{summary.without_fee}</Descriptions.Item>
              <Descriptions.Item label={t('refunds.summary.total')}>{formatFen(summary.refund_fen)}</Descriptions.Item>
              <Descriptions.Item label={t('refund.coveredTo')}>{formatDate(summary.covered_to)}</Descriptions.Item>
            </Descriptions>
          }
        />
      )}
    </Flex>
  );
}
