// 营业收费 › 账单 (/bills; admin, manager, agent; the regulator reads): the households' season
// bills (R-BILL-1, W 9.2, W 9.3), newest first: the household, the season, how it is reckoned (按面积
// / 按热计量; billed by area instead of by meter, the reason on hover, R-METER-1), the area, what is
// due, paid and still owed (red), the due date and when issued. The tab (账单 / 出账记录), season,
// household, company (admin, regulator), page size and cursor trail live in the URL; paged by
// cursor as the API pages. A row opens the bill's drawer with its lines and sums. 出账 (admin,
// manager) runs a season's billing for a company and shows its figures; 出账记录 lists the runs.
import { AccountBookOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { Alert, Button, Card, Flex, Select, Table } from 'antd';
import { useState } from 'react';
import { Link, matchPath } from 'react-router-dom';
import { useAuth } from '../auth';
import CursorPager from '../components/CursorPager';
import { PageError } from '../components/PageState';
import SearchInput from '../components/SearchInput';
import { useRecordList } from '../components/useRecordList';
import { formatDate, formatDateTime } from '../format';
import { useT } from '../i18n';
import { PAGES } from '../routes';
import BillDrawer from './bills/BillDrawer';
import BillingRunModal from './bills/BillingRunModal';
import BillingRuns from './bills/BillingRuns';
import { canRunBilling, listQuery, money, readFilters, writeFilters, type BillFilters, type BillTab } from './bills/logic';
import { BasisTag, Outstanding, seasonLabel, seasonRange } from './bills/parts';
import type { Bill } from './bills/types';
import { crossCompany } from './insurance/logic';
import { defaultSeason, seasonChoices } from './refunds/logic';
import { CompanyFilter, useCompanies } from '../components/companies';

export default function Bills() {
  const t = useT();
  const { me } = useAuth();
  const cross = crossCompany(me?.role);
  const { filters, go, list, table, pager, open, setOpen } = useRecordList<Bill, BillFilters>({
    path: '/api/v1/bills',
    readFilters,
    writeFilters,
    listQuery: (f) => listQuery(f, cross),
  });
  const companies = useCompanies(cross);
  const [running, setRunning] = useState(false);
  const [runs, setRuns] = useState(0);
  // A link only to a page the role has.
  const householdLink = !!me && PAGES.some((p) => p.roles.includes(me.role) && matchPath(p.path, '/households/1'));
  const seasons = seasonChoices(defaultSeason(), filters.season ? Number(filters.season) : undefined);

  const companyFilter = cross && (
    <CompanyFilter companies={companies} ariaLabel={t('bill.company')} value={filters.company} onChange={(company: string) => go({ company })} allLabel={t('bill.allCompanies')} />
  );

  return (
    <PageContainer
      title={t('menu.bills')}
      extra={
        canRunBilling(me?.role) ? (
          <Button type="primary" icon={<AccountBookOutlined />} data-testid="billing-run-new" onClick={() => setRunning(true)}>
            {t('billingRun.new')}
          </Button>
        ) : undefined
      }
    >
      <Flex vertical gap={16}>
        <Alert type="info" showIcon data-testid="bill-rule" message={t('bill.rule')} />
        <Card
          size="small"
          activeTabKey={filters.tab}
          onTabChange={(tab) => go({ tab: tab as BillTab })}
          tabList={[
            { key: 'bills', tab: t('bill.tabBills') },
            { key: 'runs', tab: t('bill.tabRuns') },
          ]}
        >
          {filters.tab === 'runs' ? (
            <Flex vertical gap={12}>
              {companyFilter && <Flex gap={8} wrap="wrap">{companyFilter}</Flex>}
              <BillingRuns key={`${filters.company}-${runs}`} company={filters.company} cross={cross} companies={cross ? companies.list : undefined} />
            </Flex>
          ) : (
            <>
              <Flex gap={8} wrap="wrap" style={{ marginBottom: 12 }}>
                <Select
                  aria-label={t('bill.season')}
                  value={filters.season}
                  style={{ width: 180 }}
                  onChange={(season: string) => go({ season })}
                  options={[{ value: '', label: t('bill.allSeasons') }, ...seasons.map((y) => ({ value: String(y), label: seasonLabel(t, y) }))]}
                />
                {companyFilter}
                <SearchInput
                  aria-label={t('bill.householdFilter')}
                  placeholder={t('bill.householdFilter')}
                  defaultValue={filters.household}
                  key={`h${filters.household}`}
                  allowClear
                  style={{ width: 160 }}
                  onSearch={(v) => go({ household: v.trim() })}
                />
              </Flex>
              {list.error ? (
                <PageError error={list.error} onRetry={list.reload} />
              ) : (
                <>
                  <Table<Bill>
                    data-testid="bill-list"
                    size="small"
                    scroll={{ x: 1200 }}
                    locale={{ emptyText: t('bill.none') }}
                    {...table}
                    columns={[
                      { title: t('bill.id'), dataIndex: 'id', width: 80 },
                      {
                        title: t('bill.household'),
                        dataIndex: 'household_code',
                        width: 140,
                        render: (code: string, b) =>
                          householdLink ? (
                            <Link to={`/households/${b.household_id}`} onClick={(e) => e.stopPropagation()}>
                              {code}
                            </Link>
                          ) : (
                            code
                          ),
                      },
                      { title: t('bill.season'), dataIndex: 'season', width: 100, render: (s: number) => seasonRange(t, s) },
                      { title: t('bill.basis'), key: 'basis', width: 110, render: (_, b) => <BasisTag bill={b} /> },
                      { title: t('bill.area'), dataIndex: 'area', width: 110, align: 'right', render: (a: string) => t('bill.areaOf', { area: a }) },
                      { title: t('bill.total'), dataIndex: 'total', width: 120, align: 'right', render: (v: string) => money(v) },
                      { title: t('bill.paid'), dataIndex: 'paid', width: 120, align: 'right', render: (v: string) => money(v) },
                      { title: t('bill.outstanding'), key: 'outstanding', width: 120, align: 'right', render: (_, b) => <Outstanding bill={b} /> },
                      { title: t('bill.dueOn'), dataIndex: 'due_on', width: 110, render: (v: string) => formatDate(v) },
                      { title: t('bill.issuedAt'), dataIndex: 'issued_at', width: 140, render: (v: string) => formatDateTime(v) },
                    ]}
                  />
                  <CursorPager {...pager} />
                </>
              )}
            </>
          )}
        </Card>
      </Flex>
      {running && (
        <BillingRunModal
          companies={me?.role === 'admin' ? companies.list : undefined}
          company={filters.company ? Number(filters.company) : undefined}
          ownCompany={me?.company_id}
          onClose={() => setRunning(false)}
          onDone={() => {
            // The new bills are on the first page.
            setRuns((n) => n + 1);
            if (filters.tab !== 'bills') return;
            if (filters.trail.length) go({ trail: [] });
            else list.reload();
          }}
        />
      )}
      {open !== undefined && <BillDrawer key={open} id={open} householdLink={householdLink} onClose={() => setOpen(undefined)} />}
    </PageContainer>
  );
}
