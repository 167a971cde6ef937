// A payment's receipt (供热费收据, R-BILL-1) as a Chinese heating company hands it over: its
// number, the household paying, the season, the amount in figures and in capitals (大写), the
// channel and its reference, the time paid, what is left of the fee, and the company receiving
// with its licence. Opened from a payments list (我的账户, the household page's 合同与账单) in a
// modal; one column on a phone, and 打印 prints the receipt alone (the @media print rules below
// hide the rest of the page). The server answers 404 for a payment the reader may not see.
import { Alert, Button, Modal, Result, Skeleton } from 'antd';
import { ApiError } from '../../api/client';
import type { Receipt } from '../../api/types';
import { useApi } from '../../api/useApi';
import { formatDateTime, MISSING } from '../../format';
import { useT, type MessageKey } from '../../i18n';
import { money } from '../bills/logic';

const METHODS = ['cash', 'bank', 'wechat', 'alipay', 'offset'];

/** Printing shows the receipt alone, in black on white, without the modal's frame and buttons. */
const PRINT_CSS = `
@media print {
  body * { visibility: hidden !important; }
  .hearth-receipt, .hearth-receipt * { visibility: visible !important; color: #000 !important; }
  .hearth-receipt { position: absolute; left: 0; top: 0; width: 100%; max-width: 180mm; margin: 0; }
  .hearth-receipt-noprint { display: none !important; }
  @page { margin: 12mm; }
}
`;

const cell = { border: '1px solid #595959', padding: '6px 8px', verticalAlign: 'top' } as const;
const labelCell = { ...cell, width: '38%', background: '#fafafa', whiteSpace: 'nowrap' } as const;

/** The receipt as printed. */
export function ReceiptView({ receipt: r }: { receipt: Receipt }) {
  const t = useT();
  const method = METHODS.includes(r.method) ? t(`payMethod.${r.method}` as MessageKey) : r.method;
  const rows: Array<[string, string, string]> = [
    ['payer', t('receipt.payer'), r.household_code],
    ['address', t('household.address'), r.address ?? MISSING],
    ['season', t('bills.season'), t('bill.seasonOption', { season: r.season, next: r.season + 1 })],
  ];
  if (r.fee_id !== null && r.fee !== null) rows.push(['fee', t('receipt.fee'), t('receipt.feeValue', { fee: money(r.fee), id: r.fee_id })]);
  rows.push(
    ['amount', t('receipt.amount'), money(r.amount)],
    ['capitals', t('receipt.capitals'), r.amount_capitals],
    ['method', t('bills.method'), method],
    ['reference', t('receipt.reference'), r.reference || MISSING],
    ['paidAt', t('bills.paidAt'), formatDateTime(r.paid_at)],
    ['outstanding', t('receipt.outstanding'), r.outstanding === null ? MISSING : money(r.outstanding)],
  );
  return (
    <div className="hearth-receipt" data-testid="receipt" style={{ maxWidth: 560, margin: '0 auto', fontSize: 14 }}>
      <style>{PRINT_CSS}</style>
      <h2 style={{ textAlign: 'center', letterSpacing: 6, margin: '0 0 4px', fontSize: 20 }}>{t('receipt.title')}</h2>
      <div style={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', gap: 4, marginBottom: 8 }}>
        <span data-testid="receipt-number">
          {t('receipt.numberLabel')}<span style={{ fontFamily: 'monospace', color: '#cf1322' }}>{r.number}</span>
        </span>
        <span>{formatDateTime(r.paid_at)}</span>
      </div>
      <table style={{ width: '100%', borderCollapse: 'collapse', tableLayout: 'fixed', wordBreak: 'break-all' }}>
        <tbody>
          {rows.map(([key, label, value]) => (
            <tr key={key} data-testid={`receipt-${key}`}>
              <th scope="row" style={{ ...labelCell, textAlign: 'left', fontWeight: 'normal' }}>
                {label}
              </th>
              <td style={{ ...cell, fontWeight: key === 'amount' || key === 'capitals' ? 600 : undefined }}>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div data-testid="receipt-payee" style={{ marginTop: 10, lineHeight: 1.8 }}>
        <div>{t('receipt.payeeLine', { name: r.company_name })}</div>
        <div>{t('receipt.licenceLine', { licence: r.licence_no ?? MISSING })}</div>
      </div>
    </div>
  );
}

/** The receipt of payment `paymentId` in a modal (null: closed). */
export default function ReceiptModal({ paymentId, onClose }: { paymentId: number | null; onClose: () => void }) {
  const t = useT();
  const receipt = useApi<Receipt>(paymentId === null ? null : `/api/v1/payments/${paymentId}/receipt`);
  const shown = paymentId !== null && receipt.data?.payment_id === paymentId ? receipt.data : undefined;
  const error = paymentId !== null ? receipt.error : undefined;
  return (
    <Modal
      open={paymentId !== null}
      onCancel={onClose}
      title={t('receipt.title')}
      width={640}
      destroyOnHidden
      footer={
        <div className="hearth-receipt-noprint">
          <Button onClick={onClose}>{t('receipt.close')}</Button>
          <Button type="primary" disabled={!shown} onClick={() => window.print()} data-testid="receipt-print">
            {t('receipt.print')}
          </Button>
        </div>
      }
    >
      {error ? (
        error instanceof ApiError && (error.status === 404 || error.status === 403) ? (
          <Result status="404" title={t('receipt.notFound')} subTitle={t('receipt.notFoundHint')} data-testid="receipt-not-found" />
        ) : (
          <Alert type="error" showIcon message={error instanceof Error ? error.message : String(error)} />
        )
      ) : shown ? (
        <ReceiptView receipt={shown} />
      ) : (
        <Skeleton active />
      )}
    </Modal>
  );
}
