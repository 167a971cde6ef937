// 五项指标's filters above the page: the period (按月 with a month picker, or 按日期区间 with a
// run of whole days, at most 366, none after today), the district (every district by default;
// the list from /api/v1/districts, name and code) and, for the admin and the regulator, the
// company. The control a refused query names (a 400's field) is marked.
import { DatePicker, Segmented, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Page } from '../../api/client';
import type { Company, District } from '../../api/types';
import { useApi } from '../../api/useApi';
import { useT } from '../../i18n';
import { pickedDate } from '../findings/logic';
import { MAX_RANGE_DAYS, monthOf, pickedMonth, rangeDays, switchPeriod, type IndicatorFilters, type PeriodKind } from './logic';
import { CompanyFilter } from '../../components/companies';

export interface FilterBarProps {
  filters: IndicatorFilters;
  today: string;
  go: (changes: Partial<IndicatorFilters>) => void;
  /** The companies to choose from (admin, regulator); undefined: no company filter. */
  companies?: { list: Company[]; loading: boolean };
  /** The field a refused live query names (month, from, to, district, company). */
  refused?: string;
}

export default function FilterBar({ filters, today, go, companies, refused }: FilterBarProps) {
  const t = useT();
  const districts = useApi<Page<District>>('/api/v1/districts', { limit: 1000 });
  const status = (...fields: string[]) => (refused && fields.includes(refused) ? ('error' as const) : undefined);
  // A day after today, or one that would make the run longer than 366 days, cannot be picked.
  const outOfRange = (d: Dayjs, info?: { from?: Dayjs }) => {
    const day = pickedDate(d) ?? '';
    if (day > today) return true;
    const from = pickedDate(info?.from);
    return !!from && (day < from ? rangeDays(day, from) : rangeDays(from, day)) > MAX_RANGE_DAYS;
  };
  return (
    <>
      <Segmented
        aria-label={t('indicators.periodKind')}
        data-testid="indicators-period-kind"
        value={filters.period}
        onChange={(v) => go(switchPeriod(filters, v as PeriodKind, today))}
        options={[
          { value: 'month', label: t('indicators.byMonth') },
          { value: 'range', label: t('indicators.byRange') },
        ]}
      />
      {filters.period === 'month' ? (
        <DatePicker
          picker="month"
          format="YYYY-MM"
          allowClear={false}
          aria-label={t('indicators.month')}
          status={status('month')}
          value={dayjs(`${filters.month}-01`)}
          disabledDate={(d) => (pickedMonth(d) ?? '') > monthOf(today)}
          onChange={(d) => {
            const month = pickedMonth(d);
            if (month) go({ month });
          }}
        />
      ) : (
        <DatePicker.RangePicker
          aria-label={t('indicators.range')}
          data-testid="indicators-range"
          placeholder={[t('indicators.from'), t('indicators.to')]}
          format="YYYY-MM-DD"
          allowClear={false}
          status={status('from', 'to')}
          value={[dayjs(filters.from), dayjs(filters.to)]}
          disabledDate={outOfRange}
          onChange={(range) => {
            const from = pickedDate(range?.[0]);
            const to = pickedDate(range?.[1]);
            if (from && to) go({ from, to });
          }}
        />
      )}
      <Select
        aria-label={t('indicators.district')}
        data-testid="indicators-district"
        placeholder={t('indicators.allDistricts')}
        allowClear
        showSearch
        optionFilterProp="label"
        status={status('district')}
        value={filters.district || undefined}
        style={{ width: 200 }}
        loading={districts.loading}
        onChange={(district: string | undefined) => go({ district: district ?? '' })}
        options={(districts.data?.items ?? []).map((d) => ({ value: String(d.id), label: t('indicators.districtOption', { name: d.name, code: d.code }) }))}
      />
      {companies && (
        <CompanyFilter companies={companies} ariaLabel={t('indicators.company')} value={filters.company} onChange={(company: string) => go({ company })} allLabel={t('indicators.allCompanies')} status={status('company')} />
      )}
    </>
  );
}
