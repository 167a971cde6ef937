// The price notices of the tariffs a page lists, by tariff id: every page of GET
// /api/v1/price-notices for the company chosen (one notice at most per tariff, so few), asked again
// when the company changes or on reload(). A tariff without one is not announced yet; asking the
// list rather than each tariff's GET /notice spares a 404 per tariff not announced. put() shows a
// notice the POST answered with at once.
import { useCallback, useEffect, useState } from 'react';
import { fetchAll } from '../../api/pages';
import type { PriceNotice } from '../../api/types';
import { noticesByTariff } from './logic';

export interface PriceNotices {
  /** Undefined until the first answer. */
  byTariff: Map<number, PriceNotice> | undefined;
  error: unknown;
  reload: () => void;
  put: (notice: PriceNotice) => void;
}

export function usePriceNotices(company: string | undefined): PriceNotices {
  const [state, setState] = useState<{ byTariff?: Map<number, PriceNotice>; error?: unknown }>({});
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const abort = new AbortController();
    fetchAll<PriceNotice>('/api/v1/price-notices', { company }, abort.signal)
      .then(({ items }) => !abort.signal.aborted && setState({ byTariff: noticesByTariff(items) }))
      .catch((e) => !abort.signal.aborted && setState((s) => ({ byTariff: s.byTariff, error: e })));
    return () => abort.abort();
  }, [company, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  const put = useCallback((n: PriceNotice) => setState((s) => ({ ...s, byTariff: new Map(s.byTariff).set(n.tariff_id, n) })), []);
  return { byTariff: state.byTariff, error: state.error, reload, put };
}
