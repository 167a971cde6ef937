// 停热详情 (/outages/:id): the stop, its scope (影响范围: each level's records, the households and
// area they make), the notices it owes (通知义务: duty, due time with the time left, basis, state)
// and the notices published (通知记录). Recorders (admin, manager, agent) may 补发通知 (a notice
// to every affected household; a later expected end announces an overrun) and 结束停热 while
// the stop has not ended; both through OutageActionModal.
import { PageContainer } from '@ant-design/pro-components';
import { Button, Card, Descriptions, Empty, Flex, Form, Input, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { api } from '../api/client';
import type { OutageDetail as Detail, OutageNotice, OutageObligation } from '../api/types';
import { useApi } from '../api/useApi';
import { useRecords } from '../api/useRecords';
import { useAuth } from '../auth';
import { namedClear } from '../components/a11y';
import Countdown from '../components/Countdown';
import { NotFound, PageError, PageLoading } from '../components/PageState';
import { useNow } from '../components/useNow';
import { formatDateTime } from '../format';
import { useT, type MessageKey } from '../i18n';
import {
  beijingWallMinute,
  END_FIELDS,
  endBody,
  formatArea,
  NOTICE_FIELDS,
  noticeBody,
  outageActions,
  outagePhase,
  pickedMs,
  SCOPE_LEVELS,
  type NoticeValues,
  type ScopeLevel,
} from './outages/logic';
import OutageActionModal from './outages/OutageActionModal';
import { BeijingPicker, DutyStateTag, dutyText, KindTag, kindText, NoticeStatusTags, PhaseTag } from './outages/parts';

/** The records of one level of the scope, by code where the user may read them. */
function ScopeLevelTags({ level, ids }: { level: ScopeLevel; ids: number[] }) {
  const t = useT();
  const records = useRecords<{ code?: string; name?: string | null }>(level, ids);
  if (ids.length === 0) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return (
    <Flex gap={4} wrap="wrap">
      {ids.map((id) => {
        const r = records.get(id);
        return (
          <Tag key={id} title={`#${id}`}>
            {r?.code ?? `#${id}`}
            {r?.name ? ` ${r.name}` : ''}
          </Tag>
        );
      })}
    </Flex>
  );
}

/** A time field that is "now or before" (a notice is recorded once published, a stop ended once
 * heat is back: the server refuses times in the future). */
function PastTimeItem({ name, label }: { name: string; label: string }) {
  const t = useT();
  return (
    <Form.Item
      name={name}
      label={label}
      rules={[
        { required: true, message: t('outage.required', { what: label }) },
        {
          validator: async (_, v?: Dayjs | null) => {
            if (v && pickedMs(v) > Date.now() + 60_000) throw new Error(t('outage.notFuture'));
          },
        },
      ]}
    >
      <BeijingPicker />
    </Form.Item>
  );
}

export default function OutageDetail() {
  const t = useT();
  const { me } = useAuth();
  const { id = '' } = useParams();
  const valid = /^\d{1,15}$/.test(id);
  const outage = useApi<Detail>(valid ? `/api/v1/outages/${id}` : null);
  const [acting, setActing] = useState<'notice' | 'end'>();
  const now = useNow(60_000);
  if (!valid) return <NotFound />;
  if (outage.error) return <PageError error={outage.error} onRetry={outage.reload} />;
  const o = outage.data;
  if (!o) return <PageLoading />;
  const actions = outageActions(me?.role, o);
  const path = `/api/v1/outages/${o.id}`;
  const nowPicked = () => dayjs(beijingWallMinute(Date.now()));
  // The answer is the stop as it now is; read again so the page shows the server's own view.
  const done = () => {
    setActing(undefined);
    outage.reload();
  };

  return (
    <PageContainer
      title={t('outage.title', { id: o.id })}
      subTitle={
        <Space size={4} wrap>
          <KindTag kind={o.kind} />
          <PhaseTag phase={outagePhase(o, now)} />
          <NoticeStatusTags outage={o} />
        </Space>
      }
      extra={[
        ...(actions.includes('notice')
          ? [
              <Button key="notice" type="primary" data-testid="outage-publish" onClick={() => setActing('notice')}>
                {t('outage.publish')}
              </Button>,
            ]
          : []),
        ...(actions.includes('end')
          ? [
              <Button key="end" danger data-testid="outage-end" onClick={() => setActing('end')}>
                {t('outage.endAction')}
              </Button>,
            ]
          : []),
      ]}
    >
      <Flex vertical gap={16}>
        <Card size="small">
          <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} bordered>
            <Descriptions.Item label={t('outage.kindLabel')}>{kindText(t, o.kind, true)}</Descriptions.Item>
            <Descriptions.Item label={t('outage.companyCaused')}>{o.company_caused ? t('common.yes') : t('common.no')}</Descriptions.Item>
            <Descriptions.Item label={t('outage.noticeDue')}>{o.notice_due ? formatDateTime(o.notice_due) : t('common.none')}</Descriptions.Item>
            <Descriptions.Item label={t('outage.cause')} span={3}>
              {o.cause}
            </Descriptions.Item>
            <Descriptions.Item label={t('outage.start')}>{formatDateTime(o.start)}</Descriptions.Item>
            <Descriptions.Item label={t('outage.expectedEnd')}>
              <Typography.Text type={o.overrun && !o.actual_end ? 'danger' : undefined}>{formatDateTime(o.expected_end)}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('outage.actualEnd')}>{o.actual_end ? formatDateTime(o.actual_end) : t('outage.notEnded')}</Descriptions.Item>
            <Descriptions.Item label={t('outage.roadSections')} span={3}>
              {o.road_sections || t('common.none')}
            </Descriptions.Item>
            <Descriptions.Item label={t('outage.createdBy')}>{o.created_by}</Descriptions.Item>
            <Descriptions.Item label={t('outage.createdAt')}>{formatDateTime(o.created_at)}</Descriptions.Item>
            <Descriptions.Item label={t('outage.noticeCountLabel')}>{t('outage.noticeCount', { n: o.notice_count })}</Descriptions.Item>
          </Descriptions>
        </Card>
        <Card size="small" title={t('outage.scope')} data-testid="outage-scope">
          <Descriptions size="small" column={1} bordered>
            {SCOPE_LEVELS.map((level) => (
              <Descriptions.Item key={level} label={t('outage.scopeCount', { level: t(`outage.scope.${level}` as MessageKey), n: o.scope[level]?.length ?? 0 })}>
                <ScopeLevelTags level={level} ids={o.scope[level] ?? []} />
              </Descriptions.Item>
            ))}
            <Descriptions.Item label={t('outage.affected')}>
              <Typography.Text strong>{t('outage.totals', { households: o.affected_households, area: formatArea(o.affected_area_m2) })}</Typography.Text>
            </Descriptions.Item>
          </Descriptions>
        </Card>
        <Card size="small" title={t('outage.obligations')}>
          <Table<OutageObligation>
            data-testid="outage-obligations"
            size="small"
            rowKey={(ob) => `${ob.duty}-${ob.due}`}
            pagination={false}
            dataSource={o.obligations}
            scroll={{ x: 900 }}
            locale={{ emptyText: t('outage.noObligations') }}
            columns={[
              { title: t('outage.duty'), dataIndex: 'duty', width: 110, render: (d: string) => dutyText(t, d) },
              {
                title: t('outage.due'),
                key: 'due',
                width: 300,
                render: (_: unknown, ob) =>
                  ob.state === 'pending' || ob.state === 'overdue' ? <Countdown from={o.created_at} due={ob.due} /> : formatDateTime(ob.due),
              },
              {
                title: t('outage.basis'),
                dataIndex: 'basis',
                render: (b: string, ob) => (
                  <>
                    {b}
                    {ob.calendar_incomplete && (
                      <Tag color="orange" style={{ marginLeft: 6 }}>
                        {t('order.calendarIncomplete')}
                      </Tag>
                    )}
                  </>
                ),
              },
              { title: t('outage.dutyState'), dataIndex: 'state', width: 110, render: (s: string) => <DutyStateTag state={s} /> },
              { title: t('outage.metAt'), dataIndex: 'met_at', width: 140, render: (v: string | null) => (v ? formatDateTime(v) : t('common.none')) },
              { title: t('outage.announcedEnd'), dataIndex: 'announced_end', width: 150, render: (v: string | null) => (v ? formatDateTime(v) : '') },
            ]}
          />
        </Card>
        <Card size="small" title={t('outage.notices')}>
          {o.notices.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('outage.noNotices')} />
          ) : (
            <Table<OutageNotice>
              data-testid="outage-notices"
              size="small"
              rowKey="seq"
              pagination={false}
              dataSource={o.notices}
              scroll={{ x: 900 }}
              columns={[
                { title: t('outage.noticeSeq'), dataIndex: 'seq', width: 60 },
                { title: t('outage.noticeAt'), dataIndex: 'at', width: 140, render: (v: string) => formatDateTime(v) },
                { title: t('outage.expectedEnd'), dataIndex: 'expected_end', width: 140, render: (v: string) => formatDateTime(v) },
                { title: t('outage.noticeText'), dataIndex: 'text', render: (v: string) => v || t('common.none') },
                { title: t('outage.actor'), dataIndex: 'actor', width: 140 },
                { title: t('outage.recordedAt'), dataIndex: 'recorded_at', width: 140, render: (v: string) => formatDateTime(v) },
              ]}
            />
          )}
        </Card>
      </Flex>
      {acting === 'notice' && (
        <OutageActionModal<NoticeValues>
          name="notice"
          title={t('outage.publishTitle')}
          okText={t('outage.publish')}
          success={t('outage.published')}
          known={NOTICE_FIELDS}
          initialValues={{ at: nowPicked() }}
          send={(v) => api.post<Detail>(`${path}/notices`, noticeBody(v))}
          onClose={() => setActing(undefined)}
          onDone={done}
        >
          <Typography.Paragraph type="secondary">{t('outage.publishHint', { households: o.affected_households })}</Typography.Paragraph>
          <PastTimeItem name="at" label={t('outage.publishAt')} />
          <Form.Item
            name="expected_end"
            label={t('outage.newExpectedEnd')}
            extra={t('outage.newExpectedEndHint', { at: formatDateTime(o.expected_end) })}
            dependencies={['at']}
            rules={[
              ({ getFieldValue }) => ({
                validator: async (_, v?: Dayjs | null) => {
                  const at = pickedMs(getFieldValue('at'));
                  if (v && !Number.isNaN(at) && pickedMs(v) <= at) throw new Error(t('outage.endAfterNotice'));
                },
              }),
            ]}
          >
            <BeijingPicker allowClear={namedClear(t)} />
          </Form.Item>
          <Form.Item name="text" label={t('outage.noticeText')}>
            <Input.TextArea rows={3} maxLength={500} placeholder={t('outage.noticeTextPlaceholder')} />
          </Form.Item>
        </OutageActionModal>
      )}
      {acting === 'end' && (
        <OutageActionModal<{ at?: Dayjs | null }>
          name="end"
          title={t('outage.endTitle')}
          okText={t('outage.endAction')}
          success={t('outage.ended')}
          known={END_FIELDS}
          initialValues={{ at: nowPicked() }}
          send={(v) => api.post<Detail>(`${path}/end`, endBody(v))}
          onClose={() => setActing(undefined)}
          onDone={done}
        >
          <PastTimeItem name="at" label={t('outage.endAt')} />
        </OutageActionModal>
      )}
    </PageContainer>
  );
}
