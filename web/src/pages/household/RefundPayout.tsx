// How a paid refund was settled (R-REFUND-6; refunds.cpp, the entry's "payout"): 已支付 by bank
// transfer, WeChat, Alipay or cash, with the transaction reference (none for cash) and the time
// paid, or 抵扣下季热费 when the next season's bill settled it; a red 逾期支付 when paid after the
// payment deadline (30 June). Shown on the household's refunds (RefundList) and in the staff
// ledger (Refunds). A paid entry without a payout (paid before payouts were recorded) says so.
import { Tag, Typography } from 'antd';
import type { RefundPayout as Payout } from '../../api/types';
import { formatDateTime } from '../../format';
import { useT, type MessageKey, type Translate } from '../../i18n';

export const PAYOUT_METHODS = ['bank', 'wechat', 'alipay', 'cash', 'offset'] as const;

/** The way the refund was settled, in words ("银行转账", "抵扣下季热费"); an unknown one as sent. */
export function payoutMethodText(t: Translate, method: string): string {
  return (PAYOUT_METHODS as readonly string[]).includes(method) ? t(`refund.payout.method.${method}` as MessageKey) : method;
}

/**
 * Whether to flag the payout 逾期支付: paid after the deadline. An offset is settled by the next
 * season's bill, issued after 30 June by design (the household chose it, R-REFUND-6), so it is
 * not flagged even should the server call it late.
 */
export function paidLate(payout: Pick<Payout, 'method' | 'late'>): boolean {
  return payout.late && payout.method !== 'offset';
}

/** The payout in one line: 已支付：银行转账 · 凭证号 … · 支付于 2026-06-20 10:00 [逾期支付]. */
export default function RefundPayout({ payout }: { payout: Payout | null }) {
  const t = useT();
  if (!payout) {
    return (
      <Typography.Text type="secondary" data-testid="refund-payout">
        {t('refund.payout.unrecorded')}
      </Typography.Text>
    );
  }
  const parts = [t('refund.payout.line', { method: payoutMethodText(t, payout.method) })];
  if (payout.reference) parts.push(t('refund.payout.reference', { reference: payout.reference }));
  parts.push(t('refund.payout.at', { at: formatDateTime(payout.paid_at) }));
  return (
    <span data-testid="refund-payout" data-method={payout.method}>
      <Typography.Text style={{ wordBreak: 'break-all' }}>{parts.join(' · ')}</Typography.Text>
      {paidLate(payout) && (
        <Tag color="red" style={{ marginLeft: 8 }} data-testid="refund-payout-late">
          {t('refund.payout.late')}
        </Tag>
      )}
    </span>
  );
}
