// 申请停热 / 申请复热 (a household): its own stop while heated, its resumption while stopped, from
// the day chosen (today by default; not before today). The application form is sent with it; the
// identity and property proof are handed to the service hall before approval. A refusal shows
// above the form (a 409 naming kind: the household's status changed meanwhile).
import { DatePicker, Form, Radio, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api/client';
import type { HeatingChange } from '../../api/types';
import { beijingToday } from '../../format';
import { useT } from '../../i18n';
import type { Formattable } from '../outages/logic';
import OutageActionModal from '../outages/OutageActionModal';
import { householdBody } from './logic';
import { kindText } from './parts';

interface ApplyValues {
  kind?: 'stop' | 'resume';
  effective?: Formattable | null;
}

export interface ApplyChangeModalProps {
  household: number;
  kind: 'stop' | 'resume';
  onClose: () => void;
  onDone: (change: HeatingChange) => void;
}

export default function ApplyChangeModal({ household, kind, onClose, onDone }: ApplyChangeModalProps) {
  const t = useT();
  const today = beijingToday();
  return (
    <OutageActionModal<ApplyValues, HeatingChange>
      name="my-heating-change"
      title={t(kind === 'stop' ? 'heatingChange.applyStop' : 'heatingChange.applyResume')}
      okText={t('common.submit')}
      success={t('heatingChange.applied')}
      known={['kind', 'effective']}
      initialValues={{ kind, effective: dayjs(today) }}
      send={(v) => api.post<HeatingChange>('/api/v1/heating-changes', householdBody(household, v))}
      onClose={onClose}
      onDone={onDone}
    >
      <Typography.Paragraph type="secondary">{t('heatingChange.applyHint')}</Typography.Paragraph>
      <Form.Item name="kind" label={t('heatingChange.kindLabel')} rules={[{ required: true, message: t('heatingChange.required', { what: t('heatingChange.kindLabel') }) }]}>
        <Radio.Group optionType="button" options={(['stop', 'resume'] as const).map((k) => ({ value: k, label: kindText(t, k), disabled: k !== kind }))} />
      </Form.Item>
      <Form.Item
        name="effective"
        label={t('heatingChange.effective')}
        extra={t('heatingChange.effectiveHint')}
        rules={[{ required: true, message: t('heatingChange.required', { what: t('heatingChange.effective') }) }]}
      >
        <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} allowClear={false} disabledDate={(d: Dayjs) => d.format('YYYY-MM-DD') < today} />
      </Form.Item>
    </OutageActionModal>
  );
}
