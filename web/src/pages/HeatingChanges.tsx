// 营业收费 › 增减停复 (/heating-changes; admin, manager, agent; the regulator reads): the
// applications to increase or decrease the heated area, stop or resume heating (R-ACCT-1, W
// 9.1.8), newest first: the household, the kind, the applicant, when received and when it takes
// effect, the area before and after, the documents still missing, the state and the settlement
// (应退 / 应补 pro rata by the season's days, or by the meter's readings). The state, kind,
// household, company (admin, regulator), page size and cursor trail live in the URL; paged by
// cursor as the API pages. A row opens the change's drawer with the events the caller may record;
// 受理申请 (the service hall) opens the take-in drawer.
import { PlusOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { Alert, Button, Card, Flex, Select, Table } from 'antd';
import { useState } from 'react';
import { Link, matchPath } from 'react-router-dom';
import type { HeatingChange } from '../api/types';
import { useAuth } from '../auth';
import CursorPager from '../components/CursorPager';
import { PageError } from '../components/PageState';
import SearchInput from '../components/SearchInput';
import { useRecordList } from '../components/useRecordList';
import { formatDate, formatDateTime } from '../format';
import { useT } from '../i18n';
import { PAGES } from '../routes';
import HeatingChangeDrawer from './heatingChanges/HeatingChangeDrawer';
import { canTakeIn, CHANGE_KINDS, CHANGE_STATES, listQuery, readFilters, writeFilters, type ChangeFilters } from './heatingChanges/logic';
import NewHeatingChangeDrawer from './heatingChanges/NewHeatingChangeDrawer';
import { AreaView, ChangeKindTag, ChangeStateTag, DocumentTags, kindText, SettlementView, stateText } from './heatingChanges/parts';
import { crossCompany } from './insurance/logic';
import { CompanyFilter, useCompanies } from '../components/companies';

export default function HeatingChanges() {
  const t = useT();
  const { me } = useAuth();
  const cross = crossCompany(me?.role);
  const { filters, go, list, table, pager, open, setOpen, created } = useRecordList<HeatingChange, ChangeFilters>({
    path: '/api/v1/heating-changes',
    readFilters,
    writeFilters,
    listQuery: (f) => listQuery(f, cross),
  });
  const companies = useCompanies(cross);
  const [taking, setTaking] = useState(false);
  // A link only to a page the role has.
  const householdLink = !!me && PAGES.some((p) => p.roles.includes(me.role) && matchPath(p.path, '/households/1'));

  return (
    <PageContainer
      title={t('menu.heatingChanges')}
      extra={
        canTakeIn(me?.role) ? (
          <Button type="primary" icon={<PlusOutlined />} data-testid="heating-change-new" onClick={() => setTaking(true)}>
            {t('heatingChange.new')}
          </Button>
        ) : undefined
      }
    >
      <Flex vertical gap={16}>
        <Alert type="info" showIcon data-testid="heating-change-rule" message={t('heatingChange.rule')} />
        <Card size="small">
          <Flex gap={8} wrap="wrap" style={{ marginBottom: 12 }}>
            <Select
              aria-label={t('heatingChange.state')}
              value={filters.state}
              style={{ width: 140 }}
              onChange={(state: string) => go({ state })}
              options={[{ value: '', label: t('heatingChange.allStates') }, ...CHANGE_STATES.map((s) => ({ value: s, label: stateText(t, s) }))]}
            />
            <Select
              aria-label={t('heatingChange.kindLabel')}
              value={filters.kind}
              style={{ width: 140 }}
              onChange={(kind: string) => go({ kind })}
              options={[{ value: '', label: t('heatingChange.allKinds') }, ...CHANGE_KINDS.map((k) => ({ value: k, label: kindText(t, k) }))]}
            />
            {cross && (
              <CompanyFilter companies={companies} ariaLabel={t('heatingChange.company')} value={filters.company} onChange={(company: string) => go({ company })} allLabel={t('heatingChange.allCompanies')} />
            )}
            <SearchInput
              aria-label={t('heatingChange.householdFilter')}
              placeholder={t('heatingChange.householdFilter')}
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
              <Table<HeatingChange>
                data-testid="heating-change-list"
                size="small"
                scroll={{ x: 1400 }}
                locale={{ emptyText: t('heatingChange.none') }}
                {...table}
                columns={[
                  { title: t('heatingChange.id'), dataIndex: 'id', width: 70 },
                  {
                    title: t('heatingChange.household'),
                    dataIndex: 'household_id',
                    width: 90,
                    render: (id: number) =>
                      householdLink ? (
                        <Link to={`/households/${id}`} onClick={(e) => e.stopPropagation()}>
                          {id}
                        </Link>
                      ) : (
                        id
                      ),
                  },
                  { title: t('heatingChange.kindLabel'), dataIndex: 'kind', width: 100, render: (k: string) => <ChangeKindTag kind={k} /> },
                  { title: t('heatingChange.applicant'), dataIndex: 'applicant', width: 110, ellipsis: true },
                  { title: t('heatingChange.receivedAt'), dataIndex: 'received_at', width: 140, render: (v: string) => formatDateTime(v) },
                  { title: t('heatingChange.effective'), dataIndex: 'effective', width: 110, render: (v: string) => formatDate(v) },
                  { title: t('heatingChange.area'), key: 'area', width: 170, render: (_, c) => <AreaView change={c} /> },
                  {
                    title: t('heatingChange.missing'),
                    dataIndex: 'missing',
                    width: 200,
                    render: (m: string[]) => <DocumentTags documents={m ?? []} missing none={t('heatingChange.noMissing')} />,
                  },
                  { title: t('heatingChange.state'), dataIndex: 'state', width: 90, render: (s: string) => <ChangeStateTag state={s} /> },
                  { title: t('heatingChange.settlement'), key: 'settlement', width: 300, render: (_, c) => <SettlementView change={c} /> },
                ]}
              />
              <CursorPager {...pager} />
            </>
          )}
        </Card>
      </Flex>
      {taking && (
        <NewHeatingChangeDrawer
          household={filters.household ? Number(filters.household) : undefined}
          onClose={() => setTaking(false)}
          onDone={(c) => {
            setTaking(false);
            created(c);
          }}
        />
      )}
      {open !== undefined && <HeatingChangeDrawer key={open} id={open} householdLink={householdLink} onClose={() => setOpen(undefined)} onChanged={() => list.reload()} />}
    </PageContainer>
  );
}
