// A staff list page's records (报装申请, 保险理赔, 热计量表): the filters, page size and cursor
// trail read from the URL and written back to it, the page the API answers for them ({items,
// next_cursor}, useApi), the props of the table and of the pager (CursorPager), and the record
// whose drawer is open (a row's click opens it, or Enter on the row focused). A changed filter or
// page size goes back to the first page; a record the page has just created is opened and the
// first page shown again. A list without a drawer (drawer: false; its rows link or expand
// instead) leaves the rows' clicks alone; filters that cannot be asked (listQuery null, e.g. a
// period out of order) ask nothing. A record named otherwise than by `id` (an arrears' fee_id)
// gives its own idOf.
import type { TableProps } from 'antd';
import { useCallback, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { Page } from '../api/client';
import { useApi, type ApiState } from '../api/useApi';
import type { CursorPagerProps } from './CursorPager';
import type { CursorFilters } from './cursorFilters';

export type { CursorFilters } from './cursorFilters';

type Query = Record<string, string | number | boolean | undefined | null>;

export interface RecordListOptions<F extends CursorFilters, T = { id: number }> {
  /** The list's route (GET, cursor-paged). */
  path: string;
  /** The filters in the URL, and back (the page's logic.ts). */
  readFilters: (params: URLSearchParams) => F;
  writeFilters: (filters: F) => URLSearchParams;
  /** The GET's query for the filters (limit and cursor among it); null when they cannot be asked
   * (nothing is: the page says why). */
  listQuery: (filters: F) => Query | null;
  /** Whether a row's click opens its drawer (the default); false for a list without one. */
  drawer?: boolean;
  /** A record's id (the rows' key, the drawer's): its `id` unless said. */
  idOf?: (record: T) => number;
}

export interface RecordList<T, F extends CursorFilters> {
  filters: F;
  /** Changes filters in the URL; unless the trail is among them, back to the first page. */
  go: (changes: Partial<F>) => void;
  list: ApiState<Page<T>>;
  /** The Table's rowKey, loading, rows, no pagination (the pager's), and a row's click (none
   * without a drawer). */
  table: Pick<TableProps<T>, 'rowKey' | 'loading' | 'dataSource' | 'pagination' | 'onRow'>;
  pager: CursorPagerProps;
  /** The id of the record whose drawer is open. */
  open: number | undefined;
  setOpen: (id: number | undefined) => void;
  /** After the page created `record`: opens it, and shows the first page (where it is). */
  created: (record: { id: number }) => void;
}

const byId = (record: object) => (record as { id: number }).id;

export function useRecordList<T extends { id: number }, F extends CursorFilters>(options: RecordListOptions<F, T>): RecordList<T, F>;
export function useRecordList<T extends object, F extends CursorFilters>(options: RecordListOptions<F, T> & { idOf: (record: T) => number }): RecordList<T, F>;
export function useRecordList<T extends object, F extends CursorFilters>({ path, readFilters, writeFilters, listQuery, drawer = true, idOf }: RecordListOptions<F, T>): RecordList<T, F> {
  const keyOf = idOf ?? byId;
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const query = listQuery(filters);
  const list = useApi<Page<T>>(query ? path : null, query ?? undefined);
  const [open, setOpen] = useState<number>();

  const go = useCallback(
    (changes: Partial<F>) => {
      const next = { ...filters, ...changes };
      if (changes.trail === undefined) next.trail = [];
      setParams(writeFilters(next));
    },
    [filters, setParams, writeFilters],
  );

  const toPage = (trail: string[]) => go({ trail } as Partial<F>);
  const nextCursor = list.data?.next_cursor;
  return {
    filters,
    go,
    list,
    table: {
      rowKey: idOf ? (r) => idOf(r) : 'id',
      loading: list.loading,
      dataSource: list.data?.items ?? [],
      pagination: false,
      onRow: drawer
        ? (r) => ({
            onClick: () => setOpen(keyOf(r)),
            // The keyboard opens it too: the row is in the tab order and Enter or Space on it (not
            // on a link inside it) opens its drawer.
            tabIndex: 0,
            onKeyDown: (e) => {
              if (e.target !== e.currentTarget || (e.key !== 'Enter' && e.key !== ' ')) return;
              e.preventDefault();
              setOpen(keyOf(r));
            },
            style: { cursor: 'pointer' },
          })
        : undefined,
    },
    pager: {
      page: filters.trail.length + 1,
      hasNext: !!nextCursor,
      size: filters.size,
      loading: list.loading,
      onPrev: () => toPage(filters.trail.slice(0, -1)),
      onNext: () => {
        if (nextCursor) toPage([...filters.trail, String(nextCursor)]);
      },
      onSize: (size) => go({ size } as Partial<F>),
    },
    open,
    setOpen,
    created: (record) => {
      setOpen(record.id);
      if (filters.trail.length) toPage([]);
      else list.reload();
    },
  };
}
