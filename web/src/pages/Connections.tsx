// 营业收费 › 报装申请 (/connections; admin, manager, agent; the regulator reads): the connection
// applications of R-CONN-1, newest first: the applicant and phone (as the server sends it, masked
// for a reader without the need), the building and household, new or existing building, outside
// works, when received, the season it catches (下一采暖季 when a new building missed the date,
// Z 2.3 (三)), the documents still missing (容缺), the state, the decision deadline (办结时限, W
// 9.1.4: time left and due time, amber at 75 %, red overdue; or how it was met) and the return
// visit (R-WO-6). The state, season, visit, building, household, company (admin, regulator),
// page size and cursor trail live in the URL; paged by cursor as the API pages (10/20/50). A row
// opens the application's drawer with its history and the events the caller may record; 受理报装
// (the service hall) opens the take-in drawer.
import { PlusOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { Alert, Button, Card, Flex, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, matchPath } from 'react-router-dom';
import type { Connection } from '../api/types';
import { useAuth } from '../auth';
import CursorPager from '../components/CursorPager';
import { PageError } from '../components/PageState';
import SearchInput from '../components/SearchInput';
import { useRecordList } from '../components/useRecordList';
import { formatDateTime } from '../format';
import { useT } from '../i18n';
import { PAGES } from '../routes';
import ConnectionDrawer from './connections/ConnectionDrawer';
import { canTakeIn, CONNECTION_STATES, listQuery, readFilters, writeFilters, type ConnectionFilters } from './connections/logic';
import NewConnectionDrawer from './connections/NewConnectionDrawer';
import { ConnectionStateTag, DecisionDeadlineView, DocumentTags, SeasonView, seasonText, stateText, VisitView } from './connections/parts';
import { crossCompany } from './insurance/logic';
import { defaultSeason, seasonChoices } from './refunds/logic';
import { CompanyFilter, useCompanies } from '../components/companies';

export default function Connections() {
  const t = useT();
  const { me } = useAuth();
  const cross = crossCompany(me?.role);
  const { filters, go, list, table, pager, open, setOpen, created } = useRecordList<Connection, ConnectionFilters>({
    path: '/api/v1/connections',
    readFilters,
    writeFilters,
    listQuery: (f) => listQuery(f, cross),
  });
  const companies = useCompanies(cross);
  const [taking, setTaking] = useState(false);
  const mayTakeIn = canTakeIn(me?.role);
  // A link only to a page the role has.
  const householdLink = !!me && PAGES.some((p) => p.roles.includes(me.role) && matchPath(p.path, '/households/1'));
  const seasons = seasonChoices(defaultSeason(), filters.season ? Number(filters.season) : undefined);

  return (
    <PageContainer
      title={t('menu.connections')}
      extra={
        mayTakeIn ? (
          <Button type="primary" icon={<PlusOutlined />} data-testid="connection-new" onClick={() => setTaking(true)}>
            {t('connection.new')}
          </Button>
        ) : undefined
      }
    >
      <Flex vertical gap={16}>
        <Alert type="info" showIcon data-testid="connection-rule" message={t('connection.rule')} />
        <Card size="small">
          <Flex gap={8} wrap="wrap" style={{ marginBottom: 12 }}>
            <Select
              aria-label={t('connection.state')}
              value={filters.state}
              style={{ width: 140 }}
              onChange={(state: string) => go({ state })}
              options={[{ value: '', label: t('connection.allStates') }, ...CONNECTION_STATES.map((s) => ({ value: s, label: stateText(t, s) }))]}
            />
            <Select
              aria-label={t('connection.season')}
              value={filters.season}
              style={{ width: 160 }}
              onChange={(season: string) => go({ season })}
              options={[{ value: '', label: t('connection.allSeasons') }, ...seasons.map((y) => ({ value: String(y), label: seasonText(t, y) }))]}
            />
            <Select
              aria-label={t('connection.visit')}
              value={filters.visited}
              style={{ width: 140 }}
              onChange={(visited: string) => go({ visited })}
              options={[
                { value: '', label: t('connection.allVisits') },
                { value: 'false', label: t('connection.visitOwed') },
                { value: 'true', label: t('connection.visited') },
              ]}
            />
            {cross && (
              <CompanyFilter companies={companies} ariaLabel={t('connection.company')} value={filters.company} onChange={(company: string) => go({ company })} allLabel={t('connection.allCompanies')} />
            )}
            <SearchInput
              aria-label={t('connection.buildingFilter')}
              placeholder={t('connection.buildingFilter')}
              defaultValue={filters.building}
              key={`b${filters.building}`}
              allowClear
              style={{ width: 160 }}
              onSearch={(v) => go({ building: v.trim() })}
            />
            <SearchInput
              aria-label={t('connection.householdFilter')}
              placeholder={t('connection.householdFilter')}
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
              <Table<Connection>
                data-testid="connection-list"
                size="small"
                scroll={{ x: 1700 }}
                locale={{ emptyText: t('connection.none') }}
                {...table}
                columns={[
                  { title: t('connection.id'), dataIndex: 'id', width: 70 },
                  { title: t('connection.applicant'), dataIndex: 'applicant', width: 110, ellipsis: true },
                  { title: t('connection.phone'), dataIndex: 'phone', width: 130, render: (p: string | null) => p ?? t('common.none') },
                  {
                    title: t('connection.place'),
                    key: 'place',
                    width: 140,
                    render: (_, c) => (
                      <Flex vertical gap={0}>
                        <span>{t('connection.buildingN', { id: c.building_id })}</span>
                        {c.household_id !== null && (
                          <span>
                            {t('connection.householdPrefix')}
                            {householdLink ? (
                              <Link to={`/households/${c.household_id}`} onClick={(e) => e.stopPropagation()}>
                                {c.household_id}
                              </Link>
                            ) : (
                              c.household_id
                            )}
                          </span>
                        )}
                      </Flex>
                    ),
                  },
                  {
                    title: t('connection.buildingKindShort'),
                    dataIndex: 'new_building',
                    width: 90,
                    render: (v: boolean) => (v ? t('connection.newBuilding') : t('connection.existingBuilding')),
                  },
                  {
                    title: t('connection.outsideWorks'),
                    dataIndex: 'outside_works',
                    width: 90,
                    render: (v: boolean) => (v ? <Tag color="blue">{t('connection.outsideWorksYes')}</Tag> : t('common.no')),
                  },
                  { title: t('connection.receivedAt'), dataIndex: 'received_at', width: 140, render: (v: string) => formatDateTime(v) },
                  { title: t('connection.season'), key: 'season', width: 150, render: (_, c) => <SeasonView connection={c} /> },
                  {
                    title: t('connection.missing'),
                    dataIndex: 'missing',
                    width: 200,
                    render: (m: string[]) => <DocumentTags documents={m ?? []} missing none={t('connection.noMissing')} />,
                  },
                  { title: t('connection.state'), dataIndex: 'state', width: 100, render: (s: string) => <ConnectionStateTag state={s} /> },
                  { title: t('connection.deadline'), key: 'deadline', width: 340, render: (_, c) => <DecisionDeadlineView connection={c} /> },
                  { title: t('connection.visit'), key: 'visit', width: 170, render: (_, c) => <VisitView connection={c} /> },
                ]}
              />
              <CursorPager {...pager} />
            </>
          )}
        </Card>
      </Flex>
      {taking && (
        <NewConnectionDrawer
          building={filters.building ? Number(filters.building) : undefined}
          household={filters.household ? Number(filters.household) : undefined}
          onClose={() => setTaking(false)}
          onDone={(c) => {
            setTaking(false);
            created(c);
          }}
        />
      )}
      {open !== undefined && <ConnectionDrawer key={open} id={open} householdLink={householdLink} onClose={() => setOpen(undefined)} onChanged={() => list.reload()} />}
    </PageContainer>
  );
}
