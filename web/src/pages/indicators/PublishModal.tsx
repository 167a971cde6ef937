// 发布: the modal that publishes a company's indicators of a month that is over (POST
// /api/v1/indicators/publications, W 14.4.6). It says first that a published month cannot be
// changed or withdrawn. The month is the previous one by default (months not over cannot be
// picked); the admin names the company, the manager publishes their own. A refusal goes on the
// field the server names and above the form (OutageActionModal, useServerSubmit): 该月已发布 for
// a month published already (conflict), 该月尚未结束 for one not over (failed_precondition).
import { Alert, DatePicker, Form, Select } from 'antd';
import dayjs from 'dayjs';
import { api, ApiError } from '../../api/client';
import type { Company, IndicatorPublication } from '../../api/types';
import { beijingToday } from '../../format';
import { useT, type MessageKey } from '../../i18n';
import OutageActionModal from '../outages/OutageActionModal';
import { monthOf, monthOver, pickedMonth, previousMonth, PUBLISH_FIELDS, publishBody, publishErrorKey, type PublishValues } from './logic';
import { companyOptions } from '../../components/companies';

export interface PublishModalProps {
  /** For the admin: the companies to choose from (a month is published for one). */
  companies?: Company[];
  /** The company chosen at first (the admin's filter). */
  company?: number;
  /** The month chosen at first; else the previous month. */
  month?: string;
  onClose: () => void;
  onDone: (publication: IndicatorPublication) => void;
}

export default function PublishModal({ companies, company, month, onClose, onDone }: PublishModalProps) {
  const t = useT();
  const withCompany = companies !== undefined;
  const known = withCompany ? PUBLISH_FIELDS : PUBLISH_FIELDS.filter((f) => f !== 'company');
  const today = beijingToday();
  const initialMonth = month && monthOver(month, today) ? month : previousMonth(today);
  const chosen = (what: MessageKey) => ({ required: true, message: t('indicators.choose', { what: t(what) }) });

  async function send(v: PublishValues): Promise<IndicatorPublication> {
    try {
      return await api.post<IndicatorPublication>('/api/v1/indicators/publications', publishBody(v, withCompany));
    } catch (e) {
      const key = e instanceof ApiError ? publishErrorKey(e.code) : null;
      if (!key || !(e instanceof ApiError)) throw e;
      // The refusal in words, on the month (where the server puts it) and above the form.
      throw new ApiError(e.status, e.code, t(key), e.field ?? 'month', e.retryAfter, e.body);
    }
  }

  return (
    <OutageActionModal<PublishValues, IndicatorPublication>
      name="publish"
      title={t('indicators.publishTitle')}
      okText={t('indicators.publish')}
      success={t('indicators.publishDone')}
      known={known}
      initialValues={{ month: dayjs(`${initialMonth}-01`), company }}
      send={send}
      onClose={onClose}
      onDone={onDone}
    >
      <Alert type="warning" showIcon role="note" data-testid="publish-warning" message={t('indicators.publishWarning')} style={{ marginBottom: 16 }} />
      {withCompany && (
        <Form.Item name="company" label={t('indicators.company')} rules={[chosen('indicators.company')]} extra={t('indicators.publishCompanyHint')}>
          <Select
            showSearch
            optionFilterProp="label"
            placeholder={t('indicators.companyPlaceholder')}
            options={companyOptions(companies)}
          />
        </Form.Item>
      )}
      <Form.Item name="month" label={t('indicators.month')} rules={[chosen('indicators.month')]} extra={t('indicators.publishMonthHint')}>
        <DatePicker
          picker="month"
          format="YYYY-MM"
          style={{ width: '100%' }}
          allowClear={false}
          disabledDate={(d) => (pickedMonth(d) ?? '') >= monthOf(today)}
          // The calendar opens inside the modal, beside its field.
          getPopupContainer={(node) => node.parentElement ?? document.body}
        />
      </Form.Item>
    </OutageActionModal>
  );
}
