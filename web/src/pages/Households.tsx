// 住户室温 (/households): find a household by its number, address or phone (server-side:
// /api/v1/households/search; without a query, the company's households in order). Pages of
// 10/20/50; the query, page and page size live in the URL, so a link shows the same list. Each
// household number links to its page. The admin, a manager and an agent import households from a
// CSV file (导入住户, households/ImportModal.tsx); the list is read again after an import.
import { ImportOutlined, ReloadOutlined } from '@ant-design/icons';
import { PageContainer, ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { Button, Tag } from 'antd';
import { useCallback, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api, type Page } from '../api/client';
import type { Household } from '../api/types';
import { hasRole, useAuth } from '../auth';
import { namedPager } from '../components/a11y';
import SearchInput from '../components/SearchInput';
import { useT, type MessageKey } from '../i18n';
import ImportModal from './households/ImportModal';
import { IMPORT_ROLES } from './households/importLogic';

const SIZES = [10, 20, 50];

function intParam(v: string | null, fallback: number, allowed?: number[]): number {
  const n = v && /^\d+$/.test(v) ? Number(v) : fallback;
  if (allowed && !allowed.includes(n)) return fallback;
  return n >= 1 ? n : fallback;
}

/** The query as the search route takes it: 2–100 characters, else the plain list. */
export function searchPath(q: string): { path: string; q?: string } {
  const text = q.trim();
  return text.length >= 2 ? { path: '/api/v1/households/search', q: text.slice(0, 100) } : { path: '/api/v1/households' };
}

export default function Households() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = intParam(params.get('page'), 1);
  const size = intParam(params.get('size'), 10, SIZES);
  // The cursor that starts each page, per query and page size: the API pages by cursor.
  const cursors = useRef(new Map<string, Array<string | undefined>>());
  const table = useRef<ActionType>();
  const { me } = useAuth();
  const [importing, setImporting] = useState(false);

  const update = useCallback(
    (next: { q?: string; page?: number; size?: number }) => {
      const p = new URLSearchParams(params);
      const set = (k: string, v: string | number | undefined, dflt: string | number) => {
        if (v === undefined || v === dflt || v === '') p.delete(k);
        else p.set(k, String(v));
      };
      set('q', next.q ?? q, '');
      set('page', next.page ?? page, 1);
      set('size', next.size ?? size, 10);
      setParams(p, { replace: false });
    },
    [params, q, page, size, setParams],
  );

  const columns: ProColumns<Household>[] = [
    {
      title: t('household.code'),
      dataIndex: 'code',
      width: 160,
      render: (_, h) => <Link to={`/households/${h.id}`}>{h.code}</Link>,
    },
    { title: t('household.address'), dataIndex: 'address', ellipsis: true },
    { title: t('household.phone'), dataIndex: 'phone', width: 140, render: (_, h) => h.phone ?? t('common.none') },
    { title: t('household.area'), dataIndex: 'area_m2', width: 110, align: 'right', render: (_, h) => h.area_m2.toFixed(2) },
    { title: t('household.floor'), dataIndex: 'floor', width: 70, align: 'right' },
    { title: t('household.billing'), dataIndex: 'billing', width: 100, render: (_, h) => t(`billing.${h.billing}` as MessageKey) },
    {
      title: t('household.heating'),
      dataIndex: 'heating_status',
      width: 100,
      render: (_, h) => <Tag color={h.heating_status === 'heated' ? 'green' : 'default'}>{t(`heating.${h.heating_status}` as MessageKey)}</Tag>,
    },
  ];

  return (
    <PageContainer
      title={t('households.title')}
      extra={
        hasRole(me, IMPORT_ROLES) && (
          <Button icon={<ImportOutlined />} data-testid="household-import-new" onClick={() => setImporting(true)}>
            {t('households.import')}
          </Button>
        )
      }
    >
      <ProTable<Household, { q: string; page: number; size: number }>
        rowKey="id"
        actionRef={table}
        columns={columns}
        search={false}
        // ProTable's own reload icon is a <div> the keyboard cannot reach: a button instead.
        options={false}
        toolBarRender={() => [<Button key="reload" type="text" icon={<ReloadOutlined />} aria-label={t('common.refresh')} title={t('common.refresh')} onClick={() => void table.current?.reload()} />]}
        params={{ q, page, size }}
        headerTitle={
          <SearchInput
            data-testid="household-search"
            aria-label={t('households.searchLabel')}
            placeholder={t('households.searchPlaceholder')}
            defaultValue={q}
            key={q}
            allowClear
            enterButton={t('common.search')}
            style={{ width: 'min(420px, 80vw)' }}
            onSearch={(v) => update({ q: v.trim(), page: 1 })}
          />
        }
        request={async (p) => {
          const { path, q: query } = searchPath(p.q ?? '');
          const key = `${path}|${query ?? ''}|${p.size}`;
          const starts = cursors.current.get(key) ?? [undefined];
          cursors.current.set(key, starts);
          // Walk forward to the page asked for (a shared link may start on page 3).
          let body: Page<Household> = { items: [] };
          let current = Math.min(p.page, starts.length);
          for (;;) {
            body = await api.get<Page<Household>>(path, { q: query, limit: p.size, cursor: starts[current - 1] });
            const next = body.next_cursor ? String(body.next_cursor) : undefined;
            if (next) starts[current] = next;
            if (current >= p.page || !next) break;
            current++;
          }
          if (current !== p.page) update({ page: current });
          const before = (current - 1) * p.size;
          return { data: body.items, success: true, total: before + body.items.length + (body.next_cursor ? 1 : 0) };
        }}
        pagination={namedPager(t, {
          current: page,
          pageSize: size,
          pageSizeOptions: SIZES,
          showSizeChanger: true,
          showQuickJumper: false,
          showTotal: () => t('households.pageN', { page }),
          onChange: (nextPage, nextSize) => update(nextSize !== size ? { size: nextSize, page: 1 } : { page: nextPage }),
        })}
        locale={{ emptyText: q ? t('households.noMatch', { q }) : t('households.none') }}
      />
      {importing && (
        <ImportModal
          onClose={(changed) => {
            setImporting(false);
            if (changed) {
              // Households were created: the pages' cursors are read again from the first.
              cursors.current.clear();
              void table.current?.reload();
            }
          }}
        />
      )}
    </PageContainer>
  );
}
