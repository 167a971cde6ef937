import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, useLocation } from 'react-router-dom';
import { api } from '../api/client';
import type { Outage } from '../api/types';
import type { Role } from '../auth';
import { I18nProvider } from '../i18n';
import Outages from './Outages';

vi.setConfig({ testTimeout: 30000 });

const who: { role: Role } = { role: 'manager' };
vi.mock('../auth', () => ({ useAuth: () => ({ me: { user_id: 1, username: 'u', role: who.role, company_id: who.role === 'regulator' ? null : 3, household_id: null } }) }));

afterEach(() => vi.restoreAllMocks());

const outage = (id: number, cause: string): Outage => ({
  id,
  company_id: 3,
  kind: 'planned',
  company_caused: true,
  cause,
  scope: { heat_sources: [], network_sections: [], substations: [], buildings: [] },
  start: '2026-11-20T08:00:00+08:00',
  expected_end: '2026-11-20T18:00:00+08:00',
  actual_end: null,
  road_sections: '',
  affected_households: 120,
  affected_area_m2: 9600,
  notice_due: null,
  notice_late: false,
  overrun: false,
  obligations: [],
  notice_count: 0,
  created_by: 'u',
  created_at: '2026-11-19T08:00:00+08:00',
});

let search = '';
function Where() {
  search = useLocation().search;
  return null;
}

function renderPage(url: string) {
  render(
    <MemoryRouter initialEntries={[url]} future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
      <I18nProvider locale="zh-CN">
        <Outages />
        <Where />
      </I18nProvider>
    </MemoryRouter>,
  );
}

describe('Outages', () => {
  it("lists the stops a page at a time with the URL's page size and cursor trail, rows linking to their page", async () => {
    who.role = 'manager';
    const get = vi.spyOn(api, 'get').mockImplementation(async (path: string, query?: Record<string, unknown>) => {
      if (path !== '/api/v1/outages') throw new Error(`unexpected ${path}`);
      return query?.cursor === '40' ? { items: [outage(39, '管网抢修')], next_cursor: 30 } : { items: [outage(41, '换热站检修')], next_cursor: null };
    });
    renderPage('/outages?size=10&after=40');
    const table = await screen.findByTestId('outage-list', undefined, { timeout: 8000 });
    await waitFor(() => expect(within(table).getByText('管网抢修')).toBeTruthy());
    expect(get).toHaveBeenCalledWith('/api/v1/outages', { company: undefined, limit: 10, cursor: '40' }, expect.anything());
    expect(within(table).getByRole('link', { name: '39' }).getAttribute('href')).toBe('/outages/39');
    expect(screen.getByText('第 2 页')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: '下一页' }));
    await waitFor(() => expect(search).toBe('?size=10&after=40%2C30'));
    await waitFor(() => expect(get).toHaveBeenLastCalledWith('/api/v1/outages', { company: undefined, limit: 10, cursor: '30' }, expect.anything()));

    fireEvent.click(screen.getByRole('button', { name: '上一页' }));
    await waitFor(() => expect(search).toBe('?size=10&after=40'));
    await waitFor(() => expect((screen.getByRole('button', { name: '上一页' }) as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByRole('button', { name: '上一页' }));
    await waitFor(() => expect(search).toBe('?size=10'));
    await waitFor(() => expect(within(screen.getByTestId('outage-list')).getByText('换热站检修')).toBeTruthy());
    expect(screen.getByText('第 1 页')).toBeTruthy();
    expect((screen.getByRole('button', { name: '上一页' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
