// 已采用方案 (R-SAMPLE-3; manager, admin, regulator): the season's adopted plan of the company (the
// admin and the regulator choose one; a manager sees their own): its facts, the counts of its
// points by status as of today, and the points, filterable by status and technician (in the URL).
// The manager and the admin adopt a season's plan (采用方案: the preview's, for its seed) and move
// a manual point's visit (调整). The points export as CSV or Excel, one technician's when the
// table is narrowed to them.
import { Button, Card, Empty, Flex, Form, Select, Skeleton } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { Company, FollowedPoint } from '../../api/types';
import { useAuth } from '../../auth';
import { PageError } from '../../components/PageState';
import { useT } from '../../i18n';
import { canAdopt, companyIdOf, filterPoints, readPointFilters, readSeason, writeSeason, sortByDay, staffOf, writePointFilters, type PointFilters } from './adopted';
import AdoptModal from './AdoptModal';
import { AdoptedSummary, PointsTable, SeasonSelect, seasonText, StatusCounts } from './adoptedParts';
import PointsExport from './PointsExport';
import type { PlanFilters } from './logic';
import RescheduleModal from './RescheduleModal';
import { useSeasonPlan } from './useSeasonPlan';
import { companyLabel } from '../../components/companies';

export interface AdoptedTabProps {
  /** The URL's company and seed (the preview's). */
  filters: PlanFilters;
  /** The admin and the regulator name a company. */
  cross: boolean;
  companies: Company[];
  companiesLoading: boolean;
  /** A company chosen: into the URL. */
  onCompany: (company: string) => void;
}

export default function AdoptedTab({ filters, cross, companies, companiesLoading, onCompany }: AdoptedTabProps) {
  const t = useT();
  const { me } = useAuth();
  const [params, setParams] = useSearchParams();
  const season = readSeason(params);
  const pointFilters = readPointFilters(params);
  const companyId = companyIdOf(filters.company, cross ? undefined : me?.company_id, companies);
  const { plans, plan, followUp } = useSeasonPlan(companyId, season);
  const [adopting, setAdopting] = useState(false);
  const [moving, setMoving] = useState<FollowedPoint>();
  const mayAdopt = canAdopt(me?.role);

  const data = plan && !followUp.error ? followUp.data : undefined;
  const current = data && data.plan.id === plan?.id ? data : undefined;
  const all = useMemo(() => sortByDay(current?.points ?? []), [current]);
  const shown = useMemo(() => filterPoints(all, pointFilters), [all, pointFilters]);
  const staffChoices = useMemo(() => {
    const names = staffOf(all);
    return pointFilters.staff && !names.includes(pointFilters.staff) ? [...names, pointFilters.staff] : names;
  }, [all, pointFilters.staff]);

  const setSeason = (s: number) => setParams(writeSeason(params, s));
  const setFilters = (f: Partial<PointFilters>) => setParams(writePointFilters(params, f));

  const adoptButton = mayAdopt && (
    <Button type="primary" data-testid="adopted-adopt" disabled={cross && companyId === undefined} onClick={() => setAdopting(true)}>
      {t('adopted.adopt')}
    </Button>
  );

  let body: ReactNode;
  if (cross && companyId === undefined) {
    body = (
      <Card size="small">
        <Empty data-testid="adopted-choose-company" description={t('adopted.chooseCompany')} />
      </Card>
    );
  } else if (plans.error) {
    body = <PageError error={plans.error} onRetry={plans.reload} />;
  } else if (plan === undefined) {
    body = <Skeleton active />;
  } else if (plan === null) {
    body = (
      <Card size="small">
        <Empty data-testid="adopted-none" description={t(mayAdopt ? 'adopted.noneAdopt' : 'adopted.none', { season: seasonText(t, season) })}>
          {adoptButton}
        </Empty>
      </Card>
    );
  } else if (followUp.error) {
    body = <PageError error={followUp.error} onRetry={followUp.reload} />;
  } else {
    body = (
      <>
        <AdoptedSummary plan={plan} title={t('adopted.planTitle', { season: seasonText(t, plan.season) })} />
        {current ? (
          <>
            <StatusCounts counts={current.counts} title={t('adopted.countsTitle', { today: current.today })} testId="adopted-counts" />
            <PointsTable
              testId="adopted-points"
              title={t('adopted.pointsTitle')}
              points={shown}
              total={all.length}
              loading={followUp.loading}
              onReload={followUp.reload}
              filters={pointFilters}
              onFilters={setFilters}
              staffChoices={staffChoices}
              onReschedule={mayAdopt ? setMoving : undefined}
            />
          </>
        ) : (
          <Skeleton active />
        )}
      </>
    );
  }

  return (
    <Flex vertical gap={16}>
      <Card size="small">
        <Flex justify="space-between" align="center" wrap="wrap" gap={8}>
          <Form layout="inline" style={{ rowGap: 8 }}>
            {cross && (
              <Form.Item label={t('sampling.company')}>
                <Select
                  aria-label={t('sampling.company')}
                  data-testid="adopted-company"
                  value={filters.company || undefined}
                  placeholder={t('sampling.companyPlaceholder')}
                  style={{ width: 240 }}
                  showSearch
                  optionFilterProp="label"
                  loading={companiesLoading}
                  onChange={(c: string) => onCompany(c)}
                  options={companies.map((c) => ({ value: String(c.id), label: companyLabel(c) }))}
                />
              </Form.Item>
            )}
            <SeasonSelect value={season} onChange={setSeason} testId="adopted-season" />
          </Form>
          <Flex gap={8} wrap="wrap" align="center">
            {plan && <PointsExport plan={plan} staff={pointFilters.staff || undefined} testId="adopted-export" />}
            {plan !== null && adoptButton}
          </Flex>
        </Flex>
      </Card>
      {body}
      {adopting && (
        <AdoptModal
          company={filters.company}
          companyId={companyId}
          cross={cross}
          seed={filters.seed}
          season={season}
          onClose={(started) => {
            setAdopting(false);
            // A job left running goes on on the server: the list is read again.
            if (started) plans.reload();
          }}
          onDone={(adopted) => {
            setAdopting(false);
            if (adopted.season !== season) setSeason(adopted.season);
            else plans.reload();
          }}
        />
      )}
      {moving && plan && (
        <RescheduleModal
          point={moving}
          plan={plan}
          cross={cross}
          onClose={() => setMoving(undefined)}
          onDone={(saved) => {
            setMoving(undefined);
            if (saved) followUp.reload();
          }}
        />
      )}
    </Flex>
  );
}
