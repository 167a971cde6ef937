// Insurance claims' small shared pieces: a claim's state, event and exclusion in words (a value
// the console does not know shows as the server wrote it), the state tag, and a deadline as the
// shared countdown shows it (time left and due time, amber at 75 %, red overdue), or met, or met
// late in red.
import { Flex, Tag, Typography } from 'antd';
import type { ClaimDeadline } from '../../api/types';
import Countdown from '../../components/Countdown';
import { useNow } from '../../components/useNow';
import { formatDateTime } from '../../format';
import { useT, type MessageKey, type Translate } from '../../i18n';
import { basisParts, CLAIM_EVENTS, CLAIM_STATES, deadlineLook, EXCLUSIONS, exclusionClause, stateColour, type ClaimDeadlineName } from './logic';

function known(t: Translate, prefix: string, value: string, values: readonly string[]): string {
  return values.includes(value) ? t(`${prefix}.${value}` as MessageKey) : value;
}

export function stateText(t: Translate, state: string): string {
  return known(t, 'claim.state', state, CLAIM_STATES);
}

export function eventText(t: Translate, action: string): string {
  return action === 'record' ? t('claim.event.record') : known(t, 'claim.action', action, CLAIM_EVENTS);
}

/** "住户自行拆改（W 13.6 b）": the clause the server names, else the one the console knows. */
export function exclusionText(t: Translate, exclusion: string, clause?: string | null): string {
  const words = known(
    t,
    'claim.exclusion',
    exclusion,
    EXCLUSIONS.map((e) => e.value),
  );
  const basis = clause || exclusionClause(exclusion);
  return basis ? `${words}（${basis}）` : words;
}

export function deadlineName(t: Translate, name: ClaimDeadlineName | string): string {
  return known(t, 'claim.deadline', name, ['notify', 'payout']);
}

/** "W 13.5"; "平台默认（W 13.3）". */
export function basisText(t: Translate, basis: string): string {
  const { source, platformDefault } = basisParts(basis);
  return platformDefault ? t('claim.platformDefault', { source }) : source;
}

export function ClaimStateTag({ state }: { state: string }) {
  const t = useT();
  return (
    <Tag color={stateColour(state)} data-testid="claim-state" data-state={state}>
      {stateText(t, state)}
    </Tag>
  );
}

/** A deadline: its name, then the countdown (or met, or met late in red); with `basis`, the
 * clause and a missing holiday calendar small beneath. `label` names a deadline that is not a
 * claim's (a connection application's decision uses this view too). */
export function ClaimDeadlineView({ name, deadline, basis, label }: { name: ClaimDeadlineName | string; deadline: ClaimDeadline; basis?: boolean; label?: string }) {
  const t = useT();
  const now = useNow(60_000);
  const look = deadlineLook(deadline, now);
  return (
    <Flex vertical gap={2} data-testid={`claim-deadline-${name}`} data-look={look}>
      <Flex gap={6} wrap="wrap" align="center">
        <Tag color={look === 'late' || look === 'overdue' ? 'red' : look === 'warning' ? 'orange' : undefined}>{label ?? deadlineName(t, name)}</Tag>
        {look === 'late' ? (
          <Typography.Text type="danger" strong data-testid="countdown" data-state="late">
            {t('claim.lateMet', { at: formatDateTime(deadline.met_at), due: formatDateTime(deadline.due) })}
          </Typography.Text>
        ) : (
          <Countdown from={deadline.from} due={deadline.due} metAt={deadline.met_at} />
        )}
      </Flex>
      {basis && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('claim.basis', { basis: basisText(t, deadline.basis) })}
          {deadline.calendar_incomplete && (
            <Tag color="orange" style={{ marginInlineStart: 6 }}>
              {t('claim.calendarIncomplete')}
            </Tag>
          )}
        </Typography.Text>
      )}
    </Flex>
  );
}
