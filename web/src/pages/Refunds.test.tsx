import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { MemoryRouter, useLocation } from 'react-router-dom';
import { api } from '../api/client';
import type { RefundEntry } from '../api/types';
import { I18nProvider } from '../i18n';
import Refunds from './Refunds';

vi.setConfig({ testTimeout: 30000 });

vi.mock('../auth', () => ({ useAuth: () => ({ me: { user_id: 1, username: 'u', role: 'manager', company_id: 3, household_id: null } }) }));

afterEach(() => vi.restoreAllMocks());

const entry = (id: number, household: number): RefundEntry => ({
  id,
  household_id: household,
  company_id: 3,
  season: 2025,
  status: 'draft',
  fee_fen: 250000,
  refund_fen: 12500,
  refund_yuan: 125,
  official_days: 120,
  payment_deadline: '2026-06-30',
  overdue: false,
  covered_to: '2026-03-15',
  season_end: '2026-03-15',
  choice: null,
  days: [],
  computed_at: '2026-03-16T08:00:00+08:00',
  updated_by: 'u',
  updated_at: '2026-03-16T08:00:00+08:00',
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
        <App>
          <Refunds />
        </App>
        <Where />
      </I18nProvider>
    </MemoryRouter>,
  );
}

describe('Refunds', () => {
  it("lists the season's ledger with the URL's filters, pages by cursor, and a new filter goes back to the first page", async () => {
    const get = vi.spyOn(api, 'get').mockImplementation(async (path: string, query?: Record<string, unknown>) => {
      if (path.startsWith('/api/v1/households/')) return { id: Number(path.split('/').pop()), code: `HH-${path.split('/').pop()}` };
      if (path !== '/api/v1/refunds') throw new Error(`unexpected ${path}`);
      return query?.cursor === '40' ? { items: [entry(39, 7)], next_cursor: null } : { items: [entry(41, 5)], next_cursor: 40 };
    });
    renderPage('/refunds?season=2025&status=draft&size=20');
    const table = await screen.findByTestId('refund-table', undefined, { timeout: 8000 });
    await waitFor(() => expect(within(table).getByRole('link', { name: 'HH-5' })).toBeTruthy());
    expect(get).toHaveBeenCalledWith('/api/v1/refunds', { season: 2025, status: 'draft', household_id: undefined, overdue: undefined, limit: 20, cursor: undefined }, expect.anything());

    fireEvent.click(screen.getByRole('button', { name: '下一页' }));
    await waitFor(() => expect(search).toContain('after=40'));
    expect(search).toContain('size=20');
    await waitFor(() => expect(within(screen.getByTestId('refund-table')).getByRole('link', { name: 'HH-7' })).toBeTruthy());
    expect(get).toHaveBeenCalledWith('/api/v1/refunds', { season: 2025, status: 'draft', household_id: undefined, overdue: undefined, limit: 20, cursor: '40' }, expect.anything());
    expect(screen.getByText('第 2 页')).toBeTruthy();

    fireEvent.click(screen.getByRole('checkbox'));
    await waitFor(() => expect(search).toContain('overdue=true'));
    expect(search).not.toContain('after=');
    await waitFor(() =>
      expect(get).toHaveBeenCalledWith('/api/v1/refunds', { season: 2025, status: 'draft', household_id: undefined, overdue: 'true', limit: 20, cursor: undefined }, expect.anything()),
    );
    expect(screen.getByText('第 1 页')).toBeTruthy();
  });
});
