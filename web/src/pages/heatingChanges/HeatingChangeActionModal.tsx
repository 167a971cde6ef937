// An event on a heating change (补充材料, 批准, 驳回): what it does, and its fields (the documents
// supplied, the missing ones first; the reason of a refusal; an optional note), posted to
// /api/v1/heating-changes/{id}/events. The submit and a refusal on the field it names come from
// OutageActionModal; the answer (the change as it now is) is handed back.
import { Checkbox, Form, Input, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import { api } from '../../api/client';
import type { HeatingChange, HeatingChangeEventType } from '../../api/types';
import { useT, type MessageKey } from '../../i18n';
import OutageActionModal from '../outages/OutageActionModal';
import { EVENT_FIELDS, eventBody, eventFieldRequired, suppliable, type EventValues } from './logic';
import { documentText } from './parts';

export interface HeatingChangeActionModalProps {
  change: Pick<HeatingChange, 'id' | 'documents' | 'missing'>;
  action: HeatingChangeEventType;
  onClose: () => void;
  onDone: (change: HeatingChange) => void;
}

export default function HeatingChangeActionModal({ change: c, action, onClose, onDone }: HeatingChangeActionModalProps) {
  const t = useT();
  const fields = EVENT_FIELDS[action];
  const missing = new Set(c.missing);

  function item(field: keyof EventValues) {
    const label = t(`heatingChange.label.${action}.${field}` as MessageKey);
    const required = eventFieldRequired(action, field);
    if (field === 'documents' && suppliable(c).length === 0)
      return (
        <Form.Item key={field} label={label}>
          <Typography.Text type="secondary">{t('heatingChange.allOnFile')}</Typography.Text>
        </Form.Item>
      );
    const rules: Rule[] = [];
    if (field === 'documents') rules.push({ required: true, type: 'array', min: 1, message: t('heatingChange.chooseDocuments') });
    else if (required) rules.push({ required: true, whitespace: true, message: t('heatingChange.required', { what: label }) });
    return (
      <Form.Item key={field} name={field} label={label} required={required} rules={rules}>
        {field === 'documents' ? (
          <Checkbox.Group
            options={suppliable(c).map((d) => ({
              value: d,
              label: missing.has(d) ? t('heatingChange.documentMissing', { document: documentText(t, d) }) : documentText(t, d),
            }))}
          />
        ) : (
          <Input.TextArea rows={3} maxLength={500} showCount placeholder={t(`heatingChange.placeholder.${action}.${field}` as MessageKey)} />
        )}
      </Form.Item>
    );
  }

  return (
    <OutageActionModal<EventValues, HeatingChange>
      name="heating-change-action"
      title={t(`heatingChange.actionTitle.${action}` as MessageKey, { id: c.id })}
      okText={t(`heatingChange.action.${action}` as MessageKey)}
      success={t(`heatingChange.done.${action}` as MessageKey)}
      known={fields}
      initialValues={action === 'supply-documents' ? { documents: [] } : {}}
      send={(v) => api.post<HeatingChange>(`/api/v1/heating-changes/${c.id}/events`, eventBody(action, v))}
      onClose={onClose}
      onDone={onDone}
    >
      <Typography.Paragraph type="secondary">{t(`heatingChange.actionHint.${action}` as MessageKey)}</Typography.Paragraph>
      {fields.map(item)}
    </OutageActionModal>
  );
}
