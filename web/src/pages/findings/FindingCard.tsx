// One household-caused finding: its kind and state, the days it covers and whether it counts in
// refunds now, who found it and when, the evidence (description, photo references, a link when
// one is a web address), its history, and the buttons of the actions the server offers the
// caller (the finding's `actions`). One column on a phone.
import { Button, Card, Descriptions, Flex, Tag, Typography } from 'antd';
import type { Finding, FindingActionName } from '../../api/types';
import { formatDate, formatDateTime } from '../../format';
import { useT, type MessageKey } from '../../i18n';
import { actionTone, findingActions, photoHref } from './logic';
import { EffectiveTag, eventText, FindingStateTag, kindText, roleText } from './parts';

export interface FindingCardProps {
  finding: Finding;
  compact?: boolean;
  onAct: (finding: Finding, action: FindingActionName) => void;
}

function Photos({ photos }: { photos: string[] }) {
  const t = useT();
  if (photos.length === 0) return <Typography.Text type="secondary">{t('finding.noPhotos')}</Typography.Text>;
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

export default function FindingCard({ finding: f, compact, onAct }: FindingCardProps) {
  const t = useT();
  const actions = findingActions(f);
  const wide = compact ? 1 : { xs: 1, sm: 2, lg: 3 };
  return (
    <Card
      size="small"
      id={`finding-${f.id}`}
      data-testid="finding-card"
      title={
        <span>
          {kindText(t, f.kind)} <Typography.Text type="secondary">#{f.id}</Typography.Text>
        </span>
      }
      extra={<FindingStateTag state={f.state} />}
    >
      <Flex vertical gap={12}>
        <Descriptions size="small" column={wide}>
          <Descriptions.Item label={t('finding.period')}>
            <Typography.Text strong>{t('finding.periodValue', { from: formatDate(f.valid_from), to: formatDate(f.valid_to) })}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('finding.effectLabel')}>
            <EffectiveTag effective={f.effective} />
          </Descriptions.Item>
          <Descriptions.Item label={t('finding.foundBy')}>{t('finding.foundLine', { by: f.found_by, at: formatDateTime(f.found_at) })}</Descriptions.Item>
          <Descriptions.Item label={t('finding.description')} span={wide}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{f.description || t('common.none')}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('finding.photos')} span={wide}>
            <Photos photos={f.photos ?? []} />
          </Descriptions.Item>
        </Descriptions>
        <Flex vertical gap={4} data-testid="finding-history">
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('finding.history')}
          </Typography.Text>
          {(f.history ?? []).map((h, i) => (
            <Flex key={i} vertical gap={0} style={{ borderInlineStart: '2px solid #f0f0f0', paddingInlineStart: 8 }}>
              <span>
                <Typography.Text strong>{eventText(t, h.action)}</Typography.Text>
                {' · '}
                {t('finding.actor', { actor: h.actor, role: roleText(t, h.role) })}
                {' · '}
                <Typography.Text type="secondary">{formatDateTime(h.at)}</Typography.Text>
              </span>
              {h.note && <Typography.Text type="secondary">{h.note}</Typography.Text>}
            </Flex>
          ))}
        </Flex>
        {actions.length > 0 && (
          <Flex gap={8} wrap="wrap" justify={compact ? 'stretch' : 'flex-end'}>
            {actions.map((a) => {
              const tone = actionTone(a);
              return (
                <Button
                  key={a}
                  type={tone.primary ? 'primary' : 'default'}
                  danger={tone.danger}
                  data-testid={`finding-${a}`}
                  style={compact ? { flex: '1 1 0' } : undefined}
                  onClick={() => onAct(f, a)}
                >
                  {t(`finding.action.${a}` as MessageKey)}
                </Button>
              );
            })}
          </Flex>
        )}
      </Flex>
    </Card>
  );
}
