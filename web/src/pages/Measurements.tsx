// 入户测温 (/monitoring/measurements, staff): the entry form (R-TEMP-4, MeasurementForm) and the
// measurements recorded, with whether each is valid, its signature, whether a third party took
// it, and whether it counts as evidence (R-REFUND-5). The list pages by cursor (10/20/50).
import { PageContainer } from '@ant-design/pro-components';
import { Card, Flex, Table, Tag } from 'antd';
import { useCallback } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api, type Page } from '../api/client';
import type { Household, Measurement, Room } from '../api/types';
import { useApi } from '../api/useApi';
import CursorPager, { PAGE_SIZES } from '../components/CursorPager';
import { PageError } from '../components/PageState';
import SearchInput from '../components/SearchInput';
import { formatDateTime, formatTemp } from '../format';
import { useT, type MessageKey } from '../i18n';
import MeasurementForm, { type HouseholdOption } from './measurements/MeasurementForm';
import Tip from '../components/Tip';

const SIGNATURE_COLOUR: Record<string, string> = { signed: 'green', pending: 'gold', refused: 'red' };

export default function Measurements() {
  const t = useT();
  // The list's page size, household filter and cursor trail live in the URL (a link shows the same page).
  const [params, setParams] = useSearchParams();
  const sizeParam = Number(params.get('size'));
  const size = PAGE_SIZES.includes(sizeParam) ? sizeParam : 10;
  const household = params.get('household') ?? '';
  const trail = (params.get('after') ?? '').split(',').filter((c) => /^\d+$/.test(c));
  const list = useApi<Page<Measurement>>('/api/v1/measurements', {
    household_id: /^\d+$/.test(household) ? household : undefined,
    limit: size,
    cursor: trail[trail.length - 1],
  });
  const go = useCallback(
    (changes: { trail?: string[]; size?: number; household?: string }) => {
      const p = new URLSearchParams(params);
      const nextTrail = changes.trail ?? (changes.size !== undefined || changes.household !== undefined ? [] : trail);
      if (nextTrail.length) p.set('after', nextTrail.join(','));
      else p.delete('after');
      const nextSize = changes.size ?? size;
      if (nextSize !== 10) p.set('size', String(nextSize));
      else p.delete('size');
      const nextHousehold = changes.household ?? household;
      if (nextHousehold) p.set('household', nextHousehold);
      else p.delete('household');
      setParams(p);
    },
    [params, setParams, trail, size, household],
  );

  const searchHouseholds = useCallback(async (q: string): Promise<HouseholdOption[]> => {
    if (q.trim().length < 2) return [];
    const page = await api.get<Page<Household>>('/api/v1/households/search', { q: q.trim(), limit: 20 });
    return page.items.map((h) => ({ id: h.id, label: h.address ? `${h.code} · ${h.address}` : h.code }));
  }, []);
  const roomsOf = useCallback(async (id: number) => {
    const page = await api.get<Page<Room>>('/api/v1/rooms', { household_id: id, limit: 100 });
    return page.items.map((r) => r.name);
  }, []);
  const submit = useCallback(
    async (body: Record<string, unknown>) => {
      await api.post('/api/v1/measurements', body);
      if (trail.length) go({ trail: [] });
      else list.reload();
    },
    [list, trail.length, go],
  );

  if (list.error) return <PageError error={list.error} onRetry={list.reload} />;
  return (
    <PageContainer title={t('menu.measurements')}>
      <Flex vertical gap={16}>
        <Card size="small" title={t('measure.new')}>
          <MeasurementForm searchHouseholds={searchHouseholds} roomsOf={roomsOf} submit={submit} />
        </Card>
        <Card
          size="small"
          title={t('measure.list')}
          extra={
            <SearchInput
              aria-label={t('order.householdId')}
              placeholder={t('order.householdId')}
              defaultValue={household}
              key={household}
              allowClear
              style={{ width: 200 }}
              onSearch={(v) => go({ household: v.trim() })}
            />
          }
        >
          <Table<Measurement>
            data-testid="measurement-list"
            size="small"
            rowKey="id"
            loading={list.loading}
            dataSource={list.data?.items ?? []}
            pagination={false}
            scroll={{ x: 1000 }}
            columns={[
              { title: t('measure.id'), dataIndex: 'id', width: 70 },
              { title: t('measure.household'), dataIndex: 'household_id', width: 100, render: (id: number) => <Link to={`/households/${id}`}>{id}</Link> },
              { title: t('measure.room'), dataIndex: 'room', width: 100 },
              { title: t('measure.takenAt'), dataIndex: 'taken_at', width: 150, render: (v: string) => formatDateTime(v) },
              { title: t('measure.instrument'), dataIndex: 'instrument', width: 120, render: (i: string) => t(`instrument.${i}` as MessageKey) },
              { title: t('measure.value'), dataIndex: 'value', width: 90, align: 'right', render: (v: number | null) => formatTemp(v) },
              {
                title: t('measure.valid'),
                dataIndex: 'valid',
                width: 90,
                render: (valid: boolean, m) =>
                  valid ? (
                    <Tag color="green">{t('measure.validYes')}</Tag>
                  ) : (
                    <Tip title={(m.violations ?? []).map((v) => v.message).join('\n')}>
                      <Tag color="red">{t('measure.validNo')}</Tag>
                    </Tip>
                  ),
              },
              {
                title: t('measure.signature'),
                dataIndex: 'signature',
                width: 100,
                render: (s: string, m) => (
                  <Tip title={m.signed ? t('measure.signedBy', { by: m.signed.by, at: formatDateTime(m.signed.at) }) : null}>
                    <Tag color={SIGNATURE_COLOUR[s] ?? 'default'}>{['signed', 'pending', 'refused'].includes(s) ? t(`signature.${s}` as MessageKey) : s}</Tag>
                  </Tip>
                ),
              },
              { title: t('measure.thirdPartyCol'), dataIndex: 'third_party', width: 90, render: (v: boolean) => (v ? t('common.yes') : t('common.no')) },
              { title: t('measure.overridden'), dataIndex: 'overridden', width: 90, render: (v: boolean) => (v ? t('common.yes') : t('common.no')) },
              { title: t('measure.evidence'), dataIndex: 'evidence', width: 90, render: (v: boolean) => <Tag color={v ? 'blue' : 'default'}>{v ? t('common.yes') : t('common.no')}</Tag> },
              { title: t('measure.createdBy'), dataIndex: 'created_by', width: 120 },
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
        </Card>
      </Flex>
    </PageContainer>
  );
}
