// 登记认定: the drawer that records a household-caused finding on the household shown (POST
// /api/v1/findings, R-REFUND-4): what was found, the evidence (description, photo references),
// who found it and when (Beijing time, sent as RFC 3339 with +08:00), and the days it covers.
// A refusal goes on the field the server names (useServerSubmit); full width on a phone, where
// a technician records it on site.
import { Alert, App, Button, DatePicker, Drawer, Flex, Form, Grid, Input, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api/client';
import type { Finding } from '../../api/types';
import { beijingToday } from '../../format';
import { useT, type MessageKey } from '../../i18n';
import { beijingWallMinute, pickedMs } from '../outages/logic';
import { BeijingPicker } from '../outages/parts';
import { useServerSubmit } from '../outages/useServerSubmit';
import { FINDING_FIELDS, FINDING_KINDS, findingBody, periodOrdered, pickedDate, type FindingValues } from './logic';
import { kindText } from './parts';

export interface FindingDrawerProps {
  householdId: number;
  onClose: () => void;
  onDone: (finding: Finding) => void;
}

export default function FindingDrawer({ householdId, onClose, onDone }: FindingDrawerProps) {
  const t = useT();
  const { message } = App.useApp();
  const narrow = !Grid.useBreakpoint().sm;
  const [form] = Form.useForm<FindingValues>();
  const { busy, failure, clearFailure, submit } = useServerSubmit(form, FINDING_FIELDS);

  // A text must not be blank; a choice or a date only given (a `whitespace` key, even false,
  // makes antd check the value as a string, and a date fails).
  const required = (what: MessageKey) => ({ required: true, whitespace: true, message: t('finding.required', { what: t(what) }) });
  const chosen = (what: MessageKey) => ({ required: true, message: t('finding.choose', { what: t(what) }) });

  async function save() {
    const finding = await submit((v) => api.post<Finding>('/api/v1/findings', findingBody(v, householdId)));
    if (!finding) return;
    message.success(t('finding.recorded', { id: finding.id }));
    onDone(finding);
  }

  return (
    <Drawer
      open
      width={narrow ? '100%' : 560}
      title={t('finding.recordTitle')}
      onClose={onClose}
      footer={
        <Space style={{ float: 'right' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={busy} onClick={() => void save()} data-testid="finding-submit">
            {t('common.submit')}
          </Button>
        </Space>
      }
    >
      <Form<FindingValues>
        form={form}
        layout="vertical"
        name="finding"
        data-testid="finding-form"
        initialValues={{ found_at: dayjs(beijingWallMinute(Date.now())), valid_from: dayjs(beijingToday()), photos: [] }}
      >
        {failure && <Alert type="error" showIcon role="alert" message={failure} closable onClose={clearFailure} style={{ marginBottom: 12 }} />}
        <Form.Item name="kind" label={t('finding.kind')} rules={[chosen('finding.kind')]}>
          <Select options={FINDING_KINDS.map((k) => ({ value: k, label: kindText(t, k) }))} />
        </Form.Item>
        <Form.Item name="description" label={t('finding.description')} rules={[required('finding.description')]}>
          <Input.TextArea rows={3} maxLength={1000} showCount placeholder={t('finding.descriptionPlaceholder')} />
        </Form.Item>
        <Form.Item name="photos" label={t('finding.photos')} extra={t('finding.photosHint')}>
          <Select mode="tags" tokenSeparators={[',', '，', ' ']} open={false} suffixIcon={null} placeholder={t('finding.photosPlaceholder')} />
        </Form.Item>
        <Flex gap={16} wrap="wrap">
          <Form.Item name="found_by" label={t('finding.foundBy')} style={{ flex: '1 1 200px' }} rules={[required('finding.foundBy')]}>
            <Input maxLength={100} placeholder={t('finding.foundByPlaceholder')} />
          </Form.Item>
          <Form.Item
            name="found_at"
            label={t('finding.foundAtLabel')}
            style={{ flex: '1 1 200px' }}
            rules={[
              chosen('finding.foundAt'),
              {
                validator: async (_, v?: Dayjs | null) => {
                  if (v && pickedMs(v) > Date.now() + 60_000) throw new Error(t('finding.notFuture'));
                },
              },
            ]}
          >
            <BeijingPicker />
          </Form.Item>
        </Flex>
        <Flex gap={16} wrap="wrap">
          <Form.Item name="valid_from" label={t('finding.validFrom')} style={{ flex: '1 1 200px' }} rules={[chosen('finding.validFrom')]}>
            <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} allowClear={false} />
          </Form.Item>
          <Form.Item
            name="valid_to"
            label={t('finding.validTo')}
            style={{ flex: '1 1 200px' }}
            dependencies={['valid_from']}
            rules={[
              chosen('finding.validTo'),
              ({ getFieldValue }) => ({
                validator: async (_, v?: Dayjs | null) => {
                  if (!periodOrdered(pickedDate(getFieldValue('valid_from')), pickedDate(v))) throw new Error(t('finding.periodOrder'));
                },
              }),
            ]}
          >
            <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} allowClear={false} />
          </Form.Item>
        </Flex>
      </Form>
    </Drawer>
  );
}
