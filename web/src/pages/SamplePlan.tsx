// 采样方案 (/sampling; admin, manager, technician, regulator), in tabs (?tab=):
// 方案预览 (the default): the company's sampling plan for a seed (GET /api/v1/sample-plan): the
// households to sample by the heated area's band (R-SAMPLE-1), the quotas by network position,
// orientation and floor tier and what the selection achieves (R-SAMPLE-2), the quotas the
// households cannot meet and by how much (R-SAMPLE-3), and the households selected. The company
// (admin and regulator choose one; a company's staff plan their own) and the seed live in the URL;
// 生成方案 asks, 导出 CSV / 导出 Excel download the same plan. A 409 says which records keep the
// plan from being made.
// 已采用方案 (admin, manager, regulator; sampling/AdoptedTab.tsx): the season's adopted plan and
// how it is followed; the manager and the admin adopt the previewed plan and move its visits.
// 我的入户任务 (a technician; sampling/MyVisitsTab.tsx): the technician's own visits.
import { PageContainer } from '@ant-design/pro-components';
import { Alert, Button, Card, Empty, Flex, Form, Input, Select, Skeleton, Tabs } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { errorText } from '../api/client';
import type { SamplePlan as Plan } from '../api/types';
import { useApi } from '../api/useApi';
import { useDownload } from '../api/useDownload';
import { useAuth } from '../auth';
import { PageError } from '../components/PageState';
import { useT } from '../i18n';
import { readTab, tabsFor, writeTab, type SamplingTab } from './sampling/adopted';
import AdoptedTab from './sampling/AdoptedTab';
import { canPlan, crossCompany, fileName, normalSeed, planQuery, planRefusal, randomSeed, readFilters, SAMPLE_PLAN_PATH, seedError, writeFilters } from './sampling/logic';
import MyVisitsTab from './sampling/MyVisitsTab';
import { HouseholdsCard, PlanSummary, QuotaCard } from './sampling/parts';
import { type Companies, companyLabel, useCompanies } from '../components/companies';

const TAB_KEYS: Record<SamplingTab, 'sampling.tab.preview' | 'sampling.tab.adopted' | 'sampling.tab.mine'> = {
  preview: 'sampling.tab.preview',
  adopted: 'sampling.tab.adopted',
  mine: 'sampling.tab.mine',
};

export default function SamplePlan() {
  const t = useT();
  const { me } = useAuth();
  const cross = crossCompany(me?.role);
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const tab = readTab(params, me?.role);
  const tabs = tabsFor(me?.role);
  // The companies to choose from, for the admin and the regulator.
  const companies = useCompanies(cross);
  // A company chosen on a tab: the same in the URL for the others (the seed kept).
  const chooseCompany = (company: string) => {
    const next = new URLSearchParams(params);
    next.set('company', company);
    next.set('seed', normalSeed(filters.seed));
    setParams(next);
  };

  return (
    <PageContainer title={t('menu.sampling')}>
      {tabs.length > 1 ? (
        <Tabs
          data-testid="sampling-tabs"
          activeKey={tab}
          destroyOnHidden
          onChange={(key) => setParams(writeTab(params, key as SamplingTab))}
          items={tabs.map((key) => ({
            key,
            label: <span data-testid={`sampling-tab-${key}`}>{t(TAB_KEYS[key])}</span>,
            children:
              key === 'preview' ? (
                <PreviewTab cross={cross} companies={companies} />
              ) : key === 'adopted' ? (
                <AdoptedTab filters={filters} cross={cross} companies={companies.list} companiesLoading={companies.loading} onCompany={chooseCompany} />
              ) : (
                <MyVisitsTab />
              ),
          }))}
        />
      ) : (
        <PreviewTab cross={cross} companies={companies} />
      )}
    </PageContainer>
  );
}

function PreviewTab({ cross, companies }: { cross: boolean; companies: Companies }) {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const ready = canPlan(filters, cross);
  const plan = useApi<Plan>(ready ? SAMPLE_PLAN_PATH : null, planQuery(filters, cross));

  const [draft, setDraft] = useState(filters.seed);
  const [draftError, setDraftError] = useState<string | null>(null);
  const exports = useDownload<'csv' | 'xlsx'>();
  // The URL's seed (a shared link, going back) is the one the field shows.
  useEffect(() => {
    setDraft(filters.seed);
    setDraftError(null);
  }, [filters.seed]);

  const refusal = ready ? planRefusal(plan.error) : null;
  const seedHelp = draftError ?? (refusal?.field === 'seed' ? refusal.message : null);
  const data = ready && !plan.error ? plan.data : undefined;

  const go = (company: string, seed: string) => {
    const problem = seedError(seed);
    if (problem) {
      setDraftError(t(problem));
      return;
    }
    setDraftError(null);
    exports.clear();
    // The other tabs' parameters (the tab, the season, the points' filters) are kept.
    const next = new URLSearchParams(params);
    next.delete('company');
    next.delete('seed');
    writeFilters({ company, seed: normalSeed(seed) }).forEach((v, k) => next.set(k, v));
    if (next.toString() !== params.toString()) setParams(next);
    else if (ready) plan.reload();
  };

  const exportAs = (format: 'csv' | 'xlsx') => exports.start(format, SAMPLE_PLAN_PATH, planQuery(filters, cross, format), fileName(data, filters, format));
  const exportError = exports.error ? t('sampling.exportFailed', { message: errorText(exports.error) }) : null;

  return (
    <Flex vertical gap={16}>
      <Alert type="info" showIcon data-testid="sampling-rule" message={t('sampling.rule')} />
      <Card size="small">
        <Form layout="inline" onFinish={() => go(filters.company, draft)} style={{ rowGap: 8 }}>
          {cross && (
            <Form.Item
              label={t('sampling.company')}
              validateStatus={refusal?.field === 'company' ? 'error' : undefined}
              help={refusal?.field === 'company' ? refusal.message : undefined}
            >
              <Select
                aria-label={t('sampling.company')}
                data-testid="sampling-company"
                value={filters.company || undefined}
                placeholder={t('sampling.companyPlaceholder')}
                style={{ width: 240 }}
                showSearch
                optionFilterProp="label"
                loading={companies.loading}
                onChange={(c: string) => go(c, seedError(draft) ? filters.seed : draft)}
                options={companies.list.map((c) => ({ value: String(c.id), label: companyLabel(c) }))}
              />
            </Form.Item>
          )}
          <Form.Item label={t('sampling.seed')} validateStatus={seedHelp ? 'error' : undefined} help={seedHelp ?? undefined}>
            <Input
              aria-label={t('sampling.seed')}
              data-testid="sampling-seed"
              value={draft}
              inputMode="numeric"
              maxLength={24}
              placeholder={t('sampling.seedPlaceholder')}
              style={{ width: 230 }}
              onChange={(e) => {
                setDraft(e.target.value);
                setDraftError(null);
              }}
            />
          </Form.Item>
          <Form.Item>
            <Flex gap={8} wrap="wrap">
              <Button onClick={() => setDraft(randomSeed())} data-testid="sampling-random">
                {t('sampling.randomSeed')}
              </Button>
              <Button type="primary" htmlType="submit" data-testid="sampling-generate">
                {t('sampling.generate')}
              </Button>
              <Button disabled={!data} loading={exports.busy === 'csv'} onClick={() => void exportAs('csv')} data-testid="sampling-export-csv">
                {t('sampling.exportCsv')}
              </Button>
              <Button disabled={!data} loading={exports.busy === 'xlsx'} onClick={() => void exportAs('xlsx')} data-testid="sampling-export-xlsx">
                {t('sampling.exportXlsx')}
              </Button>
            </Flex>
          </Form.Item>
        </Form>
      </Card>
      {exportError && <Alert type="error" showIcon closable data-testid="sampling-export-error" message={exportError} onClose={exports.clear} />}
      {!ready ? (
        <Card size="small">
          <Empty data-testid="sampling-choose-company" description={t('sampling.chooseCompany')} />
        </Card>
      ) : refusal?.unplannable ? (
        <Alert type="error" showIcon data-testid="sampling-unplannable" message={t('sampling.unplannable')} description={refusal.message} />
      ) : refusal ? (
        refusal.field ? null : <Alert type="error" showIcon data-testid="sampling-refused" message={refusal.message} />
      ) : plan.error ? (
        <PageError error={plan.error} onRetry={plan.reload} />
      ) : !data ? (
        <Skeleton active />
      ) : (
        <>
          <PlanSummary plan={data} />
          <QuotaCard plan={data} loading={plan.loading} />
          <HouseholdsCard plan={data} loading={plan.loading} />
        </>
      )}
    </Flex>
  );
}
