import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, useLocation } from 'react-router-dom';
import { setToken } from '../api/client';
import type { LicenceFlag } from '../api/types';
import type { Role } from '../auth';
import { I18nProvider } from '../i18n';
import LicenceCheck from './LicenceCheck';

vi.setConfig({ testTimeout: 30000 });

const who: { role: Role } = { role: 'regulator' };
vi.mock('../auth', () => ({ useAuth: () => ({ me: { user_id: 1, username: 'u', role: who.role, company_id: who.role === 'regulator' || who.role === 'admin' ? null : 3, household_id: null } }) }));

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  setToken(null);
});

const flag = (building_id: number, over: Partial<LicenceFlag> = {}): LicenceFlag => ({
  company_id: 3,
  building_id,
  building_code: `B-0${building_id - 16}`,
  community: '金海湾小区',
  district_id: 3,
  district_code: 'weihai-huancui',
  district_name: '环翠区',
  households: 120,
  heated_households: 110,
  outage_ids: [4, 9],
  work_orders: 12,
  connection_applications: 2,
  ...over,
});

/** Two buildings of weihai-heat (one stop shared) and one of a company the list does not name,
 * listed out of order: the page groups them by company. */
const FLAGGED = {
  basis: 'Z 3.4',
  items: [
    flag(40, { company_id: 9, building_code: 'Z-07', community: '海滨小区', district_id: 5, district_code: 'zibo-zhangdian', district_name: '张店区', households: 30, heated_households: 0, outage_ids: [], work_orders: 0 }),
    flag(17),
    flag(18, { households: 80, heated_households: 80, outage_ids: [9], work_orders: 5 }),
  ],
};

const COMPANIES = {
  items: [
    { id: 3, code: 'weihai-heat', name: '威海热电' },
    { id: 7, code: 'zibo-heat', name: '淄博热力' },
  ],
  next_cursor: null,
};

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/** fetch as the server answers: the companies, and the licence flags. */
function mockFetch(flags: (url: URL) => Response) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(String(input), 'http://console.test');
    if (url.pathname === '/api/v1/companies') return json(COMPANIES);
    if (url.pathname === '/api/v1/regulator/licence-flags') return flags(url);
    throw new Error(`unexpected ${url}`);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

/** The licence flags' URLs fetch was asked for. */
function flagCalls(fetchMock: ReturnType<typeof mockFetch>): string[] {
  return (fetchMock.mock.calls as unknown[][]).map((c) => String(c[0])).filter((u) => u.startsWith('/api/v1/regulator/licence-flags'));
}

function Where() {
  const l = useLocation();
  return <div data-testid="where">{`${l.pathname}${l.search}`}</div>;
}

function renderPage(url: string) {
  render(
    <MemoryRouter initialEntries={[url]} future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
      <I18nProvider locale="zh-CN">
        <LicenceCheck />
        <Where />
      </I18nProvider>
    </MemoryRouter>,
  );
}

function rowsOf(table: HTMLElement): HTMLElement[] {
  return Array.from(table.querySelectorAll<HTMLElement>('tr[data-row-key]'));
}

describe('LicenceCheck', () => {
  it('shows the regulator the rule, the totals and the buildings outside the licence by company', async () => {
    who.role = 'regulator';
    setToken('secret-token');
    const fetchMock = mockFetch(() => json(FLAGGED));
    renderPage('/regulator/licence');
    const table = await screen.findByTestId('licence-flags', undefined, { timeout: 8000 });
    expect(flagCalls(fetchMock)).toEqual(['/api/v1/regulator/licence-flags']);
    const call = (fetchMock.mock.calls as unknown[][]).find((c) => String(c[0]).startsWith('/api/v1/regulator/licence-flags'))!;
    expect(((call[1] as RequestInit).headers as Record<string, string>).Authorization).toBe('Bearer secret-token');

    expect(screen.getByTestId('licence-rule').textContent).toBe('规则 R-REG-1（Z 3.4）：供热企业的入网、停热和施工应在许可经营区域内；下列楼栋所在区县未许可给其供热企业（含许可撤回后仍在供热的楼栋）。');
    expect(screen.getAllByLabelText('供热企业').length).toBeGreaterThan(0);

    // The totals: 3 buildings, 120 + 80 + 30 households, stops 4 and 9 (9 cut off two), 12 + 5 orders.
    const summary = screen.getByTestId('licence-summary');
    for (const want of ['区域外楼栋', '涉及住户', '涉及停热', '涉及工单']) expect(summary.textContent).toContain(want);
    expect(screen.getByTestId('licence-stat-buildings').textContent).toBe('3');
    expect(screen.getByTestId('licence-stat-households').textContent).toBe('230');
    expect(screen.getByTestId('licence-stat-outages').textContent).toBe('2');
    expect(screen.getByTestId('licence-stat-work-orders').textContent).toBe('17');

    const header = Array.from(table.querySelectorAll('thead th')).map((h) => h.textContent);
    for (const want of ['企业', '楼栋', '小区', '区县', '住户', '停热', '工单', '报装申请']) expect(header).toContain(want);

    // By company: weihai-heat's two buildings together, then the company the list does not name (#9).
    await waitFor(() => expect(within(rowsOf(table)[0]).getByTestId('licence-company').textContent).toBe('weihai-heat 威海热电'));
    const rows = rowsOf(table);
    expect(rows).toHaveLength(3);
    expect(rows.map((r) => within(r).getByTestId('licence-building').textContent)).toEqual(['B-01', 'B-02', 'Z-07']);
    expect(within(rows[2]).getByTestId('licence-company').textContent).toBe('#9');
    for (const want of ['金海湾小区', '环翠区（weihai-huancui）', '120', '12']) expect(rows[0].textContent).toContain(want);
    for (const want of ['海滨小区', '张店区（zibo-zhangdian）', '30']) expect(rows[2].textContent).toContain(want);

    // Each stop links to its page; a building with none shows —.
    const stops = within(within(rows[0]).getByTestId('licence-outages')).getAllByRole('link');
    expect(stops.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['停热 #4', '/outages/4'],
      ['停热 #9', '/outages/9'],
    ]);
    expect(within(rows[1]).getByRole('link', { name: '停热 #9' }).getAttribute('href')).toBe('/outages/9');
    expect(within(rows[2]).getByTestId('licence-outages').textContent).toBe('—');
    expect(rows.map((r) => within(r).getByTestId('licence-applications').textContent)).toEqual(['2', '2', '2']);
    expect(within(rows[2]).queryAllByRole('link')).toHaveLength(0);

    // The households' tooltip: connected and heated.
    fireEvent.mouseEnter(within(rows[0]).getByTestId('licence-households'));
    await waitFor(() => expect(screen.getByRole('tooltip').textContent).toContain('入网 120 户，其中供热 110 户'));
  });

  it('filters by company: the URL names it and the query sends company=', async () => {
    who.role = 'regulator';
    const fetchMock = mockFetch((url) => json(url.searchParams.get('company') === '3' ? { basis: 'Z 3.4', items: [flag(17)] } : FLAGGED));
    renderPage('/regulator/licence?company=3');
    const table = await screen.findByTestId('licence-flags', undefined, { timeout: 8000 });
    await waitFor(() => expect(rowsOf(table)).toHaveLength(1));
    expect(flagCalls(fetchMock)).toEqual(['/api/v1/regulator/licence-flags?company=3']);
    expect(screen.getByTestId('licence-stat-buildings').textContent).toBe('1');

    // Another company chosen: asked for, and kept in the URL.
    const select = screen.getByRole('combobox', { name: '供热企业' });
    fireEvent.mouseDown(select);
    const option = await waitFor(() => {
      const found = Array.from(document.querySelectorAll<HTMLElement>('.ant-select-item-option')).find((o) => o.textContent === 'zibo-heat 淄博热力');
      expect(found).toBeTruthy();
      return found!;
    });
    fireEvent.click(option);
    await waitFor(() => expect(flagCalls(fetchMock)).toContain('/api/v1/regulator/licence-flags?company=7'));
    expect(screen.getByTestId('where').textContent).toBe('/regulator/licence?company=7');
    await waitFor(() => expect(screen.getByTestId('licence-stat-buildings').textContent).toBe('3'));
  });

  it("says every building is inside its licence when nothing is flagged, naming the company chosen", async () => {
    who.role = 'admin';
    mockFetch(() => json({ basis: 'Z 3.4', items: [] }));
    renderPage('/regulator/licence?company=7');
    const none = await screen.findByTestId('licence-none', undefined, { timeout: 8000 });
    expect(none.textContent).toContain('所有楼栋均在许可经营区域内');
    await waitFor(() => expect(none.textContent).toContain('zibo-heat 淄博热力 的楼栋均在其许可经营区域内。'));
    expect(none.querySelector('.ant-result-success')).toBeTruthy();
    expect(screen.queryByTestId('licence-flags')).toBeNull();
    for (const id of ['licence-stat-buildings', 'licence-stat-households', 'licence-stat-outages', 'licence-stat-work-orders']) expect(screen.getByTestId(id).textContent).toBe('0');
  });

  it("shows a manager their company's buildings without a company filter", async () => {
    who.role = 'manager';
    const fetchMock = mockFetch(() => json({ basis: 'Z 3.4', items: [flag(17)] }));
    renderPage('/regulator/licence?company=7');
    const table = await screen.findByTestId('licence-flags', undefined, { timeout: 8000 });
    await waitFor(() => expect(rowsOf(table)).toHaveLength(1));
    // Staff see their own company's: no filter, and a company in the URL is not sent.
    expect(flagCalls(fetchMock)).toEqual(['/api/v1/regulator/licence-flags']);
    expect(screen.queryAllByLabelText('供热企业')).toHaveLength(0);
    expect(within(table).getByRole('link', { name: '停热 #4' }).getAttribute('href')).toBe('/outages/4');
  });

  it("shows the server's message when the company named is unknown", async () => {
    who.role = 'regulator';
    mockFetch(() => json({ error: { code: 'invalid_argument', message: 'no company 99', field: 'company' } }, 400));
    renderPage('/regulator/licence?company=99');
    await screen.findByText('no company 99', undefined, { timeout: 8000 });
    expect(screen.getByText('出错了')).toBeTruthy();
    expect(screen.queryByTestId('licence-flags')).toBeNull();
    expect(screen.queryByTestId('licence-summary')).toBeNull();
  });

  it('shows a refusal (403) as the usual not-found', async () => {
    who.role = 'agent';
    mockFetch(() => json({ error: { code: 'permission_denied', message: "a company's staff see their own company only", field: 'company' } }, 403));
    renderPage('/regulator/licence');
    await screen.findByText('未找到', undefined, { timeout: 8000 });
    expect(screen.queryByTestId('licence-flags')).toBeNull();
    expect(screen.queryByTestId('licence-none')).toBeNull();
    // The rule stays above.
    expect(screen.getByTestId('licence-rule')).toBeTruthy();
  });
});
