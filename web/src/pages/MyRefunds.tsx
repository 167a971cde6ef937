// 我的退费 (/my/refunds): the household's refunds, each with the days and reasons behind it.
import { PageContainer } from '@ant-design/pro-components';
import { Alert, Flex } from 'antd';
import { useAuth } from '../auth';
import { NotFound } from '../components/PageState';
import { PHONE_TOKEN } from './household/phone';
import { useT } from '../i18n';
import RefundList from './household/RefundList';

export default function MyRefunds() {
  const t = useT();
  const { me } = useAuth();
  const id = me?.household_id ?? null;
  if (id === null) return <NotFound />;
  return (
    <PageContainer token={PHONE_TOKEN} title={t('menu.myRefunds')}>
      <Flex vertical gap={12}>
        <Alert type="info" showIcon message={t('myRefunds.explain')} />
        <RefundList householdId={id} compact />
      </Flex>
    </PageContainer>
  );
}
