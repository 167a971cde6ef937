// 我的供暖 › 账单 (/my/bills, household): the household's own season bills (R-BILL-1, W 9.2,
// W 9.3), newest first, a page at a time, a card per bill: the season (2026–2027), why it was
// billed by area when billed by meter (R-METER-1, as an alert), the lines as printed (an offset
// explained as 上季退费抵扣, R-REFUND-6), what is due, paid and still owed, what was paid back and
// what is held overpaid (已退还, 多缴待退: a bill settled again, R-ACCT-1; read-only here) when
// any, and the due date. 查看详情 opens the bill in full.
import { PageContainer } from '@ant-design/pro-components';
import { Flex, Typography } from 'antd';
import { useState } from 'react';
import { useLoadMore } from '../api/useLoadMore';
import { useAuth } from '../auth';
import { NotFound } from '../components/PageState';
import RecordCards, { RecordCard } from '../components/RecordCards';
import { useT } from '../i18n';
import BillDrawer from './bills/BillDrawer';
import { BasisReason, BillLines, BillSums, PaidTag, seasonLabel } from './bills/parts';
import type { Bill } from './bills/types';
import { PHONE_TOKEN } from './household/phone';

function BillCard({ bill: b, onOpen }: { bill: Bill; onOpen: () => void }) {
  const t = useT();
  return (
    <RecordCard testId="my-bill" title={seasonLabel(t, b.season)} tag={<PaidTag bill={b} />} onOpen={onOpen}>
      <BasisReason bill={b} />
      <Flex vertical gap={8}>
        <Typography.Text strong>{t('bill.lines')}</Typography.Text>
        <BillLines lines={b.lines} />
      </Flex>
      <BillSums bill={b} due />
    </RecordCard>
  );
}

export default function MyBills() {
  const t = useT();
  const { me } = useAuth();
  const id = me?.household_id ?? null;
  const list = useLoadMore<Bill>('/api/v1/bills');
  const [open, setOpen] = useState<number>();

  if (id === null) return <NotFound />;
  return (
    <PageContainer token={PHONE_TOKEN} title={t('menu.myBills')}>
      <div data-testid="my-bills">
        <RecordCards intro={t('bill.explainHousehold')} empty={t('bill.none')} list={list}>
          {(b) => <BillCard bill={b} onOpen={() => setOpen(b.id)} />}
        </RecordCards>
      </div>
      {open !== undefined && <BillDrawer key={open} id={open} onClose={() => setOpen(undefined)} />}
    </PageContainer>
  );
}
