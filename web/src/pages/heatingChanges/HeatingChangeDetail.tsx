// One heating change in full: the state and kind, the household (a link for a role with the
// household pages), the applicant, when received and when it takes effect, the household's status
// and area when received and the area asked for, how it is billed, the documents on file and
// missing, the decision (who, when, the reason of a refusal, the note) and the settlement. One
// column when compact.
import { Descriptions, Flex, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { HeatingChange } from '../../api/types';
import { formatDate, formatDateTime } from '../../format';
import { useT } from '../../i18n';
import { AreaView, ChangeKindTag, ChangeStateTag, DocumentTags, SettlementView } from './parts';

export default function HeatingChangeDetail({ change: c, householdLink, compact }: { change: HeatingChange; householdLink?: boolean; compact?: boolean }) {
  const t = useT();
  const wide = compact ? 1 : 2;
  return (
    <Flex vertical gap={16} data-testid="heating-change-detail">
      <Descriptions size="small" column={wide} bordered={!compact}>
        <Descriptions.Item label={t('heatingChange.state')}>
          <ChangeStateTag state={c.state} />
        </Descriptions.Item>
        <Descriptions.Item label={t('heatingChange.kindLabel')}>
          <ChangeKindTag kind={c.kind} />
        </Descriptions.Item>
        <Descriptions.Item label={t('heatingChange.household')}>{householdLink ? <Link to={`/households/${c.household_id}`}>{c.household_id}</Link> : c.household_id}</Descriptions.Item>
        <Descriptions.Item label={t('heatingChange.applicant')}>{c.applicant}</Descriptions.Item>
        <Descriptions.Item label={t('heatingChange.receivedAt')}>{formatDateTime(c.received_at)}</Descriptions.Item>
        <Descriptions.Item label={t('heatingChange.effective')}>{formatDate(c.effective)}</Descriptions.Item>
        <Descriptions.Item label={t('heatingChange.statusWhenReceived')}>{c.heated ? t('heatingChange.heated') : t('heatingChange.stopped')}</Descriptions.Item>
        <Descriptions.Item label={t('heatingChange.area')}>
          <AreaView change={c} />
        </Descriptions.Item>
        <Descriptions.Item label={t('heatingChange.billing')} span={wide}>
          {c.billing === 'meter' ? t('heatingChange.billing.meter') : t('heatingChange.billing.area')}
        </Descriptions.Item>
        <Descriptions.Item label={t('heatingChange.documents')} span={wide}>
          <DocumentTags documents={c.documents} none={t('common.none')} />
        </Descriptions.Item>
        <Descriptions.Item label={t('heatingChange.missing')} span={wide}>
          <DocumentTags documents={c.missing} missing none={t('heatingChange.noMissing')} />
        </Descriptions.Item>
        {c.note && (
          <Descriptions.Item label={t('heatingChange.note')} span={wide}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{c.note}</span>
          </Descriptions.Item>
        )}
        {c.decided_at && (
          <Descriptions.Item label={t('heatingChange.decision')} span={wide}>
            {t('heatingChange.decidedLine', {
              by: c.decided_by ?? t('common.none'),
              at: formatDateTime(c.decided_at),
              state: c.state === 'refused' ? t('heatingChange.state.refused') : t('heatingChange.state.approved'),
            })}
          </Descriptions.Item>
        )}
        {c.reason && (
          <Descriptions.Item label={t('heatingChange.reason')} span={wide}>
            <span style={{ whiteSpace: 'pre-wrap' }} data-testid="heating-change-reason">
              {c.reason}
            </span>
          </Descriptions.Item>
        )}
        {c.decision_note && (
          <Descriptions.Item label={t('heatingChange.decisionNote')} span={wide}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{c.decision_note}</span>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('heatingChange.settlement')} span={wide}>
          <SettlementView change={c} />
        </Descriptions.Item>
        <Descriptions.Item label={t('heatingChange.createdBy')} span={wide}>
          {t('heatingChange.createdLine', { by: c.created_by, at: formatDateTime(c.created_at) })}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('heatingChange.settlementRule')}
      </Typography.Text>
    </Flex>
  );
}
