// 监管中心 › 经营区域核查 (/regulator/licence; admin, regulator, manager, agent): the buildings a
// heating company serves in a district not (or no longer) licensed to it (R-REG-1, Z 3.4: its
// connections, stops and works stay inside its licensed service area), as
// GET /api/v1/regulator/licence-flags lists them: the rule, the totals (buildings, households,
// distinct heating stops, work orders), and the buildings by company with their district, their
// households (heated in a tooltip), the stops that cut them off (each linked to its page) and the
// orders from them. The admin and the regulator filter by company (in the URL); a company's
// staff see their own company's (the server scopes it). Nothing flagged: a green result.
import { PageContainer } from '@ant-design/pro-components';
import { Alert, Card, Col, Flex, Result, Row, Skeleton, Statistic, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { LicenceFlag, LicenceFlags } from '../api/types';
import { useApi } from '../api/useApi';
import { useAuth } from '../auth';
import { namedPager } from '../components/a11y';
import { PageError } from '../components/PageState';
import { MISSING } from '../format';
import { useT } from '../i18n';
import { byCompanyId, compareFlags, crossCompany, districtText, LICENCE_BASIS, LICENCE_PATH, licenceQuery, licenceSummary, readCompany, writeCompany } from './licence/logic';
import { CompanyFilter, useCompanies } from '../components/companies';
import Tip from '../components/Tip';

const RED = '#cf1322';

function count(n: number): string {
  return n.toLocaleString('en-US');
}

export default function LicenceCheck() {
  const t = useT();
  const { me } = useAuth();
  const [params, setParams] = useSearchParams();
  const company = readCompany(params);
  const cross = crossCompany(me?.role);
  const flags = useApi<LicenceFlags>(LICENCE_PATH, licenceQuery(company, cross));
  // The companies' names: every one for the admin and the regulator, the staff's own otherwise
  // (the server scopes the list); an id not among them shows as #id.
  const companies = useCompanies(true);
  const companyLabel = companies.nameOf;

  // A refused or failed query shows its error, not the last answer.
  const data = flags.error ? undefined : flags.data;
  // Each company's buildings together (the server's order); the company column sorts by name.
  const items = useMemo(() => [...(data?.items ?? [])].sort(byCompanyId), [data]);
  const summary = useMemo(() => licenceSummary(items), [items]);
  const basis = data?.basis || LICENCE_BASIS;

  return (
    <PageContainer
      title={t('menu.licenceCheck')}
      extra={
        cross && (
          <CompanyFilter companies={companies} ariaLabel={t('licence.companyFilter')} value={company} onChange={(c: string) => setParams(writeCompany(c))} allLabel={t('licence.allCompanies')} />
        )
      }
    >
      <Flex vertical gap={16}>
        <Alert type="info" showIcon data-testid="licence-rule" message={t('licence.rule', { basis })} />
        {flags.error ? (
          <PageError error={flags.error} onRetry={flags.reload} />
        ) : !data ? (
          <Skeleton active />
        ) : (
          <>
            <Row gutter={[12, 12]} data-testid="licence-summary">
              <Col xs={12} md={6}>
                <Card size="small">
                  <Statistic
                    title={t('licence.buildings')}
                    value={summary.buildings}
                    valueStyle={{ color: summary.buildings ? RED : undefined }}
                    valueRender={(v) => <span data-testid="licence-stat-buildings">{v}</span>}
                  />
                </Card>
              </Col>
              <Col xs={12} md={6}>
                <Card size="small">
                  <Statistic title={t('licence.households')} value={summary.households} valueRender={(v) => <span data-testid="licence-stat-households">{v}</span>} />
                </Card>
              </Col>
              <Col xs={12} md={6}>
                <Card size="small">
                  <Statistic title={t('licence.outages')} value={summary.outages} valueRender={(v) => <span data-testid="licence-stat-outages">{v}</span>} />
                </Card>
              </Col>
              <Col xs={12} md={6}>
                <Card size="small">
                  <Statistic title={t('licence.workOrders')} value={summary.workOrders} valueRender={(v) => <span data-testid="licence-stat-work-orders">{v}</span>} />
                </Card>
              </Col>
            </Row>
            <Card size="small" title={t('licence.tableTitle')}>
              {items.length === 0 ? (
                <div data-testid="licence-none">
                  <Result
                    status="success"
                    title={t('licence.none')}
                    subTitle={cross && company ? t('licence.noneHintCompany', { company: companyLabel(Number(company)) }) : t('licence.noneHint')}
                  />
                </div>
              ) : (
                <Table<LicenceFlag>
                  data-testid="licence-flags"
                  size="small"
                  rowKey={(r) => `${r.company_id}-${r.building_id}`}
                  loading={flags.loading}
                  dataSource={items}
                  pagination={namedPager(t, { defaultPageSize: 20, pageSizeOptions: [10, 20, 50], showSizeChanger: true, hideOnSinglePage: true })}
                  scroll={{ x: 980 }}
                  columns={[
                    {
                      title: t('licence.company'),
                      dataIndex: 'company_id',
                      key: 'company',
                      width: 180,
                      ellipsis: true,
                      sorter: (a, b) => compareFlags(a, b, companyLabel),
                      render: (id: number) => <span data-testid="licence-company">{companyLabel(id)}</span>,
                    },
                    {
                      title: t('licence.building'),
                      dataIndex: 'building_code',
                      key: 'building',
                      width: 110,
                      render: (code: string, r) => <span data-testid="licence-building">{code || `#${r.building_id}`}</span>,
                    },
                    { title: t('licence.community'), dataIndex: 'community', key: 'community', width: 150, ellipsis: true },
                    {
                      title: t('licence.district'),
                      key: 'district',
                      width: 200,
                      render: (_: unknown, r) => <span data-testid="licence-district">{districtText(r)}</span>,
                    },
                    {
                      title: t('licence.householdsColumn'),
                      dataIndex: 'households',
                      key: 'households',
                      width: 90,
                      align: 'right',
                      sorter: (a, b) => a.households - b.households,
                      render: (n: number, r) => (
                        <Tip title={t('licence.householdsTip', { households: n, heated: r.heated_households })}>
                          <span data-testid="licence-households">{count(n)}</span>
                        </Tip>
                      ),
                    },
                    {
                      title: t('licence.outagesColumn'),
                      key: 'outages',
                      width: 200,
                      // Every role of this page opens an outage's page (/outages/:id).
                      render: (_: unknown, r) =>
                        r.outage_ids?.length ? (
                          <Flex gap={8} wrap="wrap" data-testid="licence-outages">
                            {r.outage_ids.map((id) => (
                              <Link key={id} to={`/outages/${id}`}>
                                {t('licence.outage', { id })}
                              </Link>
                            ))}
                          </Flex>
                        ) : (
                          <Typography.Text type="secondary" data-testid="licence-outages">
                            {MISSING}
                          </Typography.Text>
                        ),
                    },
                    {
                      title: t('licence.workOrdersColumn'),
                      dataIndex: 'work_orders',
                      key: 'workOrders',
                      width: 80,
                      align: 'right',
                      sorter: (a, b) => a.work_orders - b.work_orders,
                      render: (n: number) => <span data-testid="licence-work-orders">{count(n)}</span>,
                    },
                    {
                      title: t('licence.applicationsColumn'),
                      dataIndex: 'connection_applications',
                      key: 'applications',
                      width: 80,
                      align: 'right',
                      sorter: (a, b) => a.connection_applications - b.connection_applications,
                      render: (n: number) => <span data-testid="licence-applications">{count(n)}</span>,
                    },
                  ]}
                />
              )}
            </Card>
          </>
        )}
      </Flex>
    </PageContainer>
  );
}
