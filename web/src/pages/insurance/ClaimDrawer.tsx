// The drawer of one insurance claim: GET /api/v1/insurance-claims/{id} (with its history) shown in
// full, and the buttons of the events the server offers the caller (the claim's `actions`), each
// opening its modal; the claim an event answers with replaces the one shown and is handed up.
// Full width on a phone.
import { Alert, Button, Drawer, Flex, Grid, Skeleton } from 'antd';
import { useState } from 'react';
import type { Claim, ClaimEventType } from '../../api/types';
import { useApi } from '../../api/useApi';
import { useT, type MessageKey } from '../../i18n';
import ClaimActionModal from './ClaimActionModal';
import ClaimDetail from './ClaimDetail';
import { actionTone, claimActions } from './logic';

export interface ClaimDrawerProps {
  id: number;
  householdLink?: boolean;
  onClose: () => void;
  /** A claim an event changed. */
  onChanged?: (claim: Claim) => void;
}

export default function ClaimDrawer({ id, householdLink, onClose, onChanged }: ClaimDrawerProps) {
  const t = useT();
  const narrow = !Grid.useBreakpoint().sm;
  const loaded = useApi<Claim>(`/api/v1/insurance-claims/${id}`);
  const [acted, setActed] = useState<Claim>();
  const [acting, setActing] = useState<ClaimEventType>();
  const claim = acted ?? loaded.data;
  const actions = claim ? claimActions(claim) : [];

  return (
    <Drawer
      open
      width={narrow ? '100%' : 640}
      title={t('claim.detailTitle', { id })}
      onClose={onClose}
      footer={
        actions.length > 0 ? (
          <Flex gap={8} wrap="wrap" justify="flex-end">
            {actions.map((a) => {
              const tone = actionTone(a);
              return (
                <Button key={a} type={tone.primary ? 'primary' : 'default'} danger={tone.danger} data-testid={`claim-${a}`} onClick={() => setActing(a)}>
                  {t(`claim.action.${a}` as MessageKey)}
                </Button>
              );
            })}
          </Flex>
        ) : undefined
      }
    >
      {loaded.error && !claim ? (
        <Alert type="error" showIcon message={loaded.error instanceof Error ? loaded.error.message : String(loaded.error)} />
      ) : !claim ? (
        <Skeleton active />
      ) : (
        <ClaimDetail claim={claim} householdLink={householdLink} compact={narrow} />
      )}
      {acting && claim && (
        <ClaimActionModal
          claim={claim}
          action={acting}
          onClose={() => setActing(undefined)}
          onDone={(c) => {
            setActing(undefined);
            setActed(c);
            onChanged?.(c);
          }}
        />
      )}
    </Drawer>
  );
}
