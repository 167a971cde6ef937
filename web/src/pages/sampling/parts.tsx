// The sampling plan's parts (采样方案, R-SAMPLE-1..3): the summary (heated households and area, the
// rate of the area's band, the households to sample and selected, the seed, the time), the quota
// table with its gaps in red and the shortfalls in words (R-SAMPLE-2, R-SAMPLE-3), and the
// selected households, paged here (10/20/50) with a 推定 tag on a derived network position.
import { Alert, Card, Descriptions, Flex, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import type { SampledHousehold, SamplePlan } from '../../api/types';
import { namedPager } from '../../components/a11y';
import { formatDateTime } from '../../format';
import { useT } from '../../i18n';
import { areaText, countText, dimensionText, floorText, quotaRows, shortfallText, valueText, type QuotaRow } from './logic';
import Tip from '../../components/Tip';

export function PlanSummary({ plan }: { plan: SamplePlan }) {
  const t = useT();
  const company = [plan.company_code, plan.company_name].filter(Boolean).join(' ') || `#${plan.company_id}`;
  const items = [
    { key: 'households', label: t('sampling.households'), children: t('sampling.nHouseholds', { n: countText(plan.households) }) },
    { key: 'area', label: t('sampling.area'), children: t('sampling.areaM2', { area: countText(plan.total_area_m2) }) },
    { key: 'rate', label: t('sampling.rate'), children: t('sampling.ratePercent', { rate: plan.rate_percent }) },
    { key: 'required', label: t('sampling.required'), children: t('sampling.nHouseholds', { n: countText(plan.required) }) },
    { key: 'selected', label: t('sampling.selected'), children: t('sampling.nHouseholds', { n: countText(plan.selected_households.length) }) },
    { key: 'seed', label: t('sampling.seed'), children: plan.seed },
    { key: 'generated', label: t('sampling.generatedAt'), children: formatDateTime(plan.generated_at) },
    { key: 'policy', label: t('sampling.policy'), children: plan.policy },
  ].map((i) => ({ ...i, children: <span data-testid={`sampling-stat-${i.key}`}>{i.children}</span> }));
  return (
    <Card size="small" title={t('sampling.summaryTitle', { company })} data-testid="sampling-summary">
      <Descriptions size="small" column={{ xs: 1, sm: 2, md: 4 }} items={items} />
    </Card>
  );
}

export function QuotaCard({ plan, loading }: { plan: SamplePlan; loading: boolean }) {
  const t = useT();
  const rows = useMemo(() => quotaRows(plan), [plan]);
  const shortfalls = plan.shortfalls ?? [];
  return (
    <Card size="small" title={t('sampling.quotaTitle')}>
      <Flex vertical gap={8}>
        {shortfalls.length ? (
          <Alert type="warning" showIcon data-testid="sampling-shortfalls" message={t('sampling.shortfalls', { list: shortfallText(t, shortfalls) })} />
        ) : (
          <Alert type="success" showIcon data-testid="sampling-no-shortfall" message={t('sampling.noShortfall')} />
        )}
        <Table<QuotaRow>
          data-testid="sampling-quota-table"
          size="small"
          rowKey="key"
          loading={loading}
          dataSource={rows}
          pagination={false}
          columns={[
            {
              title: t('sampling.dimension'),
              key: 'dimension',
              width: 120,
              onCell: (r) => ({ rowSpan: r.span }),
              render: (_: unknown, r) => dimensionText(t, r.dimension),
            },
            { title: t('sampling.category'), key: 'value', width: 100, render: (_: unknown, r) => <span data-testid="sampling-value">{valueText(t, r.dimension, r.value)}</span> },
            { title: t('sampling.quota'), dataIndex: 'quota', width: 80, align: 'right' },
            { title: t('sampling.achieved'), dataIndex: 'achieved', width: 80, align: 'right' },
            {
              title: t('sampling.gap'),
              key: 'gap',
              width: 100,
              align: 'right',
              render: (_: unknown, r) =>
                r.gap > 0 ? (
                  <Tag color="red" style={{ marginInlineEnd: 0 }} data-testid="sampling-gap">
                    {t('sampling.gapTag', { n: r.gap })}
                  </Tag>
                ) : (
                  <Typography.Text type="secondary">0</Typography.Text>
                ),
            },
          ]}
        />
      </Flex>
    </Card>
  );
}

export function HouseholdsCard({ plan, loading }: { plan: SamplePlan; loading: boolean }) {
  const t = useT();
  return (
    <Card size="small" title={t('sampling.listTitle')}>
      <Table<SampledHousehold>
        data-testid="sampling-households-table"
        size="small"
        rowKey="household_id"
        loading={loading}
        dataSource={plan.selected_households}
        locale={{ emptyText: t('sampling.noneSelected') }}
        pagination={namedPager(t, { defaultPageSize: 10, pageSizeOptions: [10, 20, 50], showSizeChanger: true, hideOnSinglePage: true })}
        scroll={{ x: 900 }}
        columns={[
          {
            title: t('sampling.code'),
            key: 'code',
            width: 120,
            render: (_: unknown, h) => (
              <Tip title={h.address}>
                <Link to={`/households/${h.household_id}`} data-testid="sampling-household">
                  {h.code}
                </Link>
              </Tip>
            ),
          },
          { title: t('sampling.community'), dataIndex: 'community', width: 140, ellipsis: true },
          { title: t('sampling.building'), dataIndex: 'building_code', width: 100 },
          { title: t('sampling.floor'), key: 'floor', width: 80, render: (_: unknown, h) => floorText(h) },
          { title: t('sampling.floorTier'), key: 'tier', width: 80, render: (_: unknown, h) => valueText(t, 'floor', h.floor_tier) },
          {
            title: t('sampling.position'),
            key: 'position',
            width: 130,
            render: (_: unknown, h) => (
              <Flex gap={4} align="center">
                <span>{valueText(t, 'position', h.network_position)}</span>
                {h.position_derived && (
                  <Tip title={t('sampling.derivedTip')}>
                    <Tag color="gold" style={{ marginInlineEnd: 0 }} data-testid="sampling-derived">
                      {t('sampling.derived')}
                    </Tag>
                  </Tip>
                )}
              </Flex>
            ),
          },
          { title: t('sampling.orientation'), key: 'orientation', width: 80, render: (_: unknown, h) => valueText(t, 'orientation', h.orientation) },
          { title: t('sampling.areaCol'), key: 'area', width: 100, align: 'right', render: (_: unknown, h) => areaText(h.area_m2) },
          { title: t('sampling.sensor'), key: 'sensor', width: 80, render: (_: unknown, h) => t(h.has_sensor ? 'sampling.sensorYes' : 'sampling.sensorNo') },
        ]}
      />
    </Card>
  );
}
