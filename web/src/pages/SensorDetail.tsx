// 传感器详情 (/monitoring/sensors/:code, staff): the sensor (GET /api/v1/sensors?code=), its room
// and household, its state from the alerts, when it was last heard (the silence alert's last
// reading, else the last of the past 24 hours' readings), and its readings over a span of days
// (1/7/31/92, ending on the day it was last heard unless the URL says otherwise) as the room
// temperature chart, with the household's guarantee and its unqualified days. The readings route
// gives at most 31 days a request: fetchReadings (household/data) splits the range.
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { Alert, Button, Card, Descriptions, Empty, Flex, Segmented, Skeleton, Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import type { Page } from '../api/client';
import type { HouseholdDays, Household, Reading, Room, Sensor } from '../api/types';
import { useApi } from '../api/useApi';
import { NotFound, PageError, PageLoading } from '../components/PageState';
import TemperatureChart from '../components/TemperatureChart';
import { beijingToday, formatDate, formatDateTime, formatTemp } from '../format';
import { useT } from '../i18n';
import { fetchDays, fetchReadings, seasonView } from './household/data';
import { SensorStateTags, useSensorAlerts } from './Sensors';
import { lastHeardFromAlerts, readingRange, shiftRange, SPANS, type ReadingRange } from './sensors/logic';

function ReadingsChart({ sensor, room, range, householdId }: { sensor: Sensor; room: Room | undefined; range: ReadingRange; householdId: number | undefined }) {
  const t = useT();
  const [readings, setReadings] = useState<Reading[]>();
  const [days, setDays] = useState<HouseholdDays | null>();
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    const abort = new AbortController();
    setReadings(undefined);
    setError(undefined);
    fetchReadings(sensor.code, range.from, range.to, abort.signal)
      .then((r) => !abort.signal.aborted && setReadings(r))
      .catch((e) => !abort.signal.aborted && setError(e));
    return () => abort.abort();
  }, [sensor.code, range.from, range.to]);

  // The household's judged days give the guarantee line and the unqualified days (none: no line).
  useEffect(() => {
    if (householdId === undefined) return;
    const abort = new AbortController();
    fetchDays(householdId, abort.signal, range.to)
      .then((d) => !abort.signal.aborted && setDays(d))
      .catch(() => !abort.signal.aborted && setDays(null));
    return () => abort.abort();
  }, [householdId, range.to]);

  const view = useMemo(() => (days ? seasonView(days.items, range.to) : undefined), [days, range.to]);
  const unqualified = useMemo(
    () => (days ? days.items.filter((d) => d.status === 'unqualified' && d.date >= range.from && d.date <= range.to).map((d) => d.date) : []),
    [days, range.from, range.to],
  );
  const name = room?.name ?? sensor.code;
  const labels = useMemo(() => ({ series: name, guarantee: t('household.guarantee'), unqualified: t('status.unqualified'), axis: '°C' }), [name, t]);

  if (error) return <Alert type="error" showIcon message={t('household.readingsFailed')} description={error instanceof Error ? error.message : String(error)} />;
  if (!readings) return <Skeleton active paragraph={{ rows: 6 }} />;
  const guarantee = view?.guarantee ?? null;
  const below = guarantee === null ? 0 : readings.filter((r) => r.value < guarantee).length;
  const last = readings[readings.length - 1];
  const summary = t('household.chartSummary', {
    room: name,
    from: range.from,
    to: range.to,
    n: readings.length,
    last: last ? formatTemp(last.value) : t('common.none'),
    guarantee: formatTemp(guarantee),
    below,
  });
  return (
    <div data-testid="sensor-chart">
      <Typography.Text type="secondary">{t('sensors.rangeLine', { from: range.from, to: range.to, n: readings.length, guarantee: formatTemp(guarantee) })}</Typography.Text>
      {readings.length === 0 ? (
        <Empty description={t('sensors.noReadingsInRange')} />
      ) : (
        <TemperatureChart ariaLabel={summary} readings={readings} guarantee={guarantee} unqualifiedDays={unqualified} from={range.from} to={range.to} labels={labels} height={360} />
      )}
    </div>
  );
}

export default function SensorDetail() {
  const t = useT();
  const { code = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const sensors = useApi<Page<Sensor>>(code ? '/api/v1/sensors' : null, { code, limit: 1 });
  const sensor = sensors.data?.items[0];
  const room = useApi<Room>(sensor ? `/api/v1/rooms/${sensor.room_id}` : null);
  const householdId = room.data?.household_id;
  const household = useApi<Household>(householdId !== undefined ? `/api/v1/households/${householdId}` : null);
  const alerts = useSensorAlerts();
  const mine = alerts.bySensor?.get(code);
  const fromAlerts = alerts.bySensor ? lastHeardFromAlerts(mine) : undefined;
  // Heard within the silence threshold: the last of the past 24 hours' readings tells when.
  const recent = useApi<Page<Reading>>(alerts.bySensor && fromAlerts === undefined && sensor ? `/api/v1/sensors/${encodeURIComponent(code)}/readings` : null, { limit: 1440 });
  const lastRecent = recent.data?.items[recent.data.items.length - 1];
  const lastHeard: string | null | undefined = fromAlerts !== undefined ? fromAlerts : lastRecent ? lastRecent.ts : recent.data ? null : undefined;
  const known = alerts.error !== undefined || (alerts.bySensor !== undefined && (fromAlerts !== undefined || recent.data !== undefined || recent.error !== undefined));

  if (sensors.error) return <PageError error={sensors.error} onRetry={sensors.reload} />;
  if (!sensors.data) return <PageLoading />;
  if (!sensor) return <NotFound />;
  const range = readingRange(params.get('span'), params.get('to'), lastHeard);
  const setRange = (changes: { span?: number; to?: string }) => {
    const p = new URLSearchParams(params);
    if (changes.span !== undefined) p.set('span', String(changes.span));
    if (changes.to !== undefined) p.set('to', changes.to);
    setParams(p);
  };
  const today = beijingToday();

  return (
    <PageContainer title={t('sensors.title', { code: sensor.code })}>
      <Flex vertical gap={16}>
        <Card size="small">
          <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} bordered>
            <Descriptions.Item label={t('sensors.code')}>{sensor.code}</Descriptions.Item>
            <Descriptions.Item label={t('sensors.model')}>{sensor.model ?? t('common.none')}</Descriptions.Item>
            <Descriptions.Item label={t('sensors.installedOn')}>{formatDate(sensor.installed_on)}</Descriptions.Item>
            <Descriptions.Item label={t('measure.room')}>{room.data?.name ?? `#${sensor.room_id}`}</Descriptions.Item>
            <Descriptions.Item label={t('household.code')}>
              {householdId !== undefined ? <Link to={`/households/${householdId}`}>{household.data?.code ?? `#${householdId}`}</Link> : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('sensors.state')}>{alerts.bySensor ? <SensorStateTags alerts={mine} /> : ''}</Descriptions.Item>
            <Descriptions.Item label={t('sensors.lastHeard')}>
              <span data-testid="sensor-last-heard">{!known ? '' : lastHeard ? formatDateTime(lastHeard) : t('dashboard.neverHeard')}</span>
            </Descriptions.Item>
            {(mine ?? []).map((a) => (
              <Descriptions.Item key={a.kind} label={t('dashboard.details')} span={2}>
                {a.details.message}
              </Descriptions.Item>
            ))}
          </Descriptions>
        </Card>
        <Card
          size="small"
          title={t('sensors.readings')}
          extra={
            <Space wrap>
              <Segmented
                value={range.span}
                onChange={(v) => setRange({ span: Number(v) })}
                options={SPANS.map((n) => ({ value: n, label: t('sensors.spanDays', { n }) }))}
              />
              <Button icon={<LeftOutlined />} aria-label={t('sensors.earlier')} onClick={() => setRange({ to: shiftRange(range, -1, today) })} />
              <Button icon={<RightOutlined />} aria-label={t('sensors.later')} disabled={range.to >= today} onClick={() => setRange({ to: shiftRange(range, 1, today) })} />
            </Space>
          }
        >
          {known || params.get('to') ? (
            <ReadingsChart sensor={sensor} room={room.data} range={range} householdId={householdId} />
          ) : (
            <Skeleton active paragraph={{ rows: 6 }} />
          )}
        </Card>
      </Flex>
    </PageContainer>
  );
}
