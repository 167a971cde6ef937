// Finding the caller's household while on the phone: the agent types the caller's phone, the
// address or the household number, and picks one of the households GET
// /api/v1/households/search answers (2–100 characters; its code, address and phone as the API
// gives them, masked for roles that do not see phones in full). A form control: its value is the
// picked household's id. A newer query's answer replaces an older one's; an older one arriving
// late is dropped.
import { Select, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { api, type Page, errorText } from '../../api/client';
import type { Household } from '../../api/types';
import { useT, type Translate } from '../../i18n';

const DEBOUNCE_MS = 300;
const LIMIT = 10;

/** One line for a household: 户号 · 地址 · 电话. */
export function householdLine(t: Translate, h: Pick<Household, 'code' | 'address' | 'phone'>): string {
  return [h.code, h.address || t('common.none'), h.phone || t('common.none')].join(' · ');
}

export interface HouseholdPickerProps {
  id?: string;
  value?: number | null;
  onChange?: (id: number | null) => void;
  /** Called with the query when a household is picked (the form fills the caller's phone). */
  onPicked?: (household: Household, query: string) => void;
}

export default function HouseholdPicker({ id, value, onChange, onPicked }: HouseholdPickerProps) {
  const t = useT();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Household[]>([]);
  const [picked, setPicked] = useState<Household>();
  const [loading, setLoading] = useState(false);
  const [failure, setFailure] = useState<string>();
  const seq = useRef(0);

  useEffect(() => {
    const q = query.trim();
    const mine = ++seq.current;
    if (q.length < 2) {
      setFound([]);
      setLoading(false);
      setFailure(undefined);
      return;
    }
    setLoading(true);
    const timer = setTimeout(() => {
      api
        .get<Page<Household>>('/api/v1/households/search', { q: q.slice(0, 100), limit: LIMIT })
        .then((page) => {
          if (mine !== seq.current) return;
          setFound(page.items);
          setFailure(undefined);
        })
        .catch((e: unknown) => {
          if (mine !== seq.current) return;
          setFound([]);
          setFailure(errorText(e));
        })
        .finally(() => {
          if (mine === seq.current) setLoading(false);
        });
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query]);

  // The picked household stays an option while the agent searches again.
  const shown = picked && !found.some((h) => h.id === picked.id) ? [picked, ...found] : found;

  let empty: string;
  if (query.trim().length < 2) empty = t('newOrder.typeMore');
  else if (loading) empty = t('newOrder.searching');
  else if (failure) empty = t('newOrder.searchFailed', { message: failure });
  else empty = t('newOrder.noHousehold');

  return (
    <Select<number>
      id={id}
      showSearch
      allowClear
      virtual={false}
      filterOption={false}
      value={value ?? undefined}
      placeholder={t('newOrder.householdPlaceholder')}
      onSearch={setQuery}
      loading={loading}
      notFoundContent={<Typography.Text type={failure ? 'danger' : 'secondary'}>{empty}</Typography.Text>}
      options={shown.map((h) => ({ value: h.id, label: householdLine(t, h) }))}
      onChange={(v) => {
        const h = shown.find((x) => x.id === v);
        setPicked(h);
        onChange?.(v ?? null);
        if (h) onPicked?.(h, query);
      }}
      data-testid="household-picker"
      style={{ width: '100%' }}
    />
  );
}
