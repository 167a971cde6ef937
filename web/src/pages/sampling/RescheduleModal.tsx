// 调整 (R-SAMPLE-3; manager and admin): a manual point's visit moved to another day within the
// plan's window, or given to another technician (POST /api/v1/sample_points/{id}/reschedule with
// what changed). A refusal goes on the field the server names (collect_on, staff) and above the
// form (409: a remote point has no visit).
import { Alert, App, DatePicker, Form, Modal, Select, Typography, type ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api/client';
import type { AdoptedPlan, FollowedPoint, SamplePoint } from '../../api/types';
import { useT } from '../../i18n';
import { useServerSubmit } from '../outages/useServerSubmit';
import { inWindow, RESCHEDULE_FIELDS, rescheduleBody } from './adopted';
import { useTechnicians } from './useSeasonPlan';

interface Values {
  collect_on: Dayjs;
  staff?: string;
}

export interface RescheduleModalProps {
  point: FollowedPoint;
  plan: AdoptedPlan;
  /** The admin names the plan's company to read its technicians. */
  cross: boolean;
  onClose: () => void;
  /** The point as stored now (the page reads the follow-up again). */
  onDone: (point: SamplePoint | null) => void;
}

export default function RescheduleModal({ point, plan, cross, onClose, onDone }: RescheduleModalProps) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { busy, failure, clearFailure, submit } = useServerSubmit(form, RESCHEDULE_FIELDS);
  const staff = useTechnicians(true, plan.company_id, cross);
  const names = staff.items.map((s) => s.username);
  // The point's own technician stays a choice even when the list lacks them (disabled since).
  if (point.staff && !names.includes(point.staff)) names.unshift(point.staff);
  const staffError = staff.error !== undefined ? t('adopt.staffFailed', { message: staff.error instanceof Error ? staff.error.message : String(staff.error) }) : undefined;

  async function ok() {
    const saved = await submit(async (v) => {
      const body = rescheduleBody(point, v);
      if (!body) return 'unchanged' as const;
      return api.post<SamplePoint>(`/api/v1/sample_points/${point.id}/reschedule`, body);
    });
    if (!saved) return;
    if (saved === 'unchanged') {
      onDone(null);
      return;
    }
    message.success(t('reschedule.done', { code: point.household_code, day: saved.collect_on, staff: saved.staff ?? '' }));
    onDone(saved);
  }

  return (
    <Modal
      open
      title={t('reschedule.title', { code: point.household_code })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'reschedule-submit' } as ButtonProps}
      onOk={() => void ok()}
      onCancel={onClose}
      maskClosable={!busy}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        name="reschedule"
        data-testid="reschedule-form"
        initialValues={{ collect_on: dayjs(point.collect_on), staff: point.staff ?? undefined }}
        disabled={busy}
      >
        {failure && <Alert type="error" showIcon role="alert" data-testid="reschedule-failure" message={failure} closable onClose={clearFailure} style={{ marginBottom: 12 }} />}
        <Typography.Paragraph type="secondary" data-testid="reschedule-hint">
          {t('reschedule.hint', { address: point.address ?? point.household_code, from: plan.collect_from, to: plan.collect_to })}
        </Typography.Paragraph>
        <Form.Item name="collect_on" label={t('adopted.day')} rules={[{ required: true, message: t('reschedule.dayRequired') }]}>
          <DatePicker
            format="YYYY-MM-DD"
            style={{ width: '100%' }}
            allowClear={false}
            disabledDate={(d: Dayjs) => !inWindow(d.format('YYYY-MM-DD'), plan)}
            getPopupContainer={(node) => node.parentElement ?? document.body}
          />
        </Form.Item>
        <Form.Item name="staff" label={t('adopted.staff')} rules={[{ required: true, message: t('reschedule.staffRequired') }]} validateStatus={staffError ? 'error' : undefined} help={staffError}>
          <Select showSearch optionFilterProp="label" loading={staff.loading} options={names.map((s) => ({ value: s, label: s }))} data-testid="reschedule-staff" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
