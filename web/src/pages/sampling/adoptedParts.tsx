// The adopted plan's parts (R-SAMPLE-3): a point's status tag (overdue red, due blue, late amber,
// collected green), the counts by status, the plan's facts (window, households, seed, who adopted
// it and when, its shortfalls as drawn) and the points' table, filterable by status and technician,
// with 调整 on a manual point's row for those who may move it.
import { ReloadOutlined } from '@ant-design/icons';
import { ProTable, type ProColumns } from '@ant-design/pro-components';
import { Alert, Button, Card, Descriptions, Flex, Form, Select, Statistic, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { AdoptedPlan, CollectionStatus, FollowedPoint } from '../../api/types';
import { namedPager } from '../../components/a11y';
import { formatDateTime, MISSING } from '../../format';
import { useT } from '../../i18n';
import { methodKey, planShortfalls, STATUS_COLOUR, STATUS_TEXT_COLOUR, statusKey, STATUSES, type PointFilters } from './adopted';
import { defaultSeason, seasonChoices } from '../refunds/logic';
import { countText, shortfallText } from './logic';

export function StatusTag({ status }: { status: string }) {
  const t = useT();
  return (
    <Tag color={STATUS_COLOUR[status as CollectionStatus] ?? 'default'} style={{ marginInlineEnd: 0 }} data-testid="adopted-status" data-status={status}>
      {t(statusKey(status))}
    </Tag>
  );
}

export function MethodTag({ method }: { method: string }) {
  const t = useT();
  return (
    <Tag color={method === 'remote' ? 'cyan' : 'purple'} style={{ marginInlineEnd: 0 }} data-testid="adopted-method">
      {t(methodKey(method))}
    </Tag>
  );
}

/** The counts by status, each in its colour; `title` says over what and as of which day. */
export function StatusCounts({ counts, title, testId }: { counts: Record<CollectionStatus, number>; title: string; testId: string }) {
  const t = useT();
  return (
    <Card size="small" title={title} data-testid={testId}>
      <Flex gap={32} wrap="wrap">
        {STATUSES.map((s) => (
          <Statistic
            key={s}
            title={t(statusKey(s))}
            value={counts[s] ?? 0}
            valueStyle={{ color: STATUS_TEXT_COLOUR[s] }}
            suffix={t('adopted.households')}
            data-testid={`adopted-count-${s}`}
          />
        ))}
      </Flex>
    </Card>
  );
}

export function seasonText(t: ReturnType<typeof useT>, season: number): string {
  return t('adopted.seasonOption', { season, next: season + 1 });
}

/** 采暖季: the season whose plan is shown (this one, the years around it, and `value`). */
export function SeasonSelect({ value, onChange, testId }: { value: number; onChange: (season: number) => void; testId: string }) {
  const t = useT();
  return (
    <Form.Item label={t('adopted.season')}>
      <Select<number>
        aria-label={t('adopted.season')}
        data-testid={testId}
        value={value}
        style={{ width: 180 }}
        onChange={onChange}
        options={seasonChoices(defaultSeason(), value).map((y) => ({ value: y, label: seasonText(t, y) }))}
      />
    </Form.Item>
  );
}

/** The plan's facts, and its shortfalls as drawn when it has any (R-SAMPLE-3). */
export function AdoptedSummary({ plan, title }: { plan: AdoptedPlan; title: string }) {
  const t = useT();
  const shortfalls = planShortfalls(plan);
  const items = [
    { key: 'window', label: t('adopted.window'), children: t('adopted.windowRange', { from: plan.collect_from, to: plan.collect_to }) },
    { key: 'required', label: t('sampling.required'), children: t('sampling.nHouseholds', { n: countText(plan.required) }) },
    { key: 'heated', label: t('adopted.heated'), children: t('sampling.nHouseholds', { n: countText(plan.heated_households) }) },
    { key: 'seed', label: t('sampling.seed'), children: plan.seed },
    { key: 'adopted-by', label: t('adopted.adoptedBy'), children: plan.adopted_by },
    { key: 'adopted-at', label: t('adopted.adoptedAt'), children: formatDateTime(plan.adopted_at) },
    { key: 'policy', label: t('sampling.policy'), children: plan.policy },
  ].map((i) => ({ ...i, children: <span data-testid={`adopted-fact-${i.key}`}>{i.children}</span> }));
  return (
    <Card size="small" title={title} data-testid="adopted-summary">
      <Flex vertical gap={8}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, md: 4 }} items={items} />
        {shortfalls.length > 0 && (
          <Alert type="warning" showIcon data-testid="adopted-shortfalls" message={t('sampling.shortfalls', { list: shortfallText(t, shortfalls) })} />
        )}
      </Flex>
    </Card>
  );
}

export interface PointsTableProps {
  points: FollowedPoint[];
  /** The points before the filters (the staff filter's choices, the count). */
  total: number;
  title: string;
  loading: boolean;
  onReload: () => void;
  filters: PointFilters;
  onFilters: (f: Partial<PointFilters>) => void;
  /** The technicians named on the plan's points; undefined: no staff column or filter (one's own). */
  staffChoices?: string[];
  /** 调整 on a manual point's row (manager, admin); none: no action column. */
  onReschedule?: (point: FollowedPoint) => void;
  testId: string;
}

export function PointsTable({ points, total, title, loading, onReload, filters, onFilters, staffChoices, onReschedule, testId }: PointsTableProps) {
  const t = useT();
  const withStaff = staffChoices !== undefined;
  const columns: ProColumns<FollowedPoint>[] = [
    {
      title: t('sampling.code'),
      key: 'code',
      width: 150,
      render: (_, p) => (
        <Link to={`/households/${p.household_id}`} data-testid="adopted-household">
          {p.household_code}
        </Link>
      ),
    },
    { title: t('adopted.address'), key: 'address', ellipsis: true, render: (_, p) => p.address ?? MISSING },
    { title: t('adopted.method'), key: 'method', width: 90, render: (_, p) => <MethodTag method={p.method} /> },
    { title: t('adopted.day'), key: 'day', width: 110, render: (_, p) => <span data-testid="adopted-day">{p.collect_on}</span> },
    ...(withStaff
      ? [{ title: t('adopted.staff'), key: 'staff', width: 190, ellipsis: true, render: (_: unknown, p: FollowedPoint) => <span data-testid="adopted-staff">{p.staff ?? MISSING}</span> }]
      : []),
    { title: t('adopted.statusCol'), key: 'status', width: 100, render: (_, p) => <StatusTag status={p.status} /> },
    {
      title: t('adopted.collected'),
      key: 'collected',
      width: 190,
      render: (_, p) => (p.collected_on ? t('adopted.collectedOnBy', { on: p.collected_on, by: p.collected_by ?? MISSING }) : MISSING),
    },
    ...(onReschedule
      ? [
          {
            title: t('adopted.actions'),
            key: 'actions',
            width: 90,
            fixed: 'right' as const,
            render: (_: unknown, p: FollowedPoint) =>
              p.method === 'manual' ? (
                <Button type="link" size="small" style={{ paddingInline: 0 }} aria-label={t('adopted.rescheduleLabel', { code: p.household_code })} data-testid="adopted-reschedule" onClick={() => onReschedule(p)}>
                  {t('adopted.reschedule')}
                </Button>
              ) : (
                <Typography.Text type="secondary">{MISSING}</Typography.Text>
              ),
          },
        ]
      : []),
  ];
  return (
    <ProTable<FollowedPoint>
      data-testid={testId}
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={points}
      loading={loading}
      search={false}
      // ProTable's own reload icon is a <div> the keyboard cannot reach: a button instead.
      options={false}
      headerTitle={
        <Flex gap={8} align="baseline" wrap="wrap">
          <span>{title}</span>
          <Typography.Text type="secondary" data-testid={`${testId}-count`}>
            {points.length === total ? t('adopted.nPoints', { n: total }) : t('adopted.nOfPoints', { n: points.length, total })}
          </Typography.Text>
        </Flex>
      }
      toolBarRender={() => [
        <Select<CollectionStatus | ''>
          key="status"
          aria-label={t('adopted.filterStatus')}
          data-testid="adopted-filter-status"
          value={filters.status}
          style={{ width: 140 }}
          onChange={(status) => onFilters({ status })}
          options={[{ value: '' as const, label: t('adopted.allStatuses') }, ...STATUSES.map((s) => ({ value: s, label: t(statusKey(s)) }))]}
        />,
        ...(withStaff
          ? [
              <Select<string>
                key="staff"
                aria-label={t('adopted.staff')}
                data-testid="adopted-filter-staff"
                value={filters.staff}
                style={{ width: 240 }}
                showSearch
                optionFilterProp="label"
                onChange={(staff) => onFilters({ staff })}
                options={[{ value: '', label: t('adopted.allStaff') }, ...staffChoices.map((s) => ({ value: s, label: s }))]}
              />,
            ]
          : []),
        <Button key="reload" type="text" icon={<ReloadOutlined />} aria-label={t('common.refresh')} title={t('common.refresh')} onClick={onReload} />,
      ]}
      pagination={namedPager(t, { defaultPageSize: 10, pageSizeOptions: [10, 20, 50], showSizeChanger: true, hideOnSinglePage: true })}
      scroll={{ x: 1000 }}
      locale={{ emptyText: t('adopted.noPoints') }}
    />
  );
}
