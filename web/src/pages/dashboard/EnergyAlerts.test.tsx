import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, useLocation } from 'react-router-dom';
import type { Alert } from '../../api/types';
import { I18nProvider, type Locale } from '../../i18n';
import EnergyAlerts, { energyAlerts, energyLink } from './EnergyAlerts';

vi.setConfig({ testTimeout: 30000 });

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

/** As GET /api/v1/alerts lists them: a household's and a sensor's alerts, then the energy ones
 * (household and sensor null), company 2's missing report before company 1's low reserve. */
const ALERTS: Alert[] = [
  { kind: 'unqualified', company_id: 1, household_id: 7, household: 'WH-1', sensor_id: null, sensor: null, details: { message: 'unqualified', date: '2026-12-03', value: 16.2 } },
  { kind: 'silent', company_id: 1, household_id: 7, household: 'WH-1', sensor_id: 3, sensor: 'T1', details: { message: 'silent', last_reading: null } },
  {
    kind: 'energy-report-missing',
    company_id: 2,
    household_id: null,
    household: null,
    sensor_id: null,
    sensor: null,
    details: { message: '淄博热力: no dispatch report for 2026-12-03 (5 day(s) without one this season, R-ENERGY-1)', date: '2026-12-03', missing_days: 5, threshold_days: 30, basis: 'W 6.2.1' },
  },
  {
    kind: 'energy-reserve-low',
    company_id: 1,
    household_id: null,
    household: null,
    sensor_id: null,
    sensor: null,
    details: {
      message: '威海热电: the coal reserve is below 30 days since 2026-12-01 (W 6.2.1)',
      date: '2026-12-03',
      missing_days: 2,
      threshold_days: 30,
      basis: 'W 6.2.1',
      fuel: 'coal',
      since: '2026-12-01',
      min_reserve_days: 20,
    },
  },
];

const COMPANIES = { items: [{ id: 1, code: 'weihai-heat', name: '威海热电' }], next_cursor: null };

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

function mockFetch(companies: () => Response = () => json(COMPANIES)) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(String(input), 'http://console.test');
    if (url.pathname === '/api/v1/companies') return companies();
    throw new Error(`unexpected ${url}`);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function Where() {
  const l = useLocation();
  return <div data-testid="where">{`${l.pathname}${l.search}`}</div>;
}

function renderCard(alerts: Alert[] | undefined, { error, locale = 'zh-CN' }: { error?: unknown; locale?: Locale } = {}) {
  render(
    <MemoryRouter initialEntries={['/dashboard']} future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
      <I18nProvider locale={locale}>
        <EnergyAlerts alerts={alerts} error={error} />
        <Where />
      </I18nProvider>
    </MemoryRouter>,
  );
}

function rowsOf(card: HTMLElement): HTMLElement[] {
  return Array.from(card.querySelectorAll<HTMLElement>('tr[data-row-key]'));
}

describe('energy alerts', () => {
  it('keeps the energy alerts, low reserves first, and links to the company (and fuel) on 能源储备', () => {
    const list = energyAlerts(ALERTS);
    expect(list.map((a) => [a.kind, a.company_id])).toEqual([
      ['energy-reserve-low', 1],
      ['energy-report-missing', 2],
    ]);
    expect(list.map(energyLink)).toEqual(['/energy?company=1&fuel=coal', '/energy?company=2']);
    expect(energyLink({ ...list[0], details: { ...list[0].details, fuel: 'peat' as Alert['details']['fuel'] } })).toBe('/energy?company=1');
  });
});

describe('EnergyAlerts', () => {
  it('lists a low reserve and a missing report with their tags, details and links', async () => {
    const fetchMock = mockFetch();
    renderCard(ALERTS);
    const card = screen.getByTestId('energy-alerts');
    expect(within(card).getByText('能源储备预警')).toBeTruthy();
    expect(within(card).getByRole('link', { name: '能源储备' }).getAttribute('href')).toBe('/energy');

    const rows = rowsOf(card);
    expect(rows).toHaveLength(2);
    // Low reserve first: a red 储备不足, the fuel, the lowest days with one decimal, the threshold, since when.
    const low = within(rows[0]).getByTestId('energy-alert-kind');
    expect(low.textContent).toBe('储备不足');
    expect(low.className).toContain('ant-tag-red');
    expect(within(rows[0]).getByTestId('energy-alert-details').textContent).toBe('燃煤最低 20.0 天低于 30 天自 2026-12-01 起');
    // The missing report: an orange 缺报, the date and the season's missing days.
    const missing = within(rows[1]).getByTestId('energy-alert-kind');
    expect(missing.textContent).toBe('缺报');
    expect(missing.className).toContain('ant-tag-orange');
    expect(within(rows[1]).getByTestId('energy-alert-details').textContent).toBe('2026-12-03 未报送调度日报本采暖季缺报 5 天');

    // The companies by name (a company the list does not name: #id), each linking to 能源储备.
    await waitFor(() => expect(within(rows[0]).getByTestId('energy-alert-company').textContent).toBe('weihai-heat 威海热电'));
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(String(fetchMock.mock.calls[0][0])).toBe('/api/v1/companies?limit=1000');
    const companies = rowsOf(card).map((r) => within(r).getByTestId('energy-alert-company'));
    expect(companies.map((a) => [a.textContent, a.getAttribute('href'), a.getAttribute('title')])).toEqual([
      ['weihai-heat 威海热电', '/energy?company=1&fuel=coal', '威海热电: the coal reserve is below 30 days since 2026-12-01 (W 6.2.1)'],
      ['#2', '/energy?company=2', '淄博热力: no dispatch report for 2026-12-03 (5 day(s) without one this season, R-ENERGY-1)'],
    ]);
    fireEvent.click(companies[1]);
    expect(screen.getByTestId('where').textContent).toBe('/energy?company=2');
  });

  it('says so when there is none (the households\' and sensors\' alerts are not its own)', async () => {
    mockFetch(() => json({ error: { code: 'permission_denied', message: 'no' } }, 403));
    renderCard(ALERTS.slice(0, 2));
    const card = screen.getByTestId('energy-alerts');
    expect(rowsOf(card)).toHaveLength(0);
    expect(card.textContent).toContain('无能源储备预警');
  });

  it('shows the alerts\' error', () => {
    mockFetch();
    renderCard(undefined, { error: new Error('busy') });
    expect(screen.getByTestId('energy-alerts').textContent).toContain('busy');
  });

  it('speaks English, naming a company it cannot read by #id', async () => {
    mockFetch(() => json({ error: { code: 'permission_denied', message: 'no' } }, 403));
    renderCard(ALERTS, { locale: 'en' });
    const card = screen.getByTestId('energy-alerts');
    expect(within(card).getByText('Energy reserve alerts')).toBeTruthy();
    const rows = rowsOf(card);
    expect(rows.map((r) => within(r).getByTestId('energy-alert-kind').textContent)).toEqual(['Reserve low', 'Report missing']);
    expect(within(rows[0]).getByTestId('energy-alert-details').textContent).toBe('Coallowest 20.0 daysbelow 30 dayssince 2026-12-01');
    expect(within(rows[1]).getByTestId('energy-alert-details').textContent).toBe('no dispatch report for 2026-12-035 day(s) missing this season');
    await waitFor(() => expect(within(rows[0]).getByTestId('energy-alert-company').textContent).toBe('#1'));
  });
});
