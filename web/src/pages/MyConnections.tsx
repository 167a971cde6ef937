// 我的报装 (/my/connections, household): the household's own connection applications (R-CONN-1),
// read only, newest first, a page at a time: the state, the season it catches (and what it is
// told when that is the next one), the documents still to hand in, the decision deadline (1
// working day, 3 with outside works, W 9.1.4); 查看详情 opens the application with its history.
// The server answers a household its own applications only.
import { PageContainer } from '@ant-design/pro-components';
import { Alert, Button, Card, Descriptions, Empty, Flex, Skeleton, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, type Page } from '../api/client';
import type { Connection } from '../api/types';
import { formatDateTime } from '../format';
import { useT } from '../i18n';
import ConnectionDrawer from './connections/ConnectionDrawer';
import { ConnectionStateTag, DecisionDeadlineView, DocumentTags, SeasonView } from './connections/parts';
import { PHONE_TOKEN } from './household/phone';

function ConnectionCard({ connection: c, onOpen }: { connection: Connection; onOpen: () => void }) {
  const t = useT();
  return (
    <Card size="small" data-testid="my-connection" title={t('connection.detailTitle', { id: c.id })} extra={<ConnectionStateTag state={c.state} />}>
      <Flex vertical gap={8}>
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
        <Button block onClick={onOpen} data-testid="my-connection-open">
          {t('claim.open')}
        </Button>
      </Flex>
    </Card>
  );
}

export default function MyConnections() {
  const t = useT();
  const [items, setItems] = useState<Connection[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>();
  const [open, setOpen] = useState<number>();

  const load = useCallback(async (cursor?: string) => {
    setLoading(true);
    setError(undefined);
    try {
      const page = await api.get<Page<Connection>>('/api/v1/connections', { limit: 20, cursor });
      setItems((old) => (cursor ? [...old, ...page.items] : page.items));
      setNext(page.next_cursor ? String(page.next_cursor) : null);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <PageContainer token={PHONE_TOKEN} title={t('menu.myConnections')}>
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('connection.explainHousehold')}</Typography.Text>
        {error ? <Alert type="error" showIcon message={error instanceof Error ? error.message : String(error)} /> : null}
        {loading && items.length === 0 ? (
          <Skeleton active />
        ) : items.length === 0 && !error ? (
          <Card size="small">
            <Empty description={t('connection.none')} />
          </Card>
        ) : (
          items.map((c) => <ConnectionCard key={c.id} connection={c} onOpen={() => setOpen(c.id)} />)
        )}
        {next && (
          <Button block loading={loading} onClick={() => void load(next)}>
            {t('common.loadMore')}
          </Button>
        )}
      </Flex>
      {open !== undefined && <ConnectionDrawer key={open} id={open} onClose={() => setOpen(undefined)} />}
    </PageContainer>
  );
}
