// 工作台 (/dashboard, company roles): today's unqualified households, silent and out-of-range
// sensors, work orders due soon or overdue with live countdowns, the month's service indicators
// against their targets (as 五项指标 shows them, indicators/parts; not for technicians: the report
// route refuses them), the companies' energy alerts (能源储备预警, dashboard/EnergyAlerts; for the
// roles that open 能源储备), and the network as a treemap heat source → substation → building,
// coloured by today's unqualified households.
import { PageContainer } from '@ant-design/pro-components';
import { Alert, Card, Col, Empty, Flex, Row, Skeleton, Statistic, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { api, type Page, errorText } from '../api/client';
import { fetchAll, mapLimited } from '../api/pages';
import type { Alert as ApiAlert, UnqualifiedHousehold, UnqualifiedPage, Building, CalendarStatus, HeatSource, Household, IndicatorReport, NetworkSection, Partition, Substation, WorkOrder } from '../api/types';
import { useApi } from '../api/useApi';
import { useAuth } from '../auth';
import { namedPager } from '../components/a11y';
import CalendarWarning from '../components/CalendarWarning';
import Countdown from '../components/Countdown';
import DayStatusTag from '../components/DayStatusTag';
import NetworkTreemap from '../components/NetworkTreemap';
import { networkTree, treeCounts, type TreeNode } from '../components/networkTreeOption';
import { nextDeadline, orderCategory, orderDeadline, orderState } from '../components/orderWords';
import { addDays, beijingToday, formatDateTime, formatPercent, formatTemp, MISSING } from '../format';
import { useT, type MessageKey, type Translate } from '../i18n';
import { PAGES } from '../routes';
import EnergyAlerts from './dashboard/EnergyAlerts';
import { IndicatorReportView } from './indicators/parts';

const SENSOR_KINDS = ['silent', 'out-of-range', 'clock-skew'];
/** At most this many unqualified households are traced to their buildings for the treemap. */
const TRACE_LIMIT = 300;

function UnqualifiedToday({ alerts }: { alerts: ApiAlert[] }) {
  const t = useT();
  return (
    <Table<ApiAlert>
      size="small"
      rowKey={(a) => `${a.household_id}-${a.details.date ?? ''}`}
      dataSource={alerts}
      pagination={namedPager(t, { defaultPageSize: 10, pageSizeOptions: [10, 20, 50], showSizeChanger: true, showTotal: (n) => t('common.total', { n }) })}
      scroll={{ x: 640 }}
      locale={{ emptyText: t('dashboard.noUnqualified') }}
      columns={[
        {
          title: t('household.code'),
          dataIndex: 'household',
          render: (code: string | null, a) => (a.household_id ? <Link to={`/households/${a.household_id}`}>{code}</Link> : code ?? MISSING),
        },
        { title: t('days.status'), key: 'status', width: 90, render: () => <DayStatusTag status="unqualified" /> },
        { title: t('days.value'), key: 'value', width: 100, align: 'right', render: (_, a) => formatTemp(a.details.value) },
        { title: t('days.guarantee'), key: 'g', width: 100, align: 'right', render: (_, a) => formatTemp(a.details.guarantee) },
        { title: t('days.share'), key: 'share', width: 80, align: 'right', render: (_, a) => formatPercent(a.details.share_percent) },
      ]}
    />
  );
}

function UnqualifiedRecent({ list }: { list: UnqualifiedHousehold[] }) {
  const t = useT();
  return (
    <Table<UnqualifiedHousehold>
      size="small"
      rowKey="household_id"
      dataSource={list}
      pagination={namedPager(t, { defaultPageSize: 10, pageSizeOptions: [10, 20, 50], showSizeChanger: true, showTotal: (n) => t('common.total', { n }) })}
      scroll={{ x: 760 }}
      locale={{ emptyText: t('dashboard.noUnqualifiedRecent') }}
      columns={[
        { title: t('household.code'), dataIndex: 'household', render: (code: string, u) => <Link to={`/households/${u.household_id}`}>{code}</Link> },
        { title: t('dashboard.unqualifiedDays'), key: 'days', width: 120, align: 'right', render: (_, u) => t('dashboard.daysOf', { n: u.unqualified_days, judged: u.judged_days }) },
        { title: t('dashboard.lowest'), dataIndex: 'lowest_value', width: 100, align: 'right', render: (v: number) => formatTemp(v) },
        { title: t('dashboard.deepest'), dataIndex: 'deepest_shortfall', width: 110, align: 'right', render: (v: number) => formatTemp(v) },
        { title: t('dashboard.firstLast'), key: 'fl', width: 200, render: (_, u) => (u.first === u.last ? u.first : `${u.first} ~ ${u.last}`) },
      ]}
    />
  );
}

function SensorAlerts({ alerts }: { alerts: ApiAlert[] }) {
  const t = useT();
  return (
    <Table<ApiAlert>
      size="small"
      rowKey={(a) => `${a.kind}-${a.sensor_id}`}
      dataSource={alerts}
      pagination={namedPager(t, { defaultPageSize: 10, pageSizeOptions: [10, 20, 50], showSizeChanger: true, showTotal: (n) => t('common.total', { n }) })}
      scroll={{ x: 720 }}
      locale={{ emptyText: t('dashboard.noSensorAlerts') }}
      columns={[
        {
          title: t('dashboard.alertKind'),
          dataIndex: 'kind',
          width: 110,
          render: (k: string) => <Tag color={k === 'silent' ? 'default' : 'orange'}>{SENSOR_KINDS.includes(k) ? t(`alert.${k.replace(/-/g, '_')}` as MessageKey) : k}</Tag>,
        },
        { title: t('dashboard.sensor'), dataIndex: 'sensor', width: 140, render: (s: string | null) => s ?? MISSING },
        {
          title: t('household.code'),
          dataIndex: 'household',
          width: 160,
          render: (code: string | null, a) => (a.household_id ? <Link to={`/households/${a.household_id}`}>{code}</Link> : code ?? MISSING),
        },
        { title: t('dashboard.lastReading'), key: 'last', width: 150, render: (_, a) => (a.details.last_reading ? formatDateTime(a.details.last_reading) : t('dashboard.neverHeard')) },
        { title: t('dashboard.lastValue'), key: 'lv', width: 100, align: 'right', render: (_, a) => (a.details.last_value !== undefined ? formatTemp(a.details.last_value) : '—') },
        { title: t('dashboard.details'), key: 'm', ellipsis: true, render: (_, a) => a.details.message },
      ]}
    />
  );
}

function OrdersDue({ orders }: { orders: WorkOrder[] }) {
  const t = useT();
  return (
    <Table<WorkOrder>
      size="small"
      rowKey="id"
      dataSource={orders}
      pagination={namedPager(t, { defaultPageSize: 10, pageSizeOptions: [10, 20, 50], showSizeChanger: true, showTotal: (n) => t('common.total', { n }) })}
      scroll={{ x: 760 }}
      locale={{ emptyText: t('dashboard.noOrdersDue') }}
      columns={[
        { title: t('order.id'), dataIndex: 'id', width: 80, render: (id: number) => <Link to={`/work-orders/${id}`}>{id}</Link> },
        { title: t('order.category'), dataIndex: 'category', width: 100, render: (c: string) => orderCategory(t, c) },
        { title: t('order.state'), dataIndex: 'state', width: 90, render: (s: string) => orderState(t, s) },
        {
          title: t('order.deadline'),
          key: 'deadline',
          render: (_, o) => {
            const next = nextDeadline(o);
            if (!next) return t('common.none');
            return (
              <Flex gap={8} wrap="wrap" align="center">
                <Tag>{orderDeadline(t, next.name)}</Tag>
                <Countdown from={next.deadline.from} due={next.deadline.due} />
              </Flex>
            );
          },
        },
      ]}
    />
  );
}

interface Network {
  data: TreeNode[];
  traced: number;
  untraced: number;
}

/** The network and, for the unqualified households given (at most TRACE_LIMIT), their buildings. */
async function loadNetwork(householdIds: number[], signal: AbortSignal): Promise<Network> {
  const [sources, sections, substations, buildings, partitions] = await Promise.all([
    fetchAll<HeatSource>('/api/v1/heat_sources', {}, signal),
    fetchAll<NetworkSection>('/api/v1/network_sections', {}, signal),
    fetchAll<Substation>('/api/v1/substations', {}, signal),
    fetchAll<Building>('/api/v1/buildings', {}, signal),
    fetchAll<Partition>('/api/v1/partitions', {}, signal),
  ]);
  const buildingOfPartition = new Map(partitions.items.map((p) => [p.id, p.building_id]));
  const ids = [...new Set(householdIds)];
  const traced = ids.slice(0, TRACE_LIMIT);
  const households = await mapLimited(traced, 6, (id) => api.get<Household>(`/api/v1/households/${id}`, undefined, signal));
  const counts = new Map<number, number>();
  for (const h of households) {
    const b = buildingOfPartition.get(h.partition_id);
    if (b !== undefined) counts.set(b, (counts.get(b) ?? 0) + 1);
  }
  const complete = ids.length <= TRACE_LIMIT;
  return {
    data: networkTree({ heatSources: sources.items, sections: sections.items, substations: substations.items, buildings: buildings.items, unqualified: complete ? counts : undefined }),
    traced: traced.length,
    untraced: ids.length - traced.length,
  };
}

/** The treemap in words, for a screen reader: what it holds and, when known, the buildings with
 * an unqualified household on the day. */
function treeSummary(t: Translate, tree: TreeNode[], day: string): string {
  const c = treeCounts(tree);
  const counts = t('dashboard.networkAria', { name: t('dashboard.network'), sources: c.sources, substations: c.substations, buildings: c.buildings });
  return c.unqualifiedBuildings === undefined ? counts : `${counts}${t('dashboard.networkAriaUnqualified', { day, n: c.unqualifiedBuildings })}`;
}

function NetworkCard({ day }: { day: string }) {
  const t = useT();
  const [network, setNetwork] = useState<Network>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    const abort = new AbortController();
    fetchAll<UnqualifiedHousehold>('/api/v1/alerts/unqualified', { from: day, to: day }, abort.signal)
      .then((u) => loadNetwork(u.items.map((x) => x.household_id), abort.signal))
      .then((n) => !abort.signal.aborted && setNetwork(n))
      .catch((e) => !abort.signal.aborted && setError(e));
    return () => abort.abort();
  }, [day]);
  const tooltip = useCallback(
    (n: TreeNode) => (n.unqualified === undefined ? n.name : t('dashboard.treeTooltip', { name: n.name, n: n.unqualified })),
    [t],
  );
  if (error) return <Alert type="error" showIcon message={errorText(error)} />;
  if (!network) return <Skeleton active />;
  if (network.data.length === 0) return <Empty description={t('dashboard.noNetwork')} />;
  return (
    <Flex vertical gap={8}>
      <Typography.Text type="secondary">{t('dashboard.treeLegend', { day })}</Typography.Text>
      {network.untraced > 0 && <Alert type="info" showIcon message={t('dashboard.treeUntraced', { n: network.untraced + network.traced, limit: TRACE_LIMIT })} />}
      <NetworkTreemap data={network.data} root={t('dashboard.network')} tooltip={tooltip} ariaLabel={treeSummary(t, network.data, day)} />
    </Flex>
  );
}

export default function Dashboard() {
  const t = useT();
  const { me } = useAuth();
  const seesReports = me?.role !== 'technician';
  // The energy alerts link to 能源储备: only for the roles that open it (not the agent).
  const seesEnergy = !!me && PAGES.some((p) => p.path === '/energy' && p.roles.includes(me.role));
  const month = beijingToday().slice(0, 7);
  const calendar = useApi<CalendarStatus>('/api/v1/calendar');
  const alerts = useApi<Page<ApiAlert>>('/api/v1/alerts', { limit: 1000 });
  const overdue = useApi<Page<WorkOrder>>('/api/v1/work-orders', { overdue: 'true', limit: 100 });
  const dueSoon = useApi<Page<WorkOrder>>('/api/v1/work-orders', { due_within: '24h', limit: 100 });
  const indicators = useApi<IndicatorReport>(seesReports ? '/api/v1/reports/indicators' : null, { month });
  const recent = useApi<UnqualifiedPage>('/api/v1/alerts/unqualified', { limit: 1000 });
  const yesterday = addDays(beijingToday(), -1);

  const unqualified = useMemo(() => alerts.data?.items.filter((a) => a.kind === 'unqualified'), [alerts.data]);
  const sensorAlerts = useMemo(() => alerts.data?.items.filter((a) => SENSOR_KINDS.includes(a.kind)) ?? [], [alerts.data]);
  const orders = useMemo(() => {
    const byId = new Map<number, WorkOrder>();
    for (const o of [...(overdue.data?.items ?? []), ...(dueSoon.data?.items ?? [])]) byId.set(o.id, o);
    const due = (o: WorkOrder) => {
      const n = nextDeadline(o);
      return n ? Date.parse(n.deadline.due) : Infinity;
    };
    return [...byId.values()].sort((a, b) => due(a) - due(b));
  }, [overdue.data, dueSoon.data]);
  const overdueCount = overdue.data?.items.length ?? 0;

  return (
    <PageContainer title={t('menu.dashboard')}>
      <div data-testid="dashboard">
        <Flex vertical gap={16}>
          <CalendarWarning status={calendar.data} linkToSettings={me?.role === 'admin'} />
          <Row gutter={[12, 12]}>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title={t('dashboard.unqualifiedToday')} value={unqualified?.length ?? '—'} valueStyle={{ color: unqualified?.length ? '#cf1322' : undefined }} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title={t('alert.silent')} value={alerts.data ? sensorAlerts.filter((a) => a.kind === 'silent').length : '—'} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title={t('alert.out_of_range')} value={alerts.data ? sensorAlerts.filter((a) => a.kind === 'out-of-range').length : '—'} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic
                  title={t('dashboard.ordersOverdue')}
                  value={overdue.data ? `${overdueCount}${overdue.data.next_cursor ? '+' : ''}` : '—'}
                  valueStyle={{ color: overdueCount ? '#cf1322' : undefined }}
                />
              </Card>
            </Col>
          </Row>
          <Card size="small" title={t('dashboard.unqualifiedToday')}>
            {alerts.error ? <Alert type="error" showIcon message={errorText(alerts.error)} /> : !alerts.data ? <Skeleton active /> : <UnqualifiedToday alerts={unqualified ?? []} />}
          </Card>
          <Card size="small" title={recent.data ? t('dashboard.unqualifiedRecent', { from: recent.data.from, to: recent.data.to }) : t('dashboard.unqualifiedRecentTitle')}>
            {recent.error ? <Alert type="error" showIcon message={errorText(recent.error)} /> : !recent.data ? <Skeleton active /> : <UnqualifiedRecent list={recent.data.items} />}
          </Card>
          <Card size="small" title={t('dashboard.sensorAlerts')}>
            {alerts.error ? <Alert type="error" showIcon message={errorText(alerts.error)} /> : !alerts.data ? <Skeleton active /> : <SensorAlerts alerts={sensorAlerts} />}
          </Card>
          <Card size="small" title={t('dashboard.ordersDue')}>
            {overdue.error || dueSoon.error ? (
              <Alert type="error" showIcon message={errorText(overdue.error ?? dueSoon.error)} />
            ) : !overdue.data || !dueSoon.data ? (
              <Skeleton active />
            ) : (
              <OrdersDue orders={orders} />
            )}
          </Card>
          {seesEnergy && <EnergyAlerts alerts={alerts.data?.items} error={alerts.error} />}
          {seesReports && (
            <Card size="small" title={t('dashboard.indicators', { month })} extra={<Link to="/reports/indicators">{t('menu.indicators')}</Link>}>
              {indicators.error ? <Alert type="error" showIcon message={errorText(indicators.error)} /> : !indicators.data ? <Skeleton active /> : <IndicatorReportView report={indicators.data} empty={t('dashboard.noIndicators')} />}
            </Card>
          )}
          <Card size="small" title={t('dashboard.network')}>
            <NetworkCard day={yesterday} />
          </Card>
        </Flex>
      </div>
    </PageContainer>
  );
}
