// 提出热表争议 (staff): the drawer that raises a heat-meter dispute (POST /api/v1/meter-disputes,
// R-METER-1): the household (its id), who raised it (住户 or 供热企业: it decides who pays the
// calibration, W 10.3) and why. A refusal goes on the field the server names (a 409 on the
// household: it is billed by area and has no meter to dispute); full width on a phone.
import { Alert, App, Button, Drawer, Form, Grid, Input, InputNumber, Radio, Space } from 'antd';
import { api } from '../../api/client';
import type { MeterDispute } from '../../api/types';
import { useT, type MessageKey } from '../../i18n';
import { useServerSubmit } from '../outages/useServerSubmit';
import { PARTIES, RAISE_FIELDS, raiseBody, type RaiseValues } from './logic';

export interface RaiseDisputeDrawerProps {
  /** The household to fill in (the list's household filter). */
  household?: number;
  onClose: () => void;
  onDone: (dispute: MeterDispute) => void;
}

export default function RaiseDisputeDrawer({ household, onClose, onDone }: RaiseDisputeDrawerProps) {
  const t = useT();
  const { message } = App.useApp();
  const narrow = !Grid.useBreakpoint().sm;
  const [form] = Form.useForm<RaiseValues>();
  const { busy, failure, clearFailure, submit } = useServerSubmit(form, RAISE_FIELDS);
  const chosen = (what: MessageKey) => ({ required: true, message: t('meterDispute.choose', { what: t(what) }) });

  async function save() {
    const dispute = await submit((v) => api.post<MeterDispute>('/api/v1/meter-disputes', raiseBody(v)));
    if (!dispute) return;
    message.success(t('meterDispute.raised', { id: dispute.id }));
    onDone(dispute);
  }

  return (
    <Drawer
      open
      width={narrow ? '100%' : 520}
      title={t('meterDispute.raiseTitle')}
      onClose={onClose}
      footer={
        <Space style={{ float: 'right' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={busy} onClick={() => void save()} data-testid="dispute-submit">
            {t('common.submit')}
          </Button>
        </Space>
      }
    >
      <Form<RaiseValues> form={form} layout="vertical" name="dispute" data-testid="dispute-form" initialValues={{ household: household ?? null }}>
        {failure && <Alert type="error" showIcon role="alert" message={failure} closable onClose={clearFailure} style={{ marginBottom: 12 }} />}
        <Form.Item name="household" label={t('meterDispute.householdId')} rules={[{ required: true, message: t('meterDispute.required', { what: t('meterDispute.householdId') }) }]}>
          <InputNumber min={1} precision={0} controls={false} style={{ width: '100%' }} placeholder={t('meterDispute.householdIdPlaceholder')} />
        </Form.Item>
        <Form.Item name="raised_by" label={t('meterDispute.raisedBy')} rules={[chosen('meterDispute.raisedBy')]} extra={t('meterDispute.raisedByHint')}>
          <Radio.Group options={PARTIES.map((p) => ({ value: p, label: t(`meterDispute.raisedByOption.${p}` as MessageKey) }))} />
        </Form.Item>
        <Form.Item name="reason" label={t('meterDispute.reason')} rules={[{ required: true, whitespace: true, message: t('meterDispute.required', { what: t('meterDispute.reason') }) }]}>
          <Input.TextArea rows={4} maxLength={1000} showCount placeholder={t('meterDispute.reasonPlaceholder')} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
