import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { MemoryRouter } from 'react-router-dom';
import { api, ApiError } from '../api/client';
import type { Indicator, IndicatorPublication, IndicatorReport } from '../api/types';
import type { Role } from '../auth';
import { I18nProvider } from '../i18n';
import Indicators from './Indicators';

vi.setConfig({ testTimeout: 30000 });
// antd pickers answer asynchronously; on a busy machine (a C++ build beside) it can take seconds.
const SLOW = { timeout: 8000 };

function enter(el: HTMLElement) {
  fireEvent.keyDown(el, { key: 'Enter', code: 'Enter', keyCode: 13, which: 13 });
}

const who: { role: Role } = { role: 'regulator' };
vi.mock('../auth', () => ({ useAuth: () => ({ me: { user_id: 1, username: 'u', role: who.role, company_id: who.role === 'regulator' ? null : 1, household_id: null } }) }));

afterEach(() => vi.restoreAllMocks());

const live = (rule: Indicator['rule'], over: Partial<Indicator>): Indicator => ({
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
  records_url: `/api/v1/indicators/${rule}/records?month=2026-10&company=1`,
  ...over,
});

const report: IndicatorReport = {
  month: '2026-10',
  period: '2026-10',
  district: null,
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
  indicators: report.companies[0].indicators.map(({ records, numerator_records: _n, orders: _o, outages: _s, households: _h, records_url: _u, ...i }) => ({ ...i, records: records.length })),
};

function mockApi() {
  return vi.spyOn(api, 'get').mockImplementation(async (path: string, query?: Record<string, unknown>) => {
    if (path === '/api/v1/companies') return { items: [{ id: 1, code: 'weihai-heat', name: '威海热电' }], next_cursor: null };
    if (path === '/api/v1/districts') return { items: [{ id: 3, code: 'HC', name: '环翠区', city: '威海', policy: 'weihai' }], next_cursor: null };
    if (path === '/api/v1/indicators') {
      if (query?.district === '99') throw new ApiError(400, 'invalid_argument', "no district with id or code '99'", 'district');
      const range = query?.from ? `${String(query.from)}..${String(query.to)}` : null;
      return {
        ...report,
        month: range ? null : query?.month,
        period: range ?? query?.month,
        district: query?.district === '3' ? { district_id: 3, district_code: 'HC', district_name: '环翠区' } : null,
      };
    }
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
    // A live indicator's records (its records_url), two pages of Q.
    if (path === '/api/v1/indicators/R-KPI-Q/records') {
      if (query?.cursor === '2') return { items: [{ company_id: 1, record: '288/leak', numerator: 1, denominator: 1 }], next_cursor: null };
      return {
        items: [
          { company_id: 1, record: '286/response', numerator: 1, denominator: 1 },
          { company_id: 1, record: '287/response', numerator: 0, denominator: 1 },
        ],
        next_cursor: '2',
      };
    }
    if (path === '/api/v1/indicators/R-KPI-C/records')
      return {
        items: [
          { company_id: 1, record: '9', numerator: 12, denominator: 15 },
          { company_id: 1, record: '10', numerator: 15, denominator: 15 },
        ],
        next_cursor: null,
      };
    if (path === '/api/v1/indicators/R-KPI-S/records') return { items: [{ company_id: 1, record: '4', numerator: 7200 * 150000, denominator: 0 }], next_cursor: null };
    if (path === '/api/v1/indicators/R-KPI-P/records') throw new ApiError(400, 'invalid_argument', 'to must not be before from', 'to');
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
    expect(get).toHaveBeenCalledWith('/api/v1/indicators', { month: '2026-10', company: '1' }, expect.anything());
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
    const month = (get.mock.calls.find((c) => c[0] === '/api/v1/indicators')?.[1] as { month: string }).month;
    expect(month).toMatch(/^\d{4}-\d{2}$/);
    expect(screen.getByTestId('indicators-publish').textContent).toContain('发布');
    expect(screen.queryAllByLabelText('供热企业')).toHaveLength(0);
    expect(get).not.toHaveBeenCalledWith('/api/v1/companies', expect.anything(), expect.anything());
  });
  it("asks for the month's days when 按日期区间 is chosen, then for the run picked", async () => {
    who.role = 'regulator';
    const get = mockApi();
    renderPage('/reports/indicators?month=2026-10&company=1');
    await screen.findByTestId('indicator-report', undefined, { timeout: 8000 });
    expect(screen.getByTestId('indicators-only-month')).toBeTruthy();
    // The month becomes its days.
    fireEvent.click(screen.getByText('按日期区间'));
    await waitFor(() => expect(get).toHaveBeenCalledWith('/api/v1/indicators', { from: '2026-10-01', to: '2026-10-31', company: '1' }, expect.anything()));
    await waitFor(() => expect(screen.getByTestId('indicators-live').textContent).toContain('实时指标（2026-10-01 至 2026-10-31）'));
    // Then a run typed into the picker.
    const first = screen.getByPlaceholderText('开始日期');
    fireEvent.mouseDown(first);
    fireEvent.focus(first);
    fireEvent.change(first, { target: { value: '2026-01-05' } });
    enter(first);
    const last = screen.getByPlaceholderText('结束日期');
    fireEvent.change(last, { target: { value: '2026-02-10' } });
    enter(last);
    await waitFor(() => expect(get).toHaveBeenCalledWith('/api/v1/indicators', { from: '2026-01-05', to: '2026-02-10', company: '1' }, expect.anything()), SLOW);
    await waitFor(() => expect(screen.getByTestId('indicators-live').textContent).toContain('实时指标（2026-01-05 至 2026-02-10）'));
    // The published list keeps its months: every month, no 仅看, a note that it does not follow the range.
    expect(screen.queryByTestId('indicators-only-month')).toBeNull();
    expect(screen.getByTestId('indicators-published-scope').textContent).toContain('不按日期区间或区域划分');
    expect(get.mock.calls.filter((c) => c[0] === '/api/v1/indicators/publications').pop()?.[1]).toEqual({ month: undefined, company: '1', limit: 20, cursor: undefined });
  });

  it('limits the live figures to the district chosen, and says so', async () => {
    who.role = 'manager';
    const get = mockApi();
    renderPage('/reports/indicators?from=2026-01-05&to=2026-02-10');
    await screen.findByTestId('indicator-report', undefined, { timeout: 8000 });
    expect(get).toHaveBeenCalledWith('/api/v1/indicators', { from: '2026-01-05', to: '2026-02-10' }, expect.anything());
    expect(get).toHaveBeenCalledWith('/api/v1/districts', { limit: 1000 }, expect.anything());
    expect(screen.queryByTestId('indicators-district-note')).toBeNull();
    fireEvent.mouseDown(screen.getByRole('combobox', { name: '区域' }));
    fireEvent.click(await screen.findByText('环翠区（HC）'));
    await waitFor(() => expect(get).toHaveBeenCalledWith('/api/v1/indicators', { from: '2026-01-05', to: '2026-02-10', district: '3' }, expect.anything()));
    const note = await screen.findByTestId('indicators-district-note', undefined, { timeout: 8000 });
    expect(note.textContent).toContain('仅计 环翠区 区域的住户、工单与停热');
    expect(screen.getByTestId('indicators-live').textContent).toContain('实时指标（2026-01-05 至 2026-02-10，环翠区）');
    // The published list is not by district.
    expect(get).not.toHaveBeenCalledWith('/api/v1/indicators/publications', expect.objectContaining({ district: expect.anything() }), expect.anything());
  });

  it('shows a refusal (400) with the field it names', async () => {
    who.role = 'regulator';
    mockApi();
    renderPage('/reports/indicators?month=2026-10&district=99');
    const error = await screen.findByTestId('indicators-live-error', undefined, { timeout: 8000 });
    expect(error.textContent).toContain("区域：no district with id or code '99'");
    expect(screen.getByRole('combobox', { name: '区域' }).closest('.ant-select')?.className).toContain('ant-select-status-error');
  });
  it("opens the records behind a live indicator (查看记录), paged, each linked with its part", async () => {
    who.role = 'manager';
    const get = mockApi();
    renderPage('/reports/indicators?month=2026-10');
    await screen.findByTestId('indicator-report', undefined, { timeout: 8000 });
    const cards = screen.getAllByTestId('indicator-card');
    const q = cards.find((c) => c.getAttribute('data-rule') === 'R-KPI-Q')!;
    // Every live indicator offers its records.
    expect(screen.getAllByTestId('indicator-records-open')).toHaveLength(5);
    fireEvent.click(within(q).getByRole('button', { name: '查看记录：抢修响应率' }));
    const drawer = await screen.findByTestId('live-records-drawer');
    expect(document.querySelector('.ant-drawer-title')?.textContent).toBe('抢修响应率 计算记录 · 威海热电（weihai-heat） · 2026-10');
    expect(drawer.textContent).toContain('抢修响应率（R-KPI-Q）：66.67%（2/3），目标 ≥ 100%');
    // The records_url's period and company, with the page's limit and no cursor.
    await waitFor(() => expect(get).toHaveBeenCalledWith('/api/v1/indicators/R-KPI-Q/records', { month: '2026-10', company: '1', limit: 20, cursor: undefined }, expect.anything()));
    const table = within(drawer).getByTestId('indicator-records');
    await waitFor(() => expect(within(table).getAllByTestId('indicator-record-part').map((p) => p.textContent)).toEqual(['计入', '未计入']));
    // A manager opens the work order; the deadline beside it.
    expect(within(table).getByText('工单 #286').getAttribute('href')).toBe('/work-orders/286');
    expect(table.textContent).toContain('按时响应');
    expect(table.textContent).toContain('超时');
    expect(within(table).getAllByTestId('indicator-record-part')[0].getAttribute('title')).toBe('分子 1 / 分母 1');

    // The next page, by the answer's next_cursor; then no further one.
    const next = within(drawer).getByRole('button', { name: '下一页' });
    fireEvent.click(next);
    await waitFor(() => expect(get).toHaveBeenCalledWith('/api/v1/indicators/R-KPI-Q/records', { month: '2026-10', company: '1', limit: 20, cursor: '2' }, expect.anything()));
    await waitFor(() => expect(within(drawer).getByText('工单 #288')).toBeTruthy());
    expect(within(drawer).queryByText('工单 #286')).toBeNull();
    expect((within(drawer).getByRole('button', { name: '下一页' }) as HTMLButtonElement).disabled).toBe(true);
    expect(within(drawer).getByText('第 2 页')).toBeTruthy();
  });

  it("shows a household's days and a stop's area-hours, linked for the regulator where it may go, and a refusal", async () => {
    who.role = 'regulator';
    mockApi();
    renderPage('/reports/indicators?month=2026-10&company=1');
    await screen.findByTestId('indicator-report', undefined, { timeout: 8000 });
    const card = (rule: string) => screen.getAllByTestId('indicator-card').find((c) => c.getAttribute('data-rule') === rule)!;

    fireEvent.click(within(card('R-KPI-C')).getByTestId('indicator-records-open'));
    let drawer = await screen.findByTestId('live-records-drawer');
    await waitFor(() => expect(within(drawer).getAllByTestId('indicator-record-part').map((p) => p.textContent)).toEqual(['12/15 日', '15/15 日']));
    expect(within(drawer).getByText('住户 #9').getAttribute('href')).toBe('/households/9');
    expect(drawer.textContent).toContain('合格率 80%');
    fireEvent.click(document.querySelector('.ant-drawer-close')!);
    await waitFor(() => expect(screen.queryByTestId('live-records-drawer')).toBeNull());

    fireEvent.click(within(card('R-KPI-S')).getByTestId('indicator-records-open'));
    drawer = await screen.findByTestId('live-records-drawer');
    await waitFor(() => expect(within(drawer).getByTestId('indicator-records').textContent).toContain('3000.00 m²·小时'));
    expect(within(drawer).getByText('停热 #4').getAttribute('href')).toBe('/outages/4');
    expect(within(drawer).getByTestId('indicator-record-part').textContent).toBe('计入分子');
    fireEvent.click(document.querySelector('.ant-drawer-close')!);
    await waitFor(() => expect(screen.queryByTestId('live-records-drawer')).toBeNull());

    // The records' route refusing: the server's message in the drawer.
    fireEvent.click(within(card('R-KPI-P')).getByTestId('indicator-records-open'));
    drawer = await screen.findByTestId('live-records-drawer');
    await waitFor(() => expect(drawer.textContent).toContain('to must not be before from'));
  });

  it('offers no 查看记录 for an indicator without records_url', async () => {
    who.role = 'manager';
    vi.spyOn(api, 'get').mockImplementation(async (path: string) => {
      if (path === '/api/v1/districts') return { items: [], next_cursor: null };
      if (path === '/api/v1/indicators')
        return { ...report, companies: report.companies.map((c) => ({ ...c, indicators: c.indicators.map(({ records_url: _u, ...i }) => i) })) };
      if (path === '/api/v1/indicators/publications') return { items: [], next_cursor: null };
      throw new Error(`unexpected ${path}`);
    });
    renderPage('/reports/indicators?month=2026-10');
    await screen.findByTestId('indicator-report', undefined, { timeout: 8000 });
    expect(screen.queryAllByTestId('indicator-records-open')).toHaveLength(0);
  });
});
