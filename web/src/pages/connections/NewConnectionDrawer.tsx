// 受理报装: the drawer that takes in a connection application (POST /api/v1/connections,
// R-CONN-1): the building (its id) and the household when it is on file, the applicant and the
// phone, a new or an existing building, whether outside works are needed (the decision is due in
// 3 working days with them, 1 without, W 9.1.4), when the hall received it (Beijing time, sent as
// RFC 3339 with +08:00; not in the future, at most 7 days ago) and the documents handed in (the
// application form required; the rest may follow, 容缺). A refusal goes on the field the server
// names ("documents[1]" on the documents); full width on a phone.
import { Alert, App, Button, Checkbox, Drawer, Flex, Form, Grid, Input, InputNumber, Radio, Space, Switch, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api/client';
import type { Connection, ConnectionDocument } from '../../api/types';
import { useT, type MessageKey } from '../../i18n';
import { beijingWallMinute } from '../outages/logic';
import { BeijingPicker } from '../outages/parts';
import { useServerSubmit } from '../outages/useServerSubmit';
import { CONNECTION_FIELDS, connectionBody, DOCUMENTS, expectedDocuments, receivedProblem, REQUIRED_DOCUMENT, type ConnectionValues } from './logic';
import { documentsText, documentText } from './parts';

export interface NewConnectionDrawerProps {
  /** The building and household to fill in (the list's filters). */
  building?: number;
  household?: number;
  onClose: () => void;
  onDone: (connection: Connection) => void;
}

export default function NewConnectionDrawer({ building, household, onClose, onDone }: NewConnectionDrawerProps) {
  const t = useT();
  const { message } = App.useApp();
  const narrow = !Grid.useBreakpoint().sm;
  const [form] = Form.useForm<ConnectionValues>();
  const { busy, failure, clearFailure, submit } = useServerSubmit(form, CONNECTION_FIELDS);
  const newBuilding = Form.useWatch('new_building', form);
  const expected = expectedDocuments(newBuilding);

  const required = (what: MessageKey) => ({ required: true, whitespace: true, message: t('connection.required', { what: t(what) }) });
  const chosen = (what: MessageKey) => ({ required: true, message: t('connection.required', { what: t(what) }) });

  async function save() {
    const connection = await submit((v) => api.post<Connection>('/api/v1/connections', connectionBody(v)));
    if (!connection) return;
    message.success(t('connection.takenIn', { id: connection.id }));
    onDone(connection);
  }

  return (
    <Drawer
      open
      width={narrow ? '100%' : 600}
      title={t('connection.newTitle')}
      onClose={onClose}
      footer={
        <Space style={{ float: 'right' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={busy} onClick={() => void save()} data-testid="connection-submit">
            {t('common.submit')}
          </Button>
        </Space>
      }
    >
      <Form<ConnectionValues>
        form={form}
        layout="vertical"
        name="connection"
        data-testid="connection-form"
        initialValues={{
          building: building ?? null,
          household: household ?? null,
          outside_works: false,
          received_at: dayjs(beijingWallMinute(Date.now())),
          documents: [REQUIRED_DOCUMENT],
        }}
      >
        {failure && <Alert type="error" showIcon role="alert" message={failure} closable onClose={clearFailure} style={{ marginBottom: 12 }} />}
        <Flex gap={16} wrap="wrap">
          <Form.Item name="building" label={t('connection.buildingId')} style={{ flex: '1 1 160px' }} rules={[chosen('connection.buildingId')]}>
            <InputNumber min={1} precision={0} controls={false} style={{ width: '100%' }} placeholder={t('connection.buildingIdPlaceholder')} />
          </Form.Item>
          <Form.Item name="household" label={t('connection.householdId')} style={{ flex: '1 1 160px' }} extra={t('connection.householdIdHint')}>
            <InputNumber min={1} precision={0} controls={false} style={{ width: '100%' }} placeholder={t('connection.householdIdPlaceholder')} />
          </Form.Item>
        </Flex>
        <Flex gap={16} wrap="wrap">
          <Form.Item name="applicant" label={t('connection.applicant')} style={{ flex: '1 1 160px' }} rules={[required('connection.applicant')]}>
            <Input maxLength={100} placeholder={t('connection.applicantPlaceholder')} />
          </Form.Item>
          <Form.Item name="phone" label={t('connection.phoneOptional')} style={{ flex: '1 1 160px' }}>
            <Input maxLength={40} inputMode="tel" placeholder={t('connection.phonePlaceholder')} />
          </Form.Item>
        </Flex>
        <Form.Item name="new_building" label={t('connection.buildingKind')} rules={[chosen('connection.buildingKind')]} extra={t('connection.buildingKindHint')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: true, label: t('connection.newBuilding') },
              { value: false, label: t('connection.existingBuilding') },
            ]}
          />
        </Form.Item>
        <Form.Item name="outside_works" label={t('connection.outsideWorksLabel')} valuePropName="checked" extra={t('connection.outsideWorksHint')}>
          <Switch />
        </Form.Item>
        <Form.Item
          name="received_at"
          label={t('connection.receivedAtLabel')}
          rules={[
            chosen('connection.receivedAt'),
            {
              validator: async (_, v?: Dayjs | null) => {
                const problem = receivedProblem(v, Date.now());
                if (problem === 'future') throw new Error(t('connection.receivedFuture'));
                if (problem === 'old') throw new Error(t('connection.receivedOld'));
              },
            },
          ]}
        >
          <BeijingPicker />
        </Form.Item>
        <Form.Item
          name="documents"
          label={t('connection.documentsLabel')}
          required
          extra={expected.length ? t('connection.documentsExpected', { documents: documentsText(t, expected) }) : t('connection.documentsHint')}
          rules={[
            {
              validator: async (_, v?: ConnectionDocument[]) => {
                if (!(v ?? []).includes(REQUIRED_DOCUMENT)) throw new Error(t('connection.formRequired'));
              },
            },
          ]}
        >
          <Checkbox.Group>
            <Flex vertical gap={4}>
              {DOCUMENTS.map((d) => (
                <Checkbox key={d} value={d}>
                  {documentText(t, d)}
                  {d === REQUIRED_DOCUMENT && (
                    <Typography.Text type="secondary" style={{ marginInlineStart: 6 }}>
                      {t('connection.requiredMark')}
                    </Typography.Text>
                  )}
                </Checkbox>
              ))}
            </Flex>
          </Checkbox.Group>
        </Form.Item>
      </Form>
    </Drawer>
  );
}
