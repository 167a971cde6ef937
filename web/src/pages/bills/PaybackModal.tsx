// 退还多缴 (R-ACCT-1): a bill settled again after an approved 增减停复 below what the household had
// paid holds the difference overpaid; the admin, a manager or an agent pays all of it back and
// records how (银行转账, 微信, 支付宝, 现金) and the transaction reference (not needed for cash, at
// most 100 bytes): the fields of the refund's payment (refunds/PayFields). POST
// /api/v1/bills/{id}/payback {"method","reference"} (bills.cpp) answers the bill. A refusal naming
// method or reference goes on that field; any other above the form: 409 naming id (nothing is
// overpaid any more: someone paid it back first) leaves nothing to send, 409 naming amount (the
// amount changed meanwhile) asks the bill again, whose new amount the modal then shows.
import { Alert, App, Form, Modal, Typography, type ButtonProps } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../../api/client';
import { useT } from '../../i18n';
import { PAY_FIELDS, type PayValues } from '../refunds/logic';
import PayFields from '../refunds/PayFields';
import { isOverpaid, money, paybackBody } from './logic';
import { seasonLabel } from './parts';
import type { Bill } from './types';

export interface PaybackModalProps {
  bill: Bill;
  onClose: () => void;
  /** The bill as the server answered it, paid back. */
  onPaid: (answer: Bill) => void;
  /** The bill changed meanwhile: it is asked again. */
  onChanged: () => void;
}

interface Failure {
  message: string;
  detail?: string;
  /** Nothing left to send (nothing is overpaid any more). */
  final?: boolean;
}

export default function PaybackModal({ bill, onClose, onPaid, onChanged }: PaybackModalProps) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<PayValues>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure>();
  const final = failure?.final || !isOverpaid(bill);

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
      const answer = await api.post<Bill>(`/api/v1/bills/${bill.id}/payback`, paybackBody({ method: values.method, reference: values.reference }));
      message.success(t('bill.paidBackMsg'));
      onPaid(answer);
    } catch (e) {
      const field = e instanceof ApiError ? e.field : undefined;
      const conflict = e instanceof ApiError && e.status === 409;
      const text = e instanceof Error ? e.message : String(e);
      if (field && (PAY_FIELDS as readonly string[]).includes(field)) {
        form.setFields([{ name: field as keyof PayValues, errors: [text] }]);
      } else if (conflict && field === 'id') {
        setFailure({ message: t('bill.paybackNothing'), detail: text, final: true });
        onChanged();
      } else if (conflict && field === 'amount') {
        setFailure({ message: t('bill.paybackChanged'), detail: text });
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
      title={t('bill.paybackTitle')}
      okText={t('bill.paybackSubmit')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'bill-payback-submit', disabled: final } as ButtonProps}
      onOk={() => void ok()}
      onCancel={onClose}
    >
      <Form<PayValues> form={form} layout="vertical" name={`bill-payback-${bill.id}`} data-testid="bill-payback-form" disabled={busy}>
        {failure && (
          <Alert
            type={failure.final ? 'warning' : 'error'}
            showIcon
            role="alert"
            data-testid="bill-payback-failure"
            message={failure.message}
            description={failure.detail}
            style={{ marginBottom: 12 }}
          />
        )}
        <Typography.Paragraph type="secondary" data-testid="bill-payback-intro">
          {t('bill.paybackIntro', { code: bill.household_code, id: bill.id, season: seasonLabel(t, bill.season), amount: money(bill.overpaid) })}
        </Typography.Paragraph>
        <PayFields testId="bill-payback" />
      </Form>
    </Modal>
  );
}
