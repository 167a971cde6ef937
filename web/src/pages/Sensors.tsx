// 传感器与读数 (/monitoring/sensors, staff): the company's sensors (GET /api/v1/sensors, paged by
// cursor 10/20/50), each with its room and household and its state from the alerts (GET
// /api/v1/alerts: silent for more than 24 h or never heard, last reading out of range, clock
// problem), or only the sensors with an alert. Filters, page size and cursor trail in the URL.
import { PageContainer } from '@ant-design/pro-components';
import { Card, Segmented, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { Page } from '../api/client';
import { fetchAll } from '../api/pages';
import type { Alert, Household, Room, Sensor } from '../api/types';
import { useApi } from '../api/useApi';
import { useRecords } from '../api/useRecords';
import { namedPager } from '../components/a11y';
import CursorPager, { PAGE_SIZES } from '../components/CursorPager';
import { PageError } from '../components/PageState';
import SearchInput from '../components/SearchInput';
import { formatDate, formatDateTime, formatTemp, MISSING } from '../format';
import { useT, type MessageKey } from '../i18n';
import { alertsBySensor, lastHeardFromAlerts, sensorStates, stateKey, STATE_COLOUR, type SensorState } from './sensors/logic';

export function SensorStateTags({ alerts }: { alerts: Alert[] | undefined }) {
  const t = useT();
  return (
    <Space size={4} wrap>
      {sensorStates(alerts).map((s: SensorState) => (
        <Tag key={s} color={STATE_COLOUR[s]}>
          {t(`sensorState.${stateKey(s)}` as MessageKey)}
        </Tag>
      ))}
    </Space>
  );
}

/** Every sensor alert of the caller's scope, by sensor code (the alerts route pages by position). */
export function useSensorAlerts() {
  const [state, setState] = useState<{ bySensor?: Map<string, Alert[]>; error?: unknown }>({});
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const abort = new AbortController();
    fetchAll<Alert>('/api/v1/alerts', {}, abort.signal)
      .then(({ items }) => !abort.signal.aborted && setState({ bySensor: alertsBySensor(items) }))
      .catch((e) => !abort.signal.aborted && setState({ error: e }));
    return () => abort.abort();
  }, [tick]);
  return { ...state, reload: () => setTick((n) => n + 1) };
}

interface Row {
  sensor: Sensor;
  alerts: Alert[] | undefined;
}

export default function Sensors() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const view = params.get('view') === 'alerts' ? 'alerts' : 'all';
  const code = params.get('code') ?? '';
  const sizeParam = Number(params.get('size'));
  const size = PAGE_SIZES.includes(sizeParam) ? sizeParam : 10;
  const trail = (params.get('after') ?? '').split(',').filter((c) => /^\d+$/.test(c));
  const alerts = useSensorAlerts();
  const list = useApi<Page<Sensor>>(view === 'all' ? '/api/v1/sensors' : null, { code: code || undefined, limit: size, cursor: trail[trail.length - 1] });

  const go = useCallback(
    (changes: { trail?: string[]; size?: number; code?: string; view?: string }) => {
      const p = new URLSearchParams();
      const nextView = changes.view ?? view;
      if (nextView !== 'all') p.set('view', nextView);
      const nextCode = changes.code ?? code;
      if (nextCode) p.set('code', nextCode);
      const nextSize = changes.size ?? size;
      if (nextSize !== 10) p.set('size', String(nextSize));
      const nextTrail = changes.trail ?? [];
      if (nextTrail.length) p.set('after', nextTrail.join(','));
      setParams(p);
    },
    [setParams, view, code, size],
  );

  // The alerts view: the alerting sensors (their records fetched by code is not possible in one
  // call; the alert names the sensor, its household and its id), paged here.
  const alertRows = useMemo(() => {
    if (view !== 'alerts' || !alerts.bySensor) return [];
    return [...alerts.bySensor.entries()]
      .filter(([c]) => !code || c === code)
      .map(([c, list]) => ({ code: c, id: list[0].sensor_id ?? 0, household_id: list[0].household_id, household: list[0].household, alerts: list }));
  }, [view, alerts.bySensor, code]);

  const sensors = list.data?.items ?? [];
  const rooms = useRecords<Room>('rooms', sensors.map((s) => s.room_id));
  const householdIds = sensors.map((s) => rooms.get(s.room_id)?.household_id).filter((id): id is number => typeof id === 'number');
  const households = useRecords<Household>('households', householdIds);
  const rows: Row[] = sensors.map((s) => ({ sensor: s, alerts: alerts.bySensor?.get(s.code) }));

  const lastHeard = (list: Alert[] | undefined) => {
    if (!alerts.bySensor) return '';
    const last = lastHeardFromAlerts(list);
    if (last === undefined) return t('sensors.heardRecently');
    return last === null ? t('dashboard.neverHeard') : formatDateTime(last);
  };

  if (list.error) return <PageError error={list.error} onRetry={list.reload} />;
  if (alerts.error) return <PageError error={alerts.error} onRetry={alerts.reload} />;
  return (
    <PageContainer title={t('menu.sensors')}>
      <Card
        size="small"
        title={
          <Segmented
            value={view}
            onChange={(v) => go({ view: String(v) })}
            options={[
              { value: 'all', label: t('sensors.all') },
              { value: 'alerts', label: alerts.bySensor ? t('sensors.alerting', { n: alerts.bySensor.size }) : t('sensors.alertingLoading') },
            ]}
          />
        }
        extra={
          <SearchInput
            aria-label={t('sensors.code')}
            placeholder={t('sensors.code')}
            defaultValue={code}
            key={code}
            allowClear
            style={{ width: 200 }}
            onSearch={(v) => go({ code: v.trim() })}
          />
        }
      >
        {view === 'all' ? (
          <>
            <Table<Row>
              data-testid="sensor-list"
              size="small"
              rowKey={(r) => r.sensor.id}
              loading={list.loading}
              dataSource={rows}
              pagination={false}
              scroll={{ x: 1000 }}
              locale={{ emptyText: t('sensors.none') }}
              columns={[
                { title: t('sensors.code'), key: 'code', width: 140, render: (_: unknown, r) => <Link to={`/monitoring/sensors/${encodeURIComponent(r.sensor.code)}`}>{r.sensor.code}</Link> },
                { title: t('sensors.model'), key: 'model', width: 160, render: (_: unknown, r) => r.sensor.model ?? t('common.none') },
                { title: t('sensors.installedOn'), key: 'installed', width: 110, render: (_: unknown, r) => formatDate(r.sensor.installed_on) },
                { title: t('measure.room'), key: 'room', width: 100, render: (_: unknown, r) => rooms.get(r.sensor.room_id)?.name ?? `#${r.sensor.room_id}` },
                {
                  title: t('household.code'),
                  key: 'household',
                  width: 170,
                  render: (_: unknown, r) => {
                    const id = rooms.get(r.sensor.room_id)?.household_id;
                    if (id === undefined) return '';
                    return <Link to={`/households/${id}`}>{households.get(id)?.code ?? `#${id}`}</Link>;
                  },
                },
                { title: t('sensors.state'), key: 'state', width: 160, render: (_: unknown, r) => (alerts.bySensor ? <SensorStateTags alerts={r.alerts} /> : '') },
                { title: t('sensors.lastHeard'), key: 'last', width: 160, render: (_: unknown, r) => lastHeard(r.alerts) },
              ]}
            />
            <CursorPager
              page={trail.length + 1}
              hasNext={!!list.data?.next_cursor}
              size={size}
              loading={list.loading}
              onPrev={() => go({ trail: trail.slice(0, -1) })}
              onNext={() => list.data?.next_cursor && go({ trail: [...trail, String(list.data.next_cursor)] })}
              onSize={(n) => go({ size: n })}
            />
          </>
        ) : (
          <Table
            data-testid="sensor-list"
            size="small"
            rowKey="code"
            loading={!alerts.bySensor}
            dataSource={alertRows}
            pagination={namedPager(t, { defaultPageSize: size, pageSizeOptions: PAGE_SIZES, showSizeChanger: true, showTotal: (n) => t('common.total', { n }) })}
            scroll={{ x: 900 }}
            locale={{ emptyText: t('dashboard.noSensorAlerts') }}
            columns={[
              { title: t('sensors.code'), dataIndex: 'code', width: 140, render: (c: string) => <Link to={`/monitoring/sensors/${encodeURIComponent(c)}`}>{c}</Link> },
              {
                title: t('household.code'),
                dataIndex: 'household',
                width: 170,
                render: (h: string | null, r) => (r.household_id ? <Link to={`/households/${r.household_id}`}>{h}</Link> : h ?? MISSING),
              },
              { title: t('sensors.state'), key: 'state', width: 160, render: (_: unknown, r) => <SensorStateTags alerts={r.alerts} /> },
              { title: t('sensors.lastHeard'), key: 'last', width: 160, render: (_: unknown, r) => lastHeard(r.alerts) },
              {
                title: t('dashboard.lastValue'),
                key: 'lv',
                width: 100,
                align: 'right',
                render: (_: unknown, r) => formatTemp(r.alerts.find((a) => a.details.last_value !== undefined)?.details.last_value),
              },
              { title: t('dashboard.details'), key: 'm', ellipsis: true, render: (_: unknown, r) => r.alerts.map((a) => a.details.message).join('；') },
            ]}
          />
        )}
      </Card>
    </PageContainer>
  );
}
