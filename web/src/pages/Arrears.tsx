// 营业收费 › 欠费催缴 (/arrears; admin, manager, agent; the regulator reads): the fees past their
// due day with money still owed (R-BILL-1, W 9.2.2), the newest fee first: the household and its
// address, the season, what is due, paid and still owed (red), the days overdue, the reminders
// proven of those the contract asks before a stop (1/2), the first day a stop may take effect and
// the heating status. The season, household, company (admin, regulator), page size and cursor
// trail live in the URL; paged by cursor as the API pages. A row opens the arrears' drawer: the
// reminders with their delivery and proof, and what the caller may do (催缴; 停止供热 for the
// admin and a manager), as the server's `actions` say.
import { PageContainer } from '@ant-design/pro-components';
import { Alert, Card, Flex, Select, Table, Typography } from 'antd';
import { Link, matchPath } from 'react-router-dom';
import type { Arrears as ArrearsRow } from '../api/types';
import { useAuth } from '../auth';
import CursorPager from '../components/CursorPager';
import { PageError } from '../components/PageState';
import SearchInput from '../components/SearchInput';
import { useRecordList } from '../components/useRecordList';
import { formatDate, MISSING } from '../format';
import { useT } from '../i18n';
import { PAGES } from '../routes';
import ArrearsDrawer from './arrears/ArrearsDrawer';
import { feeIdOf, listQuery, readFilters, writeFilters, type ArrearsFilters } from './arrears/logic';
import { HeatingStatus, MayStopFrom, OutstandingText, StepsTag } from './arrears/parts';
import { money } from './bills/logic';
import { seasonLabel, seasonRange } from './bills/parts';
import { crossCompany } from './insurance/logic';
import { defaultSeason, seasonChoices } from './refunds/logic';
import { CompanyFilter, useCompanies } from '../components/companies';

export default function Arrears() {
  const t = useT();
  const { me } = useAuth();
  const cross = crossCompany(me?.role);
  const { filters, go, list, table, pager, open, setOpen } = useRecordList<ArrearsRow, ArrearsFilters>({
    path: '/api/v1/arrears',
    readFilters,
    writeFilters,
    listQuery: (f) => listQuery(f, cross),
    idOf: feeIdOf,
  });
  const companies = useCompanies(cross);
  // A link only to a page the role has.
  const householdLink = !!me && PAGES.some((p) => p.roles.includes(me.role) && matchPath(p.path, '/households/1'));
  const seasons = seasonChoices(defaultSeason(), filters.season ? Number(filters.season) : undefined);

  return (
    <PageContainer title={t('menu.arrears')}>
      <Flex vertical gap={16}>
        <Alert type="info" showIcon data-testid="arrears-rule" message={t('arrears.rule')} description={t('arrears.rights')} />
        <Card size="small">
          <Flex gap={8} wrap="wrap" style={{ marginBottom: 12 }}>
            <Select
              aria-label={t('arrears.season')}
              value={filters.season}
              style={{ width: 180 }}
              onChange={(season: string) => go({ season })}
              options={[{ value: '', label: t('arrears.allSeasons') }, ...seasons.map((y) => ({ value: String(y), label: seasonLabel(t, y) }))]}
            />
            {cross && (
              <CompanyFilter companies={companies} ariaLabel={t('arrears.company')} value={filters.company} onChange={(company: string) => go({ company })} allLabel={t('arrears.allCompanies')} />
            )}
            <SearchInput
              aria-label={t('arrears.householdFilter')}
              placeholder={t('arrears.householdFilter')}
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
              <Table<ArrearsRow>
                data-testid="arrears-list"
                size="small"
                scroll={{ x: 1350 }}
                locale={{ emptyText: t('arrears.none') }}
                {...table}
                columns={[
                  {
                    title: t('arrears.household'),
                    dataIndex: 'household_code',
                    width: 120,
                    render: (code: string, a) =>
                      householdLink ? (
                        <Link to={`/households/${a.household_id}`} onClick={(e) => e.stopPropagation()}>
                          {code}
                        </Link>
                      ) : (
                        code
                      ),
                  },
                  { title: t('arrears.address'), dataIndex: 'address', width: 200, ellipsis: true, render: (v: string | null) => v ?? MISSING },
                  { title: t('arrears.season'), dataIndex: 'season', width: 100, render: (s: number) => seasonRange(t, s) },
                  { title: t('arrears.amount'), dataIndex: 'amount', width: 110, align: 'right', render: (v: string) => money(v) },
                  { title: t('arrears.paid'), dataIndex: 'paid', width: 110, align: 'right', render: (v: string) => money(v) },
                  { title: t('arrears.outstanding'), key: 'outstanding', width: 120, align: 'right', render: (_, a) => <OutstandingText arrears={a} /> },
                  {
                    title: t('arrears.daysOverdue'),
                    dataIndex: 'days_overdue',
                    width: 90,
                    align: 'right',
                    render: (n: number) => (n > 0 ? t('arrears.daysOf', { n }) : <Typography.Text type="secondary">{t('arrears.notOverdue')}</Typography.Text>),
                  },
                  { title: t('arrears.steps'), key: 'steps', width: 80, render: (_, a) => <StepsTag arrears={a} /> },
                  { title: t('arrears.mayStopFrom'), key: 'may_stop_from', width: 150, render: (_, a) => <MayStopFrom arrears={a} /> },
                  { title: t('arrears.dueOn'), dataIndex: 'due_on', width: 110, render: (v: string) => formatDate(v) },
                  { title: t('arrears.heatingStatus'), key: 'heating', width: 160, render: (_, a) => <HeatingStatus arrears={a} /> },
                ]}
              />
              <CursorPager {...pager} />
            </>
          )}
        </Card>
      </Flex>
      {open !== undefined && <ArrearsDrawer key={open} id={open} householdLink={householdLink} onClose={() => setOpen(undefined)} onChanged={() => list.reload()} />}
    </PageContainer>
  );
}
