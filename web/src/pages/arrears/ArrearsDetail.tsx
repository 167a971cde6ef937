// One fee's arrears in full: the household (a link for a role with the household pages), its
// address, the season and due date, what is due, paid and still owed (red), the days overdue, the
// heating status, the steps before a stop (proven reminders of those the contract asks, the last
// proven one, the notice period, the first day a stop may take effect), the stop already decided
// (its heating change, opened on a click), then the reminders as a timeline. One column when
// compact.
import { Button, Descriptions, Flex, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { Arrears } from '../../api/types';
import { formatDate, MISSING } from '../../format';
import { useT } from '../../i18n';
import { money } from '../bills/logic';
import { seasonLabel } from '../bills/parts';
import { HeatingStatus, MayStopFrom, OutstandingText, ReminderTimeline, StepsTag } from './parts';

export interface ArrearsDetailProps {
  arrears: Arrears;
  householdLink?: boolean;
  compact?: boolean;
  /** Opens the stop's heating change. */
  onOpenChange?: (id: number) => void;
}

export default function ArrearsDetail({ arrears: a, householdLink, compact, onOpenChange }: ArrearsDetailProps) {
  const t = useT();
  const wide = compact ? 1 : 2;
  const stop = a.stop_heating_change_id;
  return (
    <Flex vertical gap={16} data-testid="arrears-detail">
      <Descriptions size="small" column={wide} bordered={!compact}>
        <Descriptions.Item label={t('arrears.household')}>
          {householdLink ? <Link to={`/households/${a.household_id}`}>{a.household_code}</Link> : a.household_code}
        </Descriptions.Item>
        <Descriptions.Item label={t('arrears.season')}>{seasonLabel(t, a.season)}</Descriptions.Item>
        <Descriptions.Item label={t('arrears.address')} span={wide}>
          {a.address ?? MISSING}
        </Descriptions.Item>
        <Descriptions.Item label={t('arrears.amount')}>{money(a.amount)}</Descriptions.Item>
        <Descriptions.Item label={t('arrears.paid')}>{money(a.paid)}</Descriptions.Item>
        <Descriptions.Item label={t('arrears.outstanding')}>
          <OutstandingText arrears={a} />
        </Descriptions.Item>
        <Descriptions.Item label={t('arrears.dueOn')}>{formatDate(a.due_on)}</Descriptions.Item>
        <Descriptions.Item label={t('arrears.daysOverdue')}>{a.days_overdue > 0 ? t('arrears.daysOf', { n: a.days_overdue }) : t('arrears.notOverdue')}</Descriptions.Item>
        <Descriptions.Item label={t('arrears.heatingStatus')}>
          <HeatingStatus arrears={a} />
        </Descriptions.Item>
        <Descriptions.Item label={t('arrears.stepsLabel')}>
          <Flex gap={8} wrap="wrap" align="center">
            <StepsTag arrears={a} />
            <Typography.Text type="secondary">{t('arrears.stepsLine', { proven: a.reminders_proven, needed: a.reminders_needed })}</Typography.Text>
          </Flex>
        </Descriptions.Item>
        <Descriptions.Item label={t('arrears.lastReminded')}>{a.last_reminded_on ? formatDate(a.last_reminded_on) : t('common.none')}</Descriptions.Item>
        <Descriptions.Item label={t('arrears.noticeDays')}>{t('arrears.noticeDaysOf', { n: a.notice_days })}</Descriptions.Item>
        <Descriptions.Item label={t('arrears.mayStopFrom')}>
          <MayStopFrom arrears={a} />
        </Descriptions.Item>
        {stop !== null && (
          <Descriptions.Item label={t('arrears.stopChange')} span={wide}>
            {onOpenChange ? (
              <Button type="link" size="small" style={{ padding: 0 }} data-testid="arrears-stop-change" onClick={() => onOpenChange(stop)}>
                {t('arrears.stopChangeLink', { id: stop })}
              </Button>
            ) : (
              t('arrears.stopChangeLink', { id: stop })
            )}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Flex vertical gap={8}>
        <Typography.Text strong>{t('arrears.reminders')}</Typography.Text>
        <ReminderTimeline reminders={a.reminders ?? []} />
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('arrears.detailRule')}
      </Typography.Text>
    </Flex>
  );
}
