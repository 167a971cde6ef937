// 住户原因认定 (R-REFUND-4): the card of a household's findings, shared by the staff's household
// page and the household's own refunds page. It says what a finding does to refunds (in the
// reader's terms), how many wait for the reader, and lists the findings newest first with the
// actions each offers; 登记认定 (admin, manager, agent, technician) opens the record drawer.
// The household's page hides the card while it has no finding.
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import type { Finding, FindingActionName } from '../../api/types';
import { useAuth } from '../../auth';
import { useT } from '../../i18n';
import FindingActionModal from './FindingActionModal';
import FindingCard from './FindingCard';
import FindingDrawer from './FindingDrawer';
import { awaitingAction, canRecordFinding } from './logic';
import { useFindings } from './useFindings';

export interface HouseholdFindingsProps {
  householdId: number;
  /** Laid out for a phone (the household's own pages). */
  compact?: boolean;
  /** Shows nothing while the household has no finding (the household's own page). */
  hideWhenEmpty?: boolean;
}

export default function HouseholdFindings({ householdId, compact, hideWhenEmpty }: HouseholdFindingsProps) {
  const t = useT();
  const { me } = useAuth();
  const list = useFindings(householdId);
  const [recording, setRecording] = useState(false);
  const [acting, setActing] = useState<{ finding: Finding; action: FindingActionName }>();
  const mayRecord = canRecordFinding(me?.role);
  const waiting = awaitingAction(list.items);

  if (hideWhenEmpty && !list.error && list.items.length === 0) return null;
  return (
    <Card
      size="small"
      title={t('finding.title')}
      data-testid="findings"
      extra={
        mayRecord ? (
          <Button size="small" type="primary" icon={<PlusOutlined />} data-testid="finding-record" onClick={() => setRecording(true)}>
            {t('finding.record')}
          </Button>
        ) : undefined
      }
    >
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t(me?.role === 'household' ? 'finding.explainHousehold' : 'finding.explainStaff')}</Typography.Text>
        {waiting > 0 && <Alert type="warning" showIcon message={t('finding.awaiting', { n: waiting })} />}
        {list.error ? (
          <Alert
            type="error"
            showIcon
            message={list.error instanceof Error ? list.error.message : String(list.error)}
            action={
              <Button size="small" onClick={list.reload}>
                {t('app.retry')}
              </Button>
            }
          />
        ) : null}
        {!list.loaded ? (
          <Skeleton active />
        ) : list.items.length === 0 ? (
          list.error ? null : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('finding.none')} />
        ) : (
          list.items.map((f) => <FindingCard key={f.id} finding={f} compact={compact} onAct={(finding, action) => setActing({ finding, action })} />)
        )}
        {list.hasMore && (
          <Button block loading={list.loading} onClick={list.loadMore}>
            {t('common.loadMore')}
          </Button>
        )}
      </Flex>
      {recording && (
        <FindingDrawer
          householdId={householdId}
          onClose={() => setRecording(false)}
          onDone={(f) => {
            setRecording(false);
            list.put(f);
          }}
        />
      )}
      {acting && (
        <FindingActionModal
          finding={acting.finding}
          action={acting.action}
          onClose={() => setActing(undefined)}
          onDone={(f) => {
            setActing(undefined);
            list.put(f);
          }}
        />
      )}
    </Card>
  );
}
