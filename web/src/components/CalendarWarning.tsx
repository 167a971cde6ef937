// The warning for missing holiday-calendar years (R-CAL-1): deadlines in a year the calendar
// lacks follow Mon–Fri only. Shown on the dashboard and the calendar page; the admin fixes it by
// uploading the year (系统设置 → 节假日日历).
import { Alert } from 'antd';
import { Link } from 'react-router-dom';
import type { CalendarStatus } from '../api/types';
import { useT } from '../i18n';

export default function CalendarWarning({ status, linkToSettings }: { status: CalendarStatus | undefined; linkToSettings?: boolean }) {
  const t = useT();
  if (!status || status.missing_years.length === 0) return null;
  return (
    <Alert
      data-testid="calendar-missing-warning"
      type="warning"
      showIcon
      message={t('calendar.missing', { years: status.missing_years.join('、') })}
      description={
        <>
          {t('calendar.missingHint')}
          {linkToSettings && (
            <>
              {' '}
              <Link to="/settings/calendar">{t('calendar.goUpload')}</Link>
            </>
          )}
        </>
      }
    />
  );
}
