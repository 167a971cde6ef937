// 营业收费 › 收费标准 (/tariffs; the admin and managers announce; agents and the regulator read): the
// prices the price authority approved (R-BILL-1, W 9.2.1) as the company entered them: the name,
// by area or by meter, the price with its unit (元/m²（采暖季） or 元/GJ), the fixed part of a
// two-part tariff, the period, the approval document, and whether the households were told of it
// (调价通知): 未告知 with 发布调价通知 (every household of the company billed on that basis is told
// once, through 消息通知), or 已告知 N 户 · when · by whom, red 逾期告知 when told on or after the
// first day; a told one opens what the households read. The billing basis, the company (admin,
// regulator), page size and cursor trail live in the URL; paged by cursor as the API pages.
import { PageContainer } from '@ant-design/pro-components';
import { Alert, App, Button, Card, Flex, Select, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../api/client';
import type { PriceNotice, Tariff } from '../api/types';
import { useAuth } from '../auth';
import CursorPager from '../components/CursorPager';
import { PageError } from '../components/PageState';
import { useRecordList } from '../components/useRecordList';
import { MISSING } from '../format';
import { useT } from '../i18n';
import { crossCompany } from './insurance/logic';
import { BILLINGS, canAnnounce, hasBasePrice, listQuery, noticeQuery, readFilters, writeFilters, type TariffFilters } from './tariffs/logic';
import { basePriceText, billingText, NoticeDrawer, NoticeStatus, periodText, priceText } from './tariffs/parts';
import { usePriceNotices } from './tariffs/usePriceNotices';
import { CompanyFilter, useCompanies } from '../components/companies';

export default function Tariffs() {
  const t = useT();
  const { me } = useAuth();
  const { message } = App.useApp();
  const cross = crossCompany(me?.role);
  const writer = canAnnounce(me?.role);
  const { filters, go, list, table, pager } = useRecordList<Tariff, TariffFilters>({
    path: '/api/v1/tariffs',
    readFilters,
    writeFilters,
    listQuery: (f) => listQuery(f, cross),
    drawer: false,
  });
  const notices = usePriceNotices(noticeQuery(filters, cross).company);
  const companies = useCompanies(cross);
  const [announcing, setAnnouncing] = useState<number>();
  const [shown, setShown] = useState<PriceNotice>();
  const rows = list.data?.items ?? [];

  const noticeOf = (r: Tariff): PriceNotice | null | undefined => (notices.byTariff ? (notices.byTariff.get(r.id) ?? null) : undefined);

  async function announce(r: Tariff) {
    setAnnouncing(r.id);
    try {
      const n = await api.post<PriceNotice>(`/api/v1/tariffs/${r.id}/notice`);
      notices.put(n);
      message.success(t('tariff.announced', { name: r.name, n: n.households }));
    } catch (e) {
      message.error(t('tariff.announceFailed', { message: e instanceof ApiError ? e.message : String(e) }), 6);
      // Announced meanwhile (by another hand): show it as it is.
      if (e instanceof ApiError && e.status === 409) notices.reload();
    } finally {
      setAnnouncing(undefined);
    }
  }

  const columns: TableColumnsType<Tariff> = [
    { title: t('tariff.name'), dataIndex: 'name', width: 180, ellipsis: true },
    {
      title: t('tariff.billingLabel'),
      dataIndex: 'billing',
      width: 100,
      render: (b: string) => <Tag color={b === 'meter' ? 'purple' : 'blue'}>{billingText(t, b)}</Tag>,
    },
    {
      title: t('tariff.price'),
      key: 'price',
      width: 160,
      align: 'right',
      render: (_, r) => <span data-testid="tariff-price">{priceText(t, r.price, r.billing)}</span>,
    },
    ...(hasBasePrice(rows)
      ? [
          {
            title: t('tariff.basePrice'),
            key: 'base_price',
            width: 160,
            align: 'right' as const,
            render: (_: unknown, r: Tariff) => <span data-testid="tariff-base-price">{basePriceText(t, r.base_price)}</span>,
          },
        ]
      : []),
    { title: t('tariff.period'), key: 'period', width: 210, render: (_, r) => periodText(t, r) },
    { title: t('tariff.approval'), dataIndex: 'approval', width: 180, ellipsis: true, render: (a: string | null | undefined) => a || MISSING },
    ...(cross ? [{ title: t('tariff.company'), dataIndex: 'company_id', width: 180, ellipsis: true, render: (id: number) => companies.nameOf(id) }] : []),
    {
      title: t('tariff.noticeStatus'),
      key: 'notice',
      width: 280,
      render: (_, r) => (
        <NoticeStatus tariff={r} notice={noticeOf(r)} writer={writer} announcing={announcing === r.id} onAnnounce={() => announce(r)} onOpen={setShown} />
      ),
    },
  ];

  return (
    <PageContainer title={t('menu.tariffs')}>
      <Flex vertical gap={16}>
        <Alert type="info" showIcon data-testid="tariff-rule" message={t('tariff.rule')} description={t('tariff.ruleHint')} />
        {notices.error !== undefined && (
          <Alert
            type="warning"
            showIcon
            data-testid="tariff-notices-error"
            message={t('tariff.noticesFailed', { message: notices.error instanceof Error ? notices.error.message : String(notices.error) })}
            action={
              <Button size="small" onClick={notices.reload}>
                {t('app.retry')}
              </Button>
            }
          />
        )}
        <Card size="small">
          <Flex gap={8} wrap="wrap" style={{ marginBottom: 12 }}>
            <Select
              aria-label={t('tariff.billingLabel')}
              value={filters.billing}
              style={{ width: 140 }}
              onChange={(billing: string) => go({ billing })}
              options={[{ value: '', label: t('tariff.allBillings') }, ...BILLINGS.map((b) => ({ value: b, label: billingText(t, b) }))]}
            />
            {cross && (
              <CompanyFilter companies={companies} ariaLabel={t('tariff.company')} value={filters.company} onChange={(company: string) => go({ company })} allLabel={t('tariff.allCompanies')} />
            )}
          </Flex>
          {list.error ? (
            <PageError error={list.error} onRetry={list.reload} />
          ) : (
            <>
              <Table<Tariff> data-testid="tariff-list" size="small" scroll={{ x: 1200 }} locale={{ emptyText: t('tariff.none') }} {...table} columns={columns} />
              <CursorPager {...pager} />
            </>
          )}
        </Card>
      </Flex>
      {shown && <NoticeDrawer key={shown.id} notice={shown} tariff={rows.find((r) => r.id === shown.tariff_id)} onClose={() => setShown(undefined)} />}
    </PageContainer>
  );
}
