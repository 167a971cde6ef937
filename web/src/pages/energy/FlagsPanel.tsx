// The season's flags (GET /api/v1/energy/flags), per company: its reports so far, the days it
// filed no report (amber tags, consecutive days merged) and the spells a fuel's reserve was below
// the threshold (red: fuel, dates, the lowest reserve days; 持续中 when it runs to the period's
// last day). Companies with flags first; each card's edge is red, amber or green by its worst.
import { Card, Empty, Flex, Table, Tag, Typography } from 'antd';
import type { EnergyCompanyFlags, EnergyFlags, EnergyLowSpell } from '../../api/types';
import { useT } from '../../i18n';
import { flagLevel, missingStretches, sortFlags, spellOngoing, type FlagLevel } from './logic';
import { daysText, FlagLevelTag, fuelText } from './parts';

/** At most this many stretches of missing days are shown as tags; the rest are counted. */
const STRETCH_LIMIT = 30;

const EDGE: Record<FlagLevel, string> = { low: '#cf1322', missing: '#faad14', ok: '#52c41a' };

function MissingDays({ days }: { days: string[] }) {
  const t = useT();
  if (days.length === 0) return <Typography.Text type="secondary">{t('energy.noMissing')}</Typography.Text>;
  const stretches = missingStretches(days);
  const shown = stretches.slice(0, STRETCH_LIMIT);
  return (
    <Flex gap={4} wrap="wrap" data-testid="energy-missing">
      {shown.map(([from, to]) => (
        <Tag key={from} color="gold">
          {from === to ? from : t('energy.stretch', { from, to, n: days.filter((d) => d >= from && d <= to).length })}
        </Tag>
      ))}
      {stretches.length > shown.length && <Typography.Text type="secondary">{t('energy.moreStretches', { n: stretches.length - shown.length })}</Typography.Text>}
    </Flex>
  );
}

function LowSpells({ spells, periodTo, threshold }: { spells: EnergyLowSpell[]; periodTo: string; threshold: number }) {
  const t = useT();
  if (spells.length === 0) return <Typography.Text type="secondary">{t('energy.noLowSpells', { days: threshold })}</Typography.Text>;
  return (
    <Table<EnergyLowSpell>
      data-testid="energy-spells"
      size="small"
      rowKey={(s) => `${s.fuel}-${s.from}`}
      dataSource={spells}
      pagination={false}
      scroll={{ x: 520 }}
      columns={[
        { title: t('energy.fuel'), dataIndex: 'fuel', width: 90, render: (f: string) => <Tag color="red">{fuelText(t, f)}</Tag> },
        {
          title: t('energy.spellPeriod'),
          key: 'period',
          render: (_: unknown, s) => (
            <Flex gap={4} wrap="wrap" align="center">
              <span>{s.from === s.to ? s.from : t('energy.period', { from: s.from, to: s.to })}</span>
              {spellOngoing(s, periodTo) && (
                <Tag color="red" title={t('energy.ongoingHint', { to: periodTo })}>
                  {t('energy.ongoing')}
                </Tag>
              )}
            </Flex>
          ),
        },
        { title: t('energy.spellDays'), dataIndex: 'days', width: 80, align: 'right', render: (n: number) => t('energy.daysValue', { n }) },
        {
          title: t('energy.minReserve'),
          dataIndex: 'min_reserve_days',
          width: 120,
          align: 'right',
          render: (v: number) => (
            <Typography.Text type="danger" strong>
              {daysText(t, v)}
            </Typography.Text>
          ),
        },
      ]}
    />
  );
}

function CompanyFlags({ c, flags }: { c: EnergyCompanyFlags; flags: EnergyFlags }) {
  const t = useT();
  const level = flagLevel(c);
  const missing = c.missing_days ?? [];
  return (
    <Card
      size="small"
      type="inner"
      data-testid="energy-company-flags"
      data-level={level}
      style={{ borderInlineStart: `4px solid ${EDGE[level]}` }}
      title={
        <Flex gap={8} wrap="wrap" align="center">
          <span>{`${c.company_code} ${c.company_name}`}</span>
          <FlagLevelTag level={level} />
        </Flex>
      }
      extra={
        <Typography.Text type="secondary">
          {t('energy.reportsCount', { n: c.reports })}
          {' · '}
          <Typography.Text type={missing.length ? 'warning' : 'secondary'}>{t('energy.missingCount', { n: missing.length })}</Typography.Text>
        </Typography.Text>
      }
    >
      <Flex vertical gap={12}>
        <div>
          <Typography.Text strong>{t('energy.missingDays')}</Typography.Text>
          <div style={{ marginTop: 4 }}>
            <MissingDays days={missing} />
          </div>
        </div>
        <div>
          <Typography.Text strong>{t('energy.lowSpells')}</Typography.Text>
          <div style={{ marginTop: 4 }}>
            <LowSpells spells={c.low_spells ?? []} periodTo={flags.to} threshold={flags.threshold_days} />
          </div>
        </div>
      </Flex>
    </Card>
  );
}

export default function FlagsPanel({ flags }: { flags: EnergyFlags }) {
  const t = useT();
  if (flags.companies.length === 0) return <Empty description={t('energy.noFlags')} />;
  const companies = sortFlags(flags.companies);
  return (
    <Flex vertical gap={12} data-testid="energy-flags">
      <Typography.Text type="secondary">{t('energy.flagsExplain', { days: flags.threshold_days, basis: flags.basis })}</Typography.Text>
      {companies.map((c) => (
        <CompanyFlags key={c.company_id} c={c} flags={flags} />
      ))}
    </Flex>
  );
}
