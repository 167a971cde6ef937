// 我的退费 (/my/refunds): the household's refunds, each with the days and reasons behind it, and
// above them, when there are any, the company's findings that the household caused a shortfall
// (住户原因认定, R-REFUND-4), which it acknowledges (确认) or disputes (提出异议) here. On an
// approved refund not yet paid it chooses payment or offset against the next bill (R-REFUND-6).
import { PageContainer } from '@ant-design/pro-components';
import { Alert, Flex } from 'antd';
import { useAuth } from '../auth';
import { NotFound } from '../components/PageState';
import { PHONE_TOKEN } from './household/phone';
import { useT } from '../i18n';
import HouseholdFindings from './findings/HouseholdFindings';
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
        <HouseholdFindings householdId={id} compact hideWhenEmpty />
        <RefundList householdId={id} compact choosable />
      </Flex>
    </PageContainer>
  );
}
