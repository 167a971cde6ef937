// 我的热表 (/my/meter-disputes, household): the household's own heat-meter disputes (R-METER-1),
// newest first, a page at a time: why, the state, the calibration's result, cost and who pays it
// (W 10.3), and an Alert when a failed meter puts the household on area billing. 申请热表检定
// raises one with the reason only (the household is the signed-in one's); 撤回 withdraws an open
// one it raised (when the dispute's actions offer it); 查看详情 opens the dispute.
import { PageContainer } from '@ant-design/pro-components';
import { Alert, Button, Descriptions } from 'antd';
import { useState } from 'react';
import type { MeterDispute } from '../api/types';
import { useLoadMore } from '../api/useLoadMore';
import { useAuth } from '../auth';
import { NotFound } from '../components/PageState';
import RecordCards, { RecordCard } from '../components/RecordCards';
import { formatDateTime } from '../format';
import { useT } from '../i18n';
import { PHONE_TOKEN } from './household/phone';
import { moneyText } from './insurance/logic';
import AskCalibrationModal from './meterDisputes/AskCalibrationModal';
import DisputeActionModal from './meterDisputes/DisputeActionModal';
import DisputeDrawer from './meterDisputes/DisputeDrawer';
import { disputeActions } from './meterDisputes/logic';
import { actionText, DisputeStateTag, PayerView, ResultTag } from './meterDisputes/parts';

function DisputeCard({ dispute: d, onOpen, onWithdraw }: { dispute: MeterDispute; onOpen: () => void; onWithdraw: () => void }) {
  const t = useT();
  const mayWithdraw = disputeActions(d).includes('withdraw');
  return (
    <RecordCard
      testId="my-dispute"
      title={t('meterDispute.detailTitle', { id: d.id })}
      tag={<DisputeStateTag state={d.state} />}
      onOpen={onOpen}
      actions={
        mayWithdraw && (
          <Button block danger onClick={onWithdraw} data-testid="my-dispute-withdraw">
            {actionText(t, 'withdraw')}
          </Button>
        )
      }
    >
      {d.billing?.by_area && <Alert type="warning" showIcon data-testid="dispute-billing" message={t('meterDispute.byArea')} description={d.billing.reason} />}
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('meterDispute.createdAt')}>{formatDateTime(d.created_at)}</Descriptions.Item>
        <Descriptions.Item label={t('meterDispute.reason')}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{d.reason}</span>
        </Descriptions.Item>
        {d.result && (
          <>
            <Descriptions.Item label={t('meterDispute.result')}>
              <ResultTag result={d.result} />
            </Descriptions.Item>
            <Descriptions.Item label={t('meterDispute.cost')}>{moneyText(d.cost, d.cost_fen)}</Descriptions.Item>
            <Descriptions.Item label={t('meterDispute.payer')}>
              <PayerView dispute={d} />
            </Descriptions.Item>
          </>
        )}
      </Descriptions>
    </RecordCard>
  );
}

export default function MyMeterDisputes() {
  const t = useT();
  const { me } = useAuth();
  const household = me?.household_id ?? null;
  const list = useLoadMore<MeterDispute>('/api/v1/meter-disputes');
  const { setItems } = list;
  const [open, setOpen] = useState<number>();
  const [asking, setAsking] = useState(false);
  const [withdrawing, setWithdrawing] = useState<MeterDispute>();

  const replace = (d: MeterDispute) => setItems((old) => old.map((o) => (o.id === d.id ? d : o)));

  if (household === null) return <NotFound />;
  return (
    <PageContainer
      token={PHONE_TOKEN}
      title={t('menu.myMeterDisputes')}
      extra={
        <Button type="primary" data-testid="dispute-ask" onClick={() => setAsking(true)}>
          {t('meterDispute.ask')}
        </Button>
      }
    >
      <RecordCards intro={t('meterDispute.explainHousehold')} empty={t('meterDispute.none')} list={list}>
        {(d) => <DisputeCard dispute={d} onOpen={() => setOpen(d.id)} onWithdraw={() => setWithdrawing(d)} />}
      </RecordCards>
      {asking && (
        <AskCalibrationModal
          household={household}
          onClose={() => setAsking(false)}
          onDone={(d) => {
            setAsking(false);
            setItems((old) => [d, ...old.filter((o) => o.id !== d.id)]);
          }}
        />
      )}
      {withdrawing && (
        <DisputeActionModal
          dispute={withdrawing}
          action="withdraw"
          onClose={() => setWithdrawing(undefined)}
          onDone={(d) => {
            setWithdrawing(undefined);
            replace(d);
          }}
        />
      )}
      {open !== undefined && <DisputeDrawer key={open} id={open} onClose={() => setOpen(undefined)} onChanged={replace} />}
    </PageContainer>
  );
}
