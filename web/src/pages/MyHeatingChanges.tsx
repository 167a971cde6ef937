// 我的供暖 › 停复热申请 (/my/heating-changes, household): the household's own applications to
// change its heating (R-ACCT-1, W 9.1.8), newest first, a page at a time: the kind, the day it
// takes effect, the documents still to hand in, the reason of a refusal and the settlement (应退 /
// 应补, or by the meter's readings). 申请停热 (while heated) or 申请复热 (while stopped) applies
// for its own; an area change is taken in at the service hall. 查看详情 opens the application.
import { PageContainer } from '@ant-design/pro-components';
import { Button, Descriptions } from 'antd';
import { useState } from 'react';
import type { HeatingChange, Household } from '../api/types';
import { useApi } from '../api/useApi';
import { useLoadMore } from '../api/useLoadMore';
import { useAuth } from '../auth';
import { NotFound } from '../components/PageState';
import RecordCards, { RecordCard } from '../components/RecordCards';
import { formatDate, formatDateTime } from '../format';
import { useT } from '../i18n';
import ApplyChangeModal from './heatingChanges/ApplyChangeModal';
import HeatingChangeDrawer from './heatingChanges/HeatingChangeDrawer';
import { householdKind } from './heatingChanges/logic';
import { ChangeKindTag, ChangeStateTag, DocumentTags, SettlementView } from './heatingChanges/parts';
import { PHONE_TOKEN } from './household/phone';

function ChangeCard({ change: c, onOpen }: { change: HeatingChange; onOpen: () => void }) {
  const t = useT();
  return (
    <RecordCard testId="my-heating-change" title={t('heatingChange.detailTitle', { id: c.id })} tag={<ChangeStateTag state={c.state} />} onOpen={onOpen}>
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('heatingChange.kindLabel')}>
          <ChangeKindTag kind={c.kind} />
        </Descriptions.Item>
        <Descriptions.Item label={t('heatingChange.effective')}>{formatDate(c.effective)}</Descriptions.Item>
        <Descriptions.Item label={t('heatingChange.receivedAt')}>{formatDateTime(c.received_at)}</Descriptions.Item>
        <Descriptions.Item label={t('heatingChange.missing')}>
          <DocumentTags documents={c.missing} missing none={t('heatingChange.noMissing')} />
        </Descriptions.Item>
        {c.reason && (
          <Descriptions.Item label={t('heatingChange.reason')}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{c.reason}</span>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('heatingChange.settlement')}>
          <SettlementView change={c} />
        </Descriptions.Item>
      </Descriptions>
    </RecordCard>
  );
}

export default function MyHeatingChanges() {
  const t = useT();
  const { me } = useAuth();
  const id = me?.household_id ?? null;
  const household = useApi<Household>(id !== null ? `/api/v1/households/${id}` : null);
  const list = useLoadMore<HeatingChange>('/api/v1/heating-changes');
  const { setItems } = list;
  const [open, setOpen] = useState<number>();
  const [applying, setApplying] = useState(false);
  const kind = householdKind(household.data?.heating_status);

  if (id === null) return <NotFound />;
  return (
    <PageContainer
      token={PHONE_TOKEN}
      title={t('menu.myHeatingChanges')}
      extra={
        kind && (
          <Button type="primary" data-testid="my-heating-change-apply" data-kind={kind} onClick={() => setApplying(true)}>
            {t(kind === 'stop' ? 'heatingChange.applyStop' : 'heatingChange.applyResume')}
          </Button>
        )
      }
    >
      <div data-testid="my-heating-changes">
        <RecordCards intro={t('heatingChange.explainHousehold')} empty={t('heatingChange.none')} list={list}>
          {(c) => <ChangeCard change={c} onOpen={() => setOpen(c.id)} />}
        </RecordCards>
      </div>
      {applying && kind && (
        <ApplyChangeModal
          household={id}
          kind={kind}
          onClose={() => setApplying(false)}
          onDone={(c) => {
            setApplying(false);
            setItems((old) => [c, ...old.filter((o) => o.id !== c.id)]);
          }}
        />
      )}
      {open !== undefined && <HeatingChangeDrawer key={open} id={open} onClose={() => setOpen(undefined)} onChanged={(c) => setItems((old) => old.map((o) => (o.id === c.id ? c : o)))} />}
    </PageContainer>
  );
}
