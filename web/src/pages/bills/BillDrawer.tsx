// The drawer of one bill: GET /api/v1/bills/{id} shown in full (BillDetail). Full width on a phone.
import { Alert, Drawer, Grid, Skeleton } from 'antd';
import { useApi } from '../../api/useApi';
import { useT } from '../../i18n';
import BillDetail from './BillDetail';
import type { Bill } from './types';

export interface BillDrawerProps {
  id: number;
  householdLink?: boolean;
  onClose: () => void;
}

export default function BillDrawer({ id, householdLink, onClose }: BillDrawerProps) {
  const t = useT();
  const narrow = !Grid.useBreakpoint().sm;
  const loaded = useApi<Bill>(`/api/v1/bills/${id}`);
  const bill = loaded.data;
  return (
    <Drawer open width={narrow ? '100%' : 640} title={t('bill.detailTitle', { id })} onClose={onClose}>
      {loaded.error && !bill ? (
        <Alert type="error" showIcon message={loaded.error instanceof Error ? loaded.error.message : String(loaded.error)} />
      ) : !bill ? (
        <Skeleton active />
      ) : (
        <BillDetail bill={bill} householdLink={householdLink} compact={narrow} />
      )}
    </Drawer>
  );
}
