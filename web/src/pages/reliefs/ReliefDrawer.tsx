// 新建 / 编辑减免政策: the drawer that enters a relief (POST /api/v1/reliefs) or changes one (PATCH
// /api/v1/reliefs/{id}; R-BILL-1, W 9.3): its name, the government's document, whom it names, a
// percentage (0.01–100) or an amount per household (yuan), each with at most two decimals, and its
// period (inclusive). The admin chooses the company of a new one; a manager's is its own, and a
// stored relief's cannot change. Checked as typed; a refusal goes on the field the server names
// (the shown one of percent and amount for either) and above the form. Full width on a phone.
import { Alert, App, Button, DatePicker, Drawer, Flex, Form, Grid, Input, Radio, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback } from 'react';
import { api } from '../../api/client';
import type { Company, Relief } from '../../api/types';
import { useT, type MessageKey } from '../../i18n';
import { formPathOf } from '../outages/logic';
import { useServerSubmit } from '../outages/useServerSubmit';
import { amountProblem, createBody, methodOf, patchBody, percentProblem, periodProblem, RELIEF_FIELDS, valuesOf, type ReliefValues } from './logic';
import { APPLIES_TO, appliesToText, methodText, METHODS } from './reliefWords';
import { companyOptions } from '../../components/companies';

export interface ReliefDrawerProps {
  /** The relief to change; a new one when absent. */
  relief?: Relief;
  /** For the admin's new relief: the companies to choose from. */
  companies?: Company[];
  /** The company chosen at first (the admin's filter). */
  company?: number;
  /** A manager's own company (sent with a new relief). */
  ownCompany?: number | null;
  onClose: () => void;
  onDone: (relief: Relief, created: boolean) => void;
}

export default function ReliefDrawer({ relief, companies, company, ownCompany, onClose, onDone }: ReliefDrawerProps) {
  const t = useT();
  const { message } = App.useApp();
  const narrow = !Grid.useBreakpoint().sm;
  const [form] = Form.useForm<ReliefValues>();
  const withCompany = !relief && companies !== undefined;
  const known = withCompany ? RELIEF_FIELDS : RELIEF_FIELDS.filter((f) => f !== 'company_id');
  // The server names percent or amount for a reduction it refuses: the message goes on the one shown.
  const pathOf = useCallback(
    (field: string | undefined, fields: readonly string[]) => (field === 'percent' || field === 'amount' ? [form.getFieldValue('method') ?? 'percent'] : formPathOf(field, fields)),
    [form],
  );
  const { busy, failure, clearFailure, submit } = useServerSubmit(form, known, pathOf);
  const method = Form.useWatch('method', form) ?? (relief ? methodOf(relief) : 'percent');

  const required = (what: MessageKey) => ({ required: true, whitespace: true, message: t('relief.required', { what: t(what) }) });
  const chosen = (what: MessageKey) => ({ required: true, message: t('relief.choose', { what: t(what) }) });

  async function save() {
    const saved = await submit((v) =>
      relief ? api.patch<Relief>(`/api/v1/reliefs/${relief.id}`, patchBody(v)) : api.post<Relief>('/api/v1/reliefs', createBody(v, Number(ownCompany ?? v.company_id))),
    );
    if (!saved) return;
    message.success(t(relief ? 'relief.updated' : 'relief.created', { name: saved.name }));
    onDone(saved, !relief);
  }

  return (
    <Drawer
      open
      width={narrow ? '100%' : 560}
      title={t(relief ? 'relief.editTitle' : 'relief.newTitle')}
      onClose={onClose}
      footer={
        <Space style={{ float: 'right' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={busy} onClick={() => void save()} data-testid="relief-submit">
            {t('common.submit')}
          </Button>
        </Space>
      }
    >
      <Form<ReliefValues>
        form={form}
        layout="vertical"
        name="relief"
        data-testid="relief-form"
        disabled={busy}
        initialValues={relief ? valuesOf(relief, dayjs) : { company_id: company, method: 'percent' }}
      >
        {failure && <Alert type="error" showIcon role="alert" message={failure} closable onClose={clearFailure} style={{ marginBottom: 12 }} />}
        {withCompany && (
          <Form.Item name="company_id" label={t('relief.company')} rules={[chosen('relief.company')]}>
            <Select showSearch optionFilterProp="label" options={companyOptions(companies)} />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('relief.name')} rules={[required('relief.name')]}>
          <Input maxLength={100} placeholder={t('relief.namePlaceholder')} />
        </Form.Item>
        <Form.Item name="reference" label={t('relief.reference')} rules={[required('relief.reference')]} extra={t('relief.referenceHint')}>
          <Input maxLength={100} placeholder={t('relief.referencePlaceholder')} />
        </Form.Item>
        <Form.Item name="applies_to" label={t('relief.appliesToLabel')} rules={[chosen('relief.appliesToLabel')]} extra={t('relief.appliesToHint')}>
          <Select options={APPLIES_TO.map((a) => ({ value: a, label: appliesToText(t, a) }))} />
        </Form.Item>
        <Form.Item name="method" label={t('relief.methodLabel')} rules={[chosen('relief.methodLabel')]}>
          <Radio.Group optionType="button" options={METHODS.map((m) => ({ value: m, label: methodText(t, m) }))} />
        </Form.Item>
        {method === 'amount' ? (
          <Form.Item
            name="amount"
            label={t('relief.amount')}
            extra={t('relief.amountHint')}
            rules={[
              required('relief.amount'),
              {
                validator: async (_, v?: string) => {
                  const problem = amountProblem(v);
                  if (problem) throw new Error(t(`relief.amountProblem.${problem}` as MessageKey));
                },
              },
            ]}
          >
            <Input inputMode="decimal" prefix="¥" suffix={t('relief.yuan')} placeholder="500.00" />
          </Form.Item>
        ) : (
          <Form.Item
            name="percent"
            label={t('relief.percent')}
            extra={t('relief.percentHint')}
            rules={[
              required('relief.percent'),
              {
                validator: async (_, v?: string) => {
                  const problem = percentProblem(v);
                  if (problem) throw new Error(t(`relief.percentProblem.${problem}` as MessageKey));
                },
              },
            ]}
          >
            <Input inputMode="decimal" suffix="%" placeholder="30" />
          </Form.Item>
        )}
        <Flex gap={16} wrap="wrap">
          <Form.Item name="valid_from" label={t('relief.validFrom')} style={{ flex: '1 1 200px' }} rules={[chosen('relief.validFrom')]}>
            <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} allowClear={false} />
          </Form.Item>
          <Form.Item
            name="valid_to"
            label={t('relief.validTo')}
            style={{ flex: '1 1 200px' }}
            dependencies={['valid_from']}
            rules={[
              chosen('relief.validTo'),
              ({ getFieldValue }) => ({
                validator: async (_, v?: Dayjs | null) => {
                  if (periodProblem(getFieldValue('valid_from'), v)) throw new Error(t('relief.periodOrder'));
                },
              }),
            ]}
          >
            <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} allowClear={false} />
          </Form.Item>
        </Flex>
      </Form>
    </Drawer>
  );
}
