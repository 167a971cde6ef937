// The records behind one indicator, paged on the server (10/20/50): a publication's (GET
// /api/v1/indicators/publications/{id}/records?rule=…) or a live one's (its records_url, GET
// /api/v1/indicators/{rule}/records?month=…|from=…&to=…). Each record is linked to its page when
// the role may open it (a stop, an order, a household), with its outcome in words and its part of
// the fraction (计入 / 未计入, "12/15 日"; the numerator and denominator on hover). What a record
// is, is said above the table.
import { Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, matchPath } from 'react-router-dom';
import type { Page } from '../../api/client';
import type { IndicatorRecord, LiveIndicatorRecord } from '../../api/types';
import { useApi } from '../../api/useApi';
import { useAuth } from '../../auth';
import CursorPager from '../../components/CursorPager';
import { orderDeadline } from '../../components/orderWords';
import { PageError } from '../../components/PageState';
import { useT, type Translate } from '../../i18n';
import { PAGES } from '../../routes';
import { counted, daysShare, isIndicatorRule, recordLink, recordPart, stopAreaHours, type RecordLink } from './logic';

/** A published record (with its rule) or a live one (with its company). */
type RecordRow = IndicatorRecord | LiveIndicatorRecord;

function groupThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function linkText(t: Translate, link: RecordLink): string {
  if (link.kind === 'outage') return t('indicators.recordOutage', { id: link.id });
  if (link.kind === 'household') return t('indicators.recordHousehold', { id: link.id });
  return t('indicators.recordOrder', { id: link.id });
}

function Outcome({ rule, record }: { rule: string; record: RecordRow }) {
  const t = useT();
  const yes = counted(record);
  switch (rule) {
    case 'R-KPI-S':
      return <Typography.Text>{t('indicators.areaHours', { value: stopAreaHours(record.numerator) })}</Typography.Text>;
    case 'R-KPI-C':
      return <Typography.Text>{t('indicators.daysShare', { share: daysShare(record) })}</Typography.Text>;
    case 'R-KPI-Q':
      return <Tag color={yes ? 'green' : 'red'}>{t(yes ? 'indicators.onTime' : 'indicators.late')}</Tag>;
    case 'R-KPI-P':
      return <Tag color={yes ? 'green' : 'red'}>{t(yes ? 'indicators.processYes' : 'indicators.processNo')}</Tag>;
    case 'R-KPI-B':
      return <Tag color={yes ? 'green' : 'red'}>{t(yes ? 'indicators.resultYes' : 'indicators.resultNo')}</Tag>;
    default:
      return null;
  }
}

/** A record's part of the fraction: 计入 green, 未计入 grey, a household's days and a stop plain; the
 * numerator and denominator themselves on hover. */
function Part({ rule, record }: { rule: string; record: RecordRow }) {
  const t = useT();
  const part = recordPart(rule, record);
  const title =
    rule === 'R-KPI-S' && record.denominator === 0
      ? t('indicators.partTitleStop', { n: groupThousands(record.numerator) })
      : t('indicators.partTitle', { n: groupThousands(record.numerator), d: groupThousands(record.denominator) });
  return (
    <Typography.Text type={part.tone === 'not-counted' ? 'secondary' : part.tone === 'counted' ? 'success' : undefined} title={title} data-testid="indicator-record-part">
      {t(part.key, part.vars)}
    </Typography.Text>
  );
}

export interface RecordsTableProps {
  rule: string;
  /** The records' route: /api/v1/indicators/publications/{id}/records, or a live indicator's
   * /api/v1/indicators/{rule}/records. */
  path: string;
  /** Its query (the publication's rule; the live figures' period, company and district); the
   * table adds the page's limit and cursor. */
  query?: Record<string, string | undefined>;
}

export default function RecordsTable({ rule, path, query }: RecordsTableProps) {
  const t = useT();
  const { me } = useAuth();
  const [size, setSize] = useState(20);
  const [trail, setTrail] = useState<string[]>([]);
  const list = useApi<Page<RecordRow>>(path, { ...query, limit: size, cursor: trail[trail.length - 1] });
  // A link only to a page the role has (the regulator opens no work order).
  const mayOpen = (to: string) => !!me && PAGES.some((p) => p.roles.includes(me.role) && matchPath(p.path, to));

  if (list.error) return <PageError error={list.error} onRetry={list.reload} />;
  return (
    <>
      {isIndicatorRule(rule) && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t(`indicators.recordKind.${rule}`)}
        </Typography.Paragraph>
      )}
      <Table<RecordRow>
        data-testid="indicator-records"
        size="small"
        rowKey={(r) => `${'rule' in r ? r.rule : r.company_id}-${r.record}`}
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        scroll={{ x: 560 }}
        locale={{ emptyText: t('indicators.noRecords') }}
        columns={[
          {
            title: t('indicators.record'),
            dataIndex: 'record',
            render: (record: string) => {
              const link = recordLink(rule, record);
              if (!link) return record;
              const text = linkText(t, link);
              return (
                <>
                  {mayOpen(link.to) ? <Link to={link.to}>{text}</Link> : text}
                  {link.deadline && (
                    <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                      {t('indicators.deadline', { deadline: orderDeadline(t, link.deadline) })}
                    </Typography.Text>
                  )}
                </>
              );
            },
          },
          { title: t('indicators.outcome'), key: 'outcome', width: 170, render: (_: unknown, r) => <Outcome rule={rule} record={r} /> },
          { title: t('indicators.part'), key: 'part', width: 120, render: (_: unknown, r) => <Part rule={rule} record={r} /> },
        ]}
      />
      <CursorPager
        page={trail.length + 1}
        hasNext={!!list.data?.next_cursor}
        size={size}
        loading={list.loading}
        onPrev={() => setTrail(trail.slice(0, -1))}
        onNext={() => list.data?.next_cursor && setTrail([...trail, String(list.data.next_cursor)])}
        onSize={(n) => {
          setSize(n);
          setTrail([]);
        }}
      />
    </>
  );
}
