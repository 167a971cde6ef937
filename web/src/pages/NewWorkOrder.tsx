// 来电建单 (/work-orders/new; admin, manager, agent — the roles that receive orders, R-WO-1): the
// form a customer-service agent fills while taking a call. The household is found by the caller's
// phone, the address or the household number (HouseholdPicker); the channel is the company's own
// phone unless the order came from a hotline platform, which then needs the platform's order
// number; the receipt time defaults to now, in Beijing time, and may be at most a few minutes
// ahead (the server's clock slack). Checked as the agent types; a refusal goes on the field the
// server names (useServerSubmit) and above the form. Once received, the order's page opens.
import { PageContainer } from '@ant-design/pro-components';
import { Alert, App, Button, Card, Flex, Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router-dom';
import { api } from '../api/client';
import type { WorkOrder } from '../api/types';
import { orderCategory, orderChannel } from '../components/orderWords';
import { useT, type MessageKey } from '../i18n';
import { beijingWallMinute, type Formattable } from './outages/logic';
import { BeijingPicker } from './outages/parts';
import { useServerSubmit } from './outages/useServerSubmit';
import HouseholdPicker from './workorders/HouseholdPicker';
import {
  existedBefore,
  isHotline,
  NEW_ORDER_CATEGORIES,
  NEW_ORDER_CHANNELS,
  NEW_ORDER_FIELDS,
  newOrderBody,
  phoneOfQuery,
  phoneValid,
  receivedInFuture,
  type NewOrderValues,
} from './workorders/newOrder';

export default function NewWorkOrder() {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<NewOrderValues>();
  const { busy, failure, clearFailure, submit } = useServerSubmit(form, NEW_ORDER_FIELDS);
  const channel = Form.useWatch('channel', form);
  const hotline = isHotline(channel);

  const required = (what: MessageKey) => ({ required: true, whitespace: true, message: t('newOrder.required', { what: t(what) }) });
  const chosen = (what: MessageKey) => ({ required: true, message: t('newOrder.choose', { what: t(what) }) });

  async function save() {
    const sentAt = Date.now();
    const order = await submit((v) => api.post<WorkOrder>('/api/v1/work-orders', newOrderBody(v)));
    if (!order) return;
    if (existedBefore(order, sentAt)) message.info(t('newOrder.existed', { id: order.id }));
    else message.success(t('newOrder.created', { id: order.id }));
    navigate(`/work-orders/${order.id}`);
  }

  return (
    <PageContainer title={t('menu.newWorkOrder')} content={t('newOrder.intro')}>
      <Card style={{ maxWidth: 760 }}>
        <Form<NewOrderValues>
          form={form}
          layout="vertical"
          name="new-work-order"
          data-testid="new-work-order-form"
          initialValues={{ channel: 'phone', received_at: dayjs(beijingWallMinute(Date.now())) }}
          onValuesChange={() => failure && clearFailure()}
        >
          {failure && <Alert type="error" showIcon role="alert" message={failure} closable onClose={clearFailure} style={{ marginBottom: 12 }} />}
          <Form.Item name="household" label={t('newOrder.household')} extra={t('newOrder.householdHint')} rules={[chosen('newOrder.household')]}>
            <HouseholdPicker
              onPicked={(_, query) => {
                const phone = phoneOfQuery(query);
                if (phone && !form.getFieldValue('caller_phone')) form.setFieldValue('caller_phone', phone);
              }}
            />
          </Form.Item>
          <Flex gap={16} wrap="wrap">
            <Form.Item name="channel" label={t('order.channel')} style={{ flex: '1 1 200px' }} rules={[chosen('order.channel')]}>
              <Select options={NEW_ORDER_CHANNELS.map((c) => ({ value: c, label: orderChannel(t, c) }))} />
            </Form.Item>
            {hotline && (
              <Form.Item
                name="external_id"
                label={t('order.externalId')}
                style={{ flex: '1 1 200px' }}
                extra={t('newOrder.externalHint')}
                rules={[{ required: true, whitespace: true, message: t('newOrder.externalRequired') }]}
              >
                <Input maxLength={64} autoComplete="off" />
              </Form.Item>
            )}
          </Flex>
          <Flex gap={16} wrap="wrap">
            <Form.Item
              name="received_at"
              label={t('order.receivedAt')}
              style={{ flex: '1 1 200px' }}
              extra={t('newOrder.receivedHint')}
              rules={[
                chosen('order.receivedAt'),
                {
                  validator: async (_, v?: Formattable | null) => {
                    if (receivedInFuture(v, Date.now())) throw new Error(t('newOrder.receivedFuture'));
                  },
                },
              ]}
            >
              <BeijingPicker />
            </Form.Item>
            <Form.Item
              name="caller_phone"
              label={t('newOrder.callerPhone')}
              style={{ flex: '1 1 200px' }}
              validateFirst
              rules={[
                {
                  validator: async (_, v?: string) => {
                    if (!phoneValid(v)) throw new Error(t('newOrder.phoneInvalid'));
                  },
                },
              ]}
            >
              <Input maxLength={40} inputMode="tel" autoComplete="off" placeholder={t('newOrder.callerPhonePlaceholder')} />
            </Form.Item>
          </Flex>
          <Form.Item name="category" label={t('order.category')} rules={[chosen('order.category')]}>
            <Radio.Group aria-label={t('order.category')} optionType="button" options={NEW_ORDER_CATEGORIES.map((c) => ({ value: c, label: orderCategory(t, c) }))} />
          </Form.Item>
          <Form.Item name="content" label={t('order.content')} rules={[required('order.content')]}>
            <Input.TextArea rows={4} maxLength={2000} showCount placeholder={t('newOrder.contentPlaceholder')} />
          </Form.Item>
          <Form.Item name="parent" label={t('newOrder.parent')} extra={t('newOrder.parentHint')}>
            <InputNumber min={1} precision={0} controls={false} style={{ width: 200 }} />
          </Form.Item>
          <Space>
            <Button type="primary" loading={busy} onClick={() => void save()} data-testid="new-work-order-submit">
              {t('newOrder.submit')}
            </Button>
            <Button onClick={() => navigate('/work-orders')}>{t('common.cancel')}</Button>
          </Space>
        </Form>
      </Card>
    </PageContainer>
  );
}
