// 我的供暖 › 我的账户 (/my/account, household): its contract (the household record's area, billing
// basis, agreed temperature and the contract's terms, R-ACCT-1, W 9.1.7) and its earlier terms
// (合同版本, records contract_versions, newest first), its heat-meter readings (R-METER-1, records
// meter_readings, newest season first) and the payments received (records payments, newest
// first), each with its receipt (供热费收据, R-BILL-1) in a modal. The record API lets a household
// read its own household, contract versions, readings and payments only (model/resources.cpp,
// household_readable; the scope is the server's): nothing here asks for another's.
import { PageContainer } from '@ant-design/pro-components';
import { Alert, Card, Flex, Skeleton, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { MeterReading, Payment } from '../api/types';
import { useLoadMore } from '../api/useLoadMore';
import { NotFound } from '../components/PageState';
import RecordCards from '../components/RecordCards';
import { toEpochMs } from '../format';
import { useT } from '../i18n';
import { ContractCard, PaymentCard, ReadingCard } from './account/parts';
import ContractVersions from './household/ContractVersions';
import ReceiptModal from './receipt/ReceiptModal';
import { PHONE_TOKEN } from './household/phone';
import { useOwnHousehold } from './MyTemperatures';

/** Readings by season, the newest first. */
export function bySeason(items: readonly MeterReading[]): MeterReading[] {
  return [...items].sort((a, b) => b.season - a.season || b.id - a.id);
}

/** Payments by the time paid, the newest first. */
export function byPaidAt(items: readonly Payment[]): Payment[] {
  return [...items].sort((a, b) => toEpochMs(b.paid_at) - toEpochMs(a.paid_at) || b.id - a.id);
}

export default function MyAccount() {
  const t = useT();
  const { id, household } = useOwnHousehold();
  const own = { household_id: id ?? undefined };
  const readings = useLoadMore<MeterReading>('/api/v1/meter_readings', own, 50);
  const payments = useLoadMore<Payment>('/api/v1/payments', own, 50);
  const readingItems = useMemo(() => bySeason(readings.items), [readings.items]);
  const paymentItems = useMemo(() => byPaidAt(payments.items), [payments.items]);
  const [receiptOf, setReceiptOf] = useState<number | null>(null);

  if (id === null) return <NotFound />;
  return (
    <PageContainer token={PHONE_TOKEN} title={t('menu.myAccount')}>
      <Flex vertical gap={12} data-testid="my-account">
        <Typography.Text type="secondary">{t('account.explain')}</Typography.Text>
        {household.error ? (
          <Alert type="error" showIcon message={household.error instanceof Error ? household.error.message : String(household.error)} />
        ) : household.data ? (
          <ContractCard household={household.data} />
        ) : (
          <Card size="small">
            <Skeleton active />
          </Card>
        )}
        <ContractVersions householdId={id} />
        <Typography.Title level={5} style={{ margin: '8px 0 0' }}>
          {t('account.readings')}
        </Typography.Title>
        <div data-testid="my-readings">
          <RecordCards intro={t('account.readingsExplain')} empty={t('account.noReadings')} list={{ ...readings, items: readingItems }}>
            {(r) => <ReadingCard reading={r} />}
          </RecordCards>
        </div>
        <Typography.Title level={5} style={{ margin: '8px 0 0' }}>
          {t('bills.payments')}
        </Typography.Title>
        <div data-testid="my-payments">
          <RecordCards intro={t('account.paymentsExplain')} empty={t('bills.noPayments')} list={{ ...payments, items: paymentItems }}>
            {(p) => <PaymentCard payment={p} onReceipt={setReceiptOf} />}
          </RecordCards>
        </div>
      </Flex>
      <ReceiptModal paymentId={receiptOf} onClose={() => setReceiptOf(null)} />
    </PageContainer>
  );
}
