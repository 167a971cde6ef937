// 登记退费支付 (R-REFUND-6): an approved refund is paid by 30 June, and the payment is recorded
// with its method (银行转账, 微信, 支付宝, 现金) and the transaction reference (the bank slip, WeChat
// or Alipay transaction number; not needed for cash, at most 100 bytes; the fields are PayFields,
// shared with a bill's 退还多缴). PATCH
// /api/v1/refunds/{id} {"status":"paid","method","reference"} (refunds.cpp, admin and manager).
// A refusal naming method or reference goes on that field; any other above the form (usePaySubmit):
// 409 naming choice (the household chose to offset the refund against the next bill, which the
// billing run settles) says so, asks the list again (the row then shows why it cannot be paid) and
// leaves nothing to send.
import { Alert, App, Form, Modal, Typography, type ButtonProps } from 'antd';
import { api } from '../../api/client';
import type { RefundEntry } from '../../api/types';
import { formatDate, formatFen } from '../../format';
import { useT } from '../../i18n';
import { payBody, type PayValues } from './logic';
import PayFields from './PayFields';
import { usePaySubmit } from './usePaySubmit';

export interface PayModalProps {
  entry: RefundEntry;
  /** The household's code, as the list shows it. */
  code: string;
  onClose: () => void;
  /** The entry as the server answered it, paid. */
  onPaid: (answer: RefundEntry) => void;
  /** The entry changed meanwhile (the household chose to offset it): the list is asked again. */
  onChanged: () => void;
}

export default function PayModal({ entry, code, onClose, onPaid, onChanged }: PayModalProps) {
  const t = useT();
  const { message } = App.useApp();
  const { form, busy, failure, submit } = usePaySubmit(
    (v) => api.patch<RefundEntry>(`/api/v1/refunds/${entry.id}`, payBody(v)),
    (answer) => {
      message.success(t('refunds.paidMsg'));
      onPaid(answer);
    },
    (e) => {
      if (e.field !== 'choice') return undefined;
      onChanged();
      return { message: t('refunds.payOffset'), detail: e.message, final: true };
    },
  );

  return (
    <Modal
      open
      title={t('refunds.payTitle')}
      okText={t('refunds.paySubmit')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'refund-pay-submit', disabled: failure?.final } as ButtonProps}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      <Form<PayValues> form={form} layout="vertical" name={`refund-pay-${entry.id}`} data-testid="refund-pay-form" disabled={busy}>
        {failure && (
          <Alert
            type={failure.final ? 'warning' : 'error'}
            showIcon
            role="alert"
            data-testid="refund-pay-failure"
            message={failure.message}
            description={failure.detail}
            style={{ marginBottom: 12 }}
          />
        )}
        <Typography.Paragraph type="secondary">
          {t('refunds.payIntro', { code, amount: formatFen(entry.refund_fen), deadline: formatDate(entry.payment_deadline) })}
        </Typography.Paragraph>
        <PayFields testId="refund-pay" />
      </Form>
    </Modal>
  );
}
