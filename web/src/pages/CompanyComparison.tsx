// 监管中心 › 企业对比 (/regulator/companies; admin, regulator): the companies side by side over a
// month (GET /api/v1/regulator/companies, R-REG-1): the five indicators (达标 green, 未达标 red,
// 不适用 grey), complaints and complaints per 10,000 households, on-time replies, return-visit
// satisfaction, company-caused heating stops, the season's refunds owed and paid (overdue ones
// red), the buildings outside the licence and the season announcements late or missing (R-SEASON-1,
// red, linking to their checks), and the subsidy score; a chart of complaints per 10,000
// households stacked by channel, beside the scores. The period (按月: a month, the previous one
// by default; or 按时段: a run of days, at most 366, with 整个供暖季 filling the current or last
// heating season 11-15 to 03-15) and the profile that scores (empty: the one every company uses;
// the server asks for one when they differ) live in the URL, the period as on 五项指标 (month, or
// from and to); 查询 asks, 导出Excel downloads the same period as a workbook. A refused period
// shows the server's message on the field.
import { PageContainer } from '@ant-design/pro-components';
import { Alert, Card, Empty, Flex, Skeleton, Table, Tag, Tooltip, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import type { CompanyComparison as Company } from '../api/types';
import { orderChannel } from '../components/orderWords';
import { PageError } from '../components/PageState';
import { formatFen } from '../format';
import { useT } from '../i18n';
import { INDICATOR_RULES } from './indicators/logic';
import { indicatorName } from './indicators/parts';
import { complaintsOption } from './regulator/chartOptions';
import { companyLabel, per10000Text, ratePercent, reportPeriodText } from './regulator/logic';
import { ComparisonToolbar, IndicatorCell, RefusalAlert, ReportLine, useComparison } from './regulator/parts';
import RegulatorChart from './regulator/RegulatorChart';
import Tip from '../components/Tip';

function count(n: number): string {
  return n.toLocaleString('en-US');
}

export default function CompanyComparison() {
  const t = useT();
  const comparison = useComparison(false, { ranges: true });
  const { report, failure } = comparison;
  // A refused query shows its refusal above, not the last answer.
  const data = report.error ? undefined : report.data;
  const companies = useMemo(() => data?.companies ?? [], [data]);
  const option = useMemo(
    () =>
      complaintsOption({
        companies,
        companyName: (c) => c.company_name || c.company_code,
        channelName: (ch) => orderChannel(t, ch),
        labels: { per10000: t('companies.per10000'), score: t('companies.score') },
      }),
    [companies, t],
  );
  const chartSummary = companies
    .map((c) => t('companies.chartSummary', { company: c.company_name || c.company_code, per10000: per10000Text(c.complaints.per_10000), score: c.score.points }))
    .join('；');

  return (
    <PageContainer title={t('menu.companyComparison')}>
      <Flex vertical gap={16}>
        <Alert type="info" showIcon data-testid="regulator-rule" message={t('regulator.rule')} />
        <Card size="small">
          <ComparisonToolbar comparison={comparison} withPool={false} applyText={t('regulator.query')} applyTestId="companies-query" />
        </Card>
        <RefusalAlert comparison={comparison} />
        {failure ? (
          <PageError error={failure} onRetry={report.reload} />
        ) : report.error ? null : !data ? (
          <Skeleton active />
        ) : (
          <>
            <Card size="small" title={t('companies.tableTitle', { month: reportPeriodText(t, data.month) })}>
              <Flex vertical gap={8}>
                <ReportLine report={data} />
                <Table<Company>
                  data-testid="companies-table"
                  size="small"
                  rowKey="company_id"
                  loading={report.loading}
                  dataSource={companies}
                  pagination={false}
                  scroll={{ x: 1830 }}
                  locale={{ emptyText: t('regulator.none') }}
                  columns={[
                    {
                      title: t('regulator.company'),
                      key: 'company',
                      width: 170,
                      fixed: 'left',
                      render: (_: unknown, c) => (
                        <Flex vertical>
                          <span data-testid="companies-name">{companyLabel(c)}</span>
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {t('regulator.companyPolicy', { policy: c.policy })}
                          </Typography.Text>
                        </Flex>
                      ),
                    },
                    { title: t('companies.households'), dataIndex: 'households', width: 90, align: 'right', render: (n: number) => count(n) },
                    ...INDICATOR_RULES.map((rule) => ({
                      title: indicatorName(t, rule),
                      key: rule,
                      width: 110,
                      render: (_: unknown, c: Company) => <IndicatorCell indicator={c.indicators.find((i) => i.rule === rule)} />,
                    })),
                    {
                      title: t('companies.complaints'),
                      key: 'complaints',
                      width: 90,
                      align: 'right',
                      render: (_: unknown, c) => (
                        <Tip title={t('companies.complaintsTip', { received: c.complaints.received, duplicates: c.complaints.duplicates, complaints: c.complaints.complaints })}>
                          <span data-testid="companies-complaints">{count(c.complaints.complaints)}</span>
                        </Tip>
                      ),
                    },
                    {
                      title: t('companies.per10000'),
                      key: 'per10000',
                      width: 100,
                      align: 'right',
                      render: (_: unknown, c) => <span data-testid="companies-per10000">{per10000Text(c.complaints.per_10000)}</span>,
                    },
                    {
                      title: t('companies.onTime'),
                      key: 'onTime',
                      width: 100,
                      align: 'right',
                      render: (_: unknown, c) => (
                        <Tip title={t('companies.onTimeTip', { due: c.replies.due, on_time: c.replies.on_time })}>
                          <span>{ratePercent(c.replies.rate)}</span>
                        </Tip>
                      ),
                    },
                    {
                      title: t('companies.satisfaction'),
                      key: 'satisfaction',
                      width: 100,
                      align: 'right',
                      render: (_: unknown, c) => (
                        <Tip
                          title={t('companies.satisfactionTip', {
                            satisfied: c.satisfaction.satisfied,
                            basic: c.satisfaction.basically_satisfied,
                            unsatisfied: c.satisfaction.unsatisfied,
                            not_visited: c.satisfaction.not_visited,
                          })}
                        >
                          <span>{ratePercent(c.satisfaction.rate)}</span>
                        </Tip>
                      ),
                    },
                    {
                      title: t('companies.outages'),
                      key: 'outages',
                      width: 90,
                      align: 'right',
                      render: (_: unknown, c) =>
                        c.outages.ids.length ? (
                          <Tooltip
                            title={
                              <Flex gap={8} wrap="wrap">
                                {c.outages.ids.map((id) => (
                                  <Link key={id} to={`/outages/${id}`} style={{ color: 'inherit', textDecoration: 'underline' }}>
                                    {t('companies.outage', { id })}
                                  </Link>
                                ))}
                              </Flex>
                            }
                          >
                            {/* The keyboard cannot reach the tooltip's links: the count links the company's stops. */}
                            <Link
                              to={`/outages?company=${c.company_id}`}
                              aria-label={t('companies.outagesLink', { company: c.company_name || c.company_code, n: c.outages.company_caused })}
                              data-testid="companies-outages"
                            >
                              {c.outages.company_caused}
                            </Link>
                          </Tooltip>
                        ) : (
                          <span data-testid="companies-outages">{c.outages.company_caused}</span>
                        ),
                    },
                    {
                      title: t('companies.refunds'),
                      key: 'refunds',
                      width: 210,
                      align: 'right',
                      render: (_: unknown, c) => (
                        <Flex vertical align="end" gap={2}>
                          <Tip title={t('companies.refundsTip', { owed: c.refunds.owed_entries, paid: c.refunds.paid_entries, season: data.season_start_year, next: data.season_start_year + 1 })}>
                            <span data-testid="companies-refunds">
                              {formatFen(c.refunds.owed_fen)} / {formatFen(c.refunds.paid_fen)}
                            </span>
                          </Tip>
                          {c.refunds.overdue_entries > 0 && (
                            <Tag color="red" style={{ marginInlineEnd: 0 }} data-testid="companies-overdue">
                              {t('companies.overdue', { n: c.refunds.overdue_entries })}
                            </Tag>
                          )}
                        </Flex>
                      ),
                    },
                    {
                      title: t('companies.licence'),
                      key: 'licence',
                      width: 110,
                      align: 'right',
                      render: (_: unknown, c) =>
                        c.licence.unlicensed_buildings > 0 ? (
                          <Link to={`/regulator/licence?company=${c.company_id}`} data-testid="companies-licence">
                            <Tag color="red" style={{ marginInlineEnd: 0 }}>
                              {t('companies.licenceTag', { buildings: c.licence.unlicensed_buildings, households: c.licence.unlicensed_households })}
                            </Tag>
                          </Link>
                        ) : (
                          <Typography.Text type="secondary" data-testid="companies-licence">
                            0
                          </Typography.Text>
                        ),
                    },
                    {
                      title: t('companies.seasons'),
                      key: 'seasons',
                      width: 130,
                      align: 'right',
                      render: (_: unknown, c) => {
                        const s = c.season_announcements;
                        // An older answer without the member: unknown.
                        if (!s) return <span data-testid="companies-seasons">—</span>;
                        if (s.late === 0 && s.missing === 0)
                          return (
                            <Tag color="green" style={{ marginInlineEnd: 0 }} data-testid="companies-seasons">
                              {t('companies.seasonsNone')}
                            </Tag>
                          );
                        const parts = [
                          ...(s.late > 0 ? [t('companies.seasonsLate', { n: s.late })] : []),
                          ...(s.missing > 0 ? [t('companies.seasonsMissing', { n: s.missing })] : []),
                        ];
                        return (
                          <Link to={`/regulator/seasons?company=${c.company_id}&season=${data.season_start_year}`} data-testid="companies-seasons">
                            <Tag color="red" style={{ marginInlineEnd: 0 }}>
                              {parts.join(' · ')}
                            </Tag>
                          </Link>
                        );
                      },
                    },
                    {
                      title: t('companies.score'),
                      key: 'score',
                      width: 80,
                      align: 'right',
                      fixed: 'right',
                      render: (_: unknown, c) => (
                        <Tip title={c.score.working}>
                          <Typography.Text strong data-testid="companies-score">
                            {c.score.points}
                          </Typography.Text>
                        </Tip>
                      ),
                    },
                  ]}
                />
              </Flex>
            </Card>
            <Card size="small" title={t('companies.chartTitle')}>
              {companies.length ? (
                <RegulatorChart option={option} testId="companies-chart" ariaLabel={t('companies.chartAria', { summary: chartSummary })} />
              ) : (
                <Empty description={t('regulator.none')} />
              )}
            </Card>
          </>
        )}
      </Flex>
    </PageContainer>
  );
}
