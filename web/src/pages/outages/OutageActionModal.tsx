// The modal of an action on a recorded stop (补发通知, 结束停热), and on a household-caused
// finding (findings/FindingActionModal): its fields as children, the submit and the refusal on
// the field it names shared (useServerSubmit), the answer (the record as it now is) handed back.
import { Alert, App, Form, Modal, type ButtonProps } from 'antd';
import type { ReactNode } from 'react';
import type { OutageDetail } from '../../api/types';
import { useT } from '../../i18n';
import { useServerSubmit } from './useServerSubmit';

export interface OutageActionModalProps<V, R = OutageDetail> {
  /** The form's name: the fields' ids are `${name}_${field}`, the test ids `${name}-form`/-submit. */
  name: string;
  title: string;
  okText: string;
  /** What to say once the server has accepted. */
  success: string;
  /** The form's fields as the server names them (logic.NOTICE_FIELDS, END_FIELDS). */
  known: readonly string[];
  initialValues: Partial<V>;
  send: (values: V) => Promise<R>;
  onClose: () => void;
  onDone: (answer: R) => void;
  children: ReactNode;
}

export default function OutageActionModal<V extends object, R = OutageDetail>({ name, title, okText, success, known, initialValues, send, onClose, onDone, children }: OutageActionModalProps<V, R>) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<V>();
  const { busy, failure, clearFailure, submit } = useServerSubmit(form, known);

  async function ok() {
    const answer = await submit(send);
    if (answer === undefined) return;
    message.success(success);
    onDone(answer);
  }

  return (
    <Modal
      open
      title={title}
      okText={okText}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': `${name}-submit` } as ButtonProps}
      onOk={() => void ok()}
      onCancel={onClose}
    >
      <Form<V> form={form} layout="vertical" name={name} initialValues={initialValues} data-testid={`${name}-form`}>
        {failure && <Alert type="error" showIcon role="alert" message={failure} closable onClose={clearFailure} style={{ marginBottom: 12 }} />}
        {children}
      </Form>
    </Modal>
  );
}
