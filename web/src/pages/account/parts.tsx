// The parts of 我的账户 (/my/account): the household's contract (its record's area, billing basis,
// agreed temperature and heating status, and the contract's terms as recorded, W 9.1.7), a card
// per season's heat-meter reading (R-METER-1: a fault bills that season by area) and a card per
// payment received. Laid out for a phone: one column, label and value on a line.
import { Button, Card, Descriptions, Flex, Tag, Typography } from 'antd';
import type { Household, MeterFault, MeterReading, Payment } from '../../api/types';
import { formatDate, formatDateTime, formatTemp, formatYuan } from '../../format';
import { useT, type MessageKey, type Translate } from '../../i18n';

/** The contract's terms the record API documents (households.contract), with their labels. */
const KNOWN_TERMS = ['period', 'quality', 'fee_standard', 'payment', 'settlement', 'maintenance', 'breach', 'free_services'] as const;
const FAULTS: readonly MeterFault[] = ['none', 'data-missing', 'data-distorted', 'damaged', 'unfiled-replacement'];
const METHODS = ['cash', 'bank', 'wechat', 'alipay', 'offset'];

/** The contract's terms as label and text, the documented ones first in their order, then any
 * other the company recorded under its own name; a nested value as JSON. */
export function contractTerms(t: Translate, contract: unknown): Array<{ key: string; label: string; text: string }> {
  if (!contract || typeof contract !== 'object' || Array.isArray(contract)) return [];
  const entries = Object.entries(contract as Record<string, unknown>).filter(([, v]) => v !== null && v !== undefined && v !== '');
  const rank = (k: string) => {
    const i = (KNOWN_TERMS as readonly string[]).indexOf(k);
    return i < 0 ? KNOWN_TERMS.length : i;
  };
  return entries
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([k, v]) => ({
      key: k,
      label: rank(k) < KNOWN_TERMS.length ? t(`account.term.${k}` as MessageKey) : k,
      text: typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v),
    }));
}

export function faultText(t: Translate, fault: string): string {
  return FAULTS.includes(fault as MeterFault) ? t(`account.fault.${fault}` as MessageKey) : fault;
}

export function ContractCard({ household: h }: { household: Household }) {
  const t = useT();
  const terms = contractTerms(t, h.contract);
  return (
    <Card size="small" title={t('account.contract')} data-testid="my-contract">
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('household.code')}>{h.code}</Descriptions.Item>
        <Descriptions.Item label={t('household.address')}>{h.address ?? t('common.none')}</Descriptions.Item>
        <Descriptions.Item label={t('household.area')}>{t('household.areaValue', { area: h.area_m2.toFixed(2) })}</Descriptions.Item>
        <Descriptions.Item label={t('household.billing')}>{t(`billing.${h.billing}` as MessageKey)}</Descriptions.Item>
        <Descriptions.Item label={t('household.agreedTemp')}>
          {h.agreed_temp !== null && h.agreed_temp !== undefined ? formatTemp(h.agreed_temp) : t('account.noAgreedTemp')}
        </Descriptions.Item>
        <Descriptions.Item label={t('household.heating')}>
          <Tag color={h.heating_status === 'heated' ? 'green' : 'default'}>{t(`heating.${h.heating_status}` as MessageKey)}</Tag>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Text strong style={{ display: 'block', margin: '8px 0' }}>
        {t('account.terms')}
      </Typography.Text>
      {terms.length === 0 ? (
        <Typography.Text type="secondary" data-testid="my-contract-no-terms">
          {t('bills.noContract')}
        </Typography.Text>
      ) : (
        <Descriptions size="small" column={1} bordered data-testid="my-contract-terms">
          {terms.map((term) => (
            <Descriptions.Item key={term.key} label={term.label}>
              <span style={{ whiteSpace: 'pre-wrap' }}>{term.text}</span>
            </Descriptions.Item>
          ))}
        </Descriptions>
      )}
    </Card>
  );
}

export function ReadingCard({ reading: r }: { reading: MeterReading }) {
  const t = useT();
  const faulty = r.fault !== 'none';
  return (
    <Card
      size="small"
      data-testid="my-reading"
      title={t('bill.seasonOption', { season: r.season, next: r.season + 1 })}
      extra={<Tag color={faulty ? 'red' : 'green'}>{faultText(t, r.fault)}</Tag>}
    >
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('account.heat')}>{t('account.heatValue', { heat: r.heat.toFixed(2) })}</Descriptions.Item>
        <Descriptions.Item label={t('account.readOn')}>{formatDate(r.read_on)}</Descriptions.Item>
      </Descriptions>
      {faulty && (
        <Typography.Text type="warning" data-testid="my-reading-by-area">
          {t('account.faultByArea')}
        </Typography.Text>
      )}
    </Card>
  );
}

/** A payment received; `onReceipt` opens its receipt (供热费收据, R-BILL-1). */
export function PaymentCard({ payment: p, onReceipt }: { payment: Payment; onReceipt?: (paymentId: number) => void }) {
  const t = useT();
  const method = <Tag>{METHODS.includes(p.method) ? t(`payMethod.${p.method}` as MessageKey) : p.method}</Tag>;
  return (
    <Card
      size="small"
      data-testid="my-payment"
      title={formatYuan(p.amount)}
      extra={
        <Flex gap={4} align="center">
          {method}
          {onReceipt && (
            <Button size="small" type="link" data-testid="my-payment-receipt" onClick={() => onReceipt(p.id)}>
              {t('receipt.open')}
            </Button>
          )}
        </Flex>
      }
    >
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('bills.paidAt')}>{formatDateTime(p.paid_at)}</Descriptions.Item>
        {p.fee_id !== null && p.fee_id !== undefined && <Descriptions.Item label={t('account.forBill')}>{t('bill.detailTitle', { id: p.fee_id })}</Descriptions.Item>}
        {p.reference && <Descriptions.Item label={t('receipt.reference')}>{p.reference}</Descriptions.Item>}
      </Descriptions>
    </Card>
  );
}
