// 我的入户任务 (R-SAMPLE-3; a technician): the visits of the season's adopted plan given to the
// signed-in technician (GET /api/v1/sample_plans/{id}/follow-up?staff=<own username>), overdue ones
// first, then by day, with their counts by status and a status filter (in the URL), and the round
// sheet to export (CSV or Excel).
import { Alert, Card, Empty, Flex, Form, Skeleton } from 'antd';
import { useMemo, type ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useAuth } from '../../auth';
import { PageError } from '../../components/PageState';
import { useT } from '../../i18n';
import { countByStatus, filterPoints, readPointFilters, readSeason, writeSeason, sortVisits, writePointFilters } from './adopted';
import { PointsTable, SeasonSelect, seasonText, StatusCounts } from './adoptedParts';
import PointsExport from './PointsExport';
import { useSeasonPlan } from './useSeasonPlan';

export default function MyVisitsTab() {
  const t = useT();
  const { me } = useAuth();
  const [params, setParams] = useSearchParams();
  const season = readSeason(params);
  const pointFilters = readPointFilters(params);
  const own = me?.username ?? '';
  const { plans, plan, followUp } = useSeasonPlan(me?.company_id ?? undefined, season, own);

  const data = plan && !followUp.error ? followUp.data : undefined;
  const current = data && data.plan.id === plan?.id ? data : undefined;
  // The answer names only this technician's points; checked again here all the same.
  const mine = useMemo(() => sortVisits((current?.points ?? []).filter((p) => p.staff === own)), [current, own]);
  const shown = useMemo(() => filterPoints(mine, { ...pointFilters, staff: '' }), [mine, pointFilters]);
  const counts = useMemo(() => countByStatus(mine), [mine]);

  const setSeason = (s: number) => setParams(writeSeason(params, s));

  let body: ReactNode;
  if (plans.error) body = <PageError error={plans.error} onRetry={plans.reload} />;
  else if (plan === undefined) body = <Skeleton active />;
  else if (plan === null)
    body = (
      <Card size="small">
        <Empty data-testid="mine-none" description={t('adopted.none', { season: seasonText(t, season) })} />
      </Card>
    );
  else if (followUp.error) body = <PageError error={followUp.error} onRetry={followUp.reload} />;
  else if (!current) body = <Skeleton active />;
  else
    body = (
      <>
        <StatusCounts counts={counts} title={t('mine.countsTitle', { today: current.today, from: plan.collect_from, to: plan.collect_to })} testId="mine-counts" />
        {mine.length === 0 ? (
          <Card size="small">
            <Empty data-testid="mine-empty" description={t('mine.empty')} />
          </Card>
        ) : (
          <PointsTable
            testId="mine-points"
            title={t('mine.title')}
            points={shown}
            total={mine.length}
            loading={followUp.loading}
            onReload={followUp.reload}
            filters={pointFilters}
            onFilters={(f) => setParams(writePointFilters(params, f))}
          />
        )}
      </>
    );

  return (
    <Flex vertical gap={16}>
      <Alert type="info" showIcon data-testid="mine-hint" message={t('mine.hint')} />
      <Card size="small">
        <Flex justify="space-between" align="center" wrap="wrap" gap={8}>
          <Form layout="inline">
            <SeasonSelect value={season} onChange={setSeason} testId="mine-season" />
          </Form>
          {plan && own && <PointsExport plan={plan} staff={own} testId="mine-export" />}
        </Flex>
      </Card>
      {body}
    </Flex>
  );
}
