// 选择退费方式 (R-REFUND-6): on an approved refund not yet paid, the household chooses whether it
// is paid out (退款) or offset against the next season's bill (冲抵下季热费), and may change its
// mind until the refund is paid or settled by a bill. PATCH /api/v1/refunds/{id} {"choice": …}
// (refunds.cpp; RefundLedgerService::Choose): "payment" or "offset"; refused once paid (409
// failed_precondition) or for a bad value (400, field "choice"). Whatever the server refuses is
// shown on the choice itself, the one field of the form; once accepted, the list is asked again.
import { App, Button, Flex, Form, Radio } from 'antd';
import { useState } from 'react';
import { api, errorText } from '../../api/client';
import type { RefundEntry } from '../../api/types';
import { useT } from '../../i18n';

export const REFUND_CHOICES = ['payment', 'offset'] as const;
export type RefundChoiceValue = (typeof REFUND_CHOICES)[number];

/** Whether the household may choose now: approved, not yet paid (nor settled by a bill, which
 * marks it paid). The server accepts a choice on a draft too; the console offers it once the
 * amount is final. */
export function choosable(entry: Pick<RefundEntry, 'status'>): boolean {
  return entry.status === 'approved';
}

interface ChoiceValues {
  choice?: RefundChoiceValue;
}

export default function RefundChoice({ entry, onChosen }: { entry: RefundEntry; onChosen: (answer: RefundEntry) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<ChoiceValues>();
  const [busy, setBusy] = useState(false);
  const current = REFUND_CHOICES.find((c) => c === entry.choice);
  const picked = Form.useWatch('choice', form);

  async function save() {
    let values: ChoiceValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    try {
      const answer = await api.patch<RefundEntry>(`/api/v1/refunds/${entry.id}`, { choice: values.choice });
      message.success(t('refundChoice.saved', { choice: t(`refund.choice.${values.choice ?? 'payment'}`) }));
      onChosen(answer);
    } catch (e) {
      form.setFields([{ name: 'choice', errors: [errorText(e)] }]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Form<ChoiceValues> form={form} layout="vertical" name={`refund-choice-${entry.id}`} initialValues={{ choice: current }} data-testid="refund-choice-form">
      <Form.Item
        name="choice"
        label={t('refundChoice.label')}
        extra={t('refundChoice.hint')}
        rules={[{ required: true, message: t('refundChoice.required') }]}
        style={{ marginBottom: 8 }}
      >
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          data-testid="refund-choice"
          options={REFUND_CHOICES.map((c) => ({ value: c, label: t(`refund.choice.${c}`) }))}
        />
      </Form.Item>
      <Flex justify="flex-end">
        <Button type="primary" loading={busy} disabled={picked === undefined || picked === current} onClick={() => void save()} data-testid="refund-choice-save">
          {t(current ? 'refundChoice.change' : 'refundChoice.save')}
        </Button>
      </Flex>
    </Form>
  );
}
