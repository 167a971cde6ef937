// 出账: the modal that runs a season's billing for a company as a job (POST /api/v1/jobs {kind:
// 'billing-run'}, then its progress until it ends; R-BILL-1, W 9.2, W 9.3): every heated
// household of the company gets its season's bill once; a household with a fee for the season
// already is skipped, a stopped one is not billed, one billed by meter whose meter had no reading
// or a fault is billed by area (R-METER-1), and the refunds of the season before that households
// chose to offset are set against their bills (R-REFUND-6). The admin chooses the company (the
// list's filter at first); a manager bills its own. The season is the current one by default; the
// due date, left empty, is the season's official first day. A refusal, at once or as the failed
// job's error, goes on the field the server names and above the form (naming tariff: no approved
// tariff valid on the season's first day; 409 naming kind: the company has a billing run running
// already), the form left to correct and send again. While the job runs its progress shows above
// the form; once it succeeded, the run's figures (the job's result) replace the form.
import { Alert, Button, DatePicker, Form, Modal, Result, Select, Typography, type ButtonProps } from 'antd';
import { useState } from 'react';
import type { Company, JobNew } from '../../api/types';
import { useJob } from '../../api/useJob';
import { pickerClear } from '../../components/a11y';
import JobProgress from '../../components/JobProgress';
import { explainedJobError } from '../../components/jobFailure';
import { formatDate } from '../../format';
import { useT, type MessageKey } from '../../i18n';
import { useServerSubmit } from '../outages/useServerSubmit';
import { defaultSeason, seasonChoices } from '../refunds/logic';
import { money, RUN_FIELDS, runBody, type RunValues } from './logic';
import { seasonLabel } from './parts';
import type { BillingRun } from './types';
import { companyOptions } from '../../components/companies';

export interface BillingRunModalProps {
  /** For the admin: the companies to choose from (a run bills one). */
  companies?: Company[];
  /** The company chosen at first (the admin's filter). */
  company?: number;
  /** A manager's own company. */
  ownCompany?: number | null;
  onClose: () => void;
  /** The run the server answered: the page shows its bills again. */
  onDone: (run: BillingRun) => void;
}

/** POST /api/v1/jobs's body for the run: runBody's fields, the company left out when there is
 * none to name (a manager's own is the server's default). */
function jobBody(v: RunValues, ownCompany: number | null | undefined): JobNew {
  const { company_id, ...rest } = runBody(v, ownCompany);
  return company_id !== undefined && Number.isInteger(company_id) && company_id > 0 ? { kind: 'billing-run', company_id, ...rest } : { kind: 'billing-run', ...rest };
}

/** The run's figures: 已出账 N 户, 已有账单跳过 M 户, 停热未出账 S 户, 热表故障/无读数按面积 K 户,
 * 抵扣退费, 合计. */
export function RunFigures({ run }: { run: BillingRun }) {
  const t = useT();
  const figures: Array<[string, string]> = [
    ['issued', t('billingRun.issued', { n: run.issued })],
    ['already-billed', t('billingRun.alreadyBilled', { n: run.already_billed })],
    ['not-heated', t('billingRun.notHeated', { n: run.not_heated })],
    ['meter-by-area', t('billingRun.meterByArea', { n: run.meter_by_area })],
    ['offsets', t('billingRun.offsets', { amount: money(run.offsets) })],
    ['total', t('billingRun.total', { amount: money(run.total) })],
  ];
  return (
    <ul data-testid="billing-run-figures" style={{ listStyle: 'none', margin: 0, padding: 0, textAlign: 'left', display: 'inline-block' }}>
      {figures.map(([key, text]) => (
        <li key={key} data-figure={key}>
          <Typography.Text strong={key === 'issued' || key === 'total'}>{text}</Typography.Text>
        </li>
      ))}
    </ul>
  );
}

export default function BillingRunModal({ companies, company, ownCompany, onClose, onDone }: BillingRunModalProps) {
  const t = useT();
  const [form] = Form.useForm<RunValues>();
  const withCompany = companies !== undefined;
  const known = withCompany ? RUN_FIELDS : RUN_FIELDS.filter((f) => f !== 'company_id');
  const { busy, failure, clearFailure, submit } = useServerSubmit(form, known);
  const job = useJob<BillingRun>();
  const [run, setRun] = useState<BillingRun>();
  const current = defaultSeason();
  const chosen = (what: MessageKey) => ({ required: true, message: t('billingRun.choose', { what: t(what) }) });
  // The company billed, when the user chose it (a manager's own goes without saying).
  const billed = run && companies?.find((c) => c.id === run.company_id);
  const ranFor = billed ? `${billed.code} ${billed.name}` : undefined;

  async function ok() {
    const answer = await submit(async (v) => {
      try {
        return await job.run(jobBody(v, ownCompany));
      } catch (e) {
        throw explainedJobError(t, e);
      }
    });
    if (!answer) return;
    setRun(answer);
    onDone(answer);
  }

  return (
    <Modal
      open
      title={t('billingRun.title')}
      okText={t('billingRun.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'billing-run-submit' } as ButtonProps}
      onOk={() => void ok()}
      onCancel={onClose}
      footer={
        run
          ? [
              <Button key="close" type="primary" data-testid="billing-run-close" onClick={onClose}>
                {t('billingRun.close')}
              </Button>,
            ]
          : undefined
      }
    >
      {run ? (
        <div data-testid="billing-run-result">
          <Result
            status="success"
            title={t('billingRun.doneTitle', { season: seasonLabel(t, run.season) })}
            subTitle={ranFor ? t('billingRun.doneSubtitle', { company: ranFor, due: formatDate(run.due_on), id: run.id }) : t('billingRun.doneSubtitleOwn', { due: formatDate(run.due_on), id: run.id })}
            extra={<RunFigures run={run} />}
          />
        </div>
      ) : (
        <Form<RunValues> form={form} layout="vertical" name="billing-run" data-testid="billing-run-form" initialValues={{ company_id: company, season: current }} disabled={busy}>
          {failure && <Alert type="error" showIcon role="alert" message={failure} closable onClose={clearFailure} style={{ marginBottom: 12 }} />}
          {job.running && (
            <div style={{ marginBottom: 12 }}>
              <JobProgress job={job.job} label={t('billingRun.progress')} />
              <Typography.Text type="secondary">{t('billingRun.runningHint')}</Typography.Text>
            </div>
          )}
          <Typography.Paragraph type="secondary">{t('billingRun.hint')}</Typography.Paragraph>
          {withCompany && (
            <Form.Item name="company_id" label={t('billingRun.company')} rules={[chosen('billingRun.company')]}>
              <Select showSearch optionFilterProp="label" placeholder={t('billingRun.companyPlaceholder')} options={companyOptions(companies)} />
            </Form.Item>
          )}
          <Form.Item name="season" label={t('billingRun.season')} rules={[chosen('billingRun.season')]}>
            <Select options={seasonChoices(current).map((y) => ({ value: y, label: seasonLabel(t, y) }))} />
          </Form.Item>
          <Form.Item name="due_on" label={t('billingRun.dueOn')} extra={t('billingRun.dueOnHint')}>
            <DatePicker
              format="YYYY-MM-DD"
              style={{ width: '100%' }}
              allowClear={pickerClear(t)}
              // The calendar opens inside the modal, beside its field.
              getPopupContainer={(node) => node.parentElement ?? document.body}
            />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
