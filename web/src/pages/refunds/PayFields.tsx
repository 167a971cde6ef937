// The fields of a payment made by hand to a household: its method (银行转账, 微信, 支付宝, 现金)
// and the transaction reference (the bank slip, WeChat or Alipay transaction number; required
// but for cash, at most 100 bytes as the server counts them). Shared by 登记退费支付 (PayModal,
// R-REFUND-6) and 退还多缴 (bills/PaybackModal, R-ACCT-1); inside their Form, whose values are
// PayValues. `testId` names the radio group `${testId}-method` and the input `${testId}-reference`.
import { Form, Input, Radio } from 'antd';
import { namedClear } from '../../components/a11y';
import { useT } from '../../i18n';
import { payoutMethodText } from '../household/RefundPayout';
import { PAY_METHODS, REFERENCE_MAX_BYTES, referenceRequired, utf8Bytes, type PayMethod, type PayValues } from './logic';

export default function PayFields({ testId }: { testId: string }) {
  const t = useT();
  const form = Form.useFormInstance<PayValues>();
  const method = Form.useWatch('method', form) as PayMethod | undefined;
  return (
    <>
      <Form.Item name="method" label={t('refunds.payMethod')} rules={[{ required: true, message: t('refunds.payMethodRequired') }]}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          data-testid={`${testId}-method`}
          options={PAY_METHODS.map((m) => ({ value: m, label: payoutMethodText(t, m) }))}
        />
      </Form.Item>
      <Form.Item
        name="reference"
        label={t('refunds.payReference')}
        extra={t('refunds.payReferenceHint')}
        dependencies={['method']}
        required={referenceRequired(method)}
        rules={[
          ({ getFieldValue }) => ({
            required: referenceRequired(getFieldValue('method') as PayMethod | undefined),
            whitespace: true,
            message: t('refunds.payReferenceRequired'),
          }),
          {
            validator: async (_, value?: string) => {
              if (value && utf8Bytes(value.trim()) > REFERENCE_MAX_BYTES) throw new Error(t('refunds.payReferenceTooLong'));
            },
          },
        ]}
      >
        <Input data-testid={`${testId}-reference`} placeholder={t('refunds.payReferencePlaceholder')} autoComplete="off" allowClear={namedClear(t)} />
      </Form.Item>
    </>
  );
}
