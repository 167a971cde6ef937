// One connection application in full: what the applicant is told (an Alert when it catches the
// next season), the facts (applicant, phone as the server sends it, building and household, new
// or existing building, outside works, when received, the season), the documents on file and
// missing (容缺), the decision with its reason and suggestion when refused, the return visit,
// the decision deadline with its countdown and clause, and the history. One column when compact.
import { Alert, Descriptions, Flex, Timeline, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { Connection, ConnectionHistoryEntry } from '../../api/types';
import { formatDateTime } from '../../format';
import { useT } from '../../i18n';
import { roleText } from '../findings/parts';
import { ConnectionStateTag, DecisionDeadlineView, DocumentTags, documentsText, eventText, SeasonView, VisitView } from './parts';

function HistoryText({ entry: h }: { entry: ConnectionHistoryEntry }) {
  const t = useT();
  const extra = [
    h.documents?.length ? t('connection.historyDocuments', { documents: documentsText(t, h.documents) }) : undefined,
    h.reason ? t('connection.historyReason', { reason: h.reason }) : undefined,
    h.suggestion ? t('connection.historySuggestion', { suggestion: h.suggestion }) : undefined,
    h.satisfied === undefined ? undefined : h.satisfied ? t('connection.satisfied') : t('connection.unsatisfied'),
  ].filter(Boolean);
  return (
    <Flex vertical gap={0}>
      <span>
        <Typography.Text strong>{eventText(t, h.action)}</Typography.Text>
        {' · '}
        {t('claim.actor', { actor: h.actor, role: roleText(t, h.role) })}
        {' · '}
        <Typography.Text type="secondary">{formatDateTime(h.at)}</Typography.Text>
      </span>
      {extra.map((e) => (
        <Typography.Text key={e}>{e}</Typography.Text>
      ))}
      {h.note && <Typography.Text type="secondary">{h.note}</Typography.Text>}
    </Flex>
  );
}

export default function ConnectionDetail({ connection: c, householdLink, compact }: { connection: Connection; householdLink?: boolean; compact?: boolean }) {
  const t = useT();
  const wide = compact ? 1 : 2;
  return (
    <Flex vertical gap={16} data-testid="connection-detail">
      {c.notice && <Alert type="warning" showIcon data-testid="connection-notice" message={c.notice} />}
      <Descriptions size="small" column={wide} bordered={!compact}>
        <Descriptions.Item label={t('connection.state')}>
          <ConnectionStateTag state={c.state} />
        </Descriptions.Item>
        <Descriptions.Item label={t('connection.season')}>
          <SeasonView connection={c} />
        </Descriptions.Item>
        <Descriptions.Item label={t('connection.applicant')}>{c.applicant}</Descriptions.Item>
        <Descriptions.Item label={t('connection.phone')}>{c.phone ?? t('common.none')}</Descriptions.Item>
        <Descriptions.Item label={t('connection.building')}>{c.building_id}</Descriptions.Item>
        <Descriptions.Item label={t('connection.household')}>
          {c.household_id === null ? (
            <Typography.Text type="secondary">{t('connection.noHousehold')}</Typography.Text>
          ) : householdLink ? (
            <Link to={`/households/${c.household_id}`}>{c.household_id}</Link>
          ) : (
            c.household_id
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('connection.buildingKind')}>{c.new_building ? t('connection.newBuilding') : t('connection.existingBuilding')}</Descriptions.Item>
        <Descriptions.Item label={t('connection.outsideWorks')}>{c.outside_works ? t('common.yes') : t('common.no')}</Descriptions.Item>
        <Descriptions.Item label={t('connection.receivedAt')} span={wide}>
          {formatDateTime(c.received_at)}
        </Descriptions.Item>
        <Descriptions.Item label={t('connection.documents')} span={wide}>
          <DocumentTags documents={c.documents} none={t('common.none')} />
        </Descriptions.Item>
        <Descriptions.Item label={t('connection.missing')} span={wide}>
          <DocumentTags documents={c.missing} missing none={t('connection.noMissing')} />
        </Descriptions.Item>
        {c.decided_at && <Descriptions.Item label={t('connection.decidedAt')}>{formatDateTime(c.decided_at)}</Descriptions.Item>}
        {c.reason && (
          <Descriptions.Item label={t('connection.reason')} span={wide}>
            <span style={{ whiteSpace: 'pre-wrap' }} data-testid="connection-reason">
              {c.reason}
            </span>
          </Descriptions.Item>
        )}
        {c.suggestion && (
          <Descriptions.Item label={t('connection.suggestion')} span={wide}>
            <span style={{ whiteSpace: 'pre-wrap' }} data-testid="connection-suggestion">
              {c.suggestion}
            </span>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('connection.visit')} span={wide}>
          <Flex vertical gap={4}>
            <VisitView connection={c} />
            {c.visit_note && <span style={{ whiteSpace: 'pre-wrap' }}>{c.visit_note}</span>}
          </Flex>
        </Descriptions.Item>
        <Descriptions.Item label={t('connection.createdBy')} span={wide}>
          {t('connection.createdLine', { by: c.created_by, at: formatDateTime(c.created_at) })}
        </Descriptions.Item>
      </Descriptions>
      <Flex vertical gap={8} data-testid="connection-deadlines">
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('connection.deadline')}
        </Typography.Text>
        <DecisionDeadlineView connection={c} basis />
        {c.deadlines?.decision && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {c.outside_works ? t('connection.deadlineRuleOutside') : t('connection.deadlineRule')}
          </Typography.Text>
        )}
      </Flex>
      {c.history && (
        <Flex vertical gap={8} data-testid="connection-history">
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('connection.history')}
          </Typography.Text>
          <Timeline
            items={c.history.map((h, i) => ({
              key: i,
              color: h.action === 'refuse' ? 'gray' : h.action === 'approve' ? 'green' : 'blue',
              children: <HistoryText entry={h} />,
            }))}
          />
        </Flex>
      )}
    </Flex>
  );
}
