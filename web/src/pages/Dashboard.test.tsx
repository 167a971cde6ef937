import { render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import type { Alert } from '../api/types';
import type { Role } from '../auth';
import { I18nProvider } from '../i18n';
import Dashboard from './Dashboard';

vi.setConfig({ testTimeout: 30000 });

const who: { role: Role } = { role: 'manager' };
vi.mock('../auth', () => ({ useAuth: () => ({ me: { user_id: 1, username: 'u', role: who.role, company_id: who.role === 'admin' ? null : 1, household_id: null } }) }));
// jsdom has no canvas (and the network is empty here).
vi.mock('../components/NetworkTreemap', () => ({ default: () => <div data-testid="treemap" /> }));

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const none = { household_id: null, household: null, sensor_id: null, sensor: null };
/** A household's unqualified day, a silent sensor, then the company's two energy alerts (no household). */
const ALERTS: Alert[] = [
  { kind: 'unqualified', company_id: 1, household_id: 7, household: 'WH-1', sensor_id: null, sensor: null, details: { message: 'unqualified', date: '2026-12-03', value: 16.2, guarantee: 18, share_percent: 100 } },
  { kind: 'silent', company_id: 1, household_id: 7, household: 'WH-1', sensor_id: 3, sensor: 'T1', details: { message: 'silent', last_reading: null } },
  { kind: 'energy-report-missing', company_id: 1, ...none, details: { message: 'missing', date: '2026-12-03', missing_days: 2, threshold_days: 30, basis: 'W 6.2.1' } },
  {
    kind: 'energy-reserve-low',
    company_id: 1,
    ...none,
    details: { message: 'low', date: '2026-12-03', missing_days: 2, threshold_days: 30, basis: 'W 6.2.1', fuel: 'gas', since: '2026-12-01', min_reserve_days: 12.5 },
  },
];

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/** The alerts above, the caller's company, and empty lists for the rest (no indicators report). */
function mockFetch() {
  const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(String(input), 'http://console.test');
    if (url.pathname === '/api/v1/alerts') return json({ items: ALERTS, next_cursor: null });
    if (url.pathname === '/api/v1/companies') return json({ items: [{ id: 1, code: 'weihai-heat', name: '威海热电' }], next_cursor: null });
    if (url.pathname === '/api/v1/calendar') return json({ years: [2026], missing_years: [] });
    if (url.pathname === '/api/v1/alerts/unqualified') return json({ items: [], next_cursor: null, from: '2026-11-27', to: '2026-12-03' });
    if (url.pathname === '/api/v1/reports/indicators') return json({ error: { code: 'not_found', message: 'no report' } }, 404);
    return json({ items: [], next_cursor: null });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function renderPage() {
  render(
    <MemoryRouter initialEntries={['/dashboard']} future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
      <I18nProvider locale="zh-CN">
        <Dashboard />
      </I18nProvider>
    </MemoryRouter>,
  );
}

describe('Dashboard', () => {
  it("shows the manager the company's energy alerts beside the households' and sensors'", async () => {
    who.role = 'manager';
    mockFetch();
    renderPage();
    const card = await screen.findByTestId('energy-alerts', undefined, { timeout: 8000 });
    await waitFor(() => expect(card.querySelectorAll('tr[data-row-key]')).toHaveLength(2));
    const rows = Array.from(card.querySelectorAll<HTMLElement>('tr[data-row-key]'));
    expect(rows.map((r) => within(r).getByTestId('energy-alert-kind').textContent)).toEqual(['储备不足', '缺报']);
    expect(within(rows[0]).getByTestId('energy-alert-details').textContent).toBe('天然气最低 12.5 天低于 30 天自 2026-12-01 起');
    await waitFor(() => expect(within(rows[0]).getByTestId('energy-alert-company').textContent).toBe('weihai-heat 威海热电'));
    expect(within(rows[0]).getByTestId('energy-alert-company').getAttribute('href')).toBe('/energy?company=1&fuel=gas');
    expect(within(rows[1]).getByTestId('energy-alert-company').getAttribute('href')).toBe('/energy?company=1');
    // The other tables keep to their kinds: one unqualified household, one silent sensor.
    const page = screen.getByTestId('dashboard');
    expect(within(page).getAllByRole('link', { name: 'WH-1' }).map((a) => a.getAttribute('href'))).toEqual(['/households/7', '/households/7']);
    expect(page.textContent).toContain('从未上报');
  });

  it('shows the technician the card: it files the dispatch reports', async () => {
    who.role = 'technician';
    mockFetch();
    renderPage();
    const card = await screen.findByTestId('energy-alerts', undefined, { timeout: 8000 });
    await waitFor(() => expect(card.querySelectorAll('tr[data-row-key]')).toHaveLength(2));
  });

  it('hides the card from the agent, who has no 能源储备 to open', async () => {
    who.role = 'agent';
    const fetchMock = mockFetch();
    renderPage();
    await waitFor(() => expect(screen.getByTestId('dashboard').textContent).toContain('从未上报'), { timeout: 8000 });
    expect(screen.queryByTestId('energy-alerts')).toBeNull();
    expect((fetchMock.mock.calls as unknown[][]).map((c) => String(c[0])).filter((u) => u.startsWith('/api/v1/companies'))).toEqual([]);
  });
});
