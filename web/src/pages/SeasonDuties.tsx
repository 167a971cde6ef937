// 监管中心 › 供热季公告核查 (/regulator/seasons; admin, regulator, manager, agent): each heating
// company announces, for every district it is licensed in, the commissioning (供暖调试) and the
// start of heating (正式供暖) of each season a day ahead at the latest (R-SEASON-1, W 5.2.5,
// W 6.1.1), as GET /api/v1/regulator/season-flags lists them: the rule, the totals (district-
// seasons, flagged duties, missing, late), and by company and district the season's dates (the
// district's decision behind an early start or extension as a tag; the policy's defaults when the
// district has no season record) and each duty's state with its announcement. The season (the
// year it starts) is in the URL, the current one by default; the admin and the regulator filter by
// company too (in the URL), a company's staff see their own company's (the server scopes it). A
// company's manager records a missing or due announcement from its cell (登记公告).
import { PageContainer } from '@ant-design/pro-components';
import { Alert, Button, Card, Col, Flex, Result, Row, Select, Skeleton, Statistic, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { AnnouncementKind, SeasonDuty, SeasonDutyRow, SeasonFlags } from '../api/types';
import { useApi } from '../api/useApi';
import { useAuth } from '../auth';
import { namedPager } from '../components/a11y';
import { PageError } from '../components/PageState';
import { beijingToday } from '../format';
import { useT, type Translate } from '../i18n';
import AnnounceModal from './seasons/AnnounceModal';
import { CompanyFilter, useCompanies } from '../components/companies';
import Tip from '../components/Tip';
import {
  byCompanyDistrict,
  canAnnounce,
  channelText,
  companyText,
  compareRows,
  crossCompany,
  dayBefore,
  districtText,
  dutyOf,
  dutyTag,
  readCompany,
  readSeason,
  SEASON_BASIS,
  SEASON_PATH,
  seasonOptions,
  seasonQuery,
  seasonSummary,
  statusKey,
  writeFilters,
} from './seasons/logic';

const RED = '#cf1322';

/** The modal's row and duty, while a manager records an announcement. */
interface Announcing {
  row: SeasonDutyRow;
  duty: SeasonDuty;
}

export default function SeasonDuties() {
  const t = useT();
  const { me } = useAuth();
  const [params, setParams] = useSearchParams();
  const season = readSeason(params);
  const company = readCompany(params);
  const cross = crossCompany(me?.role);
  const flags = useApi<SeasonFlags>(SEASON_PATH, seasonQuery(season, company, cross));
  // The companies to filter by, for the admin and the regulator (the rows name their own).
  const companies = useCompanies(cross);
  const [announcing, setAnnouncing] = useState<Announcing | null>(null);

  // A refused or failed query shows its error, not the last answer.
  const data = flags.error ? undefined : flags.data;
  const items = useMemo(() => [...(data?.items ?? [])].sort(byCompanyDistrict), [data]);
  const summary = useMemo(() => seasonSummary(items), [items]);
  const basis = data?.basis || SEASON_BASIS;
  // The season shown: the URL's, else the one the server answered (its current season).
  const shown = season ? Number(season) : data?.season;
  const today = data?.today ?? beijingToday();
  const years = useMemo(() => seasonOptions(today, shown), [today, shown]);
  const chosenCompany = companies.list.find((c) => String(c.id) === company);

  const dutyColumn = (kind: AnnouncementKind, title: string) => ({
    title,
    key: kind,
    width: 250,
    render: (_: unknown, r: SeasonDutyRow) => {
      const duty = dutyOf(r, kind);
      if (!duty) return <Typography.Text type="secondary">—</Typography.Text>;
      return <DutyCell t={t} row={r} duty={duty} announce={canAnnounce(me, r, duty) ? () => setAnnouncing({ row: r, duty }) : undefined} />;
    },
  });

  return (
    <PageContainer
      title={t('menu.seasonDuties')}
      extra={
        <Flex gap={8} wrap="wrap">
          <Select<number>
            aria-label={t('seasons.seasonPicker')}
            value={shown}
            placeholder={t('seasons.seasonPicker')}
            style={{ width: 180 }}
            onChange={(y) => setParams(writeFilters(String(y), company))}
            options={years.map((y) => ({ value: y, label: t('seasons.seasonOption', { season: y, next: y + 1 }) }))}
          />
          {cross && (
            <CompanyFilter companies={companies} ariaLabel={t('seasons.companyFilter')} value={company} onChange={(c: string) => setParams(writeFilters(season, c))} allLabel={t('seasons.allCompanies')} />
          )}
        </Flex>
      }
    >
      <Flex vertical gap={16}>
        <Alert type="info" showIcon data-testid="seasons-rule" message={t('seasons.rule', { basis })} />
        {flags.error ? (
          <PageError error={flags.error} onRetry={flags.reload} />
        ) : !data ? (
          <Skeleton active />
        ) : (
          <>
            <Row gutter={[12, 12]} data-testid="seasons-summary">
              <Col xs={12} md={6}>
                <Card size="small">
                  <Statistic title={t('seasons.districts')} value={summary.districts} valueRender={(v) => <span data-testid="seasons-stat-districts">{v}</span>} />
                </Card>
              </Col>
              <Col xs={12} md={6}>
                <Card size="small">
                  <Statistic
                    title={t('seasons.flagged')}
                    value={summary.flagged}
                    valueStyle={{ color: summary.flagged ? RED : undefined }}
                    valueRender={(v) => <span data-testid="seasons-stat-flagged">{v}</span>}
                  />
                </Card>
              </Col>
              <Col xs={12} md={6}>
                <Card size="small">
                  <Statistic
                    title={t('seasons.missing')}
                    value={summary.missing}
                    valueStyle={{ color: summary.missing ? RED : undefined }}
                    valueRender={(v) => <span data-testid="seasons-stat-missing">{v}</span>}
                  />
                </Card>
              </Col>
              <Col xs={12} md={6}>
                <Card size="small">
                  <Statistic
                    title={t('seasons.late')}
                    value={summary.late}
                    valueStyle={{ color: summary.late ? RED : undefined }}
                    valueRender={(v) => <span data-testid="seasons-stat-late">{v}</span>}
                  />
                </Card>
              </Col>
            </Row>
            <Card size="small" title={t('seasons.tableTitle', { season: data.season, next: data.season + 1, today: data.today })}>
              {items.length === 0 ? (
                <div data-testid="seasons-none">
                  <Result
                    status="info"
                    title={t('seasons.none')}
                    subTitle={cross && company ? t('seasons.noneHintCompany', { company: chosenCompany ? `${chosenCompany.code} ${chosenCompany.name}` : `#${company}` }) : t('seasons.noneHint')}
                  />
                </div>
              ) : (
                <Table<SeasonDutyRow>
                  data-testid="seasons-table"
                  size="small"
                  rowKey={(r) => `${r.company_id}-${r.district_id}`}
                  loading={flags.loading}
                  dataSource={items}
                  pagination={namedPager(t, { defaultPageSize: 20, pageSizeOptions: [10, 20, 50], showSizeChanger: true, hideOnSinglePage: true })}
                  scroll={{ x: 1100 }}
                  columns={[
                    {
                      title: t('seasons.company'),
                      key: 'company',
                      width: 200,
                      ellipsis: true,
                      sorter: compareRows,
                      render: (_: unknown, r) => <span data-testid="seasons-company">{companyText(r)}</span>,
                    },
                    {
                      title: t('seasons.district'),
                      key: 'district',
                      width: 180,
                      render: (_: unknown, r) => <span data-testid="seasons-district">{districtText(r)}</span>,
                    },
                    {
                      title: t('seasons.dates'),
                      key: 'dates',
                      width: 250,
                      render: (_: unknown, r) => <DatesCell t={t} row={r} />,
                    },
                    dutyColumn('commissioning', t('seasons.duty.commissioning')),
                    dutyColumn('heating_start', t('seasons.duty.heating_start')),
                  ]}
                />
              )}
            </Card>
          </>
        )}
      </Flex>
      {announcing && data && (
        <AnnounceModal
          row={announcing.row}
          duty={announcing.duty}
          season={data.season}
          today={data.today}
          onClose={() => setAnnouncing(null)}
          onDone={() => {
            setAnnouncing(null);
            flags.reload();
          }}
        />
      )}
    </PageContainer>
  );
}

/** The season's dates: the commissioning, the official season, the district's decision (an early
 * start or extension, its document number as a tag), or a note that they are the policy's defaults. */
function DatesCell({ t, row }: { t: Translate; row: SeasonDutyRow }) {
  const decided = row.early_start || row.extension_end;
  return (
    <Flex vertical gap={2} data-testid="seasons-dates">
      <span>{t('seasons.commissioningDate', { day: row.commissioning_start })}</span>
      <span>{t('seasons.officialDates', { from: row.official_start, to: row.official_end })}</span>
      {decided && (
        <Flex gap={4} wrap="wrap">
          {row.early_start && <Tag color="blue">{t('seasons.earlyStart', { day: row.early_start })}</Tag>}
          {row.extension_end && <Tag color="blue">{t('seasons.extension', { day: row.extension_end })}</Tag>}
          {row.decision_ref && (
            <Tip title={t('seasons.decision')}>
              <Tag data-testid="seasons-decision">{row.decision_ref}</Tag>
            </Tip>
          )}
        </Flex>
      )}
      {row.dates_from === 'profile' && (
        <Typography.Text type="secondary" data-testid="seasons-profile">
          {t('seasons.profileDates')}
        </Typography.Text>
      )}
    </Flex>
  );
}

/** A duty: its tag (the status's words in a tooltip), the day announced, and the announcement
 * recorded (its day and channel, its reference) or the last day it was on time; the manager's
 * 登记公告 when it may record one. */
function DutyCell({ t, row, duty, announce }: { t: Translate; row: SeasonDutyRow; duty: SeasonDuty; announce?: () => void }) {
  const tag = dutyTag(duty);
  const a = duty.announcement;
  return (
    <Flex vertical gap={2} align="flex-start" data-testid={`seasons-duty-${duty.kind}`}>
      <Tip title={t(statusKey(duty.status))}>
        <Tag color={tag.color} data-testid="seasons-duty-tag" data-status={duty.status}>
          {t(tag.key, tag.vars)}
        </Tag>
      </Tip>
      <Typography.Text type="secondary">{t(duty.kind === 'commissioning' ? 'seasons.announcedDay.commissioning' : 'seasons.announcedDay.heating_start', { day: duty.announced_day })}</Typography.Text>
      {a ? (
        <>
          <span data-testid="seasons-published">{t('seasons.published', { day: a.published_on, channel: channelText(t, a.channel) })}</span>
          <Typography.Text type="secondary" ellipsis={{ tooltip: a.reference }} style={{ maxWidth: 230 }} data-testid="seasons-reference">
            {a.reference}
          </Typography.Text>
        </>
      ) : (
        <Typography.Text type="secondary">{t('seasons.deadline', { day: dayBefore(duty.announced_day) })}</Typography.Text>
      )}
      {announce && (
        <Button size="small" type="primary" ghost onClick={announce} data-testid="seasons-announce" aria-label={`${t('seasons.announce')} ${districtText(row)} ${t(duty.kind === 'commissioning' ? 'seasons.duty.commissioning' : 'seasons.duty.heating_start')}`}>
          {t('seasons.announce')}
        </Button>
      )}
    </Flex>
  );
}
