// A household's refund ledger entries (R-REFUND-1..6): the amount in ¥, its share of the season
// fee, the status, how it is to be settled (paid out or offset, R-REFUND-6), and the days that
// make it up with their reasons; once paid, the payout (RefundPayout: how, its reference, when,
// and 逾期支付 when late). With `choosable` (the household's own page), an approved refund
// not yet paid offers the choice of payment or offset (RefundChoice); the list is asked again
// once the server accepts it.
import { Card, Descriptions, Empty, Flex, Skeleton, Alert, Table, Tag, Typography } from 'antd';
import type { Page } from '../../api/client';
import type { LedgerDay, RefundEntry } from '../../api/types';
import { useApi } from '../../api/useApi';
import { namedPager } from '../../components/a11y';
import { formatDate, formatFen, formatPercent, formatTemp } from '../../format';
import { useT, type MessageKey } from '../../i18n';
import RefundChoice, { choosable as mayChoose } from './RefundChoice';
import RefundPayout from './RefundPayout';

const STATUS_COLOUR: Record<string, string> = { draft: 'default', approved: 'blue', paid: 'green' };

/** The refund as a share of the season's fee, in percent; null without a fee. */
export function refundShare(e: Pick<RefundEntry, 'refund_fen' | 'fee_fen'>): number | null {
  return e.fee_fen > 0 ? (e.refund_fen / e.fee_fen) * 100 : null;
}

export function causeText(t: (k: MessageKey) => string, cause: string): string {
  const key = `cause.${cause.replace(/-/g, '_')}` as MessageKey;
  return ['temperature', 'not_heated', 'outage', 'none'].includes(cause.replace(/-/g, '_')) ? t(key) : cause;
}

/** How the refund is to be settled, as the household chose; undefined when there is nothing to
 * say (a draft without a choice). */
export function choiceText(t: (k: MessageKey) => string, entry: Pick<RefundEntry, 'status' | 'choice'>): string | undefined {
  if (entry.choice === 'payment' || entry.choice === 'offset') return t(`refund.choice.${entry.choice}`);
  if (entry.choice) return entry.choice;
  return entry.status === 'approved' ? t('refundChoice.notChosen') : undefined;
}

interface EntryProps {
  entry: RefundEntry;
  compact?: boolean;
  choosable?: boolean;
  onChosen: () => void;
}

function Entry({ entry, compact, choosable, onChosen }: EntryProps) {
  const t = useT();
  const choice = choiceText(t, entry);
  const refunded = entry.days.filter((d) => d.share_percent > 0);
  const share = refundShare(entry);
  return (
    <Card size="small" data-testid="refund-entry" data-status={entry.status} title={t('refund.season', { season: entry.season })} extra={<Tag color={STATUS_COLOUR[entry.status]}>{t(`refund.status.${entry.status}` as MessageKey)}</Tag>}>
      <Flex vertical gap={12}>
        <Typography.Text data-testid="refund-share" style={{ fontSize: 18 }}>
          {t('refund.amountLine', { amount: formatFen(entry.refund_fen), share: formatPercent(share, 2), fee: formatFen(entry.fee_fen) })}
        </Typography.Text>
        <Descriptions size="small" column={compact ? 1 : 3}>
          <Descriptions.Item label={t('refund.days')}>{t('refund.daysValue', { n: refunded.length, official: entry.official_days })}</Descriptions.Item>
          <Descriptions.Item label={t('refund.coveredTo')}>{formatDate(entry.covered_to)}</Descriptions.Item>
          <Descriptions.Item label={t('refund.deadline')}>
            {formatDate(entry.payment_deadline)}
            {entry.overdue && (
              <Tag color="red" style={{ marginLeft: 8 }}>
                {t('refund.overdue')}
              </Tag>
            )}
          </Descriptions.Item>
          {choice && (
            <Descriptions.Item label={t('refund.choice')}>
              <span data-testid="refund-choice-current">{choice}</span>
            </Descriptions.Item>
          )}
          {entry.status === 'paid' && (
            <Descriptions.Item label={t('refund.payout')}>
              <RefundPayout payout={entry.payout ?? null} />
            </Descriptions.Item>
          )}
        </Descriptions>
        {choosable && mayChoose(entry) && <RefundChoice key={`${entry.id}-${entry.choice ?? ''}`} entry={entry} onChosen={onChosen} />}
        {refunded.length > 0 && (
          <Table<LedgerDay>
            size="small"
            rowKey="date"
            dataSource={refunded}
            pagination={refunded.length > 10 ? namedPager(t, { pageSize: 10, pageSizeOptions: [10, 20, 50], showSizeChanger: true }) : false}
            scroll={{ x: compact ? undefined : 700 }}
            columns={[
              { title: t('days.date'), dataIndex: 'date', width: 110 },
              { title: t('days.value'), dataIndex: 'value', width: 90, align: 'right', render: (v: number | null) => formatTemp(v) },
              { title: t('days.share'), dataIndex: 'share_percent', width: 70, align: 'right', render: (v: number) => formatPercent(v) },
              { title: t('refund.cause'), dataIndex: 'cause', width: 90, render: (c: string) => causeText(t, c) },
              ...(compact ? [] : [{ title: t('days.reason'), dataIndex: 'reason' }]),
            ]}
          />
        )}
      </Flex>
    </Card>
  );
}

export default function RefundList({ householdId, compact, choosable }: { householdId: number; compact?: boolean; choosable?: boolean }) {
  const t = useT();
  const refunds = useApi<Page<RefundEntry>>('/api/v1/refunds', { household_id: householdId, limit: 20 });
  if (refunds.loading && !refunds.data) return <Skeleton active />;
  if (refunds.error) return <Alert type="error" showIcon message={refunds.error instanceof Error ? refunds.error.message : String(refunds.error)} />;
  const items = [...(refunds.data?.items ?? [])].sort((a, b) => b.season - a.season);
  if (items.length === 0) return <Empty description={t('refund.none')} />;
  return (
    <Flex vertical gap={12}>
      {items.map((e) => (
        <Entry key={e.id} entry={e} compact={compact} choosable={choosable} onChosen={refunds.reload} />
      ))}
    </Flex>
  );
}
