// 停热登记: the drawer that records a heating stop (POST /api/v1/outages). The scope is typed as
// codes or ids at any of the network's four levels; the times are Beijing time, sent as RFC 3339
// with +08:00. The admin names the company; the others record for their own. A refusal goes on
// the field the server names (useServerSubmit).
import { Alert, App, Button, Drawer, Flex, Form, Input, Radio, Select, Space, Switch, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api/client';
import type { Company, OutageDetail } from '../../api/types';
import { useT, type MessageKey } from '../../i18n';
import { beijingWallMinute, pickedMs, RECORD_FIELDS, recordBody, SCOPE_LEVELS, scopeGiven, type RecordValues } from './logic';
import { BeijingPicker } from './parts';
import { useServerSubmit } from './useServerSubmit';
import { companyOptions } from '../../components/companies';

export interface RecordDrawerProps {
  /** For the admin: the companies to choose from (the stop is recorded for one). */
  companies?: Company[];
  onClose: () => void;
  onDone: (outage: OutageDetail) => void;
}

export default function RecordDrawer({ companies, onClose, onDone }: RecordDrawerProps) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<RecordValues>();
  const withCompany = companies !== undefined;
  const known = withCompany ? RECORD_FIELDS : RECORD_FIELDS.filter((f) => f !== 'company');
  const { busy, failure, clearFailure, submit } = useServerSubmit(form, known);
  const kind = Form.useWatch('kind', form);

  const required = (what: MessageKey) => ({ required: true, message: t('outage.required', { what: t(what) }) });

  async function save() {
    const outage = await submit((v) => api.post<OutageDetail>('/api/v1/outages', recordBody(v, withCompany)));
    if (!outage) return;
    message.success(t('outage.recorded', { id: outage.id }));
    onDone(outage);
  }

  return (
    <Drawer
      open
      width={600}
      title={t('outage.record')}
      onClose={onClose}
      footer={
        <Space style={{ float: 'right' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={busy} onClick={() => void save()} data-testid="outage-submit">
            {t('common.submit')}
          </Button>
        </Space>
      }
    >
      <Form<RecordValues>
        form={form}
        layout="vertical"
        name="outage"
        data-testid="outage-form"
        initialValues={{ kind: 'planned', company_caused: true, start: dayjs(beijingWallMinute(Date.now())) }}
      >
        {failure && <Alert type="error" showIcon role="alert" message={failure} closable onClose={clearFailure} style={{ marginBottom: 12 }} />}
        {withCompany && (
          <Form.Item name="company" label={t('outage.company')} rules={[required('outage.company')]}>
            <Select
              showSearch
              optionFilterProp="label"
              placeholder={t('outage.companyPlaceholder')}
              options={companyOptions(companies)}
            />
          </Form.Item>
        )}
        <Form.Item name="kind" label={t('outage.kindLabel')} rules={[required('outage.kindLabel')]} extra={kind === 'emergency' ? t('outage.emergencyHint') : t('outage.plannedHint')}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: 'planned', label: t('outage.kindLong.planned') },
              { value: 'emergency', label: t('outage.kindLong.emergency') },
            ]}
          />
        </Form.Item>
        <Form.Item name="company_caused" label={t('outage.companyCaused')} valuePropName="checked" extra={t('outage.companyCausedHint')}>
          <Switch checkedChildren={t('common.yes')} unCheckedChildren={t('common.no')} />
        </Form.Item>
        <Form.Item name="cause" label={t('outage.cause')} rules={[{ ...required('outage.cause'), whitespace: true }]}>
          <Input.TextArea rows={2} maxLength={500} placeholder={t('outage.causePlaceholder')} />
        </Form.Item>
        <fieldset style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '4px 12px 0', marginBottom: 16 }}>
          <legend style={{ width: 'auto', fontSize: 14, border: 0, marginBottom: 0, padding: '0 4px' }}>{t('outage.scope')}</legend>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
            {t('outage.scopeHint')}
          </Typography.Paragraph>
          {SCOPE_LEVELS.map((level, i) => (
            <Form.Item
              key={level}
              name={['scope', level]}
              label={t(`outage.scope.${level}` as MessageKey)}
              dependencies={i === 0 ? SCOPE_LEVELS.slice(1).map((l) => ['scope', l]) : undefined}
              rules={
                i === 0
                  ? [
                      ({ getFieldValue }) => ({
                        validator: async () => {
                          if (!scopeGiven(getFieldValue('scope'))) throw new Error(t('outage.scopeRequired'));
                        },
                      }),
                    ]
                  : undefined
              }
            >
              <Select mode="tags" tokenSeparators={[',', '，', ' ']} open={false} suffixIcon={null} placeholder={t('outage.scopePlaceholder')} />
            </Form.Item>
          ))}
        </fieldset>
        <Flex gap={16} wrap="wrap">
          <Form.Item
            name="start"
            label={t('outage.start')}
            style={{ flex: '1 1 220px' }}
            dependencies={['kind']}
            rules={[
              required('outage.start'),
              ({ getFieldValue }) => ({
                validator: async (_, v?: Dayjs | null) => {
                  if (getFieldValue('kind') === 'emergency' && pickedMs(v) > Date.now()) throw new Error(t('outage.emergencyStarted'));
                },
              }),
            ]}
          >
            <BeijingPicker />
          </Form.Item>
          <Form.Item
            name="expected_end"
            label={t('outage.expectedEnd')}
            style={{ flex: '1 1 220px' }}
            dependencies={['start']}
            rules={[
              required('outage.expectedEnd'),
              ({ getFieldValue }) => ({
                validator: async (_, v?: Dayjs | null) => {
                  const start = pickedMs(getFieldValue('start'));
                  if (v && !Number.isNaN(start) && pickedMs(v) <= start) throw new Error(t('outage.endAfterStart'));
                },
              }),
            ]}
          >
            <BeijingPicker />
          </Form.Item>
        </Flex>
        <Form.Item name="road_sections" label={t('outage.roadSections')}>
          <Input maxLength={500} placeholder={t('outage.roadPlaceholder')} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
