// 统计报表 › 五项指标 (/reports/indicators; admin, manager, agent, regulator): a company's five
// service indicators (W 14.4 table 1) of a month, live from the current records, and the months
// published (W 14.4.6), which never change. The month (the previous one by default: a month is
// published once it is over) and the company (admin, regulator) live in the URL, with the
// published list's page size and cursor trail (10/20/50, paged on the server). A published row
// opens its figures and the records behind them. 发布 (admin, manager) publishes a month.
import { CloudUploadOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { Alert, Button, Card, Checkbox, DatePicker, Flex, Select, Skeleton, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { Page } from '../api/client';
import type { Company, IndicatorPublication, IndicatorReport } from '../api/types';
import { useApi } from '../api/useApi';
import { useAuth } from '../auth';
import CursorPager from '../components/CursorPager';
import { PageError } from '../components/PageState';
import { beijingToday, formatDateTime } from '../format';
import { useT } from '../i18n';
import { canPublish, crossCompany, INDICATOR_RULES, liveQuery, monthOf, pickedMonth, publishedQuery, readFilters, writeFilters, type IndicatorFilters } from './indicators/logic';
import { FigureTag, IndicatorReportView, indicatorName } from './indicators/parts';
import PublicationDrawer from './indicators/PublicationDrawer';
import PublishModal from './indicators/PublishModal';

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export default function Indicators() {
  const t = useT();
  const { me } = useAuth();
  const [params, setParams] = useSearchParams();
  const today = beijingToday();
  const filters = readFilters(params, today);
  const cross = crossCompany(me?.role);
  const companies = useApi<Page<Company>>(cross ? '/api/v1/companies' : null, { limit: 1000 });
  const companyList = useMemo(() => companies.data?.items ?? [], [companies.data]);
  const live = useApi<IndicatorReport>('/api/v1/reports/indicators', liveQuery(filters));
  const published = useApi<Page<IndicatorPublication>>('/api/v1/indicators/publications', publishedQuery(filters));
  const [publishing, setPublishing] = useState(false);
  const [open, setOpen] = useState<IndicatorPublication>();
  const mayPublish = canPublish(me?.role);

  const go = useCallback(
    (changes: Partial<IndicatorFilters>) => {
      const next = { ...filters, ...changes };
      if (changes.trail === undefined) next.trail = [];
      setParams(writeFilters(next));
    },
    [filters, setParams],
  );

  return (
    <PageContainer
      title={t('menu.indicators')}
      extra={
        <Flex gap={8} wrap="wrap">
          <DatePicker
            picker="month"
            format="YYYY-MM"
            allowClear={false}
            aria-label={t('indicators.month')}
            value={dayjs(`${filters.month}-01`)}
            disabledDate={(d) => (pickedMonth(d) ?? '') > monthOf(today)}
            onChange={(d) => {
              const month = pickedMonth(d);
              if (month) go({ month });
            }}
          />
          {cross && (
            <Select
              aria-label={t('indicators.company')}
              value={filters.company}
              style={{ width: 220 }}
              loading={companies.loading}
              onChange={(company: string) => go({ company })}
              options={[{ value: '', label: t('indicators.allCompanies') }, ...companyList.map((c) => ({ value: String(c.id), label: `${c.code} ${c.name}` }))]}
            />
          )}
          {mayPublish && (
            <Button type="primary" icon={<CloudUploadOutlined />} data-testid="indicators-publish" disabled={me?.role === 'admin' && !companies.data} onClick={() => setPublishing(true)}>
              {t('indicators.publish')}
            </Button>
          )}
        </Flex>
      }
    >
      <Flex vertical gap={16}>
        <Card size="small" title={t('indicators.live', { month: filters.month })} data-testid="indicators-live">
          {live.error ? (
            <Alert type="error" showIcon message={errorText(live.error)} />
          ) : !live.data ? (
            <Skeleton active />
          ) : (
            <Flex vertical gap={12}>
              <Typography.Text type="secondary">
                {t('indicators.liveHint', { from: live.data.from, until: live.data.until, at: formatDateTime(live.data.generated_at) })}
              </Typography.Text>
              <IndicatorReportView report={live.data} detailed />
            </Flex>
          )}
        </Card>
        <Card
          size="small"
          title={t('indicators.published')}
          extra={
            <Checkbox checked={filters.onlyMonth} onChange={(e) => go({ onlyMonth: e.target.checked })} data-testid="indicators-only-month">
              {t('indicators.onlyMonth', { month: filters.month })}
            </Checkbox>
          }
        >
          <Typography.Paragraph type="secondary">{t('indicators.publishedHint')}</Typography.Paragraph>
          {published.error ? (
            <PageError error={published.error} onRetry={published.reload} />
          ) : (
            <>
              <Table<IndicatorPublication>
                data-testid="indicators-published"
                size="small"
                rowKey="id"
                loading={published.loading}
                dataSource={published.data?.items ?? []}
                pagination={false}
                scroll={{ x: 1180 }}
                locale={{ emptyText: t('indicators.noPublished') }}
                onRow={(p) => ({ onClick: () => setOpen(p), style: { cursor: 'pointer' } })}
                columns={[
                  { title: t('indicators.month'), dataIndex: 'month', width: 90 },
                  { title: t('indicators.company'), key: 'company', width: 170, ellipsis: true, render: (_: unknown, p) => `${p.company_code} ${p.company_name}` },
                  ...INDICATOR_RULES.map((rule) => ({
                    title: indicatorName(t, rule),
                    key: rule,
                    width: 120,
                    render: (_: unknown, p: IndicatorPublication) => <FigureTag indicator={p.indicators.find((i) => i.rule === rule)} />,
                  })),
                  { title: t('indicators.publishedAt'), dataIndex: 'published_at', width: 140, render: (v: string) => formatDateTime(v) },
                  { title: t('indicators.publishedBy'), dataIndex: 'published_by', width: 100, ellipsis: true },
                  {
                    title: t('indicators.actions'),
                    key: 'detail',
                    width: 70,
                    fixed: 'right' as const,
                    render: (_: unknown, p: IndicatorPublication) => (
                      <Button
                        type="link"
                        size="small"
                        style={{ padding: 0 }}
                        aria-label={t('indicators.detailOf', { company: p.company_code, month: p.month })}
                        onClick={(e) => {
                          e.stopPropagation();
                          setOpen(p);
                        }}
                      >
                        {t('common.detail')}
                      </Button>
                    ),
                  },
                ]}
              />
              <CursorPager
                page={filters.trail.length + 1}
                hasNext={!!published.data?.next_cursor}
                size={filters.size}
                loading={published.loading}
                onPrev={() => go({ trail: filters.trail.slice(0, -1) })}
                onNext={() => published.data?.next_cursor && go({ trail: [...filters.trail, String(published.data.next_cursor)] })}
                onSize={(size) => go({ size })}
              />
            </>
          )}
        </Card>
      </Flex>
      {publishing && (
        <PublishModal
          companies={me?.role === 'admin' ? companyList : undefined}
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
    </PageContainer>
  );
}
