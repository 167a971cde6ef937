import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { MemoryRouter } from 'react-router-dom';
import { api } from '../api/client';
import type { Indicator, IndicatorPublication, IndicatorReport } from '../api/types';
import type { Role } from '../auth';
import { I18nProvider } from '../i18n';
import Indicators from './Indicators';

vi.setConfig({ testTimeout: 30000 });

const who: { role: Role } = { role: 'regulator' };
vi.mock('../auth', () => ({ useAuth: () => ({ me: { user_id: 1, username: 'u', role: who.role, company_id: who.role === 'regulator' ? null : 1, household_id: null } }) }));

afterEach(() => vi.restoreAllMocks());

const live = (rule: string, over: Partial<Indicator>): Indicator => ({
  rule,
  name: rule,
  numerator: 2,
  denominator: 3,
  value: 0.6667,
  display: '66.67%',
  target_per_mille: 1000,
  target_kind: 'at-least',
  target_basis: 'W 14.4 table 1',
  status: 'not-met',
  records: ['a', 'b', 'c'],
  numerator_records: ['a', 'b'],
  ...over,
});

const report: IndicatorReport = {
  month: '2026-10',
  from: '2026-10-01',
  until: '2026-11-01',
  generated_at: '2026-12-03T10:00:00+08:00',
  companies: [
    {
      company_id: 1,
      company_code: 'weihai-heat',
      company_name: '威海热电',
      policy: 'weihai',
      indicators: [
        live('R-KPI-S', { display: '0.35‰', value: 0.00035, target_per_mille: 2, target_kind: 'at-most', status: 'met', records: ['4'], numerator_records: ['4'], outages: [4] }),
        live('R-KPI-Q', { orders: [286, 287, 288] }),
        live('R-KPI-C', { target_per_mille: 990, households: Array.from({ length: 1200 }, (_, i) => i + 1) }),
        live('R-KPI-P', { orders: [31, 32, 33] }),
        live('R-KPI-B', { target_per_mille: 900, orders: [31, 32, 33] }),
      ],
    },
  ],
};

const publication: IndicatorPublication = {
  id: 7,
  company_id: 1,
  company_code: 'weihai-heat',
  company_name: '威海热电',
  month: '2026-10',
  policy: 'weihai',
  published_at: '2026-11-01T09:00:00+08:00',
  published_by: 'li',
  records_url: '/api/v1/indicators/publications/7/records',
  indicators: report.companies[0].indicators.map(({ records, numerator_records: _n, orders: _o, outages: _s, households: _h, ...i }) => ({ ...i, records: records.length })),
};

function mockApi() {
  return vi.spyOn(api, 'get').mockImplementation(async (path: string, query?: Record<string, unknown>) => {
    if (path === '/api/v1/companies') return { items: [{ id: 1, code: 'weihai-heat', name: '威海热电' }], next_cursor: null };
    if (path === '/api/v1/reports/indicators') return report;
    if (path === '/api/v1/indicators/publications') return { items: [publication], next_cursor: '20' };
    if (path === '/api/v1/indicators/publications/7/records') {
      if (query?.rule === 'R-KPI-Q')
        return {
          items: [
            { rule: 'R-KPI-Q', record: '286/response', numerator: 1, denominator: 1 },
            { rule: 'R-KPI-Q', record: '287/response', numerator: 0, denominator: 1 },
          ],
          next_cursor: null,
        };
      return { items: [{ rule: 'R-KPI-S', record: '4', numerator: 7200 * 150000, denominator: 0 }], next_cursor: null };
    }
    throw new Error(`unexpected ${path}`);
  });
}

function renderPage(url: string) {
  render(
    <MemoryRouter initialEntries={[url]} future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
      <I18nProvider locale="zh-CN">
        <AntApp>
          <Indicators />
        </AntApp>
      </I18nProvider>
    </MemoryRouter>,
  );
}

describe('Indicators', () => {
  it("shows the regulator the month's live figures and the published months, with the URL's filters", async () => {
    who.role = 'regulator';
    const get = mockApi();
    renderPage('/reports/indicators?month=2026-10&company=1&size=10');
    const liveCard = await screen.findByTestId('indicator-report', undefined, { timeout: 8000 });
    expect(get).toHaveBeenCalledWith('/api/v1/reports/indicators', { month: '2026-10', company: '1' }, expect.anything());
    expect(get).toHaveBeenCalledWith('/api/v1/indicators/publications', { month: undefined, company: '1', limit: 10, cursor: undefined }, expect.anything());
    const text = liveCard.textContent ?? '';
    for (const want of ['威海热电（weihai-heat）', '运行事故率 (R-KPI-S)', '0.35‰', '目标 ≤ 2‰', '目标 ≥ 99%', '目标 ≥ 90%', '依据：W 14.4 table 1', '涉及停热 1 次', '涉及住户 1200 户', '涉及工单 3 张', '计入分子 2 条']) {
      expect(text).toContain(want);
    }
    // The ids themselves are not listed.
    expect(text).not.toContain('1199');
    const list = await screen.findByTestId('indicators-published');
    await waitFor(() => expect(within(list).getAllByRole('row')).toHaveLength(2));
    const row = within(list).getAllByRole('row')[1];
    expect(row.textContent).toContain('2026-10');
    expect(row.textContent).toContain('2026-11-01 09:00');
    expect(within(row).getAllByTestId('indicator-figure').map((f) => f.getAttribute('data-status'))).toEqual(['met', 'not-met', 'not-met', 'not-met', 'not-met']);
    // The regulator reads only.
    expect(screen.queryByTestId('indicators-publish')).toBeNull();

    // A row opens the publication and its records, a tab per indicator.
    fireEvent.click(row);
    const drawer = await screen.findByTestId('publication-drawer');
    expect(drawer.textContent).toContain('2026-11-01 09:00 由 li 发布');
    await waitFor(() => expect(within(drawer).getByTestId('indicator-records').textContent).toContain('3000.00 m²·小时'));
    expect(within(drawer).getByText('停热 #4').getAttribute('href')).toBe('/outages/4');
    fireEvent.click(within(drawer).getByText('抢修响应率（3）'));
    await waitFor(() => expect(within(drawer).getByTestId('indicator-records').textContent).toContain('超时'));
    // The regulator opens no work order: the record is named, not linked.
    expect(within(drawer).getByText('工单 #286').closest('a')).toBeNull();
    expect(drawer.textContent).toContain('按时响应');
  });

  it('offers a manager 发布, without a company filter, at the previous month', async () => {
    who.role = 'manager';
    const get = mockApi();
    renderPage('/reports/indicators');
    await screen.findByTestId('indicator-report', undefined, { timeout: 8000 });
    const month = (get.mock.calls.find((c) => c[0] === '/api/v1/reports/indicators')?.[1] as { month: string }).month;
    expect(month).toMatch(/^\d{4}-\d{2}$/);
    expect(screen.getByTestId('indicators-publish').textContent).toContain('发布');
    expect(screen.queryAllByLabelText('供热企业')).toHaveLength(0);
    expect(get).not.toHaveBeenCalledWith('/api/v1/companies', expect.anything(), expect.anything());
  });
});
