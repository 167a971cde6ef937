// 监管中心 › 群体投诉预警 (/regulator/mass-complaints; admin, regulator, manager, agent): the
// communities whose complaints reached R-REG-1's threshold (Z 3.4: 20 within 24 hours, a
// platform default), as the server flagged them to the regulator and the company. Paged on the
// server (10/20/50) with the period (when the threshold was reached; the server's last 30 days
// by default), the company (admin, regulator; staff see their own company's, the server scopes
// it), the page size and the cursor trail in the URL. A row opens its work orders, the one that
// reached the threshold marked; each links to its page when the role has work orders.
import { PageContainer } from '@ant-design/pro-components';
import { Alert, Card, DatePicker, Flex, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link, matchPath } from 'react-router-dom';
import type { MassComplaint } from '../api/types';
import { useAuth } from '../auth';
import { pickerClear } from '../components/a11y';
import CursorPager from '../components/CursorPager';
import { PageError } from '../components/PageState';
import { useRecordList } from '../components/useRecordList';
import { formatDateTime } from '../format';
import { useT } from '../i18n';
import { PAGES } from '../routes';
import { pickedDate } from './findings/logic';
import { CompanyFilter, useCompanies } from '../components/companies';
import {
  crossCompany,
  DEFAULT_PERIOD_DAYS,
  DEFAULT_THRESHOLD,
  DEFAULT_WINDOW_HOURS,
  episodeOrders,
  listQuery,
  periodOrdered,
  readFilters,
  writeFilters,
  type MassFilters,
} from './massComplaints/logic';

function EpisodeOrders({ item, mayOpen }: { item: MassComplaint; mayOpen: boolean }) {
  const t = useT();
  const orders = episodeOrders(item);
  return (
    <Flex vertical gap={8} data-testid="mass-complaint-orders">
      <Typography.Text type="secondary">
        {t('massComplaints.orders', { n: orders.length })} · {t('massComplaints.policy', { policy: item.policy })} · {t('massComplaints.ordersHint')}
      </Typography.Text>
      <Flex gap={8} wrap="wrap">
        {orders.map((o) => {
          const text = t('massComplaints.order', { id: o.id });
          return (
            <span key={o.id} data-testid="mass-complaint-order" data-reached={o.reached ? 'true' : undefined}>
              {mayOpen ? <Link to={`/work-orders/${o.id}`}>{text}</Link> : text}
              {o.reached && (
                <Tag color="red" style={{ marginInlineStart: 4 }} data-testid="mass-complaint-reached">
                  {t('massComplaints.reached')}
                </Tag>
              )}
            </span>
          );
        })}
      </Flex>
    </Flex>
  );
}

export default function MassComplaints() {
  const t = useT();
  const { me } = useAuth();
  const cross = crossCompany(me?.role);
  // A period out of order is not asked (the page says so instead).
  const { filters, go, list, table, pager } = useRecordList<MassComplaint, MassFilters>({
    path: '/api/v1/complaints/mass',
    readFilters,
    writeFilters,
    listQuery: (f) => (periodOrdered(f) ? listQuery(f, cross) : null),
    drawer: false,
  });
  const ordered = periodOrdered(filters);
  // The companies' names: every one for the admin and the regulator, the staff's own otherwise
  // (the server scopes the list); an id not among them shows as #id.
  const companies = useCompanies(true);
  // A link only to a page the role has (the regulator opens no work order).
  const mayOpen = !!me && PAGES.some((p) => p.roles.includes(me.role) && matchPath(p.path, '/work-orders/1'));

  const period =
    filters.from && filters.to
      ? t('massComplaints.period', { from: filters.from, to: filters.to })
      : filters.from
        ? t('massComplaints.periodFrom', { from: filters.from })
        : filters.to
          ? t('massComplaints.periodTo', { to: filters.to })
          : t('massComplaints.defaultPeriod', { days: DEFAULT_PERIOD_DAYS });

  return (
    <PageContainer
      title={t('menu.massComplaints')}
      extra={
        <Flex gap={8} wrap="wrap">
          <DatePicker.RangePicker
            aria-label={t('massComplaints.dateRange')}
            placeholder={[t('massComplaints.from'), t('massComplaints.to')]}
            format="YYYY-MM-DD"
            allowEmpty={[true, true]}
            allowClear={pickerClear(t)}
            value={[filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]}
            onChange={(range) => go({ from: pickedDate(range?.[0]) ?? '', to: pickedDate(range?.[1]) ?? '' })}
          />
          {cross && (
            <CompanyFilter companies={companies} ariaLabel={t('massComplaints.companyFilter')} value={filters.company} onChange={(company: string) => go({ company })} allLabel={t('massComplaints.allCompanies')} />
          )}
        </Flex>
      }
    >
      <Flex vertical gap={16}>
        <Alert type="info" showIcon data-testid="mass-complaints-rule" message={t('massComplaints.rule', { hours: DEFAULT_WINDOW_HOURS, n: DEFAULT_THRESHOLD })} />
        <Card size="small">
          <Typography.Paragraph type="secondary" data-testid="mass-complaints-period">
            {period}
          </Typography.Paragraph>
          {!ordered ? (
            <Alert type="warning" showIcon message={t('massComplaints.disordered')} />
          ) : list.error ? (
            <PageError error={list.error} onRetry={list.reload} />
          ) : (
            <>
              <Table<MassComplaint>
                data-testid="mass-complaints"
                size="small"
                scroll={{ x: 1240 }}
                locale={{ emptyText: t('massComplaints.none') }}
                {...table}
                expandable={{ expandedRowRender: (r) => <EpisodeOrders item={r} mayOpen={mayOpen} /> }}
                columns={[
                  {
                    title: t('massComplaints.company'),
                    dataIndex: 'company_id',
                    width: 170,
                    ellipsis: true,
                    render: (id: number) => companies.nameOf(id),
                  },
                  {
                    title: t('massComplaints.community'),
                    dataIndex: 'community',
                    width: 160,
                    render: (c: string) => <span data-testid="mass-complaint-community">{c}</span>,
                  },
                  {
                    title: t('massComplaints.complaints'),
                    dataIndex: 'complaints',
                    width: 100,
                    align: 'right',
                    render: (n: number) => t('massComplaints.complaintsValue', { n }),
                  },
                  { title: t('massComplaints.firstAt'), dataIndex: 'first_at', width: 140, render: (v: string) => formatDateTime(v) },
                  { title: t('massComplaints.reachedAt'), dataIndex: 'reached_at', width: 140, render: (v: string) => formatDateTime(v) },
                  { title: t('massComplaints.lastAt'), dataIndex: 'last_at', width: 140, render: (v: string) => formatDateTime(v) },
                  {
                    title: t('massComplaints.criterion'),
                    key: 'criterion',
                    width: 150,
                    render: (_: unknown, r) => <Tag color="blue">{t('massComplaints.criterionValue', { hours: r.window_hours, n: r.threshold })}</Tag>,
                  },
                  { title: t('massComplaints.flaggedAt'), dataIndex: 'flagged_at', width: 140, render: (v: string) => formatDateTime(v) },
                ]}
              />
              <CursorPager {...pager} />
            </>
          )}
        </Card>
      </Flex>
    </PageContainer>
  );
}
