// An event on an insurance claim (报保险公司, 确认赔偿金额, 赔付, 拒赔): what it does, and its fields
// (the insurer and its report number; the amount in yuan; the payment's reference; the grounds of
// W 13.5 / W 13.6 with a note), posted to /api/v1/insurance-claims/{id}/events. The submit and a
// refusal on the field it names come from OutageActionModal; the answer (the claim as it now
// is) is handed back.
import { Form, Input, Select, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import { api } from '../../api/client';
import type { Claim, ClaimEventType } from '../../api/types';
import { useT, type MessageKey } from '../../i18n';
import OutageActionModal from '../outages/OutageActionModal';
import { EVENT_FIELDS, eventBody, eventFieldRequired, EXCLUSIONS, yuanProblem, type EventValues } from './logic';
import { exclusionText } from './parts';

export interface ClaimActionModalProps {
  claim: Pick<Claim, 'id'>;
  action: ClaimEventType;
  onClose: () => void;
  onDone: (claim: Claim) => void;
}

export default function ClaimActionModal({ claim, action, onClose, onDone }: ClaimActionModalProps) {
  const t = useT();
  const fields = EVENT_FIELDS[action];

  function item(field: keyof EventValues) {
    const label = t(`claim.label.${action}.${field}` as MessageKey);
    const required = eventFieldRequired(action, field);
    const rules: Rule[] = [];
    if (field === 'exclusion') rules.push({ required: true, message: t('claim.choose', { what: label }) });
    else if (field === 'amount')
      rules.push({
        validator: async (_, v?: string) => {
          const problem = yuanProblem(v, { required: true, positive: true });
          if (problem === 'required') throw new Error(t('claim.required', { what: label }));
          if (problem === 'format') throw new Error(t('claim.yuanFormat'));
          if (problem === 'zero') throw new Error(t('claim.yuanZero'));
        },
      });
    else if (required) rules.push({ required: true, whitespace: true, message: t('claim.required', { what: label }) });
    return (
      <Form.Item key={field} name={field} label={label} required={required} rules={rules}>
        {field === 'exclusion' ? (
          <Select options={EXCLUSIONS.map((e) => ({ value: e.value, label: exclusionText(t, e.value, e.clause) }))} />
        ) : field === 'note' ? (
          <Input.TextArea rows={3} maxLength={500} showCount />
        ) : field === 'amount' ? (
          <Input inputMode="decimal" prefix="¥" placeholder={t('claim.placeholder.amount')} />
        ) : (
          <Input maxLength={200} placeholder={field === 'insurer' ? t('claim.placeholder.insurer') : undefined} />
        )}
      </Form.Item>
    );
  }

  return (
    <OutageActionModal<EventValues, Claim>
      name="claim-action"
      title={t(`claim.actionTitle.${action}` as MessageKey, { id: claim.id })}
      okText={t(`claim.action.${action}` as MessageKey)}
      success={t(`claim.done.${action}` as MessageKey)}
      known={fields}
      initialValues={{}}
      send={(v) => api.post<Claim>(`/api/v1/insurance-claims/${claim.id}/events`, eventBody(action, v))}
      onClose={onClose}
      onDone={onDone}
    >
      <Typography.Paragraph type="secondary">{t(`claim.actionHint.${action}` as MessageKey)}</Typography.Paragraph>
      {fields.map(item)}
    </OutageActionModal>
  );
}
