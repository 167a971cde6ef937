import { render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { api } from '../api/client';
import type { EnergyFlags, EnergyReport } from '../api/types';
import type { Role } from '../auth';
import { I18nProvider } from '../i18n';
import Energy from './Energy';

vi.setConfig({ testTimeout: 30000 });

const who: { role: Role } = { role: 'regulator' };
vi.mock('../auth', () => ({ useAuth: () => ({ me: { user_id: 1, username: 'u', role: who.role, company_id: null, household_id: null } }) }));
// jsdom has no canvas: the chart shows what it was given.
vi.mock('./energy/ReserveChart', () => ({
  default: ({ input, ariaLabel }: { input: { series: Array<{ key: string }>; threshold: number }; ariaLabel: string }) => (
    <div data-testid="energy-chart" aria-label={ariaLabel}>
      {input.series.map((s) => s.key).join(',')}|{input.threshold}
    </div>
  ),
}));

afterEach(() => vi.restoreAllMocks());

const report = (id: number, over: Partial<EnergyReport>): EnergyReport => ({
  id,
  company_id: 1,
  day: '2026-12-01',
  fuel: 'coal',
  unit: 't',
  stock: 12000.5,
  consumption: 350.25,
  reserve_days: 34.2,
  low: false,
  threshold_days: 30,
  basis: 'W 6.2.2',
  note: '',
  reported_by: 'li',
  reported_at: '2026-12-01T18:00:00+08:00',
  ...over,
});

const flags: EnergyFlags = {
  season: 2026,
  from: '2026-11-01',
  to: '2026-12-02',
  threshold_days: 30,
  basis: 'W 6.2.2',
  companies: [{ company_id: 1, company_code: 'weihai-heat', company_name: '威海热电', from: '2026-11-01', to: '2026-12-02', threshold_days: 30, basis: 'W 6.2.2', reports: 31, missing_days: ['2026-11-20'], low_spells: [] }],
};

function mockApi() {
  return vi.spyOn(api, 'get').mockImplementation(async (path: string) => {
    if (path === '/api/v1/energy/flags') return flags;
    if (path === '/api/v1/companies') return { items: [{ id: 1, code: 'weihai-heat', name: '威海热电' }], next_cursor: null };
    if (path === '/api/v1/energy/reports')
      return {
        items: [report(2, { day: '2026-12-02', fuel: 'gas', unit: 'm3', stock: 1_200_000, consumption: 41_000, reserve_days: 29.2, low: true }), report(1, { note: '到煤 2 车' })],
        next_cursor: 'c2',
      };
    throw new Error(`unexpected ${path}`);
  });
}

function renderPage(url: string) {
  render(
    <MemoryRouter initialEntries={[url]} future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
      <I18nProvider locale="zh-CN">
        <Energy />
      </I18nProvider>
    </MemoryRouter>,
  );
}

describe('Energy', () => {
  it("shows the regulator the flags, the trend and the reports with the URL's filters", async () => {
    who.role = 'regulator';
    const get = mockApi();
    renderPage('/energy?company=1&fuel=gas&from=2026-11-01&size=10');
    const list = await screen.findByTestId('energy-list', undefined, { timeout: 8000 });
    await waitFor(() => expect(list.textContent).toContain('1,200,000.00 立方米'));
    expect(get).toHaveBeenCalledWith('/api/v1/energy/reports', { company: '1', fuel: 'gas', from: '2026-11-01', to: undefined, limit: 10, cursor: undefined }, expect.anything());
    expect(get).toHaveBeenCalledWith('/api/v1/energy/flags', { company: '1' }, expect.anything());
    const rows = within(list).getAllByRole('row').slice(1);
    expect(rows[0].textContent).toContain('29.2 天');
    expect(within(rows[0]).getByTestId('energy-low').textContent).toBe('低于储备');
    expect(rows[1].textContent).toContain('12,000.50 吨');
    expect(rows[1].textContent).toContain('到煤 2 车');
    expect(within(rows[1]).queryByTestId('energy-low')).toBeNull();
    expect(screen.getByTestId('energy-chart').textContent).toBe('coal,gas|30');
    await waitFor(() => expect(screen.getByTestId('energy-flags').textContent).toContain('2026-11-20'));
    expect(document.body.textContent).toContain('依据 W 6.2.2，30 天');
    expect(screen.getAllByLabelText('供热企业').length).toBeGreaterThan(0);
    // The regulator reads only.
    expect(screen.queryByTestId('energy-report')).toBeNull();
  });

  it('offers a technician the report, without a company filter', async () => {
    who.role = 'technician';
    mockApi();
    renderPage('/energy');
    await screen.findByTestId('energy-list', undefined, { timeout: 8000 });
    expect(screen.getByTestId('energy-report').textContent).toContain('填报日报');
    expect(screen.queryAllByLabelText('供热企业')).toHaveLength(0);
  });
});
