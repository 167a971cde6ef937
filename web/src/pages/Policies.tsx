// 政策参数 (/settings/policies): the policy profiles in force, each number with the clause it
// cites, and platform defaults marked as such (GET /api/v1/policies/{name}: the profile file as
// loaded at the server's start). Read-only: a profile changes by a new file and a restart.
import { PageContainer } from '@ant-design/pro-components';
import { Card, Descriptions, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useApi } from '../api/useApi';
import { namedPager } from '../components/a11y';
import { PageError, PageLoading } from '../components/PageState';
import { useT, type MessageKey, type Translate } from '../i18n';
import type { Policy, PolicyList } from '../api/types';
import { flattenProfile, profileHeader, type PolicyRow } from './policies/flatten';

const UNITS: Record<string, MessageKey> = {
  'working-days': 'policy.unit.workingDays',
  'calendar-days': 'policy.unit.calendarDays',
  hours: 'policy.unit.hours',
  minutes: 'policy.unit.minutes',
};

function valueText(t: Translate, [key, value]: [string, string]): string {
  const unit = UNITS[key];
  return unit ? t(unit, { n: value }) : `${key} = ${value}`;
}

export default function Policies() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const list = useApi<PolicyList>('/api/v1/policies');
  const names = list.data?.policies.map((p) => p.name) ?? [];
  const chosen = names.includes(params.get('profile') ?? '') ? params.get('profile')! : names[0];
  const detail = useApi<Policy>(chosen ? `/api/v1/policies/${encodeURIComponent(chosen)}` : null);
  const rows = useMemo(() => (detail.data ? flattenProfile(detail.data.profile) : []), [detail.data]);
  const header = detail.data ? profileHeader(detail.data.profile) : {};

  if (list.error) return <PageError error={list.error} onRetry={list.reload} />;
  if (!list.data) return <PageLoading />;
  return (
    <PageContainer title={t('menu.policies')} content={t('policy.intro')}>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Segmented
          aria-label={t('policy.choose')}
          value={chosen}
          options={list.data.policies.map((p) => ({ value: p.name, label: p.city || p.name }))}
          onChange={(v) => setParams({ profile: String(v) })}
        />
        {detail.error ? (
          <PageError error={detail.error} onRetry={detail.reload} />
        ) : !detail.data ? (
          <PageLoading />
        ) : (
          <Card data-testid="policy-profile">
            <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }}>
              <Descriptions.Item label={t('policy.name')}>{header.name}</Descriptions.Item>
              <Descriptions.Item label={t('policy.city')}>{header.city}</Descriptions.Item>
              <Descriptions.Item label={t('policy.id')}>{header.id}</Descriptions.Item>
            </Descriptions>
            <Table<PolicyRow>
              size="small"
              rowKey="key"
              dataSource={rows}
              pagination={namedPager(t, { defaultPageSize: 50, pageSizeOptions: [10, 20, 50], showSizeChanger: true })}
              scroll={{ x: 900 }}
              columns={[
                { title: t('policy.key'), dataIndex: 'key', width: 280, render: (k: string) => <Typography.Text code>{k}</Typography.Text> },
                {
                  title: t('policy.value'),
                  dataIndex: 'values',
                  render: (values: PolicyRow['values']) => values.map((v) => valueText(t, v)).join('；'),
                },
                {
                  title: t('policy.basis'),
                  dataIndex: 'source',
                  width: 220,
                  render: (source: string, row) => (
                    <Space size={4} wrap>
                      <Tag color="blue">{source}</Tag>
                      {row.platformDefault && <Tag color="orange">{t('policy.platformDefault')}</Tag>}
                    </Space>
                  ),
                },
                { title: t('policy.note'), dataIndex: 'note', render: (n?: string) => n ?? '' },
              ]}
            />
          </Card>
        )}
      </Space>
    </PageContainer>
  );
}
