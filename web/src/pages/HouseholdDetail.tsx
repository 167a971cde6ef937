// 住户详情 (/households/:id): the household (phone as the API masks it for the role), its rooms
// with their temperature charts, the judged days, its household-caused findings (住户原因认定,
// R-REFUND-4), its refunds, its contract, fees and payments, and its earlier contract terms
// (合同版本, R-ACCT-1); its 救助类别 (the class a relief names, W 9.3) when it has one. Another company's household, or an unknown id, is "not found"
// (the API answers 404 for records out of scope).
import { PageContainer } from '@ant-design/pro-components';
import { Card, Descriptions, Flex, Tag } from 'antd';
import { useParams } from 'react-router-dom';
import type { Household } from '../api/types';
import { useApi } from '../api/useApi';
import { NotFound, PageError, PageLoading } from '../components/PageState';
import { formatTemp } from '../format';
import { useT, type MessageKey } from '../i18n';
import HouseholdFindings from './findings/HouseholdFindings';
import Bills from './household/Bills';
import ContractVersions from './household/ContractVersions';
import RefundList from './household/RefundList';
import SeasonPanel from './household/SeasonPanel';
import { assistanceText } from './reliefs/reliefWords';

export function HouseholdHeader({ household, compact }: { household: Household; compact?: boolean }) {
  const t = useT();
  const h = household;
  return (
    <Descriptions size="small" column={compact ? 1 : { xs: 1, sm: 2, lg: 3 }} bordered={!compact}>
      <Descriptions.Item label={t('household.code')}>{h.code}</Descriptions.Item>
      <Descriptions.Item label={t('household.address')}>{h.address ?? t('common.none')}</Descriptions.Item>
      {!compact && <Descriptions.Item label={t('household.phone')}>{h.phone ?? t('common.none')}</Descriptions.Item>}
      <Descriptions.Item label={t('household.area')}>{t('household.areaValue', { area: h.area_m2.toFixed(2) })}</Descriptions.Item>
      <Descriptions.Item label={t('household.floor')}>{h.floor}</Descriptions.Item>
      <Descriptions.Item label={t('household.orientation')}>{t(`orientation.${h.orientation}` as MessageKey)}</Descriptions.Item>
      <Descriptions.Item label={t('household.billing')}>{t(`billing.${h.billing}` as MessageKey)}</Descriptions.Item>
      <Descriptions.Item label={t('household.heating')}>
        <Tag color={h.heating_status === 'heated' ? 'green' : 'default'}>{t(`heating.${h.heating_status}` as MessageKey)}</Tag>
      </Descriptions.Item>
      {h.agreed_temp !== null && h.agreed_temp !== undefined && (
        <Descriptions.Item label={t('household.agreedTemp')}>{formatTemp(h.agreed_temp)}</Descriptions.Item>
      )}
      {h.assistance && <Descriptions.Item label={t('household.assistance')}>{assistanceText(t, h.assistance)}</Descriptions.Item>}
    </Descriptions>
  );
}

export default function HouseholdDetail() {
  const t = useT();
  const { id = '' } = useParams();
  const valid = /^\d{1,15}$/.test(id);
  const household = useApi<Household>(valid ? `/api/v1/households/${id}` : null);
  if (!valid) return <NotFound />;
  if (household.error) return <PageError error={household.error} onRetry={household.reload} />;
  if (!household.data) return <PageLoading />;
  const h = household.data;
  return (
    <PageContainer title={t('household.title', { code: h.code })} subTitle={h.address ?? undefined}>
      <Flex vertical gap={16}>
        <Card size="small">
          <HouseholdHeader household={h} />
        </Card>
        <SeasonPanel householdId={h.id} />
        <HouseholdFindings householdId={h.id} />
        <Card size="small" title={t('household.refunds')}>
          <RefundList householdId={h.id} />
        </Card>
        <Card size="small" title={t('household.bills')}>
          <Bills household={h} />
        </Card>
        <ContractVersions householdId={h.id} />
      </Flex>
    </PageContainer>
  );
}
