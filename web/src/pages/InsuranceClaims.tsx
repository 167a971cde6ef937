// 营业收费 › 保险理赔 (/insurance-claims; admin, manager, agent, technician; the regulator reads):
// the claims of R-INS-1, newest first, with their state, the amount agreed and the deadline that
// is open (报险 24 h, 赔付 30 working days: time left and due time, amber at 75 %, red overdue) or
// how the last one was met. The state, the company (admin, regulator), the household, the page
// size and the cursor trail live in the URL; paged by cursor as the API pages (10/20/50). A row
// opens the claim's drawer with its history and the events the caller may record; 登记理赔
// (staff) opens the record drawer.
import { PlusOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { Alert, Button, Card, Flex, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, matchPath } from 'react-router-dom';
import type { Claim } from '../api/types';
import { useAuth } from '../auth';
import CursorPager from '../components/CursorPager';
import { PageError } from '../components/PageState';
import SearchInput from '../components/SearchInput';
import { useRecordList } from '../components/useRecordList';
import { formatDateTime } from '../format';
import { useT } from '../i18n';
import { PAGES } from '../routes';
import ClaimDrawer from './insurance/ClaimDrawer';
import { canRecordClaim, CLAIM_STATES, crossCompany, listQuery, moneyText, readFilters, shownDeadline, writeFilters, type ClaimFilters } from './insurance/logic';
import { ClaimDeadlineView, ClaimStateTag, stateText } from './insurance/parts';
import RecordClaimDrawer from './insurance/RecordClaimDrawer';
import { CompanyFilter, useCompanies } from '../components/companies';

export default function InsuranceClaims() {
  const t = useT();
  const { me } = useAuth();
  const cross = crossCompany(me?.role);
  const { filters, go, list, table, pager, open, setOpen, created } = useRecordList<Claim, ClaimFilters>({
    path: '/api/v1/insurance-claims',
    readFilters,
    writeFilters,
    listQuery: (f) => listQuery(f, cross),
  });
  const companies = useCompanies(cross);
  const [recording, setRecording] = useState(false);
  const mayRecord = canRecordClaim(me?.role);
  // A link only to a page the role has.
  const householdLink = !!me && PAGES.some((p) => p.roles.includes(me.role) && matchPath(p.path, '/households/1'));

  return (
    <PageContainer
      title={t('menu.insuranceClaims')}
      extra={
        mayRecord ? (
          <Button type="primary" icon={<PlusOutlined />} data-testid="claim-record" onClick={() => setRecording(true)}>
            {t('claim.record')}
          </Button>
        ) : undefined
      }
    >
      <Flex vertical gap={16}>
        <Alert type="info" showIcon data-testid="claim-rule" message={t('claim.rule')} />
        <Card size="small">
          <Flex gap={8} wrap="wrap" style={{ marginBottom: 12 }}>
            <Select
              aria-label={t('claim.state')}
              value={filters.state}
              style={{ width: 160 }}
              onChange={(state: string) => go({ state })}
              options={[{ value: '', label: t('claim.allStates') }, ...CLAIM_STATES.map((s) => ({ value: s, label: stateText(t, s) }))]}
            />
            {cross && (
              <CompanyFilter companies={companies} ariaLabel={t('claim.company')} value={filters.company} onChange={(company: string) => go({ company })} allLabel={t('claim.allCompanies')} />
            )}
            <SearchInput
              aria-label={t('claim.householdFilter')}
              placeholder={t('claim.householdFilter')}
              defaultValue={filters.household}
              key={filters.household}
              allowClear
              style={{ width: 200 }}
              onSearch={(v) => go({ household: v.trim() })}
            />
          </Flex>
          {list.error ? (
            <PageError error={list.error} onRetry={list.reload} />
          ) : (
            <>
              <Table<Claim>
                data-testid="claim-list"
                size="small"
                scroll={{ x: 1200 }}
                locale={{ emptyText: t('claim.none') }}
                {...table}
                columns={[
                  { title: t('claim.id'), dataIndex: 'id', width: 70 },
                  {
                    title: t('claim.household'),
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
                  { title: t('claim.incidentAt'), dataIndex: 'incident_at', width: 140, render: (v: string) => formatDateTime(v) },
                  { title: t('claim.incidentShort'), dataIndex: 'incident', ellipsis: true },
                  { title: t('claim.state'), dataIndex: 'state', width: 120, render: (s: string) => <ClaimStateTag state={s} /> },
                  {
                    title: t('claim.amount'),
                    key: 'amount',
                    width: 120,
                    align: 'right',
                    render: (_, c) => moneyText(c.amount, c.amount_fen),
                  },
                  {
                    title: t('claim.deadline'),
                    key: 'deadline',
                    width: 360,
                    render: (_, c) => {
                      const shown = shownDeadline(c);
                      return shown ? <ClaimDeadlineView name={shown.name} deadline={shown.deadline} /> : <Typography.Text type="secondary">{t('claim.noDeadline')}</Typography.Text>;
                    },
                  },
                  { title: t('claim.createdBy'), dataIndex: 'created_by', width: 110, ellipsis: true },
                ]}
              />
              <CursorPager {...pager} />
            </>
          )}
        </Card>
      </Flex>
      {recording && (
        <RecordClaimDrawer
          household={filters.household ? Number(filters.household) : undefined}
          onClose={() => setRecording(false)}
          onDone={(c) => {
            setRecording(false);
            created(c);
          }}
        />
      )}
      {open !== undefined && <ClaimDrawer key={open} id={open} householdLink={householdLink} onClose={() => setOpen(undefined)} onChanged={() => list.reload()} />}
    </PageContainer>
  );
}
