// Sending a payment's form (PayFields), as 登记退费支付 (PayModal, R-REFUND-6) and 退还多缴
// (bills/PaybackModal, R-ACCT-1) do: `submit` validates the form (nothing is sent while a field is
// wrong or no method is chosen), clears the failure and, busy meanwhile, sends `send(values)`,
// whose answer goes to `onDone`. A refusal naming a pay field (PAY_FIELDS) goes on that field; any
// other is the failure said above the form: the modal's own (`own`, for an ApiError it knows, e.g.
// a 409), else "Not done: {message}". payRefusal is that routing, on its own.
import { Form } from 'antd';
import { useState } from 'react';
import { ApiError, errorText } from '../../api/client';
import { useT, type Translate } from '../../i18n';
import { PAY_FIELDS, type PayMethod, type PayValues } from './logic';

/** What is said above the form. */
export interface PayFailure {
  message: string;
  detail?: string;
  /** Nothing left to send. */
  final?: boolean;
}

/** A modal's own failure for a refusal it knows; undefined for the others. */
export type OwnRefusal = (e: ApiError) => PayFailure | undefined;

/** Where a refusal goes: on the pay field it names, else above the form. */
export function payRefusal(t: Translate, e: unknown, own: OwnRefusal): { field: keyof PayValues; text: string } | { failure: PayFailure } {
  const text = errorText(e);
  if (e instanceof ApiError && (PAY_FIELDS as readonly string[]).includes(e.field ?? '')) return { field: e.field as keyof PayValues, text };
  return { failure: (e instanceof ApiError && own(e)) || { message: t('refunds.refused', { message: text }) } };
}

export function usePaySubmit<T>(send: (v: { method: PayMethod; reference?: string }) => Promise<T>, onDone: (answer: T) => void, own: OwnRefusal) {
  const t = useT();
  const [form] = Form.useForm<PayValues>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<PayFailure>();

  async function submit() {
    const values = await form.validateFields().catch(() => undefined);
    if (!values?.method) return;
    setBusy(true);
    setFailure(undefined);
    try {
      onDone(await send({ method: values.method, reference: values.reference }));
    } catch (e) {
      const refusal = payRefusal(t, e, own);
      if ('field' in refusal) form.setFields([{ name: refusal.field, errors: [refusal.text] }]);
      else setFailure(refusal.failure);
    } finally {
      setBusy(false);
    }
  }

  return { form, busy, failure, submit };
}
