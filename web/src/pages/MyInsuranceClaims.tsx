// 我的理赔 (/my/insurance-claims, household): the household's own insurance claims (R-INS-1),
// read only, newest first, a page at a time: what happened, the state, the amount agreed, the
// deadline that runs (赔付期限: 30 working days from agreement); 查看详情 opens the claim with its
// history. The server answers a household its own claims only.
import { PageContainer } from '@ant-design/pro-components';
import { Descriptions, Typography } from 'antd';
import { useState } from 'react';
import type { Claim } from '../api/types';
import { useLoadMore } from '../api/useLoadMore';
import RecordCards, { RecordCard } from '../components/RecordCards';
import { formatDateTime } from '../format';
import { useT } from '../i18n';
import { PHONE_TOKEN } from './household/phone';
import ClaimDrawer from './insurance/ClaimDrawer';
import { moneyText, shownDeadline } from './insurance/logic';
import { ClaimDeadlineView, ClaimStateTag } from './insurance/parts';

function ClaimCard({ claim: c, onOpen }: { claim: Claim; onOpen: () => void }) {
  const t = useT();
  const shown = shownDeadline(c);
  return (
    <RecordCard testId="my-claim" title={t('claim.detailTitle', { id: c.id })} tag={<ClaimStateTag state={c.state} />} onOpen={onOpen}>
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('claim.incidentAt')}>{formatDateTime(c.incident_at)}</Descriptions.Item>
        <Descriptions.Item label={t('claim.incident')}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{c.incident}</span>
        </Descriptions.Item>
        {(c.amount || c.amount_fen !== null) && (
          <Descriptions.Item label={t('claim.amount')}>
            <Typography.Text strong>{moneyText(c.amount, c.amount_fen)}</Typography.Text>
          </Descriptions.Item>
        )}
      </Descriptions>
      {shown && <ClaimDeadlineView name={shown.name} deadline={shown.deadline} />}
    </RecordCard>
  );
}

export default function MyInsuranceClaims() {
  const t = useT();
  const list = useLoadMore<Claim>('/api/v1/insurance-claims');
  const [open, setOpen] = useState<number>();

  return (
    <PageContainer token={PHONE_TOKEN} title={t('menu.myInsuranceClaims')}>
      <RecordCards intro={t('claim.explainHousehold')} empty={t('claim.none')} list={list}>
        {(c) => <ClaimCard claim={c} onOpen={() => setOpen(c.id)} />}
      </RecordCards>
      {open !== undefined && <ClaimDrawer key={open} id={open} onClose={() => setOpen(undefined)} />}
    </PageContainer>
  );
}
