// A household's earlier contract terms (合同版本, R-ACCT-1; records contract_versions, read only:
// Hearth keeps the terms it replaces whenever the agreed temperature, the billing basis or the
// contract changes, and the new terms hold from the day after valid_until). Newest first: the
// last day each held, the agreed temperature (无约定 when none), the billing basis, and its
// contract terms on expanding the row. Shared by the staff's household page and 我的账户.
import { Alert, Card, Descriptions, Empty, Flex, Skeleton, Table, Typography } from 'antd';
import { useMemo, type HTMLAttributes } from 'react';
import type { Page } from '../../api/client';
import type { ContractVersion } from '../../api/types';
import { useApi } from '../../api/useApi';
import { formatDate, formatTemp } from '../../format';
import { useT, type Translate } from '../../i18n';
import { contractTerms } from '../account/parts';

/** The agreed temperature as shown ("20.0 °C"), 无约定 when none; a text not a number as sent. */
export function agreedTempText(t: Translate, value: ContractVersion['agreed_temp'] | string | undefined): string {
  if (value === null || value === undefined || value === '') return t('contractVersions.noAgreedTemp');
  const n = Number(value);
  return Number.isFinite(n) ? formatTemp(n) : String(value);
}

/** 按面积 / 按热计量; a basis the console does not know as sent. */
export function billingText(t: Translate, billing: string): string {
  return billing === 'area' || billing === 'meter' ? t(`billing.${billing}`) : billing;
}

/** The versions, the latest last day first (then the later kept). */
export function newestFirst(items: readonly ContractVersion[]): ContractVersion[] {
  return [...items].sort((a, b) => b.valid_until.localeCompare(a.valid_until) || b.id - a.id);
}

function Terms({ version }: { version: ContractVersion }) {
  const t = useT();
  const terms = contractTerms(t, version.contract);
  if (terms.length === 0) return <Typography.Text type="secondary">{t('bills.noContract')}</Typography.Text>;
  return (
    <Descriptions size="small" column={1} bordered data-testid="contract-version-terms">
      {terms.map((term) => (
        <Descriptions.Item key={term.key} label={term.label}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{term.text}</span>
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

export default function ContractVersions({ householdId }: { householdId: number }) {
  const t = useT();
  const versions = useApi<Page<ContractVersion>>('/api/v1/contract_versions', { household_id: householdId, limit: 100 });
  const items = useMemo(() => newestFirst(versions.data?.items ?? []), [versions.data]);
  return (
    <Card size="small" title={t('contractVersions.title')} data-testid="contract-versions">
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('contractVersions.explain')}</Typography.Text>
        {versions.loading && !versions.data ? (
          <Skeleton active />
        ) : versions.error ? (
          <Alert type="error" showIcon message={versions.error instanceof Error ? versions.error.message : String(versions.error)} />
        ) : items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('contractVersions.none')} />
        ) : (
          <Table<ContractVersion>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={items}
            expandable={{ expandedRowRender: (v) => <Terms version={v} /> }}
            onRow={() => ({ 'data-testid': 'contract-version' }) as HTMLAttributes<HTMLElement>}
            columns={[
              { title: t('contractVersions.validUntil'), dataIndex: 'valid_until', render: (d: string) => formatDate(d) },
              { title: t('contractVersions.agreedTemp'), dataIndex: 'agreed_temp', render: (v: ContractVersion['agreed_temp']) => agreedTempText(t, v) },
              { title: t('contractVersions.billing'), dataIndex: 'billing', render: (b: string) => billingText(t, b) },
            ]}
          />
        )}
      </Flex>
    </Card>
  );
}
