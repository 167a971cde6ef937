// A household's rooms, each with its sensors' temperature over the season shown (one chart per
// sensor; a room usually has one), the guarantee line and the unqualified days shaded.
import { Alert, Card, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { Page } from '../../api/client';
import type { Reading, Room, Sensor } from '../../api/types';
import { useApi } from '../../api/useApi';
import TemperatureChart from '../../components/TemperatureChart';
import { formatDateTime, formatTemp } from '../../format';
import { useT, type MessageKey } from '../../i18n';
import { fetchReadings, type SeasonView } from './data';

function SensorChart({ sensor, room, season, compact }: { sensor: Sensor; room: Room; season: SeasonView; compact?: boolean }) {
  const t = useT();
  const [readings, setReadings] = useState<Reading[]>();
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    const abort = new AbortController();
    setReadings(undefined);
    setError(undefined);
    fetchReadings(sensor.code, season.from, season.to, abort.signal)
      .then((r) => !abort.signal.aborted && setReadings(r))
      .catch((e) => !abort.signal.aborted && setError(e));
    return () => abort.abort();
  }, [sensor.code, season.from, season.to]);

  const labels = useMemo(
    () => ({ series: room.name, guarantee: t('household.guarantee'), unqualified: t('status.unqualified'), axis: '°C' }),
    [room.name, t],
  );
  if (error) return <Alert type="error" showIcon message={t('household.readingsFailed')} description={error instanceof Error ? error.message : String(error)} />;
  if (!readings) return <Skeleton active paragraph={{ rows: 5 }} />;
  const last = readings[readings.length - 1];
  const below = season.guarantee === null ? 0 : readings.filter((r) => r.value < season.guarantee!).length;
  const summary = t('household.chartSummary', {
    room: room.name,
    from: season.from,
    to: season.to,
    n: readings.length,
    last: last ? formatTemp(last.value) : t('common.none'),
    guarantee: formatTemp(season.guarantee),
    below,
  });
  return (
    <>
      <Typography.Text type="secondary">
        {t('household.sensorLine', {
          code: sensor.code,
          last: last ? `${formatTemp(last.value)} (${formatDateTime(last.ts)})` : t('household.noReadings'),
        })}
      </Typography.Text>
      {readings.length === 0 ? (
        <Empty description={t('household.noReadings')} />
      ) : (
        <TemperatureChart
          ariaLabel={summary}
          readings={readings}
          guarantee={season.guarantee}
          unqualifiedDays={season.unqualified}
          from={season.from}
          to={season.to}
          labels={labels}
          height={compact ? 260 : 320}
        />
      )}
    </>
  );
}

function RoomCard({ room, season, compact }: { room: Room; season: SeasonView; compact?: boolean }) {
  const t = useT();
  const sensors = useApi<Page<Sensor>>('/api/v1/sensors', { room_id: room.id, limit: 20 });
  return (
    <Card
      size="small"
      title={
        <Flex gap={8} align="center" wrap="wrap">
          <span>{room.name}</span>
          <Tag>{t(`roomKind.${room.kind}` as MessageKey)}</Tag>
        </Flex>
      }
    >
      {sensors.loading && !sensors.data ? (
        <Skeleton active />
      ) : sensors.error ? (
        <Alert type="error" showIcon message={sensors.error instanceof Error ? sensors.error.message : String(sensors.error)} />
      ) : sensors.data && sensors.data.items.length > 0 ? (
        <Flex vertical gap={16}>
          {sensors.data.items.map((s) => (
            <SensorChart key={s.id} sensor={s} room={room} season={season} compact={compact} />
          ))}
        </Flex>
      ) : (
        <Empty description={t('household.noSensor')} />
      )}
    </Card>
  );
}

export default function RoomCharts({ householdId, season, compact }: { householdId: number; season: SeasonView; compact?: boolean }) {
  const t = useT();
  const rooms = useApi<Page<Room>>('/api/v1/rooms', { household_id: householdId, limit: 100 });
  if (rooms.loading && !rooms.data) return <Skeleton active />;
  if (rooms.error) return <Alert type="error" showIcon message={rooms.error instanceof Error ? rooms.error.message : String(rooms.error)} />;
  const list = rooms.data?.items ?? [];
  if (list.length === 0) return <Empty description={t('household.noRooms')} />;
  return (
    <Flex vertical gap={16}>
      {list.map((r) => (
        <RoomCard key={r.id} room={r} season={season} compact={compact} />
      ))}
    </Flex>
  );
}
