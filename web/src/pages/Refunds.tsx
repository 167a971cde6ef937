// 退费管理 (/refunds, admin and manager): choose a season, run it (a job, refunds/SeasonRun.tsx:
// one draft per heated household with a fee; approved and paid entries are kept, R-REFUND-6) and
// see its progress, then the run's counts; then the season's ledger (GET /api/v1/refunds, paged
// by cursor 10/20/50, the filters in the URL), each entry expandable to the days behind it with
// their share, reason and evidence, and the actions its state allows (approve a draft; record the
// payment of an approved one, by method and reference, in refunds/PayModal, unless the household
// chose to offset it, which the billing run settles); a paid one shows its payout (how, the
// reference, when, 逾期支付 when late). The server refuses what the state does not allow (409)
// and the page shows its message.
import { PageContainer } from '@ant-design/pro-components';
import { App, Button, Card, Checkbox, Empty, Flex, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { api, ApiError } from '../api/client';
import type { Household, LedgerDay, RefundEntry } from '../api/types';
import { useRecords } from '../api/useRecords';
import { useAuth } from '../auth';
import { namedPager } from '../components/a11y';
import CursorPager from '../components/CursorPager';
import { PageError } from '../components/PageState';
import SearchInput from '../components/SearchInput';
import { useRecordList } from '../components/useRecordList';
import { formatDate, formatDateTime, formatFen, formatPercent, formatTemp, MISSING } from '../format';
import { useT, type MessageKey, type Translate } from '../i18n';
import { evidenceText } from './household/DaysTable';
import { causeText, refundShare } from './household/RefundList';
import RefundPayout from './household/RefundPayout';
import {
  approveBody,
  defaultSeason,
  listQuery,
  readFilters,
  refundActions,
  refundedDays,
  REFUND_STATUSES,
  seasonChoices,
  settledByBill,
  STATUS_COLOUR,
  writeFilters,
  type RefundFilters,
} from './refunds/logic';
import PayModal from './refunds/PayModal';
import SeasonRun, { seasonLabel } from './refunds/SeasonRun';

function statusText(t: Translate, status: string): string {
  return (REFUND_STATUSES as readonly string[]).includes(status) ? t(`refund.status.${status}` as MessageKey) : status;
}

/** The days behind an entry: those with a share, with reason and evidence. */
function EntryDays({ entry }: { entry: RefundEntry }) {
  const t = useT();
  const days = refundedDays(entry);
  return (
    <Flex vertical gap={8} data-testid="refund-days">
      <Typography.Text type="secondary">
        {t('refunds.entryLine', {
          days: t('refund.daysValue', { n: days.length, official: entry.official_days }),
          covered: formatDate(entry.covered_to),
          computed: formatDateTime(entry.computed_at),
          by: entry.updated_by,
          updated: formatDateTime(entry.updated_at),
        })}
      </Typography.Text>
      {days.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('refunds.noDays')} />
      ) : (
        <Table<LedgerDay>
          size="small"
          rowKey="date"
          dataSource={days}
          pagination={days.length > 10 ? namedPager(t, { defaultPageSize: 10, pageSizeOptions: [10, 20, 50], showSizeChanger: true }) : false}
          scroll={{ x: 900 }}
          columns={[
            { title: t('days.date'), dataIndex: 'date', width: 110 },
            { title: t('days.value'), dataIndex: 'value', width: 90, align: 'right', render: (v: number | null) => formatTemp(v) },
            { title: t('days.guarantee'), dataIndex: 'guarantee', width: 90, align: 'right', render: (v: number | null) => formatTemp(v) },
            { title: t('days.share'), dataIndex: 'share_percent', width: 80, align: 'right', render: (v: number) => formatPercent(v) },
            { title: t('refund.cause'), dataIndex: 'cause', width: 100, render: (c: string) => causeText(t, c) },
            { title: t('days.reason'), dataIndex: 'reason' },
            { title: t('days.evidence'), key: 'evidence', width: 220, render: (_: unknown, d) => evidenceText(t, { ...d.evidence, room: d.evidence.room || null }) },
          ]}
        />
      )}
    </Flex>
  );
}

export default function Refunds() {
  const t = useT();
  const { me } = useAuth();
  const { message } = App.useApp();
  const { filters, go, list, table, pager } = useRecordList<RefundEntry, RefundFilters>({ path: '/api/v1/refunds', readFilters, writeFilters, listQuery, drawer: false });
  const items = useMemo(() => list.data?.items ?? [], [list.data]);
  const households = useRecords<Household>('households', items.map((e) => e.household_id));
  const [busy, setBusy] = useState<number | null>(null);
  const [paying, setPaying] = useState<RefundEntry | null>(null);

  const approve = useCallback(
    async (entry: RefundEntry) => {
      setBusy(entry.id);
      try {
        await api.patch<RefundEntry>(`/api/v1/refunds/${entry.id}`, approveBody());
        message.success(t('refunds.approvedMsg'));
        list.reload();
      } catch (e) {
        const text = e instanceof ApiError ? e.message : String(e);
        message.error(t('refunds.refused', { message: text }), 6);
      } finally {
        setBusy(null);
      }
    },
    [list, message, t],
  );

  const codeOf = (id: number) => households.get(id)?.code;
  const current = defaultSeason();
  const mayRun = !!me && refundActions('draft', me.role).length > 0;

  return (
    <PageContainer title={t('menu.refunds')}>
      <Flex vertical gap={16}>
        <Card size="small">
          <Flex vertical gap={12}>
            <Space wrap>
              <Typography.Text>{t('refunds.season')}</Typography.Text>
              <Select
                aria-label={t('refunds.season')}
                data-testid="refund-season"
                value={filters.season}
                style={{ width: 200 }}
                onChange={(season: number) => go({ season })}
                options={seasonChoices(current, filters.season).map((y) => ({ value: y, label: seasonLabel(t, y) }))}
              />
            </Space>
            {mayRun && <SeasonRun key={filters.season} season={filters.season} onDone={list.reload} />}
          </Flex>
        </Card>
        <Card
          size="small"
          title={t('refunds.list')}
          extra={
            <Space wrap>
              <Select
                aria-label={t('refunds.status')}
                value={filters.status}
                style={{ width: 130 }}
                onChange={(status: RefundFilters['status']) => go({ status })}
                options={[{ value: '', label: t('refunds.allStatuses') }, ...REFUND_STATUSES.map((s) => ({ value: s, label: statusText(t, s) }))]}
              />
              <Checkbox checked={filters.overdue} onChange={(e) => go({ overdue: e.target.checked })}>
                {t('refunds.overdueOnly')}
              </Checkbox>
              <SearchInput
                aria-label={t('order.householdId')}
                placeholder={t('order.householdId')}
                defaultValue={filters.household}
                key={filters.household}
                allowClear
                style={{ width: 180 }}
                onSearch={(v) => go({ household: /^\d{1,15}$/.test(v.trim()) ? v.trim() : '' })}
              />
            </Space>
          }
        >
          {list.error ? (
            <PageError error={list.error} onRetry={list.reload} />
          ) : (
            <>
              <Table<RefundEntry>
                data-testid="refund-table"
                size="small"
                scroll={{ x: 1350 }}
                locale={{ emptyText: t('refunds.empty') }}
                {...table}
                expandable={{ expandedRowRender: (e) => <EntryDays entry={e} /> }}
                columns={[
                  { title: t('measure.id'), dataIndex: 'id', width: 70 },
                  {
                    title: t('household.code'),
                    dataIndex: 'household_id',
                    width: 160,
                    render: (id: number) => <Link to={`/households/${id}`}>{codeOf(id) ?? `#${id}`}</Link>,
                  },
                  { title: t('refunds.amount'), dataIndex: 'refund_fen', width: 100, align: 'right', render: (v: number) => formatFen(v) },
                  { title: t('refunds.fee'), dataIndex: 'fee_fen', width: 110, align: 'right', render: (v: number) => formatFen(v) },
                  { title: t('refunds.share'), key: 'share', width: 90, align: 'right', render: (_: unknown, e) => formatPercent(refundShare(e), 2) },
                  { title: t('refund.days'), key: 'days', width: 90, align: 'right', render: (_: unknown, e) => refundedDays(e).length },
                  {
                    title: t('refunds.status'),
                    dataIndex: 'status',
                    width: 130,
                    render: (s: string, e) => (
                      <Space size={4}>
                        <Tag color={STATUS_COLOUR[s] ?? 'default'}>{statusText(t, s)}</Tag>
                        {e.overdue && <Tag color="red">{t('refund.overdue')}</Tag>}
                      </Space>
                    ),
                  },
                  { title: t('refund.deadline'), dataIndex: 'payment_deadline', width: 105, render: (v: string) => formatDate(v) },
                  {
                    title: t('refund.choice'),
                    dataIndex: 'choice',
                    width: 100,
                    render: (c: string | null) => (c === 'payment' || c === 'offset' ? t(`refund.choice.${c}` as MessageKey) : c ?? t('common.none')),
                  },
                  {
                    title: t('refund.payout'),
                    key: 'payout',
                    width: 260,
                    render: (_: unknown, e) => (e.status === 'paid' ? <RefundPayout payout={e.payout ?? null} /> : MISSING),
                  },
                  {
                    title: t('refunds.actions'),
                    key: 'actions',
                    width: 150,
                    fixed: 'right',
                    render: (_: unknown, e) => {
                      const actions = refundActions(e.status, me?.role);
                      if (actions.length === 0) return null;
                      const words = { code: codeOf(e.household_id) ?? `#${e.household_id}`, amount: formatFen(e.refund_fen) };
                      const idle = busy !== null && busy !== e.id;
                      return (
                        <Space size={4}>
                          {actions.map((a) =>
                            a === 'approve' ? (
                              <Popconfirm key={a} title={t('refunds.approveConfirm', words)} okText={t('refunds.approve')} cancelText={t('common.cancel')} onConfirm={() => approve(e)}>
                                <Button size="small" type="link" data-testid="refund-approve" loading={busy === e.id} disabled={idle}>
                                  {t('refunds.approve')}
                                </Button>
                              </Popconfirm>
                            ) : settledByBill(e) ? (
                              <Typography.Text key={a} type="secondary" style={{ fontSize: 12 }} data-testid="refund-pay-offset">
                                {t('refunds.payOffset')}
                              </Typography.Text>
                            ) : (
                              <Button key={a} size="small" type="link" data-testid="refund-pay" disabled={idle} onClick={() => setPaying(e)}>
                                {t('refunds.pay')}
                              </Button>
                            ),
                          )}
                        </Space>
                      );
                    },
                  },
                ]}
              />
              <CursorPager {...pager} />
            </>
          )}
        </Card>
      </Flex>
      {paying && (
        <PayModal
          entry={paying}
          code={codeOf(paying.household_id) ?? `#${paying.household_id}`}
          onClose={() => setPaying(null)}
          onPaid={() => {
            setPaying(null);
            list.reload();
          }}
          onChanged={list.reload}
        />
      )}
    </PageContainer>
  );
}
