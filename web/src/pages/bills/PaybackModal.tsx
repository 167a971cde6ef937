// 退还多缴 (R-ACCT-1): a bill settled again after an approved 增减停复 below what the household had
// paid holds the difference overpaid; the admin, a manager or an agent pays all of it back and
// records how (银行转账, 微信, 支付宝, 现金) and the transaction reference (not needed for cash, at
// most 100 bytes): the fields of the refund's payment (refunds/PayFields). POST
// /api/v1/bills/{id}/payback {"method","reference"} (bills.cpp) answers the bill. A refusal naming
// method or reference goes on that field; any other above the form (refunds/usePaySubmit): 409
// naming id (nothing is overpaid any more: someone paid it back first) leaves nothing to send, 409
// naming amount (the amount changed meanwhile) asks the bill again, whose new amount it then shows.
import { Alert, App, Form, Modal, Typography, type ButtonProps } from 'antd';
import { api } from '../../api/client';
import { useT } from '../../i18n';
import type { PayValues } from '../refunds/logic';
import PayFields from '../refunds/PayFields';
import { usePaySubmit } from '../refunds/usePaySubmit';
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

export default function PaybackModal({ bill, onClose, onPaid, onChanged }: PaybackModalProps) {
  const t = useT();
  const { message } = App.useApp();
  const { form, busy, failure, submit } = usePaySubmit(
    (v) => api.post<Bill>(`/api/v1/bills/${bill.id}/payback`, paybackBody(v)),
    (answer) => {
      message.success(t('bill.paidBackMsg'));
      onPaid(answer);
    },
    (e) => {
      if (e.status !== 409 || (e.field !== 'id' && e.field !== 'amount')) return undefined;
      onChanged();
      return e.field === 'id' ? { message: t('bill.paybackNothing'), detail: e.message, final: true } : { message: t('bill.paybackChanged'), detail: e.message };
    },
  );
  const final = failure?.final || !isOverpaid(bill);

  return (
    <Modal
      open
      title={t('bill.paybackTitle')}
      okText={t('bill.paybackSubmit')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'bill-payback-submit', disabled: final } as ButtonProps}
      onOk={() => void submit()}
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
