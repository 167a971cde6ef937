// 五项指标's 已发布 card: the months published (W 14.4.6), a company's month per row with its five
// figures, paged on the server (10/20/50, a cursor trail). Publications are per company and month,
// never per district or run of days: 仅看 {month} is offered in month mode only (in range mode the
// list shows every month), and a note says the list does not follow a date range or district. A
// row (or 详情) opens the publication.
import { Button, Card, Checkbox, Table, Typography } from 'antd';
import type { Page } from '../../api/client';
import type { IndicatorPublication } from '../../api/types';
import type { ApiState } from '../../api/useApi';
import CursorPager from '../../components/CursorPager';
import { PageError } from '../../components/PageState';
import { formatDateTime } from '../../format';
import { useT } from '../../i18n';
import { INDICATOR_RULES, type IndicatorFilters } from './logic';
import { FigureTag, indicatorName } from './parts';

export interface PublishedListProps {
  filters: IndicatorFilters;
  published: ApiState<Page<IndicatorPublication>>;
  go: (changes: Partial<IndicatorFilters>) => void;
  onOpen: (p: IndicatorPublication) => void;
}

export default function PublishedList({ filters, published, go, onOpen }: PublishedListProps) {
  const t = useT();
  return (
    <Card
      size="small"
      title={t('indicators.published')}
      extra={
        filters.period === 'month' && (
          <Checkbox checked={filters.onlyMonth} onChange={(e) => go({ onlyMonth: e.target.checked })} data-testid="indicators-only-month">
            {t('indicators.onlyMonth', { month: filters.month })}
          </Checkbox>
        )
      }
    >
      <Typography.Paragraph type="secondary">
        {t('indicators.publishedHint')}
        {(filters.period === 'range' || filters.district) && <span data-testid="indicators-published-scope"> {t('indicators.publishedScope')}</span>}
      </Typography.Paragraph>
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
            onRow={(p) => ({ onClick: () => onOpen(p), style: { cursor: 'pointer' } })}
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
                      onOpen(p);
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
  );
}
