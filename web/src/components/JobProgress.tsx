// A long run's progress (issue 14; api/useJob.ts follows the job): an antd Progress with the job's
// percent, named for a screen reader, and under it, in a live region, how many households are done
// of how many ("已处理 120 / 480 户"; "正在准备…" while the total is not known yet).
import { Flex, Progress, Typography } from 'antd';
import type { Job } from '../api/types';
import { useT } from '../i18n';

export interface JobProgressProps {
  /** The job as last read; undefined while the start's POST is under way. */
  job: Job | undefined;
  /** What runs, for the progress bar's aria-label ("退费核算进度"). */
  label: string;
}

export default function JobProgress({ job, label }: JobProgressProps) {
  const t = useT();
  const status = !job || job.state === 'running' ? 'active' : job.state === 'succeeded' ? 'success' : 'exception';
  return (
    <Flex vertical gap={4} data-testid="job-progress">
      <Progress percent={job?.percent ?? 0} status={status} aria-label={label} />
      <Typography.Text type="secondary" role="status" aria-live="polite" data-testid="job-progress-text">
        {job && job.total > 0 ? t('job.progress', { done: job.done, total: job.total }) : t('job.starting')}
      </Typography.Text>
    </Flex>
  );
}
