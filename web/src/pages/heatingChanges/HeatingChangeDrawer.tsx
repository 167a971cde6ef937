// The drawer of one heating change: GET /api/v1/heating-changes/{id} shown in full, and the
// buttons of the events the server offers the caller (the change's `actions`), each opening its
// modal; the change an event answers with replaces the one shown and is handed up. Full width on
// a phone.
import { Alert, Button, Drawer, Flex, Grid, Skeleton } from 'antd';
import { useState } from 'react';
import type { HeatingChange, HeatingChangeEventType } from '../../api/types';
import { useApi } from '../../api/useApi';
import { useT } from '../../i18n';
import HeatingChangeActionModal from './HeatingChangeActionModal';
import HeatingChangeDetail from './HeatingChangeDetail';
import { actionTone, changeActions, EVENT_TEST_ID } from './logic';
import { actionText } from './parts';

export interface HeatingChangeDrawerProps {
  id: number;
  householdLink?: boolean;
  onClose: () => void;
  /** A change an event changed. */
  onChanged?: (change: HeatingChange) => void;
}

export default function HeatingChangeDrawer({ id, householdLink, onClose, onChanged }: HeatingChangeDrawerProps) {
  const t = useT();
  const narrow = !Grid.useBreakpoint().sm;
  const loaded = useApi<HeatingChange>(`/api/v1/heating-changes/${id}`);
  const [acted, setActed] = useState<HeatingChange>();
  const [acting, setActing] = useState<HeatingChangeEventType>();
  const change = acted ?? loaded.data;
  const actions = change ? changeActions(change) : [];

  return (
    <Drawer
      open
      width={narrow ? '100%' : 640}
      title={t('heatingChange.detailTitle', { id })}
      onClose={onClose}
      footer={
        actions.length > 0 ? (
          <Flex gap={8} wrap="wrap" justify="flex-end">
            {actions.map((a) => {
              const tone = actionTone(a);
              return (
                <Button key={a} type={tone.primary ? 'primary' : 'default'} danger={tone.danger} data-testid={EVENT_TEST_ID[a]} onClick={() => setActing(a)}>
                  {actionText(t, a)}
                </Button>
              );
            })}
          </Flex>
        ) : undefined
      }
    >
      {loaded.error && !change ? (
        <Alert type="error" showIcon message={loaded.error instanceof Error ? loaded.error.message : String(loaded.error)} />
      ) : !change ? (
        <Skeleton active />
      ) : (
        <HeatingChangeDetail change={change} householdLink={householdLink} compact={narrow} />
      )}
      {acting && change && (
        <HeatingChangeActionModal
          change={change}
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
