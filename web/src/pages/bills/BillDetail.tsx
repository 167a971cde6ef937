// One bill in full: the household (a link for a role with the household pages), the season, how
// it is reckoned (and, billed by area instead of by meter, why), the area, the due date, who issued
// it when and in which run; then its lines as printed (a relief and an offset as credits) and its
// sums: 应收合计, 未抵扣退费 when any, 已缴, 已退还 when any, 欠费, and 多缴待退 when any (with
// 退还多缴 when `onPayBack` is given, R-ACCT-1). One column when compact.
import { Descriptions, Flex, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { formatDate, formatDateTime } from '../../format';
import { useT } from '../../i18n';
import { BasisReason, BasisTag, BillLines, BillSums, seasonLabel } from './parts';
import type { Bill } from './types';

export interface BillDetailProps {
  bill: Bill;
  householdLink?: boolean;
  compact?: boolean;
  /** Opens 退还多缴 (a role that pays an overpayment back, the bill overpaid). */
  onPayBack?: () => void;
}

export default function BillDetail({ bill: b, householdLink, compact, onPayBack }: BillDetailProps) {
  const t = useT();
  const wide = compact ? 1 : 2;
  return (
    <Flex vertical gap={16} data-testid="bill-detail">
      <Descriptions size="small" column={wide} bordered={!compact}>
        <Descriptions.Item label={t('bill.household')}>
          {householdLink ? <Link to={`/households/${b.household_id}`}>{b.household_code}</Link> : b.household_code}
        </Descriptions.Item>
        <Descriptions.Item label={t('bill.season')}>{seasonLabel(t, b.season)}</Descriptions.Item>
        <Descriptions.Item label={t('bill.basis')}>
          <BasisTag bill={b} />
        </Descriptions.Item>
        <Descriptions.Item label={t('bill.area')}>{t('bill.areaOf', { area: b.area })}</Descriptions.Item>
        <Descriptions.Item label={t('bill.dueOn')}>{formatDate(b.due_on)}</Descriptions.Item>
        <Descriptions.Item label={t('bill.issuedAt')}>{t('bill.issuedLine', { by: b.issued_by, at: formatDateTime(b.issued_at), run: b.run_id })}</Descriptions.Item>
      </Descriptions>
      <BasisReason bill={b} />
      <Flex vertical gap={8}>
        <Typography.Text strong>{t('bill.lines')}</Typography.Text>
        <BillLines lines={b.lines} />
      </Flex>
      <BillSums bill={b} onPayBack={onPayBack} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('bill.detailRule')}
      </Typography.Text>
    </Flex>
  );
}
