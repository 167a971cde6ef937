// 我的室温 (/my/temperatures): a household's own rooms, charts and judged days, laid out for a
// phone (households open it from a WeChat link); only its own: the API scopes every call.
import { PageContainer } from '@ant-design/pro-components';
import { Card, Flex } from 'antd';
import type { Household } from '../api/types';
import { useApi } from '../api/useApi';
import { useAuth } from '../auth';
import { NotFound, PageError, PageLoading } from '../components/PageState';
import { PHONE_TOKEN } from './household/phone';
import { useT } from '../i18n';
import { HouseholdHeader } from './HouseholdDetail';
import SeasonPanel from './household/SeasonPanel';

export function useOwnHousehold() {
  const { me } = useAuth();
  const id = me?.household_id ?? null;
  const household = useApi<Household>(id !== null ? `/api/v1/households/${id}` : null);
  return { id, household };
}

export default function MyTemperatures() {
  const t = useT();
  const { id, household } = useOwnHousehold();
  if (id === null) return <NotFound />;
  if (household.error) return <PageError error={household.error} onRetry={household.reload} />;
  if (!household.data) return <PageLoading />;
  return (
    <PageContainer token={PHONE_TOKEN} title={t('menu.myTemperatures')}>
      <Flex vertical gap={12}>
        <Card size="small">
          <HouseholdHeader household={household.data} compact />
        </Card>
        <SeasonPanel householdId={id} compact />
      </Flex>
    </PageContainer>
  );
}
