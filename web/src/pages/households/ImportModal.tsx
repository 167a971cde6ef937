// 导入住户: the modal that imports a company's households from a CSV file as a job
// (importLogic.ts). The admin chooses the company; a manager or an agent imports into their own
// (the companies they may read are their own). The file is picked, not uploaded at once, and sent
// as the body on 开始导入. A refusal at once (403, 404 or 400 naming company) goes above the form
// and on the company; while the job runs its progress shows above the form; once it succeeded
// the counts replace the form, and closing reloads the list; once it failed, its problems are
// listed one a line (nothing was imported) and the form stays to send a corrected file.
import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Modal, Result, Select, Spin, Typography, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { ApiError, errorText } from '../../api/client';
import type { Job } from '../../api/types';
import { useJob } from '../../api/useJob';
import { useAuth } from '../../auth';
import JobProgress from '../../components/JobProgress';
import { jobFailureText } from '../../components/jobFailure';
import { useT } from '../../i18n';
import { IMPORT_COLUMNS, importFailure, OPTIONAL_COLUMN, startImport, type ImportCounts, type ImportFailure } from './importLogic';
import { companyLabel, useCompanies } from '../../components/companies';

interface Values {
  company?: string;
  file?: UploadFile[];
}

export interface ImportModalProps {
  /** `changed`: an import was started (it may have written households): the list is read again. */
  onClose: (changed: boolean) => void;
}


export default function ImportModal({ onClose }: ImportModalProps) {
  const t = useT();
  const { me } = useAuth();
  const admin = me?.role === 'admin';
  const companies = useCompanies(true);
  const choices = admin ? companies.list : companies.list.filter((c) => c.id === me?.company_id);
  const [form] = Form.useForm<Values>();
  const job = useJob<ImportCounts>();
  const [sending, setSending] = useState(false);
  const [started, setStarted] = useState(false);
  const [refusal, setRefusal] = useState<string>();
  const [failure, setFailure] = useState<ImportFailure>();
  const [counts, setCounts] = useState<ImportCounts>();
  // The company the last import was started for (its code), named over the counts.
  const [ranFor, setRanFor] = useState<string>();
  const busy = sending || job.running;

  async function start() {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const file = values.file?.[0]?.originFileObj;
    if (!values.company || !file) return;
    setRefusal(undefined);
    setFailure(undefined);
    setSending(true);
    let first: Job;
    try {
      first = await startImport(values.company, await file.text());
    } catch (e) {
      // 409 naming kind, 429: in words (jobFailure.ts); else the server's message.
      setRefusal(jobFailureText(t, e));
      if (e instanceof ApiError && e.field === 'company') form.setFields([{ name: 'company', errors: [e.message] }]);
      return;
    } finally {
      setSending(false);
    }
    setStarted(true);
    setRanFor(values.company);
    try {
      setCounts(await job.follow(first));
    } catch (e) {
      setFailure(importFailure(t, e));
    }
  }

  const imported = choices.find((c) => c.code === ranFor);
  const footer = counts
    ? [
        <Button key="close" type="primary" data-testid="household-import-close" onClick={() => onClose(true)}>
          {t('householdImport.close')}
        </Button>,
      ]
    : [
        <Button key="cancel" onClick={() => onClose(started)}>
          {t('common.cancel')}
        </Button>,
        <Button key="start" type="primary" data-testid="household-import-submit" loading={busy} disabled={!companies.loaded} onClick={() => void start()}>
          {t('householdImport.submit')}
        </Button>,
      ];

  return (
    <Modal open title={t('householdImport.title')} footer={footer} onCancel={() => onClose(started)} maskClosable={!busy}>
      {counts ? (
        <div data-testid="household-import-result">
          <Result
            status="success"
            title={imported ? t('householdImport.doneTitleOf', { company: companyLabel(imported) }) : t('householdImport.doneTitle')}
            subTitle={<span data-testid="household-import-counts">{t('householdImport.counts', { created: counts.created, updated: counts.updated, unchanged: counts.unchanged })}</span>}
          />
        </div>
      ) : (
        <Form<Values> form={form} layout="vertical" name="household-import" data-testid="household-import-form" disabled={busy}>
          {refusal && <Alert type="error" showIcon role="alert" data-testid="household-import-refusal" message={refusal} closable onClose={() => setRefusal(undefined)} style={{ marginBottom: 12 }} />}
          {companies.error !== undefined && (
            <Alert type="error" showIcon role="alert" message={t('householdImport.companiesFailed', { message: errorText(companies.error) })} style={{ marginBottom: 12 }} />
          )}
          {busy && (
            <div style={{ marginBottom: 12 }}>
              <JobProgress job={sending ? undefined : job.job} label={t('householdImport.progress')} />
              <Typography.Text type="secondary">{t('householdImport.runningHint')}</Typography.Text>
            </div>
          )}
          {failure && (
            <Alert
              type="error"
              showIcon
              data-testid="household-import-failure"
              message={failure.title}
              description={
                failure.problems.length > 0 ? (
                  <ul data-testid="household-import-problems" style={{ margin: 0, paddingInlineStart: 20, maxHeight: 240, overflowY: 'auto' }}>
                    {failure.problems.map((p, i) => (
                      <li key={i}>{p}</li>
                    ))}
                  </ul>
                ) : (
                  failure.detail
                )
              }
              style={{ marginBottom: 12 }}
            />
          )}
          <Typography.Paragraph type="secondary" data-testid="household-import-hint">
            {t('householdImport.hint', { columns: IMPORT_COLUMNS.join(','), optional: OPTIONAL_COLUMN })}
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary" strong>
            {t('householdImport.allOrNothing')}
          </Typography.Paragraph>
          {!companies.loaded && companies.error === undefined ? (
            <Spin />
          ) : (
            <Form.Item
              name="company"
              label={t('householdImport.company')}
              initialValue={admin ? undefined : choices[0]?.code}
              rules={[{ required: true, message: t(admin ? 'householdImport.chooseCompany' : 'householdImport.noCompany') }]}
            >
              <Select
                showSearch
                optionFilterProp="label"
                disabled={!admin}
                placeholder={t('householdImport.companyPlaceholder')}
                options={choices.map((c) => ({ value: c.code, label: companyLabel(c) }))}
                onChange={() => setRefusal(undefined)}
              />
            </Form.Item>
          )}
          <Form.Item
            name="file"
            label={t('householdImport.file')}
            valuePropName="fileList"
            getValueFromEvent={(e: { fileList?: UploadFile[] }) => e?.fileList?.slice(-1)}
            rules={[{ required: true, message: t('householdImport.chooseFile') }]}
          >
            <Upload accept=".csv,text/csv" maxCount={1} beforeUpload={() => false}>
              <Button icon={<UploadOutlined />}>{t('householdImport.pick')}</Button>
            </Upload>
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
