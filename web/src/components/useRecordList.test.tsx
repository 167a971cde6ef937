import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, useLocation } from 'react-router-dom';
import { api } from '../api/client';
import { useRecordList, type CursorFilters } from './useRecordList';

afterEach(() => vi.restoreAllMocks());

interface Thing {
  id: number;
}
interface ThingFilters extends CursorFilters {
  state: string;
}

const readFilters = (p: URLSearchParams): ThingFilters => ({
  state: p.get('state') ?? '',
  size: Number(p.get('size')) || 20,
  trail: (p.get('after') ?? '').split(',').filter(Boolean),
});
const writeFilters = (f: ThingFilters) => {
  const p = new URLSearchParams();
  if (f.state) p.set('state', f.state);
  if (f.size !== 20) p.set('size', String(f.size));
  if (f.trail.length) p.set('after', f.trail.join(','));
  return p;
};
const listQuery = (f: ThingFilters) => ({ state: f.state || undefined, limit: f.size, cursor: f.trail[f.trail.length - 1] });

let search = '';
function Where() {
  search = useLocation().search;
  return null;
}

function setup(url: string, options: { drawer?: boolean; asked?: (f: ThingFilters) => boolean } = {}) {
  // Each page answers its cursor's next: 40 → 30 → (the end).
  const get = vi.spyOn(api, 'get').mockImplementation(async (_path: string, query?: Record<string, unknown>) => {
    const cursor = query?.cursor as string | undefined;
    return cursor === '30' ? { items: [{ id: 3 }], next_cursor: null } : { items: [{ id: cursor === '40' ? 2 : 1 }], next_cursor: cursor === '40' ? 30 : 40 };
  });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <MemoryRouter initialEntries={[url]} future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
      {children}
      <Where />
    </MemoryRouter>
  );
  const hook = renderHook(() => useRecordList<Thing, ThingFilters>({
      path: '/api/v1/things',
      readFilters,
      writeFilters,
      listQuery: (f) => (options.asked?.(f) === false ? null : listQuery(f)),
      drawer: options.drawer,
    }), { wrapper });
  return { get, hook };
}

describe('useRecordList', () => {
  it('reads the filters and the cursor trail from the URL, and pages forward and back through it', async () => {
    const { get, hook } = setup('/things?state=open&after=40');
    await waitFor(() => expect(hook.result.current.table.dataSource).toEqual([{ id: 2 }]));
    expect(get).toHaveBeenCalledWith('/api/v1/things', { state: 'open', limit: 20, cursor: '40' }, expect.anything());
    expect(hook.result.current.pager).toMatchObject({ page: 2, hasNext: true, size: 20, loading: false });
    expect(hook.result.current.table).toMatchObject({ rowKey: 'id', loading: false, pagination: false });

    act(() => hook.result.current.pager.onNext());
    await waitFor(() => expect(hook.result.current.table.dataSource).toEqual([{ id: 3 }]));
    expect(search).toBe('?state=open&after=40%2C30');
    expect(hook.result.current.pager).toMatchObject({ page: 3, hasNext: false });

    act(() => hook.result.current.pager.onPrev());
    await waitFor(() => expect(hook.result.current.pager.page).toBe(2));
    expect(search).toBe('?state=open&after=40');
  });

  it('goes back to the first page when a filter or the page size changes', async () => {
    const { get, hook } = setup('/things?after=40,30');
    await waitFor(() => expect(hook.result.current.list.loading).toBe(false));
    act(() => hook.result.current.go({ state: 'closed' }));
    await waitFor(() => expect(search).toBe('?state=closed'));
    act(() => hook.result.current.pager.onSize(50));
    await waitFor(() => expect(search).toBe('?state=closed&size=50'));
    await waitFor(() => expect(get).toHaveBeenLastCalledWith('/api/v1/things', { state: 'closed', limit: 50, cursor: undefined }, expect.anything()));
  });

  it("opens a row's record, and a created one on the first page (asked again when already there)", async () => {
    const { get, hook } = setup('/things');
    await waitFor(() => expect(hook.result.current.list.loading).toBe(false));
    const row = hook.result.current.table.onRow!({ id: 1 });
    act(() => row.onClick!({} as never));
    expect(hook.result.current.open).toBe(1);
    // The keyboard: Enter on the row focused opens it; on a link inside it, not.
    expect(row.tabIndex).toBe(0);
    const two = hook.result.current.table.onRow!({ id: 2 });
    const tr = document.createElement('tr');
    const link = document.createElement('a');
    const press = (target: Element) => ({ key: 'Enter', target, currentTarget: tr, preventDefault: () => {} }) as never;
    act(() => two.onKeyDown!(press(link)));
    expect(hook.result.current.open).toBe(1);
    act(() => two.onKeyDown!(press(tr)));
    expect(hook.result.current.open).toBe(2);

    const calls = get.mock.calls.length;
    act(() => hook.result.current.created({ id: 9 }));
    expect(hook.result.current.open).toBe(9);
    await waitFor(() => expect(get.mock.calls.length).toBe(calls + 1));
    expect(search).toBe('');

    act(() => hook.result.current.pager.onNext());
    await waitFor(() => expect(search).toBe('?after=40'));
    act(() => hook.result.current.created({ id: 10 }));
    await waitFor(() => expect(search).toBe(''));
    expect(hook.result.current.open).toBe(10);
  });

  it("leaves a row's click alone for a list without a drawer, and asks nothing for filters it cannot ask", async () => {
    const { get, hook } = setup('/things?after=40', { drawer: false });
    await waitFor(() => expect(hook.result.current.table.dataSource).toEqual([{ id: 2 }]));
    expect(hook.result.current.table.onRow).toBeUndefined();
    expect(hook.result.current.pager).toMatchObject({ page: 2, hasNext: true });
    get.mockClear();

    const none = setup('/things?state=open', { asked: (f) => f.state !== 'open' });
    expect(none.hook.result.current.table).toMatchObject({ loading: false, dataSource: [] });
    expect(none.hook.result.current.pager).toMatchObject({ page: 1, hasNext: false, loading: false });
    expect(none.hook.result.current.filters.state).toBe('open');
    expect(none.get).not.toHaveBeenCalled();
  });

  it('keys and opens a record named otherwise than by id (an arrears by its fee_id)', async () => {
    vi.spyOn(api, 'get').mockResolvedValue({ items: [{ fee_id: 17 }], next_cursor: null });
    const wrapper = ({ children }: { children: ReactNode }) => (
      <MemoryRouter initialEntries={['/arrears']} future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
        {children}
      </MemoryRouter>
    );
    const hook = renderHook(
      () => useRecordList<{ fee_id: number }, ThingFilters>({ path: '/api/v1/arrears', readFilters, writeFilters, listQuery, idOf: (r) => r.fee_id }),
      { wrapper },
    );
    await waitFor(() => expect(hook.result.current.table.dataSource).toEqual([{ fee_id: 17 }]));
    const rowKey = hook.result.current.table.rowKey as (r: { fee_id: number }) => number;
    expect(rowKey({ fee_id: 17 })).toBe(17);
    act(() => hook.result.current.table.onRow!({ fee_id: 17 }).onClick!({} as never));
    expect(hook.result.current.open).toBe(17);
  });
});
