// 出账记录: the billing runs (GET /api/v1/billing-runs), newest first, paged by cursor as the API
// pages (10/20/50; the pager's trail is the tab's own, the URL's is the bills'): the season, the
// company (admin, regulator), the due date, the bills issued, the households skipped (billed
// already), not billed (stopped) and billed by area instead of by meter, the refunds offset, the
// total, and who ran it when. The page keys it by the company and its runs, so another company or a
// new run starts again from the first page.
import { Table, Tag } from 'antd';
import { useState } from 'react';
import type { Page } from '../../api/client';
import type { Company } from '../../api/types';
import { useApi } from '../../api/useApi';
import CursorPager from '../../components/CursorPager';
import { PageError } from '../../components/PageState';
import { formatDate, formatDateTime } from '../../format';
import { useT } from '../../i18n';
import { money, runsQuery } from './logic';
import { seasonRange } from './parts';
import type { BillingRun } from './types';
import { companyLabel } from '../../components/companies';

export interface BillingRunsProps {
  /** The company filter (admin, regulator); '' for all. */
  company: string;
  cross: boolean;
  /** For the admin and the regulator: the companies' names. */
  companies?: Company[];
}

export default function BillingRuns({ company, cross, companies }: BillingRunsProps) {
  const t = useT();
  const [trail, setTrail] = useState<string[]>([]);
  const [size, setSize] = useState(10);
  const runs = useApi<Page<BillingRun>>('/api/v1/billing-runs', runsQuery(company, cross, size, trail[trail.length - 1]));
  const nextCursor = runs.data?.next_cursor;
  const companyName = (id: number) => {
    const c = companies?.find((x) => x.id === id);
    return c ? companyLabel(c) : `#${id}`;
  };

  if (runs.error) return <PageError error={runs.error} onRetry={runs.reload} />;
  return (
    <>
      <Table<BillingRun>
        data-testid="billing-run-list"
        size="small"
        rowKey="id"
        scroll={{ x: 1300 }}
        loading={runs.loading}
        pagination={false}
        dataSource={runs.data?.items ?? []}
        locale={{ emptyText: t('billingRun.none') }}
        columns={[
          { title: t('billingRun.id'), dataIndex: 'id', width: 70 },
          { title: t('bill.season'), dataIndex: 'season', width: 100, render: (s: number) => seasonRange(t, s) },
          ...(cross ? [{ title: t('bill.company'), dataIndex: 'company_id', width: 180, ellipsis: true, render: (id: number) => companyName(id) }] : []),
          { title: t('bill.dueOn'), dataIndex: 'due_on', width: 110, render: (v: string) => formatDate(v) },
          {
            title: t('billingRun.col.state'),
            dataIndex: 'finished',
            width: 90,
            render: (done: boolean) =>
              done ? <Tag color="success">{t('billingRun.finished')}</Tag> : <Tag color="warning">{t('billingRun.unfinished')}</Tag>,
          },
          { title: t('billingRun.col.issued'), dataIndex: 'issued', width: 90, align: 'right' as const },
          { title: t('billingRun.col.alreadyBilled'), dataIndex: 'already_billed', width: 110, align: 'right' as const },
          { title: t('billingRun.col.notHeated'), dataIndex: 'not_heated', width: 100, align: 'right' as const },
          { title: t('billingRun.col.meterByArea'), dataIndex: 'meter_by_area', width: 150, align: 'right' as const },
          { title: t('billingRun.col.offsets'), dataIndex: 'offsets', width: 120, align: 'right' as const, render: (v: string) => money(v) },
          { title: t('billingRun.col.total'), dataIndex: 'total', width: 140, align: 'right' as const, render: (v: string) => money(v) },
          { title: t('billingRun.runBy'), dataIndex: 'run_by', width: 120, ellipsis: true },
          { title: t('billingRun.runAt'), dataIndex: 'run_at', width: 140, render: (v: string) => formatDateTime(v) },
        ]}
      />
      <CursorPager
        page={trail.length + 1}
        hasNext={!!nextCursor}
        size={size}
        loading={runs.loading}
        onPrev={() => setTrail((old) => old.slice(0, -1))}
        onNext={() => {
          if (nextCursor) setTrail((old) => [...old, String(nextCursor)]);
        }}
        onSize={(n) => {
          setSize(n);
          setTrail([]);
        }}
      />
    </>
  );
}
