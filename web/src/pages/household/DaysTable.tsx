// The judged days (R-TEMP-5, R-REFUND-1/5): status, daily value against the guarantee, the
// refund share with its reason (marked 停热 14 小时 for a company-caused stop, R-REFUND-2, and
// 住户原因 #3 for a household-caused finding covering the day, R-REFUND-4), and the evidence
// behind it. Newest first; paged 10/20/50.
import { Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { JudgedDay, RoomSummary } from '../../api/types';
import { namedPager } from '../../components/a11y';
import DayStatusTag from '../../components/DayStatusTag';
import { formatPercent, formatTemp } from '../../format';
import { useT, type MessageKey, type Translate } from '../../i18n';
import { dayMarks } from './data';

/** A judged day's evidence, or a ledger day's (whose rooms come with remote evidence only). */
export function evidenceText(t: Translate, e: Omit<JudgedDay['evidence'], 'rooms'> & { rooms?: RoomSummary[] }): string {
  const source = e.source.replace(/-/g, '_');
  const known = ['remote', 'manual', 'manual_period', 'none'].includes(source);
  const parts = [known ? t(`evidence.${source}` as MessageKey) : e.source];
  if (e.measured_on) parts.push(t('evidence.measuredOn', { date: e.measured_on }));
  if (e.measurement_id) parts.push(t('evidence.measurement', { id: e.measurement_id }));
  if (e.room) parts.push(t('evidence.room', { room: e.room }));
  else if (e.rooms && e.rooms.length > 0) {
    const counted = e.rooms.filter((r) => r.counted).map((r) => `${r.room} ${formatTemp(r.value)}`);
    if (counted.length) parts.push(counted.join('，'));
  }
  return parts.join(' · ');
}

/** The day's company-caused heating stop and household-caused finding, when it has either. */
function DayMarks({ day }: { day: JudgedDay }) {
  const t = useT();
  const { outageHours, findingId } = dayMarks(day);
  if (outageHours === null && findingId === null) return null;
  return (
    <span data-testid="day-marks">
      {outageHours !== null && (
        <Tag color="volcano" title={t('days.outageHoursHint', { h: outageHours })}>
          {t('days.outageHours', { h: outageHours })}
        </Tag>
      )}
      {findingId !== null && (
        <Tag color="purple" title={t('days.findingHint', { id: findingId })}>
          {t('days.finding', { id: findingId })}
        </Tag>
      )}
    </span>
  );
}

export default function DaysTable({ days, compact }: { days: JudgedDay[]; compact?: boolean }) {
  const t = useT();
  const columns: ColumnsType<JudgedDay> = [
    { title: t('days.date'), dataIndex: 'date', key: 'date', width: compact ? 100 : 110, fixed: compact ? undefined : 'left' },
    { title: t('days.status'), dataIndex: 'status', key: 'status', width: compact ? 72 : 90, render: (s: string) => <DayStatusTag status={s} /> },
    { title: t('days.value'), dataIndex: 'value', key: 'value', width: compact ? 80 : 100, align: 'right', render: (v: number | null) => formatTemp(v) },
    { title: t('days.guarantee'), dataIndex: 'guarantee', key: 'guarantee', width: 100, align: 'right', render: (v: number | null) => formatTemp(v) },
    {
      title: t('days.share'),
      dataIndex: 'share_percent',
      key: 'share',
      width: compact ? 56 : 80,
      align: 'right',
      render: (v: number) => (v > 0 ? <Typography.Text type="danger">{formatPercent(v)}</Typography.Text> : formatPercent(v)),
    },
    {
      title: t('days.reason'),
      dataIndex: 'reason',
      key: 'reason',
      ellipsis: { showTitle: false },
      render: (reason: string, d) => (
        <>
          <DayMarks day={d} />
          <span title={reason}>{reason}</span>
        </>
      ),
    },
    { title: t('days.evidence'), key: 'evidence', render: (_: unknown, d) => evidenceText(t, d.evidence) },
  ];
  return (
    <Table<JudgedDay>
      data-testid="days-table"
      rowKey="date"
      size="small"
      columns={compact ? columns.filter((c) => ['date', 'status', 'value', 'share'].includes(String(c.key))) : columns}
      expandable={
        compact
          ? {
              expandedRowRender: (d) => (
                <Typography.Paragraph style={{ margin: 0 }}>
                  <DayMarks day={d} />
                  {d.reason}
                  <br />
                  {t('common.labelValue', { label: t('days.evidence'), value: evidenceText(t, d.evidence) })}
                </Typography.Paragraph>
              ),
            }
          : undefined
      }
      dataSource={days}
      scroll={{ x: compact ? undefined : 900 }}
      pagination={namedPager(t, { defaultPageSize: 10, pageSizeOptions: [10, 20, 50], showSizeChanger: true, showTotal: (n) => t('common.total', { n }) })}
      locale={{ emptyText: t('days.none') }}
    />
  );
}
