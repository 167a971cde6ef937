// Arrears' small shared pieces: a channel, delivery and action in words (a value the console does
// not know shows as the server wrote it), what is owed (red), the steps before a stop (proven of
// needed, green once enough), the first day a stop may take effect (or how many proven reminders
// are missing), the heating status, and the reminders as a timeline: each with its channel, when
// and by whom, its delivery (with the gateway's attempts and last error for an SMS or a WeChat
// message), whether it is proven, its content and its proof.
import { Flex, Tag, Timeline, Typography } from 'antd';
import type { Arrears, ArrearsReminder } from '../../api/types';
import { formatDate, formatDateTime, MISSING } from '../../format';
import { useT, type MessageKey, type Translate } from '../../i18n';
import { money, owing } from '../bills/logic';
import { ACTIONS, CHANNELS, deliveryColour, DELIVERIES, remindersMissing, sentByPlatform, stepsDone } from './logic';

function known(t: Translate, prefix: string, value: string, values: readonly string[]): string {
  return values.includes(value) ? t(`${prefix}.${value}` as MessageKey) : value;
}

export function channelText(t: Translate, channel: string): string {
  return known(t, 'arrears.channel', channel, CHANNELS);
}

export function deliveryText(t: Translate, delivery: string): string {
  return known(t, 'arrears.delivery', delivery, DELIVERIES);
}

export function actionText(t: Translate, action: string): string {
  return known(t, 'arrears.action', action, ACTIONS);
}

/** What is still owed: red and bold while owed. */
export function OutstandingText({ arrears: a }: { arrears: Pick<Arrears, 'outstanding'> }) {
  const owes = owing(a);
  return (
    <Typography.Text type={owes ? 'danger' : undefined} strong={owes} data-testid="arrears-outstanding">
      {money(a.outstanding)}
    </Typography.Text>
  );
}

/** "1/2": proven reminders of those needed before a stop; green once enough. */
export function StepsTag({ arrears: a }: { arrears: Pick<Arrears, 'reminders_proven' | 'reminders_needed'> }) {
  const t = useT();
  const done = stepsDone(a);
  return (
    <Tag color={done ? 'green' : 'orange'} style={{ marginInlineEnd: 0 }} data-testid="arrears-steps" data-done={done ? 'true' : 'false'}>
      {t('arrears.stepsOf', { proven: a.reminders_proven, needed: a.reminders_needed })}
    </Tag>
  );
}

/** The first day a stop may take effect, how many proven reminders are still missing, or "—"
 * (nothing owed). */
export function MayStopFrom({ arrears: a }: { arrears: Pick<Arrears, 'may_stop_from' | 'reminders_proven' | 'reminders_needed'> }) {
  const t = useT();
  if (a.may_stop_from) return <span data-testid="arrears-may-stop">{formatDate(a.may_stop_from)}</span>;
  const missing = remindersMissing(a);
  return (
    <Typography.Text type="secondary" data-testid="arrears-may-stop">
      {missing > 0 ? t('arrears.mayStopFromNone', { n: missing }) : MISSING}
    </Typography.Text>
  );
}

/** 供热中 / 已停热, and 已决定停热 when a stop is decided but heat still runs (effective later). */
export function HeatingStatus({ arrears: a }: { arrears: Pick<Arrears, 'heating_status' | 'stop_heating_change_id'> }) {
  const t = useT();
  const status = a.heating_status === 'heated' ? t('arrears.heated') : a.heating_status === 'stopped' ? t('arrears.stopped') : a.heating_status;
  return (
    <Flex gap={4} wrap="wrap">
      <Tag color={a.heating_status === 'stopped' ? 'default' : 'green'} style={{ marginInlineEnd: 0 }} data-testid="arrears-heating" data-status={a.heating_status}>
        {status}
      </Tag>
      {a.stop_heating_change_id !== null && a.heating_status !== 'stopped' && (
        <Tag color="volcano" style={{ marginInlineEnd: 0 }}>
          {t('arrears.stopDecided')}
        </Tag>
      )}
    </Flex>
  );
}

/** A reminder's delivery as a tag, proven or not beside it. */
export function DeliveryTags({ reminder: r }: { reminder: Pick<ArrearsReminder, 'delivery' | 'proven'> }) {
  const t = useT();
  return (
    <Flex gap={4} wrap="wrap">
      <Tag color={deliveryColour(r.delivery)} style={{ marginInlineEnd: 0 }} data-testid="arrears-delivery" data-delivery={r.delivery}>
        {deliveryText(t, r.delivery)}
      </Tag>
      <Tag color={r.proven ? 'green' : 'default'} style={{ marginInlineEnd: 0 }} data-testid="arrears-proven" data-proven={r.proven ? 'true' : 'false'}>
        {r.proven ? t('arrears.proven') : t('arrears.unproven')}
      </Tag>
    </Flex>
  );
}

function ReminderEntry({ reminder: r }: { reminder: ArrearsReminder }) {
  const t = useT();
  const platform = sentByPlatform(r.channel);
  const gateway = [
    r.delivered_at ? t('arrears.deliveredAt', { at: formatDateTime(r.delivered_at) }) : undefined,
    platform && r.attempts > 0 ? t('arrears.attempts', { n: r.attempts }) : undefined,
  ].filter(Boolean);
  return (
    <Flex vertical gap={2} data-testid="arrears-reminder" data-channel={r.channel}>
      <Flex gap={8} wrap="wrap" align="center">
        <Typography.Text strong>{channelText(t, r.channel)}</Typography.Text>
        <DeliveryTags reminder={r} />
        <Typography.Text type="secondary">{t('arrears.sentLine', { by: r.sent_by, at: formatDateTime(r.sent_at) })}</Typography.Text>
      </Flex>
      {gateway.length > 0 && <Typography.Text type="secondary">{gateway.join(' · ')}</Typography.Text>}
      {platform && r.last_error && (
        <Typography.Text type="danger" data-testid="arrears-last-error">
          {t('arrears.lastError', { error: r.last_error })}
        </Typography.Text>
      )}
      {r.content && <span style={{ whiteSpace: 'pre-wrap' }}>{t('common.labelValue', { label: t('arrears.content'), value: r.content })}</span>}
      {r.proof && (
        <span style={{ whiteSpace: 'pre-wrap' }} data-testid="arrears-proof">
          {t('common.labelValue', { label: t('arrears.proof'), value: r.proof })}
        </span>
      )}
    </Flex>
  );
}

/** The reminders, newest first as the server lists them. */
export function ReminderTimeline({ reminders }: { reminders: readonly ArrearsReminder[] }) {
  const t = useT();
  if (reminders.length === 0)
    return (
      <Typography.Text type="secondary" data-testid="arrears-no-reminders">
        {t('arrears.noReminders')}
      </Typography.Text>
    );
  return (
    <div data-testid="arrears-reminders">
      <Timeline
        items={reminders.map((r) => ({
          key: r.id,
          color: r.proven ? 'green' : r.delivery === 'failed' ? 'red' : 'gray',
          children: <ReminderEntry reminder={r} />,
        }))}
      />
    </div>
  );
}
