// 停止供热: the modal that decides a stop for a fee in arrears (POST /api/v1/arrears/{fee_id}/stop,
// W 9.2.2; admin and manager, offered when the arrears' actions say so). It shows the steps taken
// (proven reminders of those needed, and the first day a stop may take effect) and asks the day
// the stop takes effect (not before today, nor before that first day) and a note. The server
// checks the steps again: its refusal (409) goes next to the field it names (the steps' line for
// "reminders", the date for "effective") and above the form. The answer is the stop as a heating
// change (approved), handed back.
import { DatePicker, Form, Input, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api/client';
import type { Arrears, HeatingChange } from '../../api/types';
import { beijingToday } from '../../format';
import { useT } from '../../i18n';
import OutageActionModal from '../outages/OutageActionModal';
import { firstStopDay, STOP_FIELDS, stopBody, type StopValues } from './logic';
import { MayStopFrom, StepsTag } from './parts';

export interface StopModalProps {
  arrears: Pick<Arrears, 'fee_id' | 'household_code' | 'reminders_proven' | 'reminders_needed' | 'may_stop_from' | 'notice_days'>;
  onClose: () => void;
  onDone: (change: HeatingChange) => void;
}

/** The steps' line: a field of the form only so that a refusal naming "reminders" shows by it. */
function Steps({ arrears: a }: { arrears: StopModalProps['arrears']; value?: unknown }) {
  const t = useT();
  return (
    <Typography.Text data-testid="arrears-stop-steps">
      <StepsTag arrears={a} /> {t('arrears.stepsLine', { proven: a.reminders_proven, needed: a.reminders_needed })}
    </Typography.Text>
  );
}

export default function StopModal({ arrears: a, onClose, onDone }: StopModalProps) {
  const t = useT();
  const today = beijingToday();
  const first = firstStopDay(a, today);
  return (
    <OutageActionModal<StopValues, HeatingChange>
      name="arrears-stop"
      title={t('arrears.stopTitle', { household: a.household_code })}
      okText={t('arrears.action.stop')}
      success={t('arrears.stopDone')}
      known={STOP_FIELDS}
      initialValues={{ effective: dayjs(first) }}
      send={(v) => api.post<HeatingChange>(`/api/v1/arrears/${a.fee_id}/stop`, stopBody(v))}
      onClose={onClose}
      onDone={onDone}
    >
      <Typography.Paragraph type="secondary">{t('arrears.stopHint', { days: a.notice_days })}</Typography.Paragraph>
      <Form.Item name="reminders" label={t('arrears.stepsLabel')}>
        <Steps arrears={a} />
      </Form.Item>
      <Form.Item label={t('arrears.mayStopFrom')}>
        <MayStopFrom arrears={a} />
      </Form.Item>
      <Form.Item
        name="effective"
        label={t('arrears.effective')}
        extra={t('arrears.effectiveHint', { date: first })}
        rules={[{ required: true, message: t('arrears.choose', { what: t('arrears.effective') }) }]}
      >
        <DatePicker
          format="YYYY-MM-DD"
          style={{ width: '100%' }}
          allowClear={false}
          disabledDate={(d: Dayjs) => d.format('YYYY-MM-DD') < first}
          // The calendar opens inside the modal, beside its field.
          getPopupContainer={(node) => node.parentElement ?? document.body}
        />
      </Form.Item>
      <Form.Item name="note" label={t('arrears.noteOptional')}>
        <Input.TextArea rows={2} maxLength={500} showCount />
      </Form.Item>
    </OutageActionModal>
  );
}
