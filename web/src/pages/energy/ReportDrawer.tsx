// 填报日报: the drawer that files a daily dispatch report (POST /api/v1/energy/reports, R-ENERGY-1):
// the day (today in Beijing by default, never later), the fuel, its stock and the day's
// consumption in the fuel's unit (吨, or 立方米 for gas; hundredths at most), and a note. The reserve days the values
// give show as they are typed, red under the threshold. The admin names the company; the others
// report for their own. A second report of a day and fuel corrects the first. A refusal goes on
// the field the server names (useServerSubmit).
import { Alert, App, Button, DatePicker, Drawer, Flex, Form, Grid, Input, InputNumber, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api/client';
import type { Company, EnergyReport } from '../../api/types';
import { beijingToday } from '../../format';
import { useT, type MessageKey } from '../../i18n';
import { pickedDate } from '../findings/logic';
import { useServerSubmit } from '../outages/useServerSubmit';
import { amountError, DEFAULT_BASIS, DEFAULT_THRESHOLD_DAYS, dayError, ENERGY_FUELS, isLow, REPORT_FIELDS, reportBody, reserveDays, unitOfFuel, type ReportValues } from './logic';
import { daysText, fuelText, LowTag, unitText } from './parts';
import { companyOptions } from '../../components/companies';

export interface ReportDrawerProps {
  /** For the admin: the companies to choose from (the report is filed for one). */
  companies?: Company[];
  /** The company chosen at first (the admin's filter). */
  company?: number;
  threshold?: number;
  basis?: string;
  onClose: () => void;
  onDone: (report: EnergyReport) => void;
}

/** The live reserve days of the values typed. */
function Preview({ threshold, basis }: { threshold: number; basis: string }) {
  const t = useT();
  const form = Form.useFormInstance<ReportValues>();
  const stock = Form.useWatch('stock', form);
  const consumption = Form.useWatch('consumption', form);
  const ok = amountError(stock, 2) === null && amountError(consumption, 2) === null;
  const days = ok ? reserveDays(stock, consumption) : null;
  const low = isLow(days, threshold);
  return (
    <div data-testid="energy-preview" style={{ background: low ? '#fff1f0' : '#fafafa', border: `1px solid ${low ? '#ffa39e' : '#f0f0f0'}`, borderRadius: 6, padding: '8px 12px', marginBottom: 16 }}>
      <Flex gap={8} wrap="wrap" align="center">
        <Typography.Text>{t('energy.preview')}</Typography.Text>
        {!ok ? (
          <Typography.Text type="secondary">{t('energy.previewNone')}</Typography.Text>
        ) : days === null ? (
          <Typography.Text type="secondary">{t('energy.noConsumption')}</Typography.Text>
        ) : (
          <Typography.Text strong type={low ? 'danger' : undefined} data-testid="energy-preview-days">
            {daysText(t, days)}
          </Typography.Text>
        )}
        {low && <LowTag threshold={threshold} basis={basis} />}
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('energy.previewHint', { days: threshold, basis })}
      </Typography.Text>
    </div>
  );
}

export default function ReportDrawer({ companies, company, threshold = DEFAULT_THRESHOLD_DAYS, basis = DEFAULT_BASIS, onClose, onDone }: ReportDrawerProps) {
  const t = useT();
  const { message } = App.useApp();
  const narrow = !Grid.useBreakpoint().sm;
  const [form] = Form.useForm<ReportValues>();
  const withCompany = companies !== undefined;
  const known = withCompany ? REPORT_FIELDS : REPORT_FIELDS.filter((f) => f !== 'company');
  const { busy, failure, clearFailure, submit } = useServerSubmit(form, known);
  const fuel = Form.useWatch('fuel', form);
  const unit = unitText(t, unitOfFuel(fuel));
  const today = beijingToday();

  const chosen = (what: MessageKey) => ({ required: true, message: t('energy.choose', { what: t(what) }) });
  const amount = (what: MessageKey, decimals?: number) => ({
    validator: async (_: unknown, v?: number | null) => {
      const e = amountError(v, decimals);
      if (e) throw new Error(t(`energy.amount.${e}` as MessageKey, { what: t(what) }));
    },
  });

  async function save() {
    const report = await submit((v) => api.post<EnergyReport>('/api/v1/energy/reports', reportBody(v, withCompany)));
    if (!report) return;
    message.success(t('energy.reported', { day: report.day, fuel: fuelText(t, report.fuel) }));
    onDone(report);
  }

  return (
    <Drawer
      open
      width={narrow ? '100%' : 520}
      title={t('energy.reportTitle')}
      onClose={onClose}
      footer={
        <Space style={{ float: 'right' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={busy} onClick={() => void save()} data-testid="energy-submit">
            {t('common.submit')}
          </Button>
        </Space>
      }
    >
      <Form<ReportValues> form={form} layout="vertical" name="energy" data-testid="energy-form" initialValues={{ day: dayjs(today), company }}>
        {failure && <Alert type="error" showIcon role="alert" message={failure} closable onClose={clearFailure} style={{ marginBottom: 12 }} />}
        <Typography.Paragraph type="secondary">{t('energy.reportHint')}</Typography.Paragraph>
        {withCompany && (
          <Form.Item name="company" label={t('energy.company')} rules={[chosen('energy.company')]}>
            <Select
              showSearch
              optionFilterProp="label"
              placeholder={t('energy.companyPlaceholder')}
              options={companyOptions(companies)}
            />
          </Form.Item>
        )}
        <Flex gap={16} wrap="wrap">
          <Form.Item
            name="day"
            label={t('energy.day')}
            style={{ flex: '1 1 200px' }}
            rules={[
              {
                validator: async (_, v?: Dayjs | null) => {
                  const e = dayError(pickedDate(v), beijingToday());
                  if (e === 'required') throw new Error(t('energy.choose', { what: t('energy.day') }));
                  if (e === 'future') throw new Error(t('energy.dayFuture'));
                },
              },
            ]}
          >
            <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} allowClear={false} disabledDate={(d) => (pickedDate(d) ?? '') > today} />
          </Form.Item>
          <Form.Item name="fuel" label={t('energy.fuel')} style={{ flex: '1 1 200px' }} rules={[chosen('energy.fuel')]}>
            <Select options={ENERGY_FUELS.map((f) => ({ value: f, label: t('energy.fuelWithUnit', { fuel: fuelText(t, f), unit: unitText(t, unitOfFuel(f)) }) }))} />
          </Form.Item>
        </Flex>
        <Flex gap={16} wrap="wrap">
          <Form.Item name="stock" label={t('energy.stock')} style={{ flex: '1 1 200px' }} required rules={[amount('energy.stock', 2)]} extra={t('energy.stockHint')}>
            <InputNumber step={1} controls={false} suffix={unit || undefined} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="consumption" label={t('energy.consumption')} style={{ flex: '1 1 200px' }} required rules={[amount('energy.consumption', 2)]}>
            <InputNumber step={1} controls={false} suffix={unit || undefined} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Preview threshold={threshold} basis={basis} />
        <Form.Item name="note" label={t('energy.note')}>
          <Input.TextArea rows={2} maxLength={500} showCount placeholder={t('energy.notePlaceholder')} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
