// 我的报装 (/my/connections, household): the household's own connection applications (R-CONN-1),
// read only, newest first, a page at a time: the state, the season it catches (and what it is
// told when that is the next one), the documents still to hand in, the decision deadline (1
// working day, 3 with outside works, W 9.1.4); 查看详情 opens the application with its history.
// The server answers a household its own applications only.
import { PageContainer } from '@ant-design/pro-components';
import { Alert, Descriptions } from 'antd';
import { useState } from 'react';
import type { Connection } from '../api/types';
import { useLoadMore } from '../api/useLoadMore';
import RecordCards, { RecordCard } from '../components/RecordCards';
import { formatDateTime } from '../format';
import { useT } from '../i18n';
import ConnectionDrawer from './connections/ConnectionDrawer';
import { ConnectionStateTag, DecisionDeadlineView, DocumentTags, SeasonView } from './connections/parts';
import { PHONE_TOKEN } from './household/phone';

function ConnectionCard({ connection: c, onOpen }: { connection: Connection; onOpen: () => void }) {
  const t = useT();
  return (
    <RecordCard testId="my-connection" title={t('connection.detailTitle', { id: c.id })} tag={<ConnectionStateTag state={c.state} />} onOpen={onOpen}>
      {c.notice && <Alert type="warning" showIcon data-testid="connection-notice" message={c.notice} />}
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('connection.receivedAt')}>{formatDateTime(c.received_at)}</Descriptions.Item>
        <Descriptions.Item label={t('connection.season')}>
          <SeasonView connection={c} />
        </Descriptions.Item>
        <Descriptions.Item label={t('connection.missing')}>
          <DocumentTags documents={c.missing} missing none={t('connection.noMissing')} />
        </Descriptions.Item>
        {c.reason && (
          <Descriptions.Item label={t('connection.reason')}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{c.reason}</span>
          </Descriptions.Item>
        )}
        {c.suggestion && (
          <Descriptions.Item label={t('connection.suggestion')}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{c.suggestion}</span>
          </Descriptions.Item>
        )}
      </Descriptions>
      <DecisionDeadlineView connection={c} />
    </RecordCard>
  );
}

export default function MyConnections() {
  const t = useT();
  const list = useLoadMore<Connection>('/api/v1/connections');
  const [open, setOpen] = useState<number>();

  return (
    <PageContainer token={PHONE_TOKEN} title={t('menu.myConnections')}>
      <RecordCards intro={t('connection.explainHousehold')} empty={t('connection.none')} list={list}>
        {(c) => <ConnectionCard connection={c} onOpen={() => setOpen(c.id)} />}
      </RecordCards>
      {open !== undefined && <ConnectionDrawer key={open} id={open} onClose={() => setOpen(undefined)} />}
    </PageContainer>
  );
}
