// The companies a cross-company role (the admin, the regulator) filters by, picks from or reads
// names by: GET /api/v1/companies (one page of up to 1,000), each shown as "code name"
// (e.g. "ZB01 淄博热力"), and the filter bar's Select with 全部企业 first.
import { Select } from 'antd';
import { useMemo } from 'react';
import type { Page } from '../api/client';
import type { Company } from '../api/types';
import { useApi } from '../api/useApi';

/** A company as the console names it: its code, then its name. */
export function companyLabel(c: Pick<Company, 'code' | 'name'>): string {
  return `${c.code} ${c.name}`;
}

export interface Companies {
  list: Company[];
  loading: boolean;
  /** The list has come (it may be empty). */
  loaded: boolean;
  /** The GET's failure, else undefined. */
  error: unknown;
  /** companyLabel of the company with this id; `#id` for one not (yet) loaded. */
  nameOf: (id: number) => string;
}

/** Every company, asked only when `enabled` (a company's own staff see their own company only). */
export function useCompanies(enabled: boolean): Companies {
  const state = useApi<Page<Company>>(enabled ? '/api/v1/companies' : null, { limit: 1000 });
  const list = useMemo(() => state.data?.items ?? [], [state.data]);
  const nameOf = useMemo(() => {
    const names = new Map(list.map((c) => [c.id, companyLabel(c)]));
    return (id: number) => names.get(id) ?? `#${id}`;
  }, [list]);
  return { list, loading: state.loading, loaded: state.data !== undefined, error: state.error, nameOf };
}

/** A form's options: the company's id (a number) as the value. */
export function companyOptions(list: readonly Company[]): { value: number; label: string }[] {
  return list.map((c) => ({ value: c.id, label: companyLabel(c) }));
}

export interface CompanyFilterProps {
  companies: Pick<Companies, 'list' | 'loading'>;
  /** The URL's ?company=: a company's id as text, '' for all. */
  value: string;
  onChange: (company: string) => void;
  /** The first option's words (全部企业), for ''. */
  allLabel: string;
  ariaLabel: string;
  status?: 'error';
}

/** A list page's company filter. */
export function CompanyFilter({ companies, value, onChange, allLabel, ariaLabel, status }: CompanyFilterProps) {
  return (
    <Select
      aria-label={ariaLabel}
      status={status}
      value={value}
      style={{ width: 220 }}
      loading={companies.loading}
      onChange={onChange}
      options={[{ value: '', label: allLabel }, ...companies.list.map((c) => ({ value: String(c.id), label: companyLabel(c) }))]}
    />
  );
}
