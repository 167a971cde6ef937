// The records a list names by id (a refund's household, a sensor's room): each fetched once per
// page instance (GET /api/v1/<resource>/{id}, a few at a time) and kept while the page lives, so
// paging back and forth asks only for ids not seen yet. An id the caller may not read (404) maps
// to null.
import { useEffect, useRef, useState } from 'react';
import { api, ApiError } from './client';
import { mapLimited } from './pages';

export function useRecords<T>(resource: string, ids: readonly number[]): Map<number, T | null> {
  const cache = useRef(new Map<number, T | null>());
  const [, setVersion] = useState(0);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const key = [...new Set(ids)].sort((a, b) => a - b).join(',');

  useEffect(() => {
    const missing = key ? key.split(',').map(Number).filter((id) => !cache.current.has(id)) : [];
    if (missing.length === 0) return;
    mapLimited(missing, 4, async (id) => {
      try {
        const rec = await api.get<T>(`/api/v1/${resource}/${id}`);
        cache.current.set(id, rec);
      } catch (e) {
        if (e instanceof ApiError && (e.status === 404 || e.status === 403)) cache.current.set(id, null);
      }
    }).then(() => {
      if (mounted.current) setVersion((v) => v + 1);
    });
  }, [resource, key]);

  return cache.current;
}
