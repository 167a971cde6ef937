// An action on a finding (确认, 提出异议, 维持认定, 支持异议, 撤回认定): what it will do, and the
// note (the dispute's reason, the ruling's or the withdrawal's grounds; optional only when
// acknowledging), posted to /api/v1/findings/{id}/actions. The submit and a refusal on the note
// come from OutageActionModal; the answer (the finding as it now is) is handed back.
import { Form, Input, Typography } from 'antd';
import { api } from '../../api/client';
import type { Finding, FindingActionName } from '../../api/types';
import { formatDate } from '../../format';
import { useT, type MessageKey } from '../../i18n';
import OutageActionModal from '../outages/OutageActionModal';
import { ACTION_FIELDS, actionBody, noteError, noteRequired, type ActionValues } from './logic';

export interface FindingActionModalProps {
  finding: Pick<Finding, 'id' | 'valid_from' | 'valid_to'>;
  action: FindingActionName;
  onClose: () => void;
  onDone: (finding: Finding) => void;
}

export default function FindingActionModal({ finding, action, onClose, onDone }: FindingActionModalProps) {
  const t = useT();
  const label = t(`finding.note.${action}` as MessageKey);
  const period = { from: formatDate(finding.valid_from), to: formatDate(finding.valid_to) };
  return (
    <OutageActionModal<ActionValues, Finding>
      name="finding-action"
      title={t(`finding.actionTitle.${action}` as MessageKey, { id: finding.id })}
      okText={t(`finding.action.${action}` as MessageKey)}
      success={t(`finding.done.${action}` as MessageKey)}
      known={ACTION_FIELDS}
      initialValues={{}}
      send={(v) => api.post<Finding>(`/api/v1/findings/${finding.id}/actions`, actionBody(action, v))}
      onClose={onClose}
      onDone={onDone}
    >
      <Typography.Paragraph type="secondary">{t(`finding.actionHint.${action}` as MessageKey, period)}</Typography.Paragraph>
      <Form.Item
        name="note"
        label={label}
        required={noteRequired(action)}
        rules={[
          {
            validator: async (_, v?: string) => {
              if (noteError(action, v)) throw new Error(t('finding.required', { what: label }));
            },
          },
        ]}
      >
        <Input.TextArea rows={3} maxLength={500} showCount />
      </Form.Item>
    </OutageActionModal>
  );
}
