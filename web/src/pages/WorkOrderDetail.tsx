// 工单详情 (/work-orders/:id, staff): the order, its deadlines with live countdowns, the whole
// timeline (who recorded each event, when, and whether it was entered late), and the actions
// the order's state and the user's role allow, each recorded through a form; a refusal from the
// server (409 state, 422 rules) is shown on the field it names.
import { PageContainer } from '@ant-design/pro-components';
import { Alert, App, Button, Card, Checkbox, Descriptions, Flex, Form, Input, Modal, Select, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError, errorText } from '../api/client';
import type { OrderDeadline, OrderTimelineEntry, WorkOrderDetail as Order } from '../api/types';
import { useApi } from '../api/useApi';
import { useAuth } from '../auth';
import Countdown from '../components/Countdown';
import { NotFound, PageError, PageLoading } from '../components/PageState';
import { allowedEvents, orderCategory, orderChannel, orderDeadline, orderEvent, orderState } from '../components/orderWords';
import { formatDateTime } from '../format';
import { useT, type MessageKey } from '../i18n';
import { beijingText } from './measurements/MeasurementForm';
import { parseBeijing } from './measurements/rules';
import { EVENT_FIELDS, eventBody, type EventField, type EventValues } from './workorders/eventFields';

const SHOWN_KEYS = ['seq', 'type', 'at', 'actor', 'recorded_at', 'backdated'];

function TimelineText({ entry }: { entry: OrderTimelineEntry }) {
  const t = useT();
  const extra = Object.entries(entry).filter(([k, v]) => !SHOWN_KEYS.includes(k) && v !== null && v !== '' && v !== undefined);
  return (
    <Flex vertical gap={2}>
      <Space wrap>
        <Typography.Text strong>{orderEvent(t, entry.type)}</Typography.Text>
        <Typography.Text>{formatDateTime(entry.at)}</Typography.Text>
        <Typography.Text type="secondary">{entry.actor}</Typography.Text>
        {entry.backdated && (
          <Tag color="orange" title={t('order.recordedAt', { at: formatDateTime(entry.recorded_at) })}>
            {t('order.backdated', { at: formatDateTime(entry.recorded_at) })}
          </Tag>
        )}
      </Space>
      {extra.map(([k, v]) => (
        <Typography.Text key={k} type="secondary" style={{ fontSize: 12 }}>
          {k}: {typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v) ? formatDateTime(v) : typeof v === 'object' ? JSON.stringify(v) : String(v)}
        </Typography.Text>
      ))}
    </Flex>
  );
}

function FieldInput({ field }: { field: EventField }) {
  const t = useT();
  const label = t(`eventField.${field.name}` as MessageKey);
  const timeRule = {
    validator: async (_: unknown, v?: string) => {
      if (v && Number.isNaN(parseBeijing(v))) throw new Error(t('measure.badTime'));
    },
  };
  const rules = field.required ? [{ required: true, message: t('measure.required', { what: label }) }] : [];
  switch (field.kind) {
    case 'bool':
      return (
        <Form.Item name={field.name} valuePropName="checked">
          <Checkbox>{label}</Checkbox>
        </Form.Item>
      );
    case 'time':
      return (
        <Form.Item name={field.name} label={label} rules={[...rules, timeRule]}>
          <Input placeholder="2026-01-05 10:00" />
        </Form.Item>
      );
    case 'mode':
    case 'satisfaction': {
      const values = field.kind === 'mode' ? ['phone', 'face-to-face'] : ['satisfied', 'basically-satisfied', 'unsatisfied'];
      return (
        <Form.Item name={field.name} label={label} rules={rules}>
          <Select options={values.map((v) => ({ value: v, label: t(`${field.kind}.${v}` as MessageKey) }))} />
        </Form.Item>
      );
    }
    case 'contact':
      return (
        <fieldset style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '4px 12px', marginBottom: 12 }}>
          <legend style={{ width: 'auto', fontSize: 14, border: 0, marginBottom: 0, padding: '0 4px' }}>{label}</legend>
          <Space wrap>
            <Form.Item name={[field.name, 'who']} label={t('eventField.who')}>
              <Input />
            </Form.Item>
            <Form.Item name={[field.name, 'how']} label={t('eventField.how')}>
              <Input placeholder={t('eventField.howPlaceholder')} />
            </Form.Item>
            <Form.Item name={[field.name, 'at']} label={t('eventField.at')} rules={[timeRule]}>
              <Input placeholder="2026-01-05 10:00" />
            </Form.Item>
          </Space>
        </fieldset>
      );
    default:
      return (
        <Form.Item name={field.name} label={label} rules={rules} extra={field.kind === 'names' ? t('eventField.namesHint') : undefined}>
          <Input />
        </Form.Item>
      );
  }
}

function EventModal({ orderId, type, onClose, onDone }: { orderId: number; type: string; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<EventValues>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();

  async function submit() {
    let values: EventValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setFailure(undefined);
    try {
      await api.post(`/api/v1/work-orders/${orderId}/events`, eventBody(type, values));
      message.success(t('order.recorded', { event: orderEvent(t, type) }));
      onDone();
    } catch (e) {
      if (e instanceof ApiError && e.field && e.field !== 'body' && e.field !== 'type') {
        const path = e.field.split('.');
        form.setFields([{ name: (path.length === 1 ? path[0] : path) as never, errors: [e.message] }]);
      }
      setFailure(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal open title={t('order.recordEvent', { event: orderEvent(t, type) })} okText={t('common.submit')} cancelText={t('common.cancel')} confirmLoading={busy} onOk={() => void submit()} onCancel={onClose}>
      <Form form={form} layout="vertical" name={`event-${type}`} initialValues={{ at: beijingText(Date.now()).slice(0, 16) }}>
        {failure && <Alert type="error" showIcon role="alert" message={failure} style={{ marginBottom: 12 }} />}
        <Form.Item
          name="at"
          label={t('eventField.at')}
          rules={[
            { required: true, message: t('measure.required', { what: t('eventField.at') }) },
            {
              validator: async (_, v?: string) => {
                if (v && Number.isNaN(parseBeijing(v))) throw new Error(t('measure.badTime'));
              },
            },
          ]}
        >
          <Input placeholder="2026-01-05 10:00" />
        </Form.Item>
        {(EVENT_FIELDS[type] ?? []).map((f) => (
          <FieldInput key={f.name} field={f} />
        ))}
        <Form.Item name="note" label={t('eventField.note')}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function WorkOrderDetail() {
  const t = useT();
  const { me } = useAuth();
  const { id = '' } = useParams();
  const valid = /^\d{1,15}$/.test(id);
  const order = useApi<Order>(valid ? `/api/v1/work-orders/${id}` : null);
  const [recording, setRecording] = useState<string>();
  if (!valid) return <NotFound />;
  if (order.error) return <PageError error={order.error} onRetry={order.reload} />;
  if (!order.data) return <PageLoading />;
  const o = order.data;
  const actions = me ? allowedEvents(me.role, o.state) : [];
  const deadlines = Object.entries(o.deadlines).map(([name, d]) => ({ name, ...d }));

  return (
    <PageContainer
      title={t('order.title', { id: o.id })}
      subTitle={<Tag>{orderState(t, o.state)}</Tag>}
      extra={actions.map((a) => (
        <Button key={a} onClick={() => setRecording(a)} type={a === actions[0] ? 'primary' : 'default'}>
          {orderEvent(t, a)}
        </Button>
      ))}
    >
      <Flex vertical gap={16}>
        <Card size="small">
          <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} bordered>
            <Descriptions.Item label={t('order.receivedAt')}>{formatDateTime(o.received_at)}</Descriptions.Item>
            <Descriptions.Item label={t('order.channel')}>{orderChannel(t, o.channel)}</Descriptions.Item>
            <Descriptions.Item label={t('order.externalId')}>{o.external_id ?? t('common.none')}</Descriptions.Item>
            <Descriptions.Item label={t('order.category')}>{orderCategory(t, o.category)}</Descriptions.Item>
            <Descriptions.Item label={t('measure.household')}>{o.household_id ? <Link to={`/households/${o.household_id}`}>{o.household_id}</Link> : t('common.none')}</Descriptions.Item>
            <Descriptions.Item label={t('order.callerPhone')}>{o.caller_phone || t('common.none')}</Descriptions.Item>
            <Descriptions.Item label={t('order.content')} span={3}>
              {o.content}
            </Descriptions.Item>
            {o.parent_id !== null && (
              <Descriptions.Item label={t('order.parent')}>
                <Link to={`/work-orders/${o.parent_id}`}>{o.parent_id}</Link>
              </Descriptions.Item>
            )}
            {o.children.length > 0 && (
              <Descriptions.Item label={t('order.children')}>
                <Space wrap>
                  {o.children.map((c) => (
                    <Link key={c} to={`/work-orders/${c}`}>
                      {c}
                    </Link>
                  ))}
                </Space>
              </Descriptions.Item>
            )}
            {o.process_satisfaction && <Descriptions.Item label={t('eventField.process_satisfaction')}>{t(`satisfaction.${o.process_satisfaction}` as MessageKey)}</Descriptions.Item>}
            {o.result_satisfaction && <Descriptions.Item label={t('eventField.result_satisfaction')}>{t(`satisfaction.${o.result_satisfaction}` as MessageKey)}</Descriptions.Item>}
          </Descriptions>
          <Space wrap style={{ marginTop: 8 }}>
            {o.extended && <Tag color="purple">{t('order.extended')}</Tag>}
            {o.second_complaint && <Tag color="red">{t('order.secondComplaint')}</Tag>}
            {o.returned && <Tag>{t('orderState.returned')}</Tag>}
          </Space>
        </Card>
        <Card size="small" title={t('order.deadlines')}>
          <Table<OrderDeadline & { name: string }>
            size="small"
            rowKey="name"
            pagination={false}
            dataSource={deadlines}
            scroll={{ x: 700 }}
            columns={[
              { title: t('order.deadlineName'), dataIndex: 'name', width: 130, render: (n: string) => orderDeadline(t, n) },
              { title: t('order.deadlineState'), key: 'c', render: (_, d) => <Countdown from={d.from} due={d.due} metAt={d.met_at} /> },
              {
                title: t('order.basis'),
                dataIndex: 'basis',
                width: 200,
                render: (b: string, d) => (
                  <>
                    {b}
                    {d.calendar_incomplete && (
                      <Tag color="orange" style={{ marginLeft: 6 }}>
                        {t('order.calendarIncomplete')}
                      </Tag>
                    )}
                  </>
                ),
              },
            ]}
          />
        </Card>
        <Card size="small" title={t('order.timeline')}>
          <Timeline items={o.timeline.map((e) => ({ key: e.seq, children: <TimelineText entry={e} /> }))} />
        </Card>
      </Flex>
      {recording && (
        <EventModal
          orderId={o.id}
          type={recording}
          onClose={() => setRecording(undefined)}
          onDone={() => {
            setRecording(undefined);
            order.reload();
          }}
        />
      )}
    </PageContainer>
  );
}
