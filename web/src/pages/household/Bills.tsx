// A household's contract terms (W 9.1.7, when recorded), its season fees (R-BILL-1) and the
// payments received, each with its receipt (供热费收据, R-BILL-1), money in ¥ with two decimals.
import { Alert, Button, Descriptions, Empty, Flex, Skeleton, Table, Typography } from 'antd';
import { useState } from 'react';
import type { Page } from '../../api/client';
import type { Fee, Household, Payment } from '../../api/types';
import { useApi } from '../../api/useApi';
import { formatDate, formatDateTime, formatYuan, MISSING } from '../../format';
import { useT, type MessageKey } from '../../i18n';
import ReceiptModal from '../receipt/ReceiptModal';

const METHODS = ['cash', 'bank', 'wechat', 'alipay', 'offset'];

export default function Bills({ household }: { household: Household }) {
  const t = useT();
  const fees = useApi<Page<Fee>>('/api/v1/fees', { household_id: household.id, limit: 100 });
  const payments = useApi<Page<Payment>>('/api/v1/payments', { household_id: household.id, limit: 100 });
  const [receiptOf, setReceiptOf] = useState<number | null>(null);
  const contract = household.contract && typeof household.contract === 'object' ? Object.entries(household.contract as Record<string, unknown>) : [];
  const error = fees.error ?? payments.error;
  if (error) return <Alert type="error" showIcon message={error instanceof Error ? error.message : String(error)} />;
  if (!fees.data || !payments.data) return <Skeleton active />;
  return (
    <Flex vertical gap={12}>
      <div>
        <Typography.Title level={5}>{t('bills.contract')}</Typography.Title>
        {contract.length === 0 ? (
          <Typography.Text type="secondary">{t('bills.noContract')}</Typography.Text>
        ) : (
          <Descriptions size="small" column={1} bordered>
            {contract.map(([k, v]) => (
              <Descriptions.Item key={k} label={k}>
                {typeof v === 'string' ? v : JSON.stringify(v)}
              </Descriptions.Item>
            ))}
          </Descriptions>
        )}
      </div>
      <div>
        <Typography.Title level={5}>{t('bills.fees')}</Typography.Title>
        <Table<Fee>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={[...fees.data.items].sort((a, b) => b.season - a.season)}
          locale={{ emptyText: <Empty description={t('bills.noFees')} /> }}
          columns={[
            { title: t('bills.season'), dataIndex: 'season', width: 120, render: (s: number) => t('refund.season', { season: s }) },
            { title: t('bills.amount'), dataIndex: 'amount', width: 140, align: 'right', render: (v: number) => formatYuan(v) },
            { title: t('bills.dueOn'), dataIndex: 'due_on', render: (d: string) => formatDate(d) },
          ]}
        />
      </div>
      <div>
        <Typography.Title level={5}>{t('bills.payments')}</Typography.Title>
        <Table<Payment>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={payments.data.items}
          locale={{ emptyText: <Empty description={t('bills.noPayments')} /> }}
          columns={[
            { title: t('bills.paidAt'), dataIndex: 'paid_at', width: 160, render: (v: string) => formatDateTime(v) },
            { title: t('bills.amount'), dataIndex: 'amount', width: 140, align: 'right', render: (v: number) => formatYuan(v) },
            { title: t('bills.method'), dataIndex: 'method', width: 120, render: (m: string) => (METHODS.includes(m) ? t(`payMethod.${m}` as MessageKey) : m) },
            { title: t('receipt.reference'), dataIndex: 'reference', render: (r: string | null | undefined) => r || MISSING },
            {
              title: t('receipt.open'),
              key: 'receipt',
              width: 80,
              render: (_: unknown, p: Payment) => (
                <Button size="small" type="link" data-testid="payment-receipt" onClick={() => setReceiptOf(p.id)}>
                  {t('receipt.open')}
                </Button>
              ),
            },
          ]}
        />
      </div>
      <ReceiptModal paymentId={receiptOf} onClose={() => setReceiptOf(null)} />
    </Flex>
  );
}
