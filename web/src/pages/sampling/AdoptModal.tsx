// 采用方案 (R-SAMPLE-3; manager and admin): the modal that adopts the season's plan, the one the
// preview shows for the same company and seed (POST /api/v1/sample-plan?company=&seed=&async=true
// with {season, from, to, staff}), as a job whose progress shows above the form. The window is by
// default the season's official days (the company's policy profile); the staff are the company's
// enabled technicians (GET /api/v1/staff?role=technician). A refusal, at once (400) or as the
// failed job's error (409 naming season: the season has its plan already; 400 naming staff, from
// or to), goes on the field the server names and above the form. Once it succeeded the page
// shows the plan.
import { Alert, App, DatePicker, Form, Modal, Select, Typography, type ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { api, withQuery } from '../../api/client';
import type { AdoptedPlan, Company, Job } from '../../api/types';
import { useApi } from '../../api/useApi';
import { useJob } from '../../api/useJob';
import JobProgress from '../../components/JobProgress';
import { explainedJobError } from '../../components/jobFailure';
import { useT } from '../../i18n';
import { useServerSubmit } from '../outages/useServerSubmit';
import { defaultSeason, seasonChoices } from '../refunds/logic';
import { ADOPT_FIELDS, adoptBody, adoptQuery, isJob, officialWindow, seasonBounds } from './adopted';
import { seasonText } from './adoptedParts';
import { SAMPLE_PLAN_PATH } from './logic';
import { useTechnicians } from './useSeasonPlan';

interface Values {
  season: number;
  from?: Dayjs;
  to?: Dayjs;
  staff: string[];
}

export interface AdoptModalProps {
  /** The URL's company (an id or code) for the roles that name one; '' for a manager's own. */
  company: string;
  /** The company's id (its policy profile, its technicians). */
  companyId: number | undefined;
  /** The admin names the company; a manager adopts their own. */
  cross: boolean;
  /** The preview's seed: the plan adopted is the one previewed. */
  seed: string;
  /** The season shown (the form's first choice). */
  season: number;
  /** `started`: a job was started (it may adopt the plan after the modal is gone). */
  onClose: (started: boolean) => void;
  onDone: (plan: AdoptedPlan) => void;
}

export default function AdoptModal({ company, companyId, cross, seed, season, onClose, onDone }: AdoptModalProps) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { busy, failure, clearFailure, submit } = useServerSubmit(form, ADOPT_FIELDS);
  const job = useJob<AdoptedPlan>();
  const [started, setStarted] = useState(false);
  const staff = useTechnicians(true, companyId, cross);
  // The season's official days: the company's policy profile says them.
  const record = useApi<Company>(companyId !== undefined ? `/api/v1/companies/${companyId}` : null);
  const profile = useApi<{ profile: unknown }>(record.data?.policy ? `/api/v1/policies/${encodeURIComponent(record.data.policy)}` : null);
  const chosen = Form.useWatch('season', form) ?? season;
  const official = officialWindow(chosen, profile.data?.profile);
  const bounds = seasonBounds(chosen);
  const outside = (d: Dayjs) => {
    const s = d.format('YYYY-MM-DD');
    return s < bounds.first || s > bounds.last;
  };

  // The window follows the season chosen while the user has not picked days of their own.
  useEffect(() => {
    if (!official) return;
    const touched = form.isFieldTouched('from') || form.isFieldTouched('to');
    if (!touched) form.setFieldsValue({ from: dayjs(official.from), to: dayjs(official.to) });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [official?.from, official?.to]);

  async function ok() {
    const plan = await submit(async (v) => {
      try {
        const answer = await api.post<AdoptedPlan | Job>(withQuery(SAMPLE_PLAN_PATH, adoptQuery(company, cross, seed)), adoptBody({ season: v.season, from: v.from!, to: v.to!, staff: v.staff ?? [] }));
        if (!isJob(answer)) return answer as AdoptedPlan;
        setStarted(true);
        return await job.follow(answer as Job);
      } catch (e) {
        throw explainedJobError(t, e);
      }
    });
    if (!plan) return;
    message.success(t('adopt.done', { season: seasonText(t, plan.season), n: plan.required }));
    onDone(plan);
  }

  const staffError = staff.error !== undefined ? t('adopt.staffFailed', { message: staff.error instanceof Error ? staff.error.message : String(staff.error) }) : undefined;
  return (
    <Modal
      open
      title={t('adopt.title')}
      okText={t('adopt.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'adopt-submit' } as ButtonProps}
      onOk={() => void ok()}
      onCancel={() => onClose(started)}
      maskClosable={!busy}
      width={560}
    >
      <Form<Values> form={form} layout="vertical" name="adopt" data-testid="adopt-form" initialValues={{ season, staff: [] }} disabled={busy}>
        {failure && <Alert type="error" showIcon role="alert" data-testid="adopt-failure" message={failure} closable onClose={clearFailure} style={{ marginBottom: 12 }} />}
        {busy && (
          <div style={{ marginBottom: 12 }}>
            <JobProgress job={job.job} label={t('adopt.progress')} />
          </div>
        )}
        <Typography.Paragraph type="secondary" data-testid="adopt-hint">
          {t('adopt.hint', { seed })}
        </Typography.Paragraph>
        <Form.Item name="season" label={t('adopted.season')} rules={[{ required: true, message: t('adopt.seasonRequired') }]}>
          <Select
            options={seasonChoices(defaultSeason(), season).map((y) => ({ value: y, label: seasonText(t, y) }))}
            onChange={() => form.setFields([{ name: 'from', touched: false }, { name: 'to', touched: false }])}
          />
        </Form.Item>
        <Form.Item
          name="from"
          label={t('adopt.from')}
          rules={[{ required: true, message: t('adopt.fromRequired') }]}
          extra={official ? t('adopt.windowHint', { from: official.from, to: official.to }) : undefined}
        >
          <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} allowClear={false} disabledDate={outside} getPopupContainer={(node) => node.parentElement ?? document.body} />
        </Form.Item>
        <Form.Item
          name="to"
          label={t('adopt.to')}
          dependencies={['from']}
          rules={[
            { required: true, message: t('adopt.toRequired') },
            ({ getFieldValue }) => ({
              validator: (_, value?: Dayjs) => {
                const from = getFieldValue('from') as Dayjs | undefined;
                return !value || !from || !value.isBefore(from, 'day') ? Promise.resolve() : Promise.reject(new Error(t('adopt.toBeforeFrom')));
              },
            }),
          ]}
        >
          <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} allowClear={false} disabledDate={outside} getPopupContainer={(node) => node.parentElement ?? document.body} />
        </Form.Item>
        <Form.Item
          name="staff"
          label={t('adopt.staff')}
          rules={[{ required: true, type: 'array', min: 1, message: t('adopt.staffRequired') }]}
          validateStatus={staffError ? 'error' : undefined}
          help={staffError}
        >
          <Select
            mode="multiple"
            placeholder={t('adopt.staffPlaceholder')}
            loading={staff.loading}
            optionFilterProp="label"
            options={staff.items.map((s) => ({ value: s.username, label: s.username }))}
            data-testid="adopt-staff"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
