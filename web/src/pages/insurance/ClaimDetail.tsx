// One insurance claim in full: the incident (when, what, whether anyone was hurt), the photos
// (a link when one is a web address) and the loss list, the insurer and its report number, the
// amount agreed and the payment, or the grounds of a rejection with their clause; the deadlines
// with their countdowns and clauses; and the history. One column when compact.
import { Descriptions, Flex, Table, Tag, Timeline, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { Claim, ClaimHistoryEntry, ClaimLoss } from '../../api/types';
import { formatDateTime } from '../../format';
import { useT } from '../../i18n';
import { photoHref } from '../findings/logic';
import { roleText } from '../findings/parts';
import { DEADLINE_NAMES, moneyText } from './logic';
import { ClaimDeadlineView, ClaimStateTag, eventText, exclusionText } from './parts';

function Photos({ photos }: { photos: string[] }) {
  const t = useT();
  if (photos.length === 0) return <Typography.Text type="secondary">{t('claim.noPhotos')}</Typography.Text>;
  return (
    <Flex gap={4} wrap="wrap">
      {photos.map((p) => {
        const href = photoHref(p);
        return (
          <Tag key={p} style={{ maxWidth: '100%', overflow: 'hidden', textOverflow: 'ellipsis' }}>
            {href ? (
              <a href={href} target="_blank" rel="noopener noreferrer">
                {p}
              </a>
            ) : (
              p
            )}
          </Tag>
        );
      })}
    </Flex>
  );
}

function HistoryText({ entry: h }: { entry: ClaimHistoryEntry }) {
  const t = useT();
  const extra = [
    h.insurer,
    h.reference,
    h.amount ? moneyText(h.amount, null) : undefined,
    h.exclusion ? exclusionText(t, h.exclusion) : undefined,
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
      {extra.length > 0 && <Typography.Text>{extra.join(' · ')}</Typography.Text>}
      {h.note && <Typography.Text type="secondary">{h.note}</Typography.Text>}
    </Flex>
  );
}

export default function ClaimDetail({ claim: c, householdLink, compact }: { claim: Claim; householdLink?: boolean; compact?: boolean }) {
  const t = useT();
  const wide = compact ? 1 : 2;
  const deadlines = DEADLINE_NAMES.flatMap((name) => (c.deadlines?.[name] ? [{ name, deadline: c.deadlines[name]! }] : []));
  return (
    <Flex vertical gap={16} data-testid="claim-detail">
      <Descriptions size="small" column={wide} bordered={!compact}>
        <Descriptions.Item label={t('claim.state')}>
          <ClaimStateTag state={c.state} />
        </Descriptions.Item>
        <Descriptions.Item label={t('claim.household')}>{householdLink ? <Link to={`/households/${c.household_id}`}>{c.household_id}</Link> : c.household_id}</Descriptions.Item>
        <Descriptions.Item label={t('claim.incidentAt')}>{formatDateTime(c.incident_at)}</Descriptions.Item>
        <Descriptions.Item label={t('claim.injuries')}>
          {c.injuries ? (
            <Tag color="red" title={t('claim.injuriesHint')}>
              {t('common.yes')}
            </Tag>
          ) : (
            t('common.no')
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('claim.incident')} span={wide}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{c.incident}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('claim.photos')} span={wide}>
          <Photos photos={c.photos ?? []} />
        </Descriptions.Item>
        <Descriptions.Item label={t('claim.losses')} span={wide}>
          {(c.losses ?? []).length === 0 ? (
            <Typography.Text type="secondary">{t('claim.noLosses')}</Typography.Text>
          ) : (
            <Table<ClaimLoss & { i: number }>
              size="small"
              rowKey="i"
              pagination={false}
              showHeader={false}
              dataSource={c.losses.map((l, i) => ({ ...l, i }))}
              columns={[
                { dataIndex: 'item', key: 'item' },
                {
                  key: 'estimate',
                  align: 'right',
                  width: 120,
                  render: (_, l) => (l.estimate === null ? <Typography.Text type="secondary">{t('claim.notEstimated')}</Typography.Text> : moneyText(l.estimate, l.estimate_fen)),
                },
              ]}
            />
          )}
        </Descriptions.Item>
        {c.insurer && (
          <Descriptions.Item label={t('claim.insurer')}>
            {c.insurer}
            {c.insurer_reference ? ` · ${t('claim.insurerReference')} ${c.insurer_reference}` : ''}
          </Descriptions.Item>
        )}
        {c.notified_at && <Descriptions.Item label={t('claim.notifiedAt')}>{formatDateTime(c.notified_at)}</Descriptions.Item>}
        {(c.amount || c.amount_fen !== null) && (
          <Descriptions.Item label={t('claim.amount')}>
            <Typography.Text strong data-testid="claim-amount">
              {moneyText(c.amount, c.amount_fen)}
            </Typography.Text>
          </Descriptions.Item>
        )}
        {c.agreed_at && <Descriptions.Item label={t('claim.agreedAt')}>{formatDateTime(c.agreed_at)}</Descriptions.Item>}
        {c.paid_at && <Descriptions.Item label={t('claim.paidAt')}>{formatDateTime(c.paid_at)}</Descriptions.Item>}
        {c.payment_reference && <Descriptions.Item label={t('claim.paymentReference')}>{c.payment_reference}</Descriptions.Item>}
        {c.exclusion && (
          <Descriptions.Item label={t('claim.exclusion')} span={wide}>
            <span data-testid="claim-exclusion">{exclusionText(t, c.exclusion, c.exclusion_clause)}</span>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('claim.createdBy')} span={wide}>
          {t('claim.createdLine', { by: c.created_by, at: formatDateTime(c.created_at) })}
        </Descriptions.Item>
      </Descriptions>
      <Flex vertical gap={8} data-testid="claim-deadlines">
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('claim.deadlines')}
        </Typography.Text>
        {deadlines.length === 0 ? (
          <Typography.Text type="secondary">{t('claim.noDeadline')}</Typography.Text>
        ) : (
          deadlines.map((d) => <ClaimDeadlineView key={d.name} name={d.name} deadline={d.deadline} basis />)
        )}
      </Flex>
      {c.history && (
        <Flex vertical gap={8} data-testid="claim-history">
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('claim.history')}
          </Typography.Text>
          <Timeline items={c.history.map((h, i) => ({ key: i, children: <HistoryText entry={h} /> }))} />
        </Flex>
      )}
    </Flex>
  );
}
