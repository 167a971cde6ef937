// 查看记录 on a live indicator's card (五项指标): the records behind the figure as it stands now,
// from the indicator's records_url (GET /api/v1/indicators/{rule}/records over the same period,
// company and district), paged on the server. The drawer names the indicator, the company and
// the period, repeats the figure and its fraction, and says that the records follow the current
// data (a published month's do not).
import { Alert, Drawer, Flex, Grid, Typography } from 'antd';
import type { Indicator } from '../../api/types';
import { useT } from '../../i18n';
import { figureText, recordsSource, targetText } from './logic';
import { IndicatorStatusTag, indicatorName } from './parts';
import RecordsTable from './RecordsTable';

export interface LiveRecordsDrawerProps {
  indicator: Indicator;
  company: { company_code: string; company_name: string };
  /** The period in words: "2026-01", "2026-01-05 至 2026-02-10". */
  period: string;
  /** The district the figures are limited to, if any. */
  district?: string;
  onClose: () => void;
}

export default function LiveRecordsDrawer({ indicator: i, company, period, district, onClose }: LiveRecordsDrawerProps) {
  const t = useT();
  const narrow = !Grid.useBreakpoint().md;
  const source = recordsSource(i.records_url);
  const name = indicatorName(t, i.rule, i.name);
  const companyText = t('indicators.companyTitle', { code: company.company_code, name: company.company_name });
  return (
    <Drawer
      open
      width={narrow ? '100%' : 860}
      title={t('indicators.liveRecordsTitle', { name, company: companyText, period: district ? t('indicators.periodDistrict', { period, district }) : period })}
      onClose={onClose}
    >
      <Flex vertical gap={12} data-testid="live-records-drawer" data-rule={i.rule}>
        <Typography.Text>
          {t('indicators.liveRecordsFigure', {
            name,
            rule: i.rule,
            figure: figureText(i),
            n: i.numerator,
            d: i.denominator,
            target: targetText(i.rule, i.target_per_mille, i.target_kind),
          })}{' '}
          <IndicatorStatusTag status={i.status} />
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('indicators.liveRecordsHint')}
        </Typography.Text>
        {source ? (
          <RecordsTable rule={i.rule} path={source.path} query={source.query} />
        ) : (
          <Alert type="info" showIcon message={t('indicators.noRecordsLink')} data-testid="live-records-none" />
        )}
      </Flex>
    </Drawer>
  );
}
