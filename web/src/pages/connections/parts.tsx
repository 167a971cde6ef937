// Connection applications' small shared pieces: a state, document and event in words (a value
// the console does not know shows as the server wrote it), the season as "2026—2027" with 下一采暖季
// when a new building missed the date, the state tag, the documents as tags, the return visit,
// and the decision deadline as insurance claims and work orders show theirs (time left and due
// time, amber at 75 %, red overdue; met, or met late in red).
import { Flex, Tag, Typography } from 'antd';
import type { Connection, ConnectionDocument } from '../../api/types';
import { formatDateTime } from '../../format';
import { useT, type MessageKey, type Translate } from '../../i18n';
import { ClaimDeadlineView } from '../insurance/parts';
import { CONNECTION_EVENTS, CONNECTION_STATES, DOCUMENTS, stateColour, visitStatus } from './logic';

function known(t: Translate, prefix: string, value: string, values: readonly string[]): string {
  return values.includes(value) ? t(`${prefix}.${value}` as MessageKey) : value;
}

export function stateText(t: Translate, state: string): string {
  return known(t, 'connection.state', state, CONNECTION_STATES);
}

export function documentText(t: Translate, document: ConnectionDocument | string): string {
  return known(t, 'connection.document', document, DOCUMENTS);
}

export function documentsText(t: Translate, documents: ReadonlyArray<ConnectionDocument | string>): string {
  return documents.map((d) => documentText(t, d)).join(t('connection.listSeparator'));
}

export function eventText(t: Translate, action: string): string {
  return action === 'apply' ? t('connection.event.apply') : known(t, 'connection.action', action, CONNECTION_EVENTS);
}

/** "2026—2027". */
export function seasonText(t: Translate, season: number): string {
  return t('connection.seasonOf', { from: season, to: season + 1 });
}

export function ConnectionStateTag({ state }: { state: string }) {
  const t = useT();
  return (
    <Tag color={stateColour(state)} data-testid="connection-state" data-state={state}>
      {stateText(t, state)}
    </Tag>
  );
}

/** The season it catches, and 下一采暖季 when a new building applied after the date. */
export function SeasonView({ connection: c }: { connection: Pick<Connection, 'season' | 'next_season'> }) {
  const t = useT();
  return (
    <Flex gap={4} wrap="wrap" align="center" data-testid="connection-season">
      <span>{seasonText(t, c.season)}</span>
      {c.next_season && (
        <Tag color="orange" style={{ marginInlineEnd: 0 }}>
          {t('connection.nextSeason')}
        </Tag>
      )}
    </Flex>
  );
}

/** Documents as tags (missing ones in orange); `none` when there are none. */
export function DocumentTags({ documents, missing, none }: { documents: ReadonlyArray<ConnectionDocument | string>; missing?: boolean; none: string }) {
  const t = useT();
  if (documents.length === 0) return <Typography.Text type="secondary">{none}</Typography.Text>;
  return (
    <Flex gap={4} wrap="wrap" data-testid={missing ? 'connection-missing' : 'connection-documents'}>
      {documents.map((d) => (
        <Tag key={d} color={missing ? 'orange' : undefined} style={{ marginInlineEnd: 0 }}>
          {documentText(t, d)}
        </Tag>
      ))}
    </Flex>
  );
}

/** 已回访 (when, satisfied or not), 待回访 once decided, else nothing due yet. */
export function VisitView({ connection: c }: { connection: Pick<Connection, 'state' | 'visited_at' | 'satisfied'> }) {
  const t = useT();
  const status = visitStatus(c);
  if (status === 'none') return <Typography.Text type="secondary">{t('connection.visitNotDue')}</Typography.Text>;
  if (status === 'owed') return <Tag color="gold">{t('connection.visitOwed')}</Tag>;
  return (
    <Flex gap={4} wrap="wrap" align="center" data-testid="connection-visit-status">
      <Tag color={c.satisfied === false ? 'red' : 'green'} style={{ marginInlineEnd: 0 }}>
        {c.satisfied === null ? t('connection.visited') : c.satisfied ? t('connection.satisfied') : t('connection.unsatisfied')}
      </Tag>
      <Typography.Text type="secondary">{formatDateTime(c.visited_at)}</Typography.Text>
    </Flex>
  );
}

/** The decision deadline (办结时限): the claims' view of a deadline, under its own name. */
export function DecisionDeadlineView({ connection: c, basis }: { connection: Pick<Connection, 'deadlines'>; basis?: boolean }) {
  const t = useT();
  const d = c.deadlines?.decision;
  if (!d) return <Typography.Text type="secondary">{t('connection.noDeadline')}</Typography.Text>;
  if (d.status === 'lapsed')
    return (
      <Flex gap={6} align="center">
        <Tag>{t('connection.deadline.decision')}</Tag>
        <Typography.Text type="secondary">{t('connection.deadlineLapsed')}</Typography.Text>
      </Flex>
    );
  return <ClaimDeadlineView name="decision" label={t('connection.deadline.decision')} deadline={d} basis={basis} />;
}
