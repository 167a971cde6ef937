// Loading a cursor-paged list ({items, next_cursor}) a page at a time, newest first, "load more"
// appending the next page (the household's own lists: findings, claims, applications, disputes).
// An answer to an older load (another query, a reload meanwhile) is dropped. setItems puts a
// record a POST answered with in the list without asking the server again.
import { useCallback, useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import { api, type Page } from './client';

type Query = Record<string, string | number | boolean | undefined | null>;

export interface LoadMoreState<T> {
  items: T[];
  /** Whether the first page has come (or failed). */
  loaded: boolean;
  loading: boolean;
  error: unknown;
  hasMore: boolean;
  loadMore: () => void;
  reload: () => void;
  setItems: Dispatch<SetStateAction<T[]>>;
}

/** GETs `path` with `query` plus `limit` and the cursor; again from the start when either
 * changes or on reload(). */
export function useLoadMore<T>(path: string, query: Query = {}, limit = 20): LoadMoreState<T> {
  const [items, setItems] = useState<T[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>();
  const seq = useRef(0);
  const key = JSON.stringify(query);
  const queryRef = useRef(query);
  queryRef.current = query;

  const load = useCallback(
    async (cursor?: string) => {
      const mine = cursor ? seq.current : ++seq.current;
      setLoading(true);
      setError(undefined);
      try {
        const page = await api.get<Page<T>>(path, { ...queryRef.current, limit, cursor });
        if (mine !== seq.current) return;
        setItems((old) => (cursor ? [...old, ...page.items] : page.items));
        setNext(page.next_cursor ? String(page.next_cursor) : null);
      } catch (e) {
        if (mine === seq.current) setError(e);
      } finally {
        if (mine === seq.current) {
          setLoading(false);
          setLoaded(true);
        }
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [path, key, limit],
  );

  useEffect(() => {
    void load();
  }, [load]);

  const loadMore = useCallback(() => {
    if (next) void load(next);
  }, [load, next]);
  const reload = useCallback(() => void load(), [load]);
  return { items, loaded, loading, error, hasMore: next !== null, loadMore, reload, setItems };
}
