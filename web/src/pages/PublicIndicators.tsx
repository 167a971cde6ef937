// 公开信息 · 供热服务质量指标公示 (/public/indicators, no sign-in; W 14.4.6, R-INFO-1): every
// company's five service indicators as it published them, month by month, which never change
// afterwards. A plain page for a phone: the month and the company (by code; no public route lists
// companies, so the codes seen are offered) in the URL, paged on the server (10/20/50). It asks
// GET /api/v1/public/indicators without the session's token (api.getPublic), so it never sends
// anyone to sign in.
import { TranslationOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Card, DatePicker, Empty, Flex, Skeleton, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { Page } from '../api/client';
import type { IndicatorPublication } from '../api/types';
import { useApi } from '../api/useApi';
import { pickerClear } from '../components/a11y';
import CursorPager from '../components/CursorPager';
import { PageError } from '../components/PageState';
import SearchInput from '../components/SearchInput';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { companyCodes, pickedMonth, publicQuery, readPublicFilters, writePublicFilters, type PublicFilters } from './indicators/logic';
import { IndicatorCards } from './indicators/parts';
import { companyLabel } from '../components/companies';

export default function PublicIndicators() {
  const { t, locale, setLocale } = useI18n();
  const [params, setParams] = useSearchParams();
  const filters = readPublicFilters(params);
  const list = useApi<Page<IndicatorPublication>>('/api/v1/public/indicators', publicQuery(filters), { anonymous: true });
  const items = useMemo(() => list.data?.items ?? [], [list.data]);
  // The codes seen on any page so far stay offered after filtering by one.
  const seen = useRef(new Map<string, string>());
  const [codes, setCodes] = useState<Array<{ code: string; name: string }>>([]);
  useEffect(() => {
    for (const c of companyCodes(items)) seen.current.set(c.code, c.name);
    setCodes(companyCodes([...seen.current].map(([company_code, company_name]) => ({ company_code, company_name }))));
  }, [items]);
  const [typed, setTyped] = useState(filters.company);
  useEffect(() => setTyped(filters.company), [filters.company]);

  const go = useCallback(
    (changes: Partial<PublicFilters>) => {
      const next = { ...filters, ...changes };
      if (changes.trail === undefined) next.trail = [];
      setParams(writePublicFilters(next));
    },
    [filters, setParams],
  );

  return (
    <div style={{ minHeight: '100vh', background: '#f5f5f5' }}>
      <main style={{ maxWidth: 1040, margin: '0 auto', padding: '16px 12px 32px' }} data-testid="public-indicators">
        <Flex justify="space-between" align="flex-start" gap={8}>
          <div>
            <Typography.Text type="secondary">{t('public.kicker')}</Typography.Text>
            <Typography.Title level={3} style={{ marginTop: 4 }}>
              {t('public.indicatorsTitle')}
            </Typography.Title>
          </div>
          <Button type="text" icon={<TranslationOutlined />} aria-label={t('app.language')} onClick={() => setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN')}>
            {t('app.language')}
          </Button>
        </Flex>
        <Typography.Paragraph type="secondary">{t('public.indicatorsHint')}</Typography.Paragraph>
        <Flex gap={8} wrap="wrap" style={{ marginBottom: 16 }}>
          <DatePicker
            picker="month"
            format="YYYY-MM"
            aria-label={t('public.month')}
            allowClear={pickerClear(t)}
            placeholder={t('public.allMonths')}
            style={{ flex: '1 1 160px', maxWidth: 240 }}
            value={filters.month ? dayjs(`${filters.month}-01`) : null}
            onChange={(d) => go({ month: pickedMonth(d) ?? '' })}
          />
          <AutoComplete
            value={typed}
            onChange={(v: string) => setTyped(v)}
            onSelect={(code: string) => go({ company: code })}
            options={codes.map((c) => ({ value: c.code, label: companyLabel(c) }))}
            filterOption={(input, option) => String(option?.label ?? '').toLowerCase().includes(input.trim().toLowerCase())}
            style={{ flex: '1 1 200px', maxWidth: 320 }}
          >
            <SearchInput
              allowClear
              aria-label={t('public.company')}
              placeholder={t('public.companyPlaceholder')}
              onSearch={(v) => go({ company: v.trim() })}
            />
          </AutoComplete>
        </Flex>
        {list.error ? (
          <PageError error={list.error} onRetry={list.reload} />
        ) : !list.data ? (
          <Skeleton active />
        ) : items.length === 0 ? (
          <Card>
            <Empty description={t('public.none')} />
          </Card>
        ) : (
          <Flex vertical gap={12}>
            {items.map((p) => (
              <Card
                key={p.id}
                size="small"
                data-testid="public-publication"
                title={<span style={{ whiteSpace: 'normal' }}>{t('public.card', { company: p.company_name, code: p.company_code, month: p.month })}</span>}
              >
                <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
                  {t('public.publishedAt', { at: formatDateTime(p.published_at) })}
                </Typography.Paragraph>
                <IndicatorCards indicators={p.indicators} showBasis />
              </Card>
            ))}
          </Flex>
        )}
        <CursorPager
          page={filters.trail.length + 1}
          hasNext={!!list.data?.next_cursor}
          size={filters.size}
          loading={list.loading}
          onPrev={() => go({ trail: filters.trail.slice(0, -1) })}
          onNext={() => list.data?.next_cursor && go({ trail: [...filters.trail, String(list.data.next_cursor)] })}
          onSize={(size) => go({ size })}
        />
        <Flex justify="center" style={{ marginTop: 24 }}>
          <Link to="/">{t('public.signIn')}</Link>
        </Flex>
      </main>
    </div>
  );
}
