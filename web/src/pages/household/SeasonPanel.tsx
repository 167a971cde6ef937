// A household's season: the rooms' charts and the judged days, from one load of its days. Shared
// by the staff's household page and the household's own "my temperatures".
import { Alert, Card, Flex, Skeleton, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { HouseholdDays } from '../../api/types';
import { PageError } from '../../components/PageState';
import { formatTemp } from '../../format';
import { useT } from '../../i18n';
import { fetchDays, seasonView } from './data';
import DaysTable from './DaysTable';
import RoomCharts from './RoomCharts';

export default function SeasonPanel({ householdId, compact }: { householdId: number; compact?: boolean }) {
  const t = useT();
  const [days, setDays] = useState<HouseholdDays>();
  const [error, setError] = useState<unknown>();
  const [tick, setTick] = useState(0);

  useEffect(() => {
    const abort = new AbortController();
    setError(undefined);
    fetchDays(householdId, abort.signal)
      .then((d) => !abort.signal.aborted && setDays(d))
      .catch((e) => !abort.signal.aborted && setError(e));
    return () => abort.abort();
  }, [householdId, tick]);

  if (error) return <PageError error={error} onRetry={() => setTick((n) => n + 1)} />;
  if (!days) return <Skeleton active paragraph={{ rows: 8 }} />;
  const season = seasonView(days.items);
  return (
    <Flex vertical gap={16}>
      <Card size="small" title={t('household.temperatures')}>
        <Flex vertical gap={12}>
          <Typography.Text>
            {t(season.inSeason ? 'household.seasonRange' : 'household.recentRange', { from: season.from, to: season.to })}
            {' · '}
            {t('household.guaranteeLine', { value: formatTemp(season.guarantee) })}
            {days.guarantee_reason ? ` (${days.guarantee_reason})` : ''}
          </Typography.Text>
          {!season.inSeason && <Alert type="info" showIcon message={t('household.outOfSeason')} />}
          <RoomCharts householdId={householdId} season={season} compact={compact} />
        </Flex>
      </Card>
      <Card size="small" title={t('household.days')}>
        <DaysTable days={season.days} compact={compact} />
      </Card>
    </Flex>
  );
}
