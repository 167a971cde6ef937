// 营业收费 › 热计量表 (/meter-disputes; admin, manager, agent, technician; the regulator reads): the
// heat-meter disputes of R-METER-1, newest first: the household, who raised it (住户/供热企业),
// why, the state, the calibration's result, report number and cost, who pays it with the clause
// (W 10.3), and 改按面积收费 when a failed meter put the household on area billing (W 10.3 (10.3
// c)). The state, household, company (admin, regulator), page size and cursor trail live in the
// URL; paged by cursor as the API pages (10/20/50). A row opens the dispute's drawer with the
// events the caller may record; 提出争议 (staff) opens the raise drawer.
import { PlusOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { Alert, Button, Card, Flex, Select, Table } from 'antd';
import { useState } from 'react';
import { Link, matchPath } from 'react-router-dom';
import type { MeterDispute } from '../api/types';
import { useAuth } from '../auth';
import CursorPager from '../components/CursorPager';
import { PageError } from '../components/PageState';
import SearchInput from '../components/SearchInput';
import { useRecordList } from '../components/useRecordList';
import { formatDateTime, MISSING } from '../format';
import { useT } from '../i18n';
import { PAGES } from '../routes';
import { crossCompany, moneyText } from './insurance/logic';
import DisputeDrawer from './meterDisputes/DisputeDrawer';
import { canRaiseDispute, DISPUTE_STATES, listQuery, readFilters, writeFilters, type DisputeFilters } from './meterDisputes/logic';
import { BillingView, DisputeStateTag, partyText, PayerView, ResultTag, stateText } from './meterDisputes/parts';
import RaiseDisputeDrawer from './meterDisputes/RaiseDisputeDrawer';
import { CompanyFilter, useCompanies } from '../components/companies';

export default function MeterDisputes() {
  const t = useT();
  const { me } = useAuth();
  const cross = crossCompany(me?.role);
  const { filters, go, list, table, pager, open, setOpen, created } = useRecordList<MeterDispute, DisputeFilters>({
    path: '/api/v1/meter-disputes',
    readFilters,
    writeFilters,
    listQuery: (f) => listQuery(f, cross),
  });
  const companies = useCompanies(cross);
  const [raising, setRaising] = useState(false);
  const mayRaise = canRaiseDispute(me?.role);
  // A link only to a page the role has.
  const householdLink = !!me && PAGES.some((p) => p.roles.includes(me.role) && matchPath(p.path, '/households/1'));

  return (
    <PageContainer
      title={t('meterDispute.title')}
      extra={
        mayRaise ? (
          <Button type="primary" icon={<PlusOutlined />} data-testid="dispute-new" onClick={() => setRaising(true)}>
            {t('meterDispute.raise')}
          </Button>
        ) : undefined
      }
    >
      <Flex vertical gap={16}>
        <Alert type="info" showIcon data-testid="dispute-rule" message={t('meterDispute.rule')} />
        <Card size="small">
          <Flex gap={8} wrap="wrap" style={{ marginBottom: 12 }}>
            <Select
              aria-label={t('meterDispute.state')}
              value={filters.state}
              style={{ width: 140 }}
              onChange={(state: string) => go({ state })}
              options={[{ value: '', label: t('meterDispute.allStates') }, ...DISPUTE_STATES.map((s) => ({ value: s, label: stateText(t, s) }))]}
            />
            {cross && (
              <CompanyFilter companies={companies} ariaLabel={t('meterDispute.company')} value={filters.company} onChange={(company: string) => go({ company })} allLabel={t('meterDispute.allCompanies')} />
            )}
            <SearchInput
              aria-label={t('meterDispute.householdFilter')}
              placeholder={t('meterDispute.householdFilter')}
              defaultValue={filters.household}
              key={filters.household}
              allowClear
              style={{ width: 180 }}
              onSearch={(v) => go({ household: v.trim() })}
            />
          </Flex>
          {list.error ? (
            <PageError error={list.error} onRetry={list.reload} />
          ) : (
            <>
              <Table<MeterDispute>
                data-testid="dispute-list"
                size="small"
                scroll={{ x: 1400 }}
                locale={{ emptyText: t('meterDispute.none') }}
                {...table}
                columns={[
                  { title: t('meterDispute.id'), dataIndex: 'id', width: 70 },
                  {
                    title: t('meterDispute.household'),
                    dataIndex: 'household_id',
                    width: 80,
                    render: (id: number) =>
                      householdLink ? (
                        <Link to={`/households/${id}`} onClick={(e) => e.stopPropagation()}>
                          {id}
                        </Link>
                      ) : (
                        id
                      ),
                  },
                  { title: t('meterDispute.raisedBy'), dataIndex: 'raised_by', width: 90, render: (p: string) => partyText(t, p) },
                  { title: t('meterDispute.reason'), dataIndex: 'reason', ellipsis: true },
                  { title: t('meterDispute.state'), dataIndex: 'state', width: 90, render: (s: string) => <DisputeStateTag state={s} /> },
                  { title: t('meterDispute.result'), dataIndex: 'result', width: 90, render: (r: string | null) => <ResultTag result={r} /> },
                  { title: t('meterDispute.reference'), dataIndex: 'reference', width: 140, ellipsis: true, render: (r: string | null) => r ?? MISSING },
                  { title: t('meterDispute.cost'), key: 'cost', width: 100, align: 'right', render: (_, d) => moneyText(d.cost, d.cost_fen) },
                  { title: t('meterDispute.payer'), key: 'payer', width: 190, render: (_, d) => <PayerView dispute={d} /> },
                  { title: t('meterDispute.billing'), key: 'billing', width: 120, render: (_, d) => <BillingView dispute={d} /> },
                  { title: t('meterDispute.createdAt'), dataIndex: 'created_at', width: 140, render: (v: string) => formatDateTime(v) },
                ]}
              />
              <CursorPager {...pager} />
            </>
          )}
        </Card>
      </Flex>
      {raising && (
        <RaiseDisputeDrawer
          household={filters.household ? Number(filters.household) : undefined}
          onClose={() => setRaising(false)}
          onDone={(d) => {
            setRaising(false);
            created(d);
          }}
        />
      )}
      {open !== undefined && <DisputeDrawer key={open} id={open} householdLink={householdLink} onClose={() => setOpen(undefined)} onChanged={() => list.reload()} />}
    </PageContainer>
  );
}
