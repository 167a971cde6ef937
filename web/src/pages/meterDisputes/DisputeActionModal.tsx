// An event on a heat-meter dispute (录入检定结果, 撤回): calibrate takes the result (合格/不合格)
// and the metrology body's report number, the cost in yuan and a note optional; withdraw a note
// optional. Posted to /api/v1/meter-disputes/{id}/events; the submit and a refusal on the field
// it names come from OutageActionModal; the answer (the dispute as it now is) is handed back.
import { Form, Input, Radio, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import { api } from '../../api/client';
import type { MeterDispute, MeterDisputeEventType } from '../../api/types';
import { useT, type MessageKey } from '../../i18n';
import { yuanProblem } from '../insurance/logic';
import OutageActionModal from '../outages/OutageActionModal';
import { EVENT_FIELDS, eventBody, RESULTS, type EventValues } from './logic';
import { resultText } from './parts';

export interface DisputeActionModalProps {
  dispute: Pick<MeterDispute, 'id'>;
  action: MeterDisputeEventType;
  onClose: () => void;
  onDone: (dispute: MeterDispute) => void;
}

export default function DisputeActionModal({ dispute, action, onClose, onDone }: DisputeActionModalProps) {
  const t = useT();
  const fields = EVENT_FIELDS[action];

  function item(field: keyof EventValues) {
    const label = t(`meterDispute.label.${action}.${field}` as MessageKey);
    const rules: Rule[] = [];
    if (field === 'result') rules.push({ required: true, message: t('meterDispute.choose', { what: label }) });
    else if (field === 'reference') rules.push({ required: true, whitespace: true, message: t('meterDispute.required', { what: label }) });
    else if (field === 'cost')
      rules.push({
        validator: async (_, v?: string) => {
          if (yuanProblem(v)) throw new Error(t('claim.yuanFormat'));
        },
      });
    return (
      <Form.Item key={field} name={field} label={label} rules={rules} extra={field === 'cost' ? t('meterDispute.costHint') : undefined}>
        {field === 'result' ? (
          <Radio.Group optionType="button" options={RESULTS.map((r) => ({ value: r, label: resultText(t, r) }))} />
        ) : field === 'cost' ? (
          <Input inputMode="decimal" prefix="¥" placeholder={t('meterDispute.costPlaceholder')} />
        ) : field === 'note' ? (
          <Input.TextArea rows={3} maxLength={500} showCount />
        ) : (
          <Input maxLength={100} placeholder={t('meterDispute.referencePlaceholder')} />
        )}
      </Form.Item>
    );
  }

  return (
    <OutageActionModal<EventValues, MeterDispute>
      name="dispute-action"
      title={t(`meterDispute.actionTitle.${action}` as MessageKey, { id: dispute.id })}
      okText={t(`meterDispute.action.${action}` as MessageKey)}
      success={t(`meterDispute.done.${action}` as MessageKey)}
      known={fields}
      initialValues={{}}
      send={(v) => api.post<MeterDispute>(`/api/v1/meter-disputes/${dispute.id}/events`, eventBody(action, v))}
      onClose={onClose}
      onDone={onDone}
    >
      <Typography.Paragraph type="secondary">{t(`meterDispute.actionHint.${action}` as MessageKey)}</Typography.Paragraph>
      {fields.map(item)}
    </OutageActionModal>
  );
}
