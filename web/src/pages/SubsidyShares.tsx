// 监管中心 › 补贴份额测算 (/regulator/subsidy; admin, regulator): each company's subsidy score
// over a period (按月: a month; 按时段: a run of days, at most 366, with 整个供暖季) (R-REG-1, Z 4.3: the five indicators, complaints per 10,000 households and on-time
// replies, weighted by the profile's [subsidy] table over the measures that apply) and, given a
// pool in yuan, its share to the fen (GET /api/v1/regulator/companies?pool_fen=). The weights with
// their basis; a company's row opens its score lines (value, weight, basis, points, working;
// those that do not apply greyed, 不适用) and the working of its score; a pie of the shares (the
// scores as bars without a pool). The period (month, or from and to), the profile and the pool
// (fen) live in the URL; 测算 asks, 导出Excel downloads the same period as a workbook.
import { PageContainer } from '@ant-design/pro-components';
import { Alert, Card, Empty, Flex, Skeleton, Table, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useMemo } from 'react';
import type { CompanyComparison, SubsidyScoreLine, SubsidyWeight } from '../api/types';
import { PageError } from '../components/PageState';
import { formatFen, MISSING } from '../format';
import { useT } from '../i18n';
import { sharesOption } from './regulator/chartOptions';
import { basisText, companyLabel, lineValue, measureName, reportPeriodText, scoreWorking, sharePercent, sharesTotal } from './regulator/logic';
import { ComparisonToolbar, NotApplicable, RefusalAlert, ReportLine, useComparison } from './regulator/parts';
import RegulatorChart from './regulator/RegulatorChart';

const GREY = 'rgba(0, 0, 0, 0.45)';

function ScoreLines({ company }: { company: CompanyComparison }) {
  const t = useT();
  return (
    <Flex vertical gap={8} data-testid="subsidy-lines">
      <Table<SubsidyScoreLine>
        size="small"
        rowKey="measure"
        dataSource={company.score.lines}
        pagination={false}
        scroll={{ x: 980 }}
        onRow={(l) => ({ style: l.applicable ? undefined : { color: GREY }, 'data-testid': 'subsidy-line', 'data-applicable': String(l.applicable) }) as HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('subsidy.measure'), dataIndex: 'measure', width: 160, render: (m: string) => measureName(t, m) },
          {
            title: t('subsidy.value'),
            key: 'value',
            width: 140,
            render: (_: unknown, l) => (l.applicable ? lineValue(t, l.value) : <NotApplicable />),
          },
          { title: t('subsidy.weight'), dataIndex: 'weight', width: 70, align: 'right', render: (w: number) => `${w}%` },
          { title: t('subsidy.basis'), dataIndex: 'basis', width: 170, render: (b: string) => basisText(t, b) },
          { title: t('subsidy.points'), key: 'points', width: 80, align: 'right', render: (_: unknown, l) => (l.applicable ? l.points : MISSING) },
          {
            title: t('subsidy.working'),
            key: 'working',
            render: (_: unknown, l) =>
              l.applicable ? <Typography.Text code>{lineValue(t, l.working)}</Typography.Text> : <span style={{ color: GREY }}>{t('subsidy.notCounted')}</span>,
          },
        ]}
      />
      <Typography.Text data-testid="subsidy-company-working">
        {t('subsidy.companyWorking', { weight: company.score.applicable_weight })}
        <Typography.Text code>{scoreWorking(t, company.score.working)}</Typography.Text>
      </Typography.Text>
    </Flex>
  );
}

export default function SubsidyShares() {
  const t = useT();
  const comparison = useComparison(true, { ranges: true });
  const { report, failure } = comparison;
  // A refused query shows its refusal above, not the last answer.
  const data = report.error ? undefined : report.data;
  const companies = useMemo(() => data?.companies ?? [], [data]);
  const pool = data?.pool_fen ?? null;
  const pooled = pool !== null;
  const option = useMemo(
    () =>
      sharesOption({
        companies,
        poolFen: pool,
        companyName: (c) => c.company_name || c.company_code,
        labels: { share: t('subsidy.share'), score: t('subsidy.score') },
      }),
    [companies, pool, t],
  );
  const chartSummary = companies
    .map((c) =>
      pooled
        ? t('subsidy.chartShare', { company: c.company_name || c.company_code, share: formatFen(c.score.share_fen), percent: sharePercent(c.score.share_fen, pool) })
        : t('subsidy.chartScore', { company: c.company_name || c.company_code, score: c.score.points }),
    )
    .join('；');

  return (
    <PageContainer title={t('menu.subsidyShares')}>
      <Flex vertical gap={16}>
        <Alert type="info" showIcon data-testid="regulator-rule" message={t('regulator.rule')} />
        <Card size="small">
          <ComparisonToolbar comparison={comparison} withPool applyText={t('subsidy.calculate')} applyTestId="subsidy-calculate" />
        </Card>
        <RefusalAlert comparison={comparison} />
        {failure ? (
          <PageError error={failure} onRetry={report.reload} />
        ) : report.error ? null : !data ? (
          <Skeleton active />
        ) : (
          <>
            {pooled ? (
              <Alert type="success" showIcon data-testid="subsidy-pool-line" message={t('subsidy.poolLine', { pool: formatFen(pool) })} />
            ) : (
              <Alert type="warning" showIcon data-testid="subsidy-no-pool" message={t('subsidy.noPool')} />
            )}
            <Card size="small" title={t('subsidy.weights', { policy: data.policy })}>
              <Table<SubsidyWeight>
                data-testid="subsidy-weights"
                size="small"
                rowKey="measure"
                dataSource={data.weights}
                pagination={false}
                columns={[
                  { title: t('subsidy.measure'), dataIndex: 'measure', render: (m: string) => measureName(t, m) },
                  { title: t('subsidy.weight'), dataIndex: 'weight', width: 100, align: 'right', render: (w: number) => `${w}%` },
                  { title: t('subsidy.basis'), dataIndex: 'basis', render: (b: string) => basisText(t, b) },
                ]}
              />
            </Card>
            <Card size="small" title={t('subsidy.companiesTitle', { month: reportPeriodText(t, data.month) })}>
              <Flex vertical gap={8}>
                <ReportLine report={data} />
                <Table<CompanyComparison>
                  data-testid="subsidy-companies"
                  size="small"
                  rowKey="company_id"
                  loading={report.loading}
                  dataSource={companies}
                  pagination={false}
                  scroll={{ x: 720 }}
                  locale={{ emptyText: t('regulator.none') }}
                  expandable={{ expandedRowRender: (c) => <ScoreLines company={c} /> }}
                  columns={[
                    { title: t('regulator.company'), key: 'company', render: (_: unknown, c) => <span data-testid="subsidy-company">{companyLabel(c)}</span> },
                    {
                      title: t('subsidy.score'),
                      key: 'score',
                      width: 90,
                      align: 'right',
                      render: (_: unknown, c) => (
                        <Typography.Text strong data-testid="subsidy-score">
                          {c.score.points}
                        </Typography.Text>
                      ),
                    },
                    { title: t('subsidy.applicableWeight'), key: 'applicable', width: 100, align: 'right', render: (_: unknown, c) => `${c.score.applicable_weight}%` },
                    ...(pooled
                      ? [
                          {
                            title: t('subsidy.share'),
                            key: 'share',
                            width: 170,
                            align: 'right' as const,
                            render: (_: unknown, c: CompanyComparison) => <span data-testid="subsidy-share">{formatFen(c.score.share_fen)}</span>,
                          },
                          {
                            title: t('subsidy.sharePercent'),
                            key: 'percent',
                            width: 90,
                            align: 'right' as const,
                            render: (_: unknown, c: CompanyComparison) => <span data-testid="subsidy-share-percent">{sharePercent(c.score.share_fen, pool)}</span>,
                          },
                        ]
                      : []),
                  ]}
                  summary={() =>
                    pooled && companies.length ? (
                      <Table.Summary.Row>
                        {/* The expand column, the company, the score, the weight. */}
                        <Table.Summary.Cell index={0} colSpan={4}>
                          <Typography.Text strong>{t('subsidy.total')}</Typography.Text>
                        </Table.Summary.Cell>
                        <Table.Summary.Cell index={4} align="right">
                          <Typography.Text strong data-testid="subsidy-total">
                            {formatFen(sharesTotal(companies))}
                          </Typography.Text>
                        </Table.Summary.Cell>
                        <Table.Summary.Cell index={5} align="right">
                          {sharePercent(sharesTotal(companies), pool)}
                        </Table.Summary.Cell>
                      </Table.Summary.Row>
                    ) : null
                  }
                />
              </Flex>
            </Card>
            <Card size="small" title={t(pooled ? 'subsidy.chartTitle' : 'subsidy.scoresChartTitle')}>
              {companies.length ? (
                <RegulatorChart option={option} testId="subsidy-chart" ariaLabel={t('subsidy.chartAria', { summary: chartSummary })} />
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
