// Fixtures and a render for the heating-change pages' tests (HeatingChanges.test.tsx,
// MyHeatingChanges.test.tsx): three changes as the server answers them, a signed-in role whose
// GETs answer them, and a page in the console's providers with the URL's search kept.
import { render } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { MemoryRouter, useLocation } from 'react-router-dom';
import { api, setToken } from '../../api/client';
import type { HeatingChange } from '../../api/types';
import { AuthProvider, type Me, type Role } from '../../auth';
import { I18nProvider } from '../../i18n';

/** A stop the household applied for online: its identity and property proof still missing. */
export function stopReceived(): HeatingChange {
  return {
    id: 3,
    company_id: 1,
    household_id: 5,
    applicant: '李强',
    kind: 'stop',
    received_at: '2026-12-05T09:00:00+08:00',
    effective: '2026-12-10',
    heated: true,
    area_before: '85.55',
    area_after: '85.55',
    billing: 'area',
    documents: ['application-form'],
    missing: ['identity', 'property-proof'],
    note: null,
    state: 'received',
    decided_at: null,
    decided_by: null,
    reason: null,
    decision_note: null,
    settlement: null,
    arrears_fee_id: null,
    bill: null,
    actions: ['supply-documents', 'refuse'],
    created_by: 'li',
    created_at: '2026-12-05T09:00:00+08:00',
  };
}

/** An approved stop by area: ¥2,224.30 back to the household. */
export function stopApproved(): HeatingChange {
  return {
    ...stopReceived(),
    id: 2,
    applicant: '张敏',
    household_id: 6,
    documents: ['application-form', 'identity', 'property-proof'],
    missing: [],
    state: 'approved',
    decided_at: '2026-12-06T10:00:00+08:00',
    decided_by: 'manager',
    decision_note: '材料已核实',
    settlement: { amount: '-2224.30', area: '85.55', days: 121, season_days: 121, season: 2026, price: '26.00' },
    actions: [],
  };
}

/** An approved increase of a household billed by meter: settled by its meter. */
export function increaseByMeter(): HeatingChange {
  return {
    ...stopApproved(),
    id: 1,
    applicant: '赵刚',
    household_id: 7,
    kind: 'increase',
    area_after: '100.50',
    billing: 'meter',
    documents: ['application-form', 'identity', 'property-proof', 'area-survey'],
    settlement: null,
  };
}

export function signedIn(role: Role, items: HeatingChange[], extra: Record<string, unknown> = {}) {
  const me: Me = { user_id: 9, username: role, role, company_id: role === 'regulator' || role === 'admin' ? null : 1, household_id: role === 'household' ? 5 : null };
  setToken('token');
  return vi.spyOn(api, 'get').mockImplementation(async (path: string) => {
    if (path === '/api/v1/auth/me') return me;
    if (path === '/api/v1/heating-changes') return { items, next_cursor: null };
    const one = items.find((c) => path === `/api/v1/heating-changes/${c.id}`);
    if (one) return one;
    if (path in extra) return extra[path];
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
