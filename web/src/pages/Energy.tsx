// 能源储备 (/energy; admin, manager, technician report; the regulator reads): W 6.2's fuel reserve
// of at least 30 days' consumption and its daily dispatch report (R-ENERGY-1). The season's flags
// per company (missing report days amber, low-reserve spells red, the basis stated), the reserve
// days of the listed reports as a line per fuel against the threshold, and the reports, paged on
// the server (10/20/50) with the fuel and dates filters, the company filter (admin, regulator),
// the page size and the cursor trail in the URL. 填报日报 opens the report drawer; a report filed
// reloads the list and the flags.
import { PlusOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { Alert, Button, Card, DatePicker, Empty, Flex, Select, Skeleton, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import type { Page } from '../api/client';
import type { EnergyFlags, EnergyReport } from '../api/types';
import { useApi } from '../api/useApi';
import { useAuth } from '../auth';
import { pickerClear } from '../components/a11y';
import CursorPager from '../components/CursorPager';
import { PageError } from '../components/PageState';
import { useRecordList } from '../components/useRecordList';
import { formatDateTime, MISSING } from '../format';
import { useT } from '../i18n';
import FlagsPanel from './energy/FlagsPanel';
import { canReport, ENERGY_FUELS, listQuery, readFilters, reserveSeries, writeFilters, reserveRule, type EnergyFilters, type ReserveSeries } from './energy/logic';
import { fuelText, quantityText, ReserveDays } from './energy/parts';
import ReportDrawer from './energy/ReportDrawer';
import ReserveChart from './energy/ReserveChart';
import type { TrendInput } from './energy/trendOption';
import { pickedDate } from './findings/logic';
import { errorText } from '../api/client';
import { CompanyFilter, useCompanies } from '../components/companies';

export default function Energy() {
  const t = useT();
  const { me } = useAuth();
  const { filters, go, list, table, pager } = useRecordList<EnergyReport, EnergyFilters>({ path: '/api/v1/energy/reports', readFilters, writeFilters, listQuery, drawer: false });
  const flags = useApi<EnergyFlags>('/api/v1/energy/flags', { company: filters.company || undefined });
  // The chart shows the whole range (the filters', else the season's so far), not the table's page.
  const chartFrom = filters.from || flags.data?.from;
  const chartTo = filters.to || flags.data?.to;
  const chart = useApi<Page<EnergyReport>>(chartFrom ? '/api/v1/energy/reports' : null, {
    company: filters.company || undefined,
    fuel: filters.fuel || undefined,
    from: chartFrom,
    to: chartTo,
    limit: 1000,
  });
  // The admin and the regulator see every company's reports: they filter by one, and the admin
  // names the one a report is filed for.
  const crossCompany = me?.role === 'admin' || me?.role === 'regulator';
  const companies = useCompanies(crossCompany);
  const [reporting, setReporting] = useState(false);
  const mayReport = canReport(me?.role);

  const items = useMemo(() => list.data?.items ?? [], [list.data]);
  const chartItems = useMemo(() => chart.data?.items ?? [], [chart.data]);
  const { threshold, basis } = reserveRule(items, flags.data);
  const trend = useMemo<TrendInput>(() => {
    const name = (s: ReserveSeries) => {
      const fuel = fuelText(t, s.fuel);
      return s.key === s.fuel ? fuel : `${companies.nameOf(s.company_id)} · ${fuel}`;
    };
    return {
      series: reserveSeries(chartItems),
      threshold,
      name,
      labels: { threshold: t('energy.threshold', { days: threshold, basis }), axis: t('energy.daysAxis'), days: (n: string) => (n === MISSING ? n : t('energy.daysValue', { n })) },
    };
  }, [chartItems, threshold, basis, companies.nameOf, t]);
  const lowCount = chartItems.filter((r) => r.low).length;

  return (
    <PageContainer
      title={t('menu.energy')}
      extra={
        <Flex gap={8} wrap="wrap">
          {crossCompany && (
            <CompanyFilter companies={companies} ariaLabel={t('energy.company')} value={filters.company} onChange={(company: string) => go({ company })} allLabel={t('energy.allCompanies')} />
          )}
          {mayReport && (
            <Button type="primary" icon={<PlusOutlined />} data-testid="energy-report" disabled={me?.role === 'admin' && !companies.loaded} onClick={() => setReporting(true)}>
              {t('energy.report')}
            </Button>
          )}
        </Flex>
      }
    >
      <Flex vertical gap={16}>
        <Card
          size="small"
          title={flags.data ? `${t('energy.flags', { season: flags.data.season })} · ${t('energy.period', { from: flags.data.from, to: flags.data.to })}` : t('energy.flagsTitle')}
          extra={<Tag color="blue">{t('energy.basisLine', { basis, days: threshold })}</Tag>}
        >
          {flags.error ? <Alert type="error" showIcon message={errorText(flags.error)} /> : !flags.data ? <Skeleton active /> : <FlagsPanel flags={flags.data} />}
        </Card>
        <Card size="small" title={t('energy.reports')}>
          <Flex gap={8} wrap="wrap" style={{ marginBottom: 12 }}>
            <Select
              allowClear
              aria-label={t('energy.fuel')}
              placeholder={t('energy.allFuels')}
              style={{ width: 140 }}
              value={filters.fuel || undefined}
              onChange={(fuel?: EnergyFilters['fuel']) => go({ fuel: fuel ?? '' })}
              options={ENERGY_FUELS.map((f) => ({ value: f, label: fuelText(t, f) }))}
            />
            <DatePicker.RangePicker
              aria-label={t('energy.dateRange')}
              placeholder={[t('energy.from'), t('energy.to')]}
              format="YYYY-MM-DD"
              allowEmpty={[true, true]}
              allowClear={pickerClear(t)}
              value={[filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]}
              onChange={(range) => go({ from: pickedDate(range?.[0]) ?? '', to: pickedDate(range?.[1]) ?? '' })}
            />
          </Flex>
          {list.error ? (
            <PageError error={list.error} onRetry={list.reload} />
          ) : (
            <>
              <Typography.Title level={5} style={{ marginTop: 0 }}>
                {t('energy.trend')}
              </Typography.Title>
              <Typography.Text type="secondary">{t('energy.trendHint', { days: threshold })}</Typography.Text>
              {chart.loading && !chart.data ? (
                <Skeleton active />
              ) : trend.series.length === 0 ? (
                <Empty description={t('energy.trendEmpty')} />
              ) : (
                <ReserveChart input={trend} ariaLabel={t('energy.trendSummary', { n: chartItems.length, low: lowCount, days: threshold })} />
              )}
              <Table<EnergyReport>
                data-testid="energy-list"
                size="small"
                style={{ marginTop: 12 }}
                scroll={{ x: 1200 }}
                locale={{ emptyText: t('energy.none') }}
                {...table}
                columns={[
                  { title: t('energy.day'), dataIndex: 'day', width: 110 },
                  ...(crossCompany
                    ? [{ title: t('energy.company'), dataIndex: 'company_id', width: 150, ellipsis: true, render: (id: number) => companies.nameOf(id) }]
                    : []),
                  { title: t('energy.fuel'), dataIndex: 'fuel', width: 90, render: (f: string) => fuelText(t, f) },
                  { title: t('energy.stock'), key: 'stock', width: 150, align: 'right', render: (_: unknown, r) => quantityText(t, r.stock, r.unit) },
                  { title: t('energy.consumption'), key: 'consumption', width: 150, align: 'right', render: (_: unknown, r) => quantityText(t, r.consumption, r.unit) },
                  {
                    title: t('energy.reserveDays'),
                    key: 'reserve',
                    width: 170,
                    render: (_: unknown, r) => <ReserveDays days={r.reserve_days} low={r.low} threshold={r.threshold_days} basis={r.basis} />,
                  },
                  { title: t('energy.note'), dataIndex: 'note', ellipsis: true, render: (n: string) => n || t('common.none') },
                  { title: t('energy.reportedBy'), dataIndex: 'reported_by', width: 110, ellipsis: true },
                  { title: t('energy.reportedAt'), dataIndex: 'reported_at', width: 140, render: (v: string) => formatDateTime(v) },
                ]}
              />
              <CursorPager {...pager} />
            </>
          )}
        </Card>
      </Flex>
      {reporting && (
        <ReportDrawer
          companies={me?.role === 'admin' ? companies.list : undefined}
          company={me?.role === 'admin' && filters.company ? Number(filters.company) : undefined}
          threshold={threshold}
          basis={basis}
          onClose={() => setReporting(false)}
          onDone={() => {
            setReporting(false);
            list.reload();
            flags.reload();
          }}
        />
      )}
    </PageContainer>
  );
}
