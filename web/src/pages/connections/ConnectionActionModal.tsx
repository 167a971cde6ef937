// An event on a connection application (补充材料, 批准接入, 不予批准, 回访): what it does, and its
// fields (the documents supplied, the missing ones first; an optional note; the reason and the
// suggestion of a refusal; what the applicant said and whether satisfied), posted to
// /api/v1/connections/{id}/events. The submit and a refusal on the field it names come from
// OutageActionModal; the answer (the application as it now is) is handed back.
import { Checkbox, Form, Input, Radio, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import { api } from '../../api/client';
import type { Connection, ConnectionEventType } from '../../api/types';
import { useT, type MessageKey } from '../../i18n';
import OutageActionModal from '../outages/OutageActionModal';
import { EVENT_FIELDS, eventBody, eventFieldRequired, suppliable, type EventValues } from './logic';
import { documentText } from './parts';

export interface ConnectionActionModalProps {
  connection: Pick<Connection, 'id' | 'documents' | 'missing'>;
  action: ConnectionEventType;
  onClose: () => void;
  onDone: (connection: Connection) => void;
}

export default function ConnectionActionModal({ connection: c, action, onClose, onDone }: ConnectionActionModalProps) {
  const t = useT();
  const fields = EVENT_FIELDS[action];
  const missing = new Set(c.missing);

  function item(field: keyof EventValues) {
    const label = t(`connection.label.${action}.${field}` as MessageKey);
    const required = eventFieldRequired(action, field);
    if (field === 'documents' && suppliable(c).length === 0)
      return (
        <Form.Item key={field} label={label}>
          <Typography.Text type="secondary">{t('connection.allOnFile')}</Typography.Text>
        </Form.Item>
      );
    const rules: Rule[] = [];
    if (field === 'documents') rules.push({ required: true, type: 'array', min: 1, message: t('connection.chooseDocuments') });
    else if (field === 'satisfied') rules.push({ required: true, message: t('connection.choose', { what: label }) });
    else if (required) rules.push({ required: true, whitespace: true, message: t('connection.required', { what: label }) });
    return (
      <Form.Item key={field} name={field} label={label} required={required} rules={rules}>
        {field === 'documents' ? (
          <Checkbox.Group
            options={suppliable(c).map((d) => ({
              value: d,
              label: missing.has(d) ? t('connection.documentMissing', { document: documentText(t, d) }) : documentText(t, d),
            }))}
          />
        ) : field === 'satisfied' ? (
          <Radio.Group
            options={[
              { value: true, label: t('connection.satisfied') },
              { value: false, label: t('connection.unsatisfied') },
            ]}
          />
        ) : (
          <Input.TextArea rows={3} maxLength={500} showCount placeholder={t(`connection.placeholder.${action}.${field}` as MessageKey)} />
        )}
      </Form.Item>
    );
  }

  return (
    <OutageActionModal<EventValues, Connection>
      name="connection-action"
      title={t(`connection.actionTitle.${action}` as MessageKey, { id: c.id })}
      okText={t(`connection.action.${action}` as MessageKey)}
      success={t(`connection.done.${action}` as MessageKey)}
      known={fields}
      initialValues={action === 'supply-documents' ? { documents: [] } : {}}
      send={(v) => api.post<Connection>(`/api/v1/connections/${c.id}/events`, eventBody(action, v))}
      onClose={onClose}
      onDone={onDone}
    >
      <Typography.Paragraph type="secondary">{t(`connection.actionHint.${action}` as MessageKey)}</Typography.Paragraph>
      {fields.map(item)}
    </OutageActionModal>
  );
}
