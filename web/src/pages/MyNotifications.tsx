// 我的通知 (/my/notifications): the household's own messages (orders received, technicians
// dispatched, extensions, replies; heating stops' notices as a 停热通知 card with the cause,
// start, expected restoration, road sections and text), newest first, a page at a time.
import { PageContainer } from '@ant-design/pro-components';
import { Alert, Button, Card, Descriptions, Empty, Flex, List, Skeleton, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, type Page } from '../api/client';
import type { Notification, OutageNoticeFields } from '../api/types';
import { formatDateTime } from '../format';
import { PHONE_TOKEN } from './household/phone';
import { outageNoticeOf } from './outages/logic';
import { KindTag } from './outages/parts';
import { useT, type MessageKey } from '../i18n';

const KNOWN_TOPICS = ['received', 'dispatched', 'extended', 'replied', 'returned', 'closed', 'overdue'];
const KNOWN_FIELDS = ['external_id', 'technician', 'arrive_by', 'reason', 'reply_by', 'replied_at', 'result', 'returned_at', 'approved_by', 'closed_at', 'parent_id', 'received_at', 'deadline', 'due'];
const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** A heating stop's notice: what a household needs to know, in the order it reads it. */
function OutageNoticeCard({ notice, at }: { notice: OutageNoticeFields; at: string }) {
  const t = useT();
  return (
    <Card
      size="small"
      data-testid="outage-notice-card"
      style={{ width: '100%', borderColor: '#ffbb96' }}
      title={
        <Flex gap={8} align="center" wrap="wrap">
          <span>{t('topic.outageNotice')}</span>
          {notice.kind && <KindTag kind={notice.kind} />}
        </Flex>
      }
      extra={<Typography.Text type="secondary">{formatDateTime(at)}</Typography.Text>}
    >
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('outage.cause')}>{notice.cause || t('common.none')}</Descriptions.Item>
        <Descriptions.Item label={t('outage.start')}>{formatDateTime(notice.start)}</Descriptions.Item>
        <Descriptions.Item label={t('outage.restoreExpected')}>
          <Typography.Text strong>{formatDateTime(notice.expected_end)}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('outage.roadSections')}>{notice.road_sections || t('common.none')}</Descriptions.Item>
        {notice.text && <Descriptions.Item label={t('outage.noticeText')}>{notice.text}</Descriptions.Item>}
      </Descriptions>
    </Card>
  );
}

export default function MyNotifications() {
  const t = useT();
  const [items, setItems] = useState<Notification[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>();

  const load = useCallback(async (cursor?: string) => {
    setLoading(true);
    setError(undefined);
    try {
      const page = await api.get<Page<Notification>>('/api/v1/notifications', { limit: 20, cursor });
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

  const topicText = (topic: string) => {
    const short = topic.replace(/^work-order\./, '');
    return topic.startsWith('work-order.') && KNOWN_TOPICS.includes(short) ? t(`topic.${short}` as MessageKey) : topic;
  };
  const fieldText = (key: string) => (KNOWN_FIELDS.includes(key) ? t(`notificationField.${key}` as MessageKey) : key);

  return (
    <PageContainer token={PHONE_TOKEN} title={t('menu.myNotifications')}>
      <Card size="small">
        {error ? <Alert type="error" showIcon message={error instanceof Error ? error.message : String(error)} /> : null}
        {loading && items.length === 0 ? (
          <Skeleton active />
        ) : items.length === 0 && !error ? (
          <Empty description={t('notifications.none')} />
        ) : (
          <List<Notification>
            dataSource={items}
            renderItem={(n) => {
              const outage = outageNoticeOf(n);
              if (outage) {
                return (
                  <List.Item>
                    <OutageNoticeCard notice={outage} at={n.created_at} />
                  </List.Item>
                );
              }
              return (
                <List.Item>
                  <List.Item.Meta
                    title={
                      <Flex gap={8} wrap="wrap" justify="space-between">
                        <span>{topicText(n.topic)}</span>
                        <Typography.Text type="secondary">{formatDateTime(n.created_at)}</Typography.Text>
                      </Flex>
                    }
                    description={
                      <Flex vertical gap={2}>
                        {n.order_id !== null && <span>{t('notifications.order', { id: n.order_id })}</span>}
                        {Object.entries(n.fields)
                          .filter(([k, v]) => k !== 'order_id' && v !== '')
                          .map(([k, v]) => (
                            <span key={k}>{t('common.labelValue', { label: fieldText(k), value: TIME.test(v) ? formatDateTime(v) : v })}</span>
                          ))}
                      </Flex>
                    }
                  />
                </List.Item>
              );
            }}
          />
        )}
        {next && (
          <Button block loading={loading} onClick={() => void load(next)} style={{ marginTop: 12 }}>
            {t('common.loadMore')}
          </Button>
        )}
      </Card>
    </PageContainer>
  );
}
