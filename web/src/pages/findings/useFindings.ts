// Loading a household's findings (GET /api/v1/findings?household=, newest first) a page at a
// time, "load more" appending the next; a finding a POST answers with (recorded, or acted on)
// is put in place without asking the server again. An answer to an older load (another
// household, a reload meanwhile) is dropped.
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, type Page } from '../../api/client';
import type { Finding } from '../../api/types';
import { upsertFinding } from './logic';

const PAGE = 20;

export interface FindingsState {
  items: Finding[];
  /** Whether the first page has come (or failed). */
  loaded: boolean;
  loading: boolean;
  error: unknown;
  hasMore: boolean;
  loadMore: () => void;
  reload: () => void;
  /** Puts a finding the server answered with in the list (in place, or first). */
  put: (finding: Finding) => void;
}

export function useFindings(householdId: number): FindingsState {
  const [items, setItems] = useState<Finding[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>();
  const seq = useRef(0);

  const load = useCallback(
    async (cursor?: string) => {
      const mine = cursor ? seq.current : ++seq.current;
      setLoading(true);
      setError(undefined);
      try {
        const page = await api.get<Page<Finding>>('/api/v1/findings', { household: householdId, limit: PAGE, cursor });
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
    [householdId],
  );

  useEffect(() => {
    void load();
  }, [load]);

  const loadMore = useCallback(() => {
    if (next) void load(next);
  }, [load, next]);
  const reload = useCallback(() => void load(), [load]);
  const put = useCallback((f: Finding) => setItems((old) => upsertFinding(old, f)), []);
  return { items, loaded, loading, error, hasMore: next !== null, loadMore, reload, put };
}
