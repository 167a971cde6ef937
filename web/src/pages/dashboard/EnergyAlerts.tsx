// 工作台 › 能源储备预警 (R-ENERGY-1, W 6.2): the companies' energy alerts that GET /api/v1/alerts
// ends its list with: energy-report-missing (no dispatch report for yesterday, in season; 缺报,
// orange) and energy-reserve-low (a fuel's reserve below the threshold in a spell still running
// yesterday; 储备不足, red). A row names the company (code and name, else #id) and links to 能源储备
// of that company (and of the fuel, when low); the server's message is the row's tooltip.
import { Alert, Card, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import type { Alert as ApiAlert } from '../../api/types';
import { namedPager } from '../../components/a11y';
import { useT, type Translate } from '../../i18n';
import { formatReserveDays, isFuel } from '../energy/logic';
import { fuelText } from '../energy/parts';
import { useCompanies } from '../../components/companies';

export const ENERGY_MISSING = 'energy-report-missing';
export const ENERGY_LOW = 'energy-reserve-low';

/** The energy alerts of a list, low reserves first (the server lists them by company). */
export function energyAlerts(alerts: readonly ApiAlert[]): ApiAlert[] {
  const rank = (a: ApiAlert) => (a.kind === ENERGY_LOW ? 0 : 1);
  return alerts.filter((a) => a.kind === ENERGY_LOW || a.kind === ENERGY_MISSING).sort((a, b) => rank(a) - rank(b));
}

/** 能源储备 of the alert's company, and of its fuel when the reserve is low. */
export function energyLink(a: ApiAlert): string {
  const p = new URLSearchParams({ company: String(a.company_id) });
  if (a.kind === ENERGY_LOW && isFuel(a.details.fuel)) p.set('fuel', a.details.fuel);
  return `/energy?${p.toString()}`;
}

function KindTag({ kind }: { kind: string }) {
  const t = useT();
  const low = kind === ENERGY_LOW;
  return (
    <Tag color={low ? 'red' : 'orange'} data-testid="energy-alert-kind">
      {t(low ? 'dashboard.energyKind.low' : 'dashboard.energyKind.missing')}
    </Tag>
  );
}

function Details({ a, t }: { a: ApiAlert; t: Translate }) {
  const d = a.details;
  if (a.kind === ENERGY_LOW) {
    return (
      <Space size={[8, 0]} wrap data-testid="energy-alert-details">
        {d.fuel && <span>{fuelText(t, d.fuel)}</span>}
        {d.min_reserve_days !== undefined && (
          <Typography.Text type="danger" strong>
            {t('dashboard.energyMin', { days: formatReserveDays(d.min_reserve_days) })}
          </Typography.Text>
        )}
        {d.threshold_days !== undefined && <span>{t('dashboard.energyBelow', { days: d.threshold_days })}</span>}
        {d.since && <Typography.Text type="secondary">{t('dashboard.energySince', { since: d.since })}</Typography.Text>}
      </Space>
    );
  }
  return (
    <Space size={[8, 0]} wrap data-testid="energy-alert-details">
      {d.date && <span>{t('dashboard.energyMissingDate', { date: d.date })}</span>}
      {d.missing_days !== undefined && <Typography.Text type="warning">{t('dashboard.energyMissingSeason', { n: d.missing_days })}</Typography.Text>}
    </Space>
  );
}

/** The card: `alerts` is the whole alerts list (undefined while loading); it keeps the energy ones. */
export default function EnergyAlerts({ alerts, error }: { alerts: readonly ApiAlert[] | undefined; error?: unknown }) {
  const t = useT();
  // Every staff role reads the companies of its scope (a company role: its own).
  const companies = useCompanies(true);
  const rows = useMemo(() => (alerts ? energyAlerts(alerts) : []), [alerts]);
  return (
    <Card size="small" title={t('dashboard.energyAlerts')} extra={<Link to="/energy">{t('menu.energy')}</Link>} data-testid="energy-alerts">
      {error ? (
        <Alert type="error" showIcon message={error instanceof Error ? error.message : String(error)} />
      ) : !alerts ? (
        <Skeleton active />
      ) : (
        <Table<ApiAlert>
          size="small"
          rowKey={(a) => `${a.kind}-${a.company_id}-${a.details.fuel ?? ''}`}
          dataSource={rows}
          pagination={rows.length > 10 ? namedPager(t, { defaultPageSize: 10, showTotal: (n) => t('common.total', { n }) }) : false}
          scroll={{ x: 560 }}
          locale={{ emptyText: t('dashboard.noEnergyAlerts') }}
          columns={[
            {
              title: t('energy.company'),
              dataIndex: 'company_id',
              width: 180,
              ellipsis: true,
              render: (id: number, a) => (
                <Link to={energyLink(a)} title={a.details.message} data-testid="energy-alert-company">
                  {companies.nameOf(id)}
                </Link>
              ),
            },
            { title: t('dashboard.alertKind'), dataIndex: 'kind', width: 100, render: (k: string) => <KindTag kind={k} /> },
            { title: t('dashboard.details'), key: 'details', render: (_: unknown, a) => <Details a={a} t={t} /> },
          ]}
        />
      )}
    </Card>
  );
}
