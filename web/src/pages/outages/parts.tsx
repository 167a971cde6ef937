// The heating-stop pages' small shared pieces: the Beijing-time picker, and the tags for a stop's
// kind, phase and notice status and for an obligation's state.
import { DatePicker, Space, Tag, type DatePickerProps } from 'antd';
import type { Outage } from '../../api/types';
import { useT, type MessageKey, type Translate } from '../../i18n';
import { DUTY_STATE_COLOUR, NOTICE_STATUS_COLOUR, noticeStatus, PHASE_COLOUR, PICKER_FORMAT, type OutagePhase } from './logic';

/** A date and 24-hour time picker whose wall clock is read as Beijing time (logic.pickedRfc3339).
 * No clear icon unless asked (the moments it asks are required; the icon is mouse-only). */
export function BeijingPicker(props: DatePickerProps) {
  return <DatePicker showTime={{ format: 'HH:mm' }} format={PICKER_FORMAT} style={{ width: '100%' }} allowClear={false} {...props} />;
}

function known(t: Translate, prefix: string, value: string, values: readonly string[]): string {
  return values.includes(value) ? t(`${prefix}.${value}` as MessageKey) : value;
}

export function kindText(t: Translate, kind: string, long = false): string {
  return known(t, long ? 'outage.kindLong' : 'outage.kind', kind, ['planned', 'emergency']);
}

export function dutyText(t: Translate, duty: string): string {
  return known(t, 'outage.duty', duty, ['advance', 'emergency', 'overrun']);
}

export function KindTag({ kind }: { kind: string }) {
  const t = useT();
  return <Tag color={kind === 'emergency' ? 'red' : 'blue'}>{kindText(t, kind)}</Tag>;
}

export function PhaseTag({ phase }: { phase: OutagePhase }) {
  const t = useT();
  return <Tag color={PHASE_COLOUR[phase]}>{t(`outage.phase.${phase}` as MessageKey)}</Tag>;
}

/** 按时 / 逾期 / 待通知 from the obligations, and 超时 when the stop overran. */
export function NoticeStatusTags({ outage }: { outage: Pick<Outage, 'obligations' | 'notice_late' | 'overrun'> }) {
  const t = useT();
  const status = noticeStatus(outage);
  return (
    <Space size={4} wrap data-testid="outage-notice-status" data-status={status}>
      <Tag color={NOTICE_STATUS_COLOUR[status]}>{t(`outage.noticeStatus.${status}` as MessageKey)}</Tag>
      {outage.overrun && (
        <Tag color="magenta" title={t('outage.overrunHint')}>
          {t('outage.overrun')}
        </Tag>
      )}
    </Space>
  );
}

export function DutyStateTag({ state }: { state: string }) {
  const t = useT();
  return <Tag color={DUTY_STATE_COLOUR[state] ?? 'default'}>{known(t, 'outage.dutyState', state, ['met', 'late', 'pending', 'overdue'])}</Tag>;
}
