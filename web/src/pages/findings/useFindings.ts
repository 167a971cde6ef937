// Loading a household's findings (GET /api/v1/findings?household=, newest first) a page at a
// time, "load more" appending the next (useLoadMore); a finding a POST answers with (recorded,
// or acted on) is put in place without asking the server again. An answer to an older load
// (another household, a reload meanwhile) is dropped.
import { useCallback } from 'react';
import type { Finding } from '../../api/types';
import { useLoadMore } from '../../api/useLoadMore';
import { upsertFinding } from './logic';

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
  const { items, loaded, loading, error, hasMore, loadMore, reload, setItems } = useLoadMore<Finding>('/api/v1/findings', { household: householdId });
  const put = useCallback((f: Finding) => setItems((old) => upsertFinding(old, f)), [setItems]);
  return { items, loaded, loading, error, hasMore, loadMore, reload, put };
}
