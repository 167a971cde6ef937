// The records behind one indicator of a publication (GET /api/v1/indicators/publications/{id}/
// records?rule=…), paged on the server (10/20/50): each record linked to its page when the role
// may open it (a stop, an order, a household), with its outcome in words and its part of the
// numerator and denominator. What a record is, is said above the table.
import { Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, matchPath } from 'react-router-dom';
import type { Page } from '../../api/client';
import type { IndicatorRecord } from '../../api/types';
import { useApi } from '../../api/useApi';
import { useAuth } from '../../auth';
import CursorPager from '../../components/CursorPager';
import { orderDeadline } from '../../components/orderWords';
import { PageError } from '../../components/PageState';
import { MISSING } from '../../format';
import { useT, type Translate } from '../../i18n';
import { PAGES } from '../../routes';
import { counted, isIndicatorRule, recordLink, stopAreaHours, type RecordLink } from './logic';

function groupThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function linkText(t: Translate, link: RecordLink): string {
  if (link.kind === 'outage') return t('indicators.recordOutage', { id: link.id });
  if (link.kind === 'household') return t('indicators.recordHousehold', { id: link.id });
  return t('indicators.recordOrder', { id: link.id });
}

function Outcome({ rule, record }: { rule: string; record: IndicatorRecord }) {
  const t = useT();
  const yes = counted(record);
  switch (rule) {
    case 'R-KPI-S':
      return <Typography.Text>{t('indicators.areaHours', { value: stopAreaHours(record.numerator) })}</Typography.Text>;
    case 'R-KPI-C':
      return <Typography.Text>{t('indicators.daysQualified', { n: record.numerator, d: record.denominator })}</Typography.Text>;
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

export default function RecordsTable({ publication, rule }: { publication: number; rule: string }) {
  const t = useT();
  const { me } = useAuth();
  const [size, setSize] = useState(20);
  const [trail, setTrail] = useState<string[]>([]);
  const list = useApi<Page<IndicatorRecord>>(`/api/v1/indicators/publications/${publication}/records`, { rule, limit: size, cursor: trail[trail.length - 1] });
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
      <Table<IndicatorRecord>
        data-testid="indicator-records"
        size="small"
        rowKey={(r) => `${r.rule}-${r.record}`}
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
          { title: t('indicators.numerator'), dataIndex: 'numerator', width: 140, align: 'right', render: (n: number) => groupThousands(n) },
          {
            title: t('indicators.denominator'),
            dataIndex: 'denominator',
            width: 90,
            align: 'right',
            // A stop's record has no denominator of its own (the period's hours × heated area is the company's).
            render: (d: number) => (rule === 'R-KPI-S' && d === 0 ? MISSING : groupThousands(d)),
          },
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
