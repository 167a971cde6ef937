// 催缴: the modal that records or sends a reminder for a fee in arrears (POST
// /api/v1/arrears/{fee_id}/reminders, W 9.2.2). The channel: a posted notice (张贴告知) or a letter
// (催费函) is delivered by hand, and the hall records it with its proof (required: where and how,
// a photo's reference) and when it was posted (Beijing time, now by default, not in the future);
// an SMS or a WeChat message is sent by the platform, its content written by the server when left
// empty. A refusal goes on the field the server names and above the form; the answer (the arrears
// as they now are) is handed back.
import { Form, Input, Radio, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { api } from '../../api/client';
import type { Arrears } from '../../api/types';
import { useT } from '../../i18n';
import { beijingWallMinute } from '../outages/logic';
import OutageActionModal from '../outages/OutageActionModal';
import { BeijingPicker } from '../outages/parts';
import { byHand, CHANNELS, REMIND_FIELDS, reminderBody, sentAtProblem, type RemindValues } from './logic';
import { channelText } from './parts';

export interface RemindModalProps {
  arrears: Pick<Arrears, 'fee_id' | 'household_code'>;
  onClose: () => void;
  onDone: (arrears: Arrears) => void;
}

/** The fields after the channel: they depend on it. */
function ChannelFields() {
  const t = useT();
  const channel = Form.useWatch('channel') as RemindValues['channel'];
  const hand = byHand(channel);
  if (!channel) return null;
  return (
    <>
      {hand && (
        <>
          <Form.Item
            name="proof"
            label={t('arrears.proofLabel')}
            extra={t('arrears.proofHint')}
            rules={[{ required: true, whitespace: true, message: t('arrears.proofRequired') }]}
          >
            <Input.TextArea rows={2} maxLength={500} showCount placeholder={t('arrears.proofPlaceholder')} />
          </Form.Item>
          <Form.Item
            name="sent_at"
            label={t('arrears.sentAtLabel')}
            extra={t('arrears.sentAtHint')}
            rules={[
              { required: true, message: t('arrears.choose', { what: t('arrears.sentAtLabel') }) },
              {
                validator: async (_, v?: Dayjs | null) => {
                  if (sentAtProblem(v, Date.now()) === 'future') throw new Error(t('arrears.sentAtFuture'));
                },
              },
            ]}
          >
            <BeijingPicker getPopupContainer={(node) => node.parentElement ?? document.body} />
          </Form.Item>
        </>
      )}
      <Form.Item name="content" label={t('arrears.contentLabel')} extra={hand ? t('arrears.contentHandHint') : t('arrears.contentPlatformHint')}>
        <Input.TextArea rows={3} maxLength={500} showCount placeholder={hand ? t('arrears.contentHandPlaceholder') : t('arrears.contentPlatformPlaceholder')} />
      </Form.Item>
    </>
  );
}

export default function RemindModal({ arrears: a, onClose, onDone }: RemindModalProps) {
  const t = useT();
  return (
    <OutageActionModal<RemindValues, Arrears>
      name="arrears-remind"
      title={t('arrears.remindTitle', { household: a.household_code })}
      okText={t('common.submit')}
      success={t('arrears.reminded')}
      known={REMIND_FIELDS}
      initialValues={{ sent_at: dayjs(beijingWallMinute(Date.now())) }}
      send={(v) => api.post<Arrears>(`/api/v1/arrears/${a.fee_id}/reminders`, reminderBody(v))}
      onClose={onClose}
      onDone={onDone}
    >
      <Typography.Paragraph type="secondary">{t('arrears.remindHint')}</Typography.Paragraph>
      <Form.Item name="channel" label={t('arrears.channelLabel')} rules={[{ required: true, message: t('arrears.choose', { what: t('arrears.channelLabel') }) }]}>
        <Radio.Group optionType="button" options={CHANNELS.map((c) => ({ value: c, label: channelText(t, c) }))} />
      </Form.Item>
      <ChannelFields />
    </OutageActionModal>
  );
}
