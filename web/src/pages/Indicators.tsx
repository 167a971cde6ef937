// 统计报表 › 五项指标 (/reports/indicators; admin, manager, agent, regulator): a company's five
// service indicators (W 14.4 table 1), live from the current records (GET /api/v1/indicators)
// over a month (按月, the previous one by default: a month is published once it is over) or a
// run of whole days (按日期区间, at most 366), for every district or one (then only its
// households, orders and heating stops count); and the months published (W 14.4.6), which never
// change and are per company and month only: the published list keeps the month (仅看 {month} in
// month mode; every month in range mode) and does not follow the district. The period (month, or
// from and to), the district and the company (admin, regulator) live in the URL, with the
// published list's page size and cursor trail (10/20/50, paged on the server). A refused live
// query (400) shows the server's message after the field it names, that control marked. Each
// live indicator's 查看记录 opens the records behind it as they stand now (its records_url, paged
// on the server). A published row opens its figures and the records behind them. 发布 (admin,
// manager) publishes a month.
import { CloudUploadOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { Alert, Button, Card, Flex, Skeleton, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { Page } from '../api/client';
import type { Indicator, IndicatorPublication, IndicatorReport } from '../api/types';
import { useApi } from '../api/useApi';
import { useAuth } from '../auth';
import { beijingToday, formatDateTime } from '../format';
import { useT, type Translate } from '../i18n';
import FilterBar from './indicators/FilterBar';
import { canPublish, crossCompany, liveQuery, liveRefusal, publishedQuery, readFilters, writeFilters, type IndicatorFilters } from './indicators/logic';
import LiveRecordsDrawer from './indicators/LiveRecordsDrawer';
import { IndicatorReportView, type ReportCompany } from './indicators/parts';
import PublicationDrawer from './indicators/PublicationDrawer';
import PublishedList from './indicators/PublishedList';
import PublishModal from './indicators/PublishModal';
import { errorText } from '../api/client';
import { useCompanies } from '../components/companies';

/** A failure in words: a 400 names its field first ("结束日期：…"), the others the server's message. */
function failureText(t: Translate, e: unknown): string {
  const refusal = liveRefusal(e);
  if (refusal?.field) return t('common.fieldError', { field: refusal.label ? t(refusal.label) : refusal.field, message: refusal.message });
  return errorText(e);
}

export default function Indicators() {
  const t = useT();
  const { me } = useAuth();
  const [params, setParams] = useSearchParams();
  const today = beijingToday();
  const filters = readFilters(params, today);
  const cross = crossCompany(me?.role);
  const companies = useCompanies(cross);
  const live = useApi<IndicatorReport>('/api/v1/indicators', liveQuery(filters));
  const published = useApi<Page<IndicatorPublication>>('/api/v1/indicators/publications', publishedQuery(filters));
  const [publishing, setPublishing] = useState(false);
  const [open, setOpen] = useState<IndicatorPublication>();
  const [records, setRecords] = useState<{ company: ReportCompany; indicator: Indicator }>();
  const mayPublish = canPublish(me?.role);

  const go = useCallback(
    (changes: Partial<IndicatorFilters>) => {
      const next = { ...filters, ...changes };
      if (changes.trail === undefined) next.trail = [];
      setParams(writeFilters(next));
    },
    [filters, setParams],
  );

  const period = filters.period === 'range' ? t('indicators.rangeText', { from: filters.from, to: filters.to }) : filters.month;
  // The district as the answer names it (not an older answer's, while the next one loads).
  const district = filters.district && live.data?.district && String(live.data.district.district_id) === filters.district ? live.data.district.district_name : undefined;

  return (
    <PageContainer
      title={t('menu.indicators')}
      extra={
        <Flex gap={8} wrap="wrap">
          <FilterBar filters={filters} today={today} go={go} companies={cross ? { list: companies.list, loading: companies.loading } : undefined} refused={liveRefusal(live.error)?.field} />
          {mayPublish && (
            <Button type="primary" icon={<CloudUploadOutlined />} data-testid="indicators-publish" disabled={me?.role === 'admin' && !companies.loaded} onClick={() => setPublishing(true)}>
              {t('indicators.publish')}
            </Button>
          )}
        </Flex>
      }
    >
      <Flex vertical gap={16}>
        <Card size="small" title={district ? t('indicators.liveDistrict', { period, district }) : t('indicators.live', { period })} data-testid="indicators-live">
          {live.error ? (
            <Alert type="error" showIcon message={failureText(t, live.error)} data-testid="indicators-live-error" />
          ) : !live.data ? (
            <Skeleton active />
          ) : (
            <Flex vertical gap={12}>
              <Typography.Text type="secondary">
                {t('indicators.liveHint', { from: live.data.from, until: live.data.until, at: formatDateTime(live.data.generated_at) })}
              </Typography.Text>
              {district && <Alert type="info" showIcon message={t('indicators.districtOnly', { district })} data-testid="indicators-district-note" />}
              <IndicatorReportView report={live.data} detailed onRecords={(company, indicator) => setRecords({ company, indicator })} />
            </Flex>
          )}
        </Card>
        <PublishedList filters={filters} published={published} go={go} onOpen={setOpen} />
      </Flex>
      {publishing && (
        <PublishModal
          companies={me?.role === 'admin' ? companies.list : undefined}
          company={me?.role === 'admin' && filters.company ? Number(filters.company) : undefined}
          month={filters.month}
          onClose={() => setPublishing(false)}
          onDone={() => {
            setPublishing(false);
            published.reload();
          }}
        />
      )}
      {open && <PublicationDrawer publication={open} onClose={() => setOpen(undefined)} />}
      {records && <LiveRecordsDrawer company={records.company} indicator={records.indicator} period={period} district={district} onClose={() => setRecords(undefined)} />}
    </PageContainer>
  );
}
