// The drawer of one heat-meter dispute: GET /api/v1/meter-disputes/{id} shown in full, and the
// buttons of the events the server offers the caller (the dispute's `actions`), each opening its
// modal; the dispute an event answers with replaces the one shown and is handed up. Full width on
// a phone.
import { Alert, Button, Drawer, Flex, Grid, Skeleton } from 'antd';
import { useState } from 'react';
import type { MeterDispute, MeterDisputeEventType } from '../../api/types';
import { useApi } from '../../api/useApi';
import { useT } from '../../i18n';
import DisputeActionModal from './DisputeActionModal';
import DisputeDetail from './DisputeDetail';
import { disputeActions } from './logic';
import { actionText } from './parts';

export interface DisputeDrawerProps {
  id: number;
  householdLink?: boolean;
  onClose: () => void;
  /** A dispute an event changed. */
  onChanged?: (dispute: MeterDispute) => void;
}

export default function DisputeDrawer({ id, householdLink, onClose, onChanged }: DisputeDrawerProps) {
  const t = useT();
  const narrow = !Grid.useBreakpoint().sm;
  const loaded = useApi<MeterDispute>(`/api/v1/meter-disputes/${id}`);
  const [acted, setActed] = useState<MeterDispute>();
  const [acting, setActing] = useState<MeterDisputeEventType>();
  const dispute = acted ?? loaded.data;
  const actions = dispute ? disputeActions(dispute) : [];

  return (
    <Drawer
      open
      width={narrow ? '100%' : 640}
      title={t('meterDispute.detailTitle', { id })}
      onClose={onClose}
      footer={
        actions.length > 0 ? (
          <Flex gap={8} wrap="wrap" justify="flex-end">
            {actions.map((a) => (
              <Button key={a} type={a === 'calibrate' ? 'primary' : 'default'} danger={a === 'withdraw'} data-testid={`dispute-${a}`} onClick={() => setActing(a)}>
                {actionText(t, a)}
              </Button>
            ))}
          </Flex>
        ) : undefined
      }
    >
      {loaded.error && !dispute ? (
        <Alert type="error" showIcon message={loaded.error instanceof Error ? loaded.error.message : String(loaded.error)} />
      ) : !dispute ? (
        <Skeleton active />
      ) : (
        <DisputeDetail dispute={dispute} householdLink={householdLink} compact={narrow} />
      )}
      {acting && dispute && (
        <DisputeActionModal
          dispute={dispute}
          action={acting}
          onClose={() => setActing(undefined)}
          onDone={(d) => {
            setActing(undefined);
            setActed(d);
            onChanged?.(d);
          }}
        />
      )}
    </Drawer>
  );
}
