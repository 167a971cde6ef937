// A page's file exports (导出 CSV / 导出 Excel): which one is under way and why the last one
// failed. The file itself goes through api.download (the session's token, the server's name).
import { useCallback, useState } from 'react';
import { api, type Query } from './client';

export interface DownloadState<K extends string> {
  /** The export under way (e.g. its format), else null. */
  busy: K | null;
  /** What the last export threw (an ApiError for a refusal); null once another starts or clear(). */
  error: unknown;
  /** Downloads `path` with `query` as `key`; the returned promise never rejects. */
  start: (key: K, path: string, query: Query | undefined, fallbackName: string) => Promise<void>;
  clear: () => void;
}

export function useDownload<K extends string>(): DownloadState<K> {
  const [busy, setBusy] = useState<K | null>(null);
  const [error, setError] = useState<unknown>(null);
  const start = useCallback(async (key: K, path: string, query: Query | undefined, fallbackName: string) => {
    setBusy(key);
    setError(null);
    try {
      await api.download(path, query, fallbackName);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  }, []);
  const clear = useCallback(() => setError(null), []);
  return { busy, error, start, clear };
}
