// 受理增减停复: the drawer that takes in a heating change at the service hall (POST
// /api/v1/heating-changes, R-ACCT-1, W 9.1.8): the household (its id), the kind, the day it takes
// effect (not before the day received), the heated area after an increase or decrease (m², two
// decimals), when the hall received the form (Beijing time, sent as RFC 3339 with +08:00; not in
// the future, at most 7 days ago), the name on the form, the documents handed in (the application
// form required; the rest may follow) and a note. A refusal goes on the field the server names
// ("documents[1]" on the documents); full width on a phone.
import { Alert, App, Button, Checkbox, DatePicker, Drawer, Flex, Form, Grid, Input, InputNumber, Radio, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api/client';
import type { HeatingChange, HeatingChangeDocument } from '../../api/types';
import { beijingToday } from '../../format';
import { useT, type MessageKey } from '../../i18n';
import { receivedProblem } from '../connections/logic';
import { beijingWallMinute } from '../outages/logic';
import { BeijingPicker } from '../outages/parts';
import { useServerSubmit } from '../outages/useServerSubmit';
import { areaProblem, CHANGE_FIELDS, CHANGE_KINDS, changeBody, DOCUMENTS, isAreaChange, neededDocuments, REQUIRED_DOCUMENT, type ChangeValues } from './logic';
import { documentsText, documentText, kindText } from './parts';

export interface NewHeatingChangeDrawerProps {
  /** The household to fill in (the list's filter). */
  household?: number;
  onClose: () => void;
  onDone: (change: HeatingChange) => void;
}

export default function NewHeatingChangeDrawer({ household, onClose, onDone }: NewHeatingChangeDrawerProps) {
  const t = useT();
  const { message } = App.useApp();
  const narrow = !Grid.useBreakpoint().sm;
  const [form] = Form.useForm<ChangeValues>();
  const { busy, failure, clearFailure, submit } = useServerSubmit(form, CHANGE_FIELDS);
  const kind = Form.useWatch('kind', form);

  const required = (what: MessageKey) => ({ required: true, whitespace: true, message: t('heatingChange.required', { what: t(what) }) });
  const chosen = (what: MessageKey) => ({ required: true, message: t('heatingChange.required', { what: t(what) }) });

  async function save() {
    const change = await submit((v) => api.post<HeatingChange>('/api/v1/heating-changes', changeBody(v)));
    if (!change) return;
    message.success(t('heatingChange.takenIn', { id: change.id }));
    onDone(change);
  }

  return (
    <Drawer
      open
      width={narrow ? '100%' : 600}
      title={t('heatingChange.newTitle')}
      onClose={onClose}
      footer={
        <Space style={{ float: 'right' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={busy} onClick={() => void save()} data-testid="heating-change-submit">
            {t('common.submit')}
          </Button>
        </Space>
      }
    >
      <Form<ChangeValues>
        form={form}
        layout="vertical"
        name="heating-change"
        data-testid="heating-change-form"
        initialValues={{
          household: household ?? null,
          effective: dayjs(beijingToday()),
          received_at: dayjs(beijingWallMinute(Date.now())),
          documents: [REQUIRED_DOCUMENT],
        }}
      >
        {failure && <Alert type="error" showIcon role="alert" message={failure} closable onClose={clearFailure} style={{ marginBottom: 12 }} />}
        <Form.Item name="household" label={t('heatingChange.householdId')} rules={[chosen('heatingChange.householdId')]}>
          <InputNumber min={1} precision={0} controls={false} style={{ width: '100%' }} placeholder={t('heatingChange.householdIdPlaceholder')} />
        </Form.Item>
        <Form.Item name="kind" label={t('heatingChange.kindLabel')} rules={[chosen('heatingChange.kindLabel')]} extra={t('heatingChange.kindHint')}>
          <Radio.Group optionType="button" options={CHANGE_KINDS.map((k) => ({ value: k, label: kindText(t, k) }))} />
        </Form.Item>
        <Flex gap={16} wrap="wrap">
          <Form.Item name="effective" label={t('heatingChange.effective')} style={{ flex: '1 1 160px' }} rules={[chosen('heatingChange.effective')]} extra={t('heatingChange.effectiveHint')}>
            <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} allowClear={false} />
          </Form.Item>
          {isAreaChange(kind) && (
            <Form.Item
              name="area"
              label={t('heatingChange.areaAfter')}
              style={{ flex: '1 1 160px' }}
              extra={t('heatingChange.areaHint')}
              rules={[
                required('heatingChange.areaAfter'),
                {
                  validator: async (_, v?: string) => {
                    const problem = areaProblem(v);
                    if (problem === 'format') throw new Error(t('heatingChange.areaFormat'));
                    if (problem === 'zero') throw new Error(t('heatingChange.areaZero'));
                  },
                },
              ]}
            >
              <Input inputMode="decimal" suffix="㎡" placeholder={t('heatingChange.areaPlaceholder')} />
            </Form.Item>
          )}
        </Flex>
        <Flex gap={16} wrap="wrap">
          <Form.Item
            name="received_at"
            label={t('heatingChange.receivedAtLabel')}
            style={{ flex: '1 1 200px' }}
            rules={[
              chosen('heatingChange.receivedAt'),
              {
                validator: async (_, v?: Dayjs | null) => {
                  const problem = receivedProblem(v, Date.now());
                  if (problem === 'future') throw new Error(t('heatingChange.receivedFuture'));
                  if (problem === 'old') throw new Error(t('heatingChange.receivedOld'));
                },
              },
            ]}
          >
            <BeijingPicker />
          </Form.Item>
          <Form.Item name="applicant" label={t('heatingChange.applicant')} style={{ flex: '1 1 160px' }} rules={[required('heatingChange.applicant')]}>
            <Input maxLength={100} placeholder={t('heatingChange.applicantPlaceholder')} />
          </Form.Item>
        </Flex>
        <Form.Item
          name="documents"
          label={t('heatingChange.documentsLabel')}
          required
          extra={kind ? t('heatingChange.documentsNeeded', { documents: documentsText(t, neededDocuments(kind)) }) : undefined}
          rules={[
            {
              validator: async (_, v?: HeatingChangeDocument[]) => {
                if (!(v ?? []).includes(REQUIRED_DOCUMENT)) throw new Error(t('heatingChange.formRequired'));
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
                      {t('heatingChange.requiredMark')}
                    </Typography.Text>
                  )}
                </Checkbox>
              ))}
            </Flex>
          </Checkbox.Group>
        </Form.Item>
        <Form.Item name="note" label={t('heatingChange.noteOptional')}>
          <Input.TextArea rows={2} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
