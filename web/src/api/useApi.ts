// Loading one API resource into a page: the data, the error, and reload. A newer call cancels
// the older one's answer (AbortController), so a fast typist's search shows the last query's.
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, type Query } from './client';

export interface ApiState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/** GETs `path` (null: nothing yet) with `query`; again when either changes or on reload().
 * `anonymous`: a public route, asked without the session's token (api.getPublic). */
export function useApi<T>(path: string | null, query?: Query, { anonymous = false }: { anonymous?: boolean } = {}): ApiState<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState<boolean>(path !== null);
  const [tick, setTick] = useState(0);
  const key = path === null ? null : `${path}?${JSON.stringify(query ?? {})}`;
  const queryRef = useRef(query);
  queryRef.current = query;

  useEffect(() => {
    if (path === null) return;
    const abort = new AbortController();
    setLoading(true);
    setError(undefined);
    (anonymous ? api.getPublic : api.get)<T>(path, queryRef.current, abort.signal)
      .then((d) => {
        if (!abort.signal.aborted) setData(d);
      })
      .catch((e) => {
        if (!abort.signal.aborted) setError(e);
      })
      .finally(() => {
        if (!abort.signal.aborted) setLoading(false);
      });
    return () => abort.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, tick, anonymous]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, loading, reload };
}
