// 停热管理 (/outages; admin, manager, agent record; technician and regulator read): the heating
// stops with their kind, cause, times, the households and area they cut off, and whether their
// notices went out in time (按时 / 逾期 / 待通知, from the obligations R-OUT-1 sets; 超时 when a
// stop ran past its announced restoration). 停热登记 opens the record drawer. The company filter
// (admin, regulator), the page size and the cursor trail live in the URL; paged by cursor as the
// API pages (10/20/50).
import { PlusOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { Button, Card, Flex, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { Outage } from '../api/types';
import { useAuth } from '../auth';
import CursorPager from '../components/CursorPager';
import { PageError } from '../components/PageState';
import { useNow } from '../components/useNow';
import { useRecordList } from '../components/useRecordList';
import { formatDateTime } from '../format';
import { useT } from '../i18n';
import { canRecord, formatArea, listQuery, outagePhase, readFilters, writeFilters, type OutageFilters } from './outages/logic';
import { KindTag, NoticeStatusTags, PhaseTag } from './outages/parts';
import RecordDrawer from './outages/RecordDrawer';
import { CompanyFilter, useCompanies } from '../components/companies';

export default function Outages() {
  const t = useT();
  const { me } = useAuth();
  const { filters, go, list, table, pager } = useRecordList<Outage, OutageFilters>({ path: '/api/v1/outages', readFilters, writeFilters, listQuery, drawer: false });
  // The admin and the regulator see every company's stops: they filter by one, and the admin
  // names the one a stop is recorded for.
  const crossCompany = me?.role === 'admin' || me?.role === 'regulator';
  const companies = useCompanies(crossCompany);
  const [recording, setRecording] = useState(false);
  const now = useNow(60_000);
  const mayRecord = canRecord(me?.role);

  return (
    <PageContainer
      title={t('menu.outages')}
      extra={
        mayRecord ? (
          <Button type="primary" icon={<PlusOutlined />} data-testid="outage-record" disabled={me?.role === 'admin' && !companies.loaded} onClick={() => setRecording(true)}>
            {t('outage.record')}
          </Button>
        ) : undefined
      }
    >
      <Card
        size="small"
        title={t('outage.list')}
        extra={
          crossCompany ? (
            <CompanyFilter companies={companies} ariaLabel={t('outage.company')} value={filters.company} onChange={(company: string) => go({ company })} allLabel={t('outage.allCompanies')} />
          ) : undefined
        }
      >
        {list.error ? (
          <PageError error={list.error} onRetry={list.reload} />
        ) : (
          <>
            <Table<Outage>
              data-testid="outage-list"
              size="small"
              scroll={{ x: 1200 }}
              locale={{ emptyText: t('outage.none') }}
              {...table}
              columns={[
                { title: t('outage.id'), dataIndex: 'id', width: 70, render: (id: number) => <Link to={`/outages/${id}`}>{id}</Link> },
                ...(crossCompany
                  ? [{ title: t('outage.company'), dataIndex: 'company_id', width: 150, ellipsis: true, render: (id: number) => companies.nameOf(id) }]
                  : []),
                {
                  title: t('outage.kindLabel'),
                  key: 'kind',
                  width: 130,
                  render: (_: unknown, o) => (
                    <Flex gap={4} wrap="wrap">
                      <KindTag kind={o.kind} />
                      <PhaseTag phase={outagePhase(o, now)} />
                    </Flex>
                  ),
                },
                { title: t('outage.cause'), dataIndex: 'cause', ellipsis: true },
                { title: t('outage.start'), dataIndex: 'start', width: 140, render: (v: string) => formatDateTime(v) },
                {
                  title: t('outage.restore'),
                  key: 'end',
                  width: 170,
                  render: (_: unknown, o) =>
                    o.actual_end ? (
                      t('outage.actualEndShort', { at: formatDateTime(o.actual_end) })
                    ) : (
                      <Typography.Text type={o.overrun ? 'danger' : undefined}>{t('outage.expectedEndShort', { at: formatDateTime(o.expected_end) })}</Typography.Text>
                    ),
                },
                { title: t('outage.households'), dataIndex: 'affected_households', width: 90, align: 'right', render: (n: number) => t('outage.householdsValue', { n }) },
                { title: t('outage.area'), dataIndex: 'affected_area_m2', width: 120, align: 'right', render: (v: number) => formatArea(v) },
                { title: t('outage.noticeStatus'), key: 'notice', width: 130, render: (_: unknown, o) => <NoticeStatusTags outage={o} /> },
                {
                  title: t('outage.actions'),
                  key: 'detail',
                  width: 70,
                  fixed: 'right',
                  render: (_: unknown, o) => (
                    <Link to={`/outages/${o.id}`} aria-label={t('outage.detailOf', { id: o.id })}>
                      {t('common.detail')}
                    </Link>
                  ),
                },
              ]}
            />
            <CursorPager {...pager} />
          </>
        )}
      </Card>
      {recording && (
        <RecordDrawer
          companies={me?.role === 'admin' ? companies.list : undefined}
          onClose={() => setRecording(false)}
          onDone={() => {
            setRecording(false);
            list.reload();
          }}
        />
      )}
    </PageContainer>
  );
}
