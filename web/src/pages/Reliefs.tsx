// 营业收费 › 减免政策 (/reliefs; admin and manager write; agents, technicians and the regulator
// read): the temporary reliefs the governments published (R-BILL-1, W 9.3) as the company entered
// them, for the billing run (出账) to apply to the households they name: the name, the document's
// reference, whom it names, the reduction (a percentage or an amount per household) and the
// period. Whom it names, the company (admin, regulator), page size and cursor trail live in the
// URL; paged by cursor as the API pages. 新建 and a row's 编辑 open the form's drawer; 删除 asks first.
import { PlusOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { Alert, App, Button, Card, Flex, Popconfirm, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../api/client';
import type { Relief } from '../api/types';
import { useAuth } from '../auth';
import CursorPager from '../components/CursorPager';
import { PageError } from '../components/PageState';
import { useRecordList } from '../components/useRecordList';
import { formatDate } from '../format';
import { useT } from '../i18n';
import { crossCompany } from './insurance/logic';
import { canWriteReliefs, listQuery, readFilters, reductionText, writeFilters, type ReliefFilters } from './reliefs/logic';
import ReliefDrawer from './reliefs/ReliefDrawer';
import { APPLIES_TO, appliesToText } from './reliefs/reliefWords';
import { CompanyFilter, useCompanies } from '../components/companies';

export default function Reliefs() {
  const t = useT();
  const { me } = useAuth();
  const { message } = App.useApp();
  const cross = crossCompany(me?.role);
  const writer = canWriteReliefs(me?.role);
  const { filters, go, list, table, pager, created } = useRecordList<Relief, ReliefFilters>({
    path: '/api/v1/reliefs',
    readFilters,
    writeFilters,
    listQuery: (f) => listQuery(f, cross),
    drawer: false,
  });
  const companies = useCompanies(cross);
  // The drawer: 'new', or the relief being changed.
  const [editing, setEditing] = useState<Relief | 'new'>();
  const [deleting, setDeleting] = useState<number>();

  async function remove(r: Relief) {
    setDeleting(r.id);
    try {
      await api.del(`/api/v1/reliefs/${r.id}`);
      message.success(t('relief.deleted', { name: r.name }));
      list.reload();
    } catch (e) {
      message.error(t('relief.deleteFailed', { message: e instanceof ApiError ? e.message : String(e) }), 6);
    } finally {
      setDeleting(undefined);
    }
  }

  const columns: TableColumnsType<Relief> = [
    { title: t('relief.name'), dataIndex: 'name', width: 200, ellipsis: true },
    { title: t('relief.reference'), dataIndex: 'reference', width: 200, ellipsis: true },
    { title: t('relief.appliesToLabel'), dataIndex: 'applies_to', width: 110, render: (a: string) => <Tag color={a === 'all' ? 'blue' : 'purple'}>{appliesToText(t, a)}</Tag> },
    { title: t('relief.reduction'), key: 'reduction', width: 110, align: 'right', render: (_, r) => <span data-testid="relief-reduction">{reductionText(r)}</span> },
    { title: t('relief.period'), key: 'period', width: 210, render: (_, r) => t('relief.periodValue', { from: formatDate(r.valid_from), to: formatDate(r.valid_to) }) },
    ...(cross ? [{ title: t('relief.company'), dataIndex: 'company_id', width: 180, ellipsis: true, render: (id: number) => companies.nameOf(id) }] : []),
    ...(writer
      ? [
          {
            title: t('relief.actions'),
            key: 'actions',
            width: 130,
            fixed: 'right' as const,
            render: (_: unknown, r: Relief) => (
              <Space size={4}>
                <Button size="small" type="link" data-testid="relief-edit" onClick={() => setEditing(r)}>
                  {t('relief.edit')}
                </Button>
                <Popconfirm
                  title={t('relief.deleteConfirm', { name: r.name })}
                  description={t('relief.deleteHint')}
                  okText={t('relief.delete')}
                  okButtonProps={{ danger: true }}
                  cancelText={t('common.cancel')}
                  onConfirm={() => remove(r)}
                >
                  <Button size="small" type="link" danger loading={deleting === r.id} data-testid="relief-delete">
                    {t('relief.delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <PageContainer
      title={t('menu.reliefs')}
      extra={
        writer ? (
          <Button type="primary" icon={<PlusOutlined />} data-testid="relief-new" onClick={() => setEditing('new')}>
            {t('relief.new')}
          </Button>
        ) : undefined
      }
    >
      <Flex vertical gap={16}>
        <Alert type="info" showIcon data-testid="relief-rule" message={t('relief.rule')} />
        <Card size="small">
          <Flex gap={8} wrap="wrap" style={{ marginBottom: 12 }}>
            <Select
              aria-label={t('relief.appliesToLabel')}
              value={filters.appliesTo}
              style={{ width: 140 }}
              onChange={(appliesTo: string) => go({ appliesTo })}
              options={[{ value: '', label: t('relief.allAppliesTo') }, ...APPLIES_TO.map((a) => ({ value: a, label: appliesToText(t, a) }))]}
            />
            {cross && (
              <CompanyFilter companies={companies} ariaLabel={t('relief.company')} value={filters.company} onChange={(company: string) => go({ company })} allLabel={t('relief.allCompanies')} />
            )}
          </Flex>
          {list.error ? (
            <PageError error={list.error} onRetry={list.reload} />
          ) : (
            <>
              <Table<Relief> data-testid="relief-list" size="small" scroll={{ x: 1000 }} locale={{ emptyText: t('relief.none') }} {...table} columns={columns} />
              <CursorPager {...pager} />
            </>
          )}
        </Card>
      </Flex>
      {editing !== undefined && (
        <ReliefDrawer
          key={editing === 'new' ? 'new' : editing.id}
          relief={editing === 'new' ? undefined : editing}
          companies={me?.role === 'admin' ? companies.list : undefined}
          company={filters.company ? Number(filters.company) : undefined}
          ownCompany={me?.role === 'admin' ? undefined : me?.company_id}
          onClose={() => setEditing(undefined)}
          onDone={(r, isNew) => {
            setEditing(undefined);
            if (isNew) created(r);
            else list.reload();
          }}
        />
      )}
    </PageContainer>
  );
}
