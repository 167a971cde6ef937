// Fixtures and a render for the bill pages' tests (Bills.test.tsx, MyBills.test.tsx): four bills
// (one overpaid after it was settled again, and the same paid back) and a billing run as the
// server answers them (and its job, POST /api/v1/jobs), a signed-in role
// whose GETs answer them, and a page in the console's providers with the URL's search kept.
import { render } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { MemoryRouter, useLocation } from 'react-router-dom';
import { api, setToken } from '../../api/client';
import { AuthProvider, type Me, type Role } from '../../auth';
import { I18nProvider } from '../../i18n';
import type { Job } from '../../api/types';
import type { Bill, BillingRun } from './types';

export const AREA_REASON = '热计量表本采暖季无有效读数，按面积计费（R-METER-1）';

/** A household billed by area: ¥2,639.80, ¥1,000.00 paid, ¥1,639.80 still owed. */
export function areaBill(): Bill {
  return {
    id: 17,
    company_id: 1,
    household_id: 5,
    household_code: '1-2-301',
    season: 2026,
    due_on: '2026-11-15',
    basis: 'area',
    basis_reason: '',
    area: '98.50',
    lines: [{ code: 'area', text: '采暖费：98.50 m² × 26.80 元/m²', amount: '2639.80' }],
    total: '2639.80',
    unapplied_offset: '0.00',
    paid: '1000.00',
    paid_back: '0.00',
    outstanding: '1639.80',
    overpaid: '0.00',
    run_id: 3,
    issued_at: '2026-12-05T10:00:00+08:00',
    issued_by: 'demo-admin',
  };
}

/** A household billed by meter whose meter had no reading: billed by area, with a relief and last
 * season's refund offset; paid in full. */
export function areaInsteadOfMeter(): Bill {
  return {
    ...areaBill(),
    id: 16,
    household_id: 6,
    household_code: '1-2-302',
    basis_reason: AREA_REASON,
    lines: [
      { code: 'area', text: '采暖费：98.50 m² × 26.80 元/m²', amount: '2639.80' },
      { code: 'relief', text: '政府临时减免', amount: '-100.00' },
      { code: 'offset', text: '2025–2026 采暖季退费抵扣', amount: '-120.50' },
    ],
    total: '2419.30',
    paid: '2419.30',
    outstanding: '0.00',
  };
}

/** A household billed by meter (two-part tariff) whose refund was larger than the bill. */
export function meterBill(): Bill {
  return {
    ...areaBill(),
    id: 15,
    household_id: 7,
    household_code: '1-2-401',
    season: 2025,
    due_on: '2025-11-15',
    basis: 'meter',
    area: '80.00',
    lines: [
      { code: 'base', text: '基本热费：80.00 m² × 8.04 元/m²', amount: '643.20' },
      { code: 'heat', text: '计量热费：3.20 GJ × 50.00 元/GJ', amount: '160.00' },
      { code: 'offset', text: '2024–2025 采暖季退费抵扣', amount: '-803.20' },
    ],
    total: '0.00',
    unapplied_offset: '30.00',
    paid: '0.00',
    outstanding: '0.00',
    run_id: 2,
    issued_at: '2025-11-01T09:30:00+08:00',
  };
}

/** A household that paid its bill in full, then 减少面积 was approved after the bill was issued:
 * settled again at ¥1,445.06, it holds ¥1,194.74 overpaid (R-ACCT-1). */
export function overpaidBill(): Bill {
  return {
    ...areaBill(),
    id: 18,
    household_id: 8,
    household_code: '1-2-501',
    area: '53.92',
    lines: [{ code: 'area', text: '采暖费：53.92 m² × 26.80 元/m²', amount: '1445.06' }],
    total: '1445.06',
    paid: '2639.80',
    outstanding: '0.00',
    overpaid: '1194.74',
  };
}

/** The overpaid bill once its overpayment was paid back. */
export function paidBackBill(): Bill {
  return { ...overpaidBill(), paid_back: '1194.74', overpaid: '0.00' };
}

export function run(): BillingRun {
  return {
    id: 3,
    company_id: 1,
    season: 2026,
    finished: true,
    due_on: '2026-11-15',
    issued: 120,
    already_billed: 4,
    not_heated: 2,
    meter_by_area: 1,
    offsets: '350.00',
    total: '312000.00',
    run_by: 'demo-admin',
    run_at: '2026-12-05T10:00:00+08:00',
  };
}

/** A billing run's job (id 7): running as POST /api/v1/jobs answers it, unless `over` says. */
export function billingJob(over: Partial<Job> = {}): Job {
  return {
    id: 7,
    kind: 'billing-run',
    company_id: 1,
    params: {} as Job['params'],
    state: 'running',
    done: 0,
    total: 0,
    percent: 0,
    started_by: 'manager',
    started_at: '2026-12-05T10:00:00+08:00',
    updated_at: '2026-12-05T10:00:00+08:00',
    finished_at: null,
    result: null,
    error: null,
    ...over,
  };
}

/** The job as it ended well: its result the run. */
export function billingJobDone(answer: BillingRun = run()): Job {
  return billingJob({ state: 'succeeded', done: answer.issued, total: answer.issued, percent: 100, result: answer as unknown as Job['result'] });
}

/** `jobs`: what GET /api/v1/jobs/7 answers in turn (the last one again). */
export function signedIn(role: Role, bills: Bill[], runs: BillingRun[] = [run()], jobs: Job[] = []) {
  let polled = 0;
  const me: Me = { user_id: 9, username: role, role, company_id: role === 'regulator' || role === 'admin' ? null : 1, household_id: role === 'household' ? 5 : null };
  setToken('token');
  return vi.spyOn(api, 'get').mockImplementation(async (path: string) => {
    if (path === '/api/v1/auth/me') return me;
    if (path === '/api/v1/bills') return { items: bills, next_cursor: null };
    if (path === '/api/v1/billing-runs') return { items: runs, next_cursor: null };
    if (path === '/api/v1/jobs/7' && jobs.length > 0) return jobs[Math.min(polled++, jobs.length - 1)];
    const one = bills.find((b) => path === `/api/v1/bills/${b.id}`);
    if (one) return one;
    if (path === '/api/v1/companies') return { items: [{ id: 1, code: 'weihai-heat', name: '威海热电' }], next_cursor: null };
    throw new Error(`unexpected GET ${path}`);
  });
}

/** The URL's search as the page last left it. */
export const where = { search: '' };
function Where() {
  where.search = useLocation().search;
  return null;
}

export function renderPage(page: JSX.Element, url: string) {
  render(
    <I18nProvider locale="zh-CN">
      <AntApp>
        <AuthProvider>
          <MemoryRouter initialEntries={[url]} future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
            {page}
            <Where />
          </MemoryRouter>
        </AuthProvider>
      </AntApp>
    </I18nProvider>,
  );
}
