// One heat-meter dispute in full: the state, the household, who raised it and why; once
// calibrated the result, the report number, the cost, who pays with the clause (W 10.3) and, when
// the meter failed, an Alert that the household is billed by area and why (W 10.3 (10.3 c));
// once withdrawn when; the note; who raised it and when. One column when compact.
import { Alert, Descriptions, Flex, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { MeterDispute } from '../../api/types';
import { formatDateTime } from '../../format';
import { useT } from '../../i18n';
import { moneyText } from '../insurance/logic';
import { BillingView, DisputeStateTag, partyText, PayerView, ResultTag } from './parts';

export default function DisputeDetail({ dispute: d, householdLink, compact }: { dispute: MeterDispute; householdLink?: boolean; compact?: boolean }) {
  const t = useT();
  const wide = compact ? 1 : 2;
  const calibrated = d.state === 'calibrated' || !!d.result;
  return (
    <Flex vertical gap={16} data-testid="dispute-detail">
      {d.billing?.by_area && <Alert type="warning" showIcon data-testid="dispute-billing" message={t('meterDispute.byArea')} description={d.billing.reason} />}
      <Descriptions size="small" column={wide} bordered={!compact}>
        <Descriptions.Item label={t('meterDispute.state')}>
          <DisputeStateTag state={d.state} />
        </Descriptions.Item>
        <Descriptions.Item label={t('meterDispute.household')}>{householdLink ? <Link to={`/households/${d.household_id}`}>{d.household_id}</Link> : d.household_id}</Descriptions.Item>
        <Descriptions.Item label={t('meterDispute.raisedBy')}>{partyText(t, d.raised_by)}</Descriptions.Item>
        <Descriptions.Item label={t('meterDispute.billing')}>
          <BillingView dispute={d} />
        </Descriptions.Item>
        <Descriptions.Item label={t('meterDispute.reason')} span={wide}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{d.reason}</span>
        </Descriptions.Item>
        {calibrated && (
          <>
            <Descriptions.Item label={t('meterDispute.result')}>
              <ResultTag result={d.result} />
            </Descriptions.Item>
            <Descriptions.Item label={t('meterDispute.reference')}>{d.reference ?? t('common.none')}</Descriptions.Item>
            <Descriptions.Item label={t('meterDispute.cost')}>{moneyText(d.cost, d.cost_fen)}</Descriptions.Item>
            <Descriptions.Item label={t('meterDispute.payer')}>
              <PayerView dispute={d} />
            </Descriptions.Item>
            <Descriptions.Item label={t('meterDispute.calibratedAt')} span={wide}>
              {t('meterDispute.calibratedLine', { by: d.calibrated_by ?? t('common.none'), at: formatDateTime(d.calibrated_at) })}
            </Descriptions.Item>
          </>
        )}
        {d.withdrawn_at && (
          <Descriptions.Item label={t('meterDispute.withdrawnAt')} span={wide}>
            {formatDateTime(d.withdrawn_at)}
          </Descriptions.Item>
        )}
        {d.note && (
          <Descriptions.Item label={t('meterDispute.note')} span={wide}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{d.note}</span>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('meterDispute.createdBy')} span={wide}>
          {t('meterDispute.createdLine', { by: d.created_by, at: formatDateTime(d.created_at) })}
        </Descriptions.Item>
      </Descriptions>
      {d.state === 'open' && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="dispute-who-pays">
          {d.raised_by === 'company' ? t('meterDispute.paysCompany') : t('meterDispute.paysHousehold')}
        </Typography.Text>
      )}
    </Flex>
  );
}
