// The drawer of one fee's arrears: GET /api/v1/arrears/{fee_id} shown in full (ArrearsDetail), and
// the buttons of what the server offers the caller (the arrears' `actions`: 催缴, 停止供热; a
// regulator gets none), each opening its modal. A reminder answers with the arrears as they now
// are, shown at once; a stop answers with its heating change, and the arrears are asked again (the
// stop's link, the actions left). The stop's heating change opens in its own drawer. Full width on
// a phone.
import { Alert, Button, Drawer, Flex, Grid, Skeleton } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import type { Arrears, ArrearsAction } from '../../api/types';
import { useApi } from '../../api/useApi';
import { useT } from '../../i18n';
import HeatingChangeDrawer from '../heatingChanges/HeatingChangeDrawer';
import ArrearsDetail from './ArrearsDetail';
import { arrearsActions } from './logic';
import { actionText } from './parts';
import RemindModal from './RemindModal';
import StopModal from './StopModal';

export interface ArrearsDrawerProps {
  /** The fee's id. */
  id: number;
  householdLink?: boolean;
  onClose: () => void;
  /** A reminder recorded or a stop decided: the list shows the arrears again. */
  onChanged?: () => void;
}

const TEST_ID: Record<ArrearsAction, string> = { remind: 'arrears-remind', stop: 'arrears-stop' };

export default function ArrearsDrawer({ id, householdLink, onClose, onChanged }: ArrearsDrawerProps) {
  const t = useT();
  const narrow = !Grid.useBreakpoint().sm;
  const loaded = useApi<Arrears>(`/api/v1/arrears/${id}`);
  const [acted, setActed] = useState<Arrears>();
  const [acting, setActing] = useState<ArrearsAction>();
  const [change, setChange] = useState<number>();
  const arrears = acted ?? loaded.data;
  const actions = arrears ? arrearsActions(arrears) : [];

  return (
    <Drawer
      open
      width={narrow ? '100%' : 680}
      title={t('arrears.detailTitle', { id })}
      onClose={onClose}
      footer={
        actions.length > 0 ? (
          <Flex gap={8} wrap="wrap" justify="flex-end">
            {actions.map((a) => (
              <Button key={a} type={a === 'remind' ? 'primary' : 'default'} danger={a === 'stop'} data-testid={TEST_ID[a]} onClick={() => setActing(a)}>
                {actionText(t, a)}
              </Button>
            ))}
          </Flex>
        ) : undefined
      }
    >
      {loaded.error && !arrears ? (
        <Alert type="error" showIcon message={loaded.error instanceof Error ? loaded.error.message : String(loaded.error)} />
      ) : !arrears ? (
        <Skeleton active />
      ) : (
        <ArrearsDetail arrears={arrears} householdLink={householdLink} compact={narrow} onOpenChange={setChange} />
      )}
      {acting === 'remind' && arrears && (
        <RemindModal
          arrears={arrears}
          onClose={() => setActing(undefined)}
          onDone={(a) => {
            setActing(undefined);
            setActed(a);
            onChanged?.();
          }}
        />
      )}
      {acting === 'stop' && arrears && (
        <StopModal
          arrears={arrears}
          onClose={() => setActing(undefined)}
          onDone={() => {
            setActing(undefined);
            onChanged?.();
            api.get<Arrears>(`/api/v1/arrears/${id}`).then(setActed, () => {
              setActed(undefined);
              loaded.reload();
            });
          }}
        />
      )}
      {change !== undefined && <HeatingChangeDrawer key={change} id={change} householdLink={householdLink} onClose={() => setChange(undefined)} />}
    </Drawer>
  );
}
