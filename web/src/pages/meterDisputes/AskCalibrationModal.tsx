// 申请热表检定 (a household): the reason only; the household is the signed-in one's own and the
// dispute is the household's (raised_by left out: the server takes household). A refusal shows
// above the form (a 409: the household is billed by area and has no meter to dispute).
import { Form, Input, Typography } from 'antd';
import { api } from '../../api/client';
import type { MeterDispute } from '../../api/types';
import { useT } from '../../i18n';
import OutageActionModal from '../outages/OutageActionModal';
import { raiseBody, type RaiseValues } from './logic';

export interface AskCalibrationModalProps {
  household: number;
  onClose: () => void;
  onDone: (dispute: MeterDispute) => void;
}

export default function AskCalibrationModal({ household, onClose, onDone }: AskCalibrationModalProps) {
  const t = useT();
  return (
    <OutageActionModal<RaiseValues, MeterDispute>
      name="dispute-ask"
      title={t('meterDispute.ask')}
      okText={t('common.submit')}
      success={t('meterDispute.asked')}
      known={['reason']}
      initialValues={{}}
      send={(v) => api.post<MeterDispute>('/api/v1/meter-disputes', raiseBody({ household, reason: v.reason }))}
      onClose={onClose}
      onDone={onDone}
    >
      <Typography.Paragraph type="secondary">{t('meterDispute.askHint')}</Typography.Paragraph>
      <Form.Item name="reason" label={t('meterDispute.reason')} rules={[{ required: true, whitespace: true, message: t('meterDispute.required', { what: t('meterDispute.reason') }) }]}>
        <Input.TextArea rows={4} maxLength={1000} showCount placeholder={t('meterDispute.reasonPlaceholder')} />
      </Form.Item>
    </OutageActionModal>
  );
}
