// 登记退费支付 (R-REFUND-6): an approved refund is paid by 30 June, and the payment is recorded
// with its method (银行转账, 微信, 支付宝, 现金) and the transaction reference (the bank slip, WeChat
// or Alipay transaction number; not needed for cash, at most 100 bytes; the fields are PayFields,
// shared with a bill's 退还多缴). PATCH
// /api/v1/refunds/{id} {"status":"paid","method","reference"} (refunds.cpp, admin and manager).
// A refusal naming method or reference goes on that field; any other above the form: 409 naming
// choice (the household chose to offset the refund against the next bill, which the billing run
// settles) says so, asks the list again (the row then shows why it cannot be paid) and leaves
// nothing to send.
import { Alert, App, Form, Modal, Typography, type ButtonProps } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../../api/client';
import type { RefundEntry } from '../../api/types';
import { formatDate, formatFen } from '../../format';
import { useT } from '../../i18n';
import { PAY_FIELDS, payBody, type PayValues } from './logic';
import PayFields from './PayFields';

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

interface Failure {
  message: string;
  detail?: string;
  /** Nothing left to send (the refund is the billing run's to settle). */
  final?: boolean;
}

export default function PayModal({ entry, code, onClose, onPaid, onChanged }: PayModalProps) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<PayValues>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure>();

  async function ok() {
    let values: PayValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    if (!values.method) return;
    setBusy(true);
    setFailure(undefined);
    try {
      const answer = await api.patch<RefundEntry>(`/api/v1/refunds/${entry.id}`, payBody({ method: values.method, reference: values.reference }));
      message.success(t('refunds.paidMsg'));
      onPaid(answer);
    } catch (e) {
      const field = e instanceof ApiError ? e.field : undefined;
      const text = e instanceof Error ? e.message : String(e);
      if (field && (PAY_FIELDS as readonly string[]).includes(field)) {
        form.setFields([{ name: field as keyof PayValues, errors: [text] }]);
      } else if (field === 'choice') {
        setFailure({ message: t('refunds.payOffset'), detail: text, final: true });
        onChanged();
      } else {
        setFailure({ message: t('refunds.refused', { message: text }) });
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={t('refunds.payTitle')}
      okText={t('refunds.paySubmit')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'refund-pay-submit', disabled: failure?.final } as ButtonProps}
      onOk={() => void ok()}
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
