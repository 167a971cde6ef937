// The drawer of one bill: GET /api/v1/bills/{id} shown in full (BillDetail). Full width on a phone.
// A bill holding money overpaid offers the admin, a manager or an agent 退还多缴 (PaybackModal,
// R-ACCT-1); once paid back, or when the amount changed meanwhile, the bill is asked again.
import { Alert, Drawer, Grid, Skeleton } from 'antd';
import { useState } from 'react';
import { useApi } from '../../api/useApi';
import { useAuth } from '../../auth';
import { useT } from '../../i18n';
import BillDetail from './BillDetail';
import { canPayBack } from './logic';
import PaybackModal from './PaybackModal';
import type { Bill } from './types';

export interface BillDrawerProps {
  id: number;
  householdLink?: boolean;
  onClose: () => void;
}

export default function BillDrawer({ id, householdLink, onClose }: BillDrawerProps) {
  const t = useT();
  const { me } = useAuth();
  const narrow = !Grid.useBreakpoint().sm;
  const loaded = useApi<Bill>(`/api/v1/bills/${id}`);
  const bill = loaded.data;
  const [paying, setPaying] = useState(false);
  const mayPayBack = !!bill && canPayBack(me?.role, bill);
  return (
    <Drawer open width={narrow ? '100%' : 640} title={t('bill.detailTitle', { id })} onClose={onClose}>
      {loaded.error && !bill ? (
        <Alert type="error" showIcon message={loaded.error instanceof Error ? loaded.error.message : String(loaded.error)} />
      ) : !bill ? (
        <Skeleton active />
      ) : (
        <BillDetail bill={bill} householdLink={householdLink} compact={narrow} onPayBack={mayPayBack ? () => setPaying(true) : undefined} />
      )}
      {paying && bill && (
        <PaybackModal
          bill={bill}
          onClose={() => setPaying(false)}
          onPaid={() => {
            setPaying(false);
            loaded.reload();
          }}
          onChanged={loaded.reload}
        />
      )}
    </Drawer>
  );
}
