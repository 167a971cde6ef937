// The drawer of one connection application: GET /api/v1/connections/{id} (with its history)
// shown in full, and the buttons of the events the server offers the caller (the application's
// `actions`), each opening its modal; the application an event answers with replaces the one
// shown and is handed up. Full width on a phone.
import { Alert, Button, Drawer, Flex, Grid, Skeleton } from 'antd';
import { useState } from 'react';
import type { Connection, ConnectionEventType } from '../../api/types';
import { useApi } from '../../api/useApi';
import { useT, type MessageKey } from '../../i18n';
import ConnectionActionModal from './ConnectionActionModal';
import ConnectionDetail from './ConnectionDetail';
import { actionTone, connectionActions } from './logic';

export interface ConnectionDrawerProps {
  id: number;
  householdLink?: boolean;
  onClose: () => void;
  /** An application an event changed. */
  onChanged?: (connection: Connection) => void;
}

export default function ConnectionDrawer({ id, householdLink, onClose, onChanged }: ConnectionDrawerProps) {
  const t = useT();
  const narrow = !Grid.useBreakpoint().sm;
  const loaded = useApi<Connection>(`/api/v1/connections/${id}`);
  const [acted, setActed] = useState<Connection>();
  const [acting, setActing] = useState<ConnectionEventType>();
  const connection = acted ?? loaded.data;
  const actions = connection ? connectionActions(connection) : [];

  return (
    <Drawer
      open
      width={narrow ? '100%' : 640}
      title={t('connection.detailTitle', { id })}
      onClose={onClose}
      footer={
        actions.length > 0 ? (
          <Flex gap={8} wrap="wrap" justify="flex-end">
            {actions.map((a) => {
              const tone = actionTone(a);
              return (
                <Button key={a} type={tone.primary ? 'primary' : 'default'} danger={tone.danger} data-testid={`connection-${a}`} onClick={() => setActing(a)}>
                  {t(`connection.action.${a}` as MessageKey)}
                </Button>
              );
            })}
          </Flex>
        ) : undefined
      }
    >
      {loaded.error && !connection ? (
        <Alert type="error" showIcon message={loaded.error instanceof Error ? loaded.error.message : String(loaded.error)} />
      ) : !connection ? (
        <Skeleton active />
      ) : (
        <ConnectionDetail connection={connection} householdLink={householdLink} compact={narrow} />
      )}
      {acting && connection && (
        <ConnectionActionModal
          connection={connection}
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
