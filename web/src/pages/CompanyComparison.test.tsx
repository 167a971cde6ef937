import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { api, ApiError, setToken } from '../api/client';
import type { Role } from '../auth';
import { beijingToday } from '../format';
import { I18nProvider } from '../i18n';
import CompanyComparison from './CompanyComparison';
import { previousMonth } from './indicators/logic';
import { comparisonReport, POLICIES } from './regulator/fixture';
import { heatingSeason } from './regulator/logic';

vi.setConfig({ testTimeout: 30000 });

const who: { role: Role } = { role: 'regulator' };
vi.mock('../auth', () => ({ useAuth: () => ({ me: { user_id: 1, username: 'u', role: who.role, company_id: null, household_id: null } }) }));
// jsdom has no canvas: the chart shows the series it was given.
vi.mock('./regulator/RegulatorChart', () => ({
  default: ({ option, ariaLabel, testId }: { option: { series: Array<{ name: string; data: unknown[] }> }; ariaLabel: string; testId: string }) => (
    <div data-testid={testId} aria-label={ariaLabel}>
      {option.series.map((s) => `${s.name}=${JSON.stringify(s.data)}`).join(' | ')}
    </div>
  ),
}));

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  setToken(null);
});

const SEVERAL = 'the companies compared use the profiles weihai, zibo: name the one whose subsidy weights score them all (policy)';

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/** fetch as the server answers: the profiles, and the comparison (400 on policy when none is named). */
function mockFetch(comparison: (url: URL) => Response = (url) => (url.searchParams.get('policy') ? json(comparisonReport(null, url.searchParams.get('policy')!)) : json({ error: { code: 'invalid_argument', message: SEVERAL, field: 'policy' } }, 400))) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(String(input), 'http://console.test');
    if (url.pathname === '/api/v1/policies') return json(POLICIES);
    if (url.pathname === '/api/v1/regulator/companies') return comparison(url);
    throw new Error(`unexpected ${url}`);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

/** The comparison's URLs fetch was asked for. */
function comparisonCalls(fetchMock: ReturnType<typeof mockFetch>): string[] {
  return (fetchMock.mock.calls as unknown[][]).map((c) => String(c[0])).filter((u) => u.startsWith('/api/v1/regulator/companies'));
}

function renderPage(url: string) {
  render(
    <MemoryRouter initialEntries={[url]} future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
      <I18nProvider locale="zh-CN">
        <CompanyComparison />
      </I18nProvider>
    </MemoryRouter>,
  );
}

function rowsOf(table: HTMLElement): HTMLElement[] {
  return Array.from(table.querySelectorAll<HTMLElement>('tr[data-row-key]'));
}

describe('CompanyComparison', () => {
  it('shows the companies side by side with their indicators, rates, refunds, scores and chart', async () => {
    setToken('secret-token');
    const fetchMock = mockFetch();
    renderPage('/regulator/companies?month=2026-11&policy=weihai');
    const table = await screen.findByTestId('companies-table', undefined, { timeout: 8000 });
    await waitFor(() => expect(rowsOf(table)).toHaveLength(2));
    expect(comparisonCalls(fetchMock)).toEqual(['/api/v1/regulator/companies?month=2026-11&policy=weihai']);
    const call = (fetchMock.mock.calls as unknown[][]).find((c) => String(c[0]).startsWith('/api/v1/regulator/companies'))!;
    expect(((call[1] as RequestInit).headers as Record<string, string>).Authorization).toBe('Bearer secret-token');

    expect(screen.getByTestId('regulator-rule').textContent).toContain('R-REG-1（Z 4.3）');
    expect(screen.getByTestId('regulator-period').textContent).toContain('统计期间 2026-11-01 至 2026-11-30（2026-11）· 评分政策 weihai · 退费为 2026–2027 采暖季累计 · 生成于 2026-12-04 11:00');

    const header = Array.from(table.querySelectorAll('thead th')).map((h) => h.textContent);
    for (const want of ['企业', '户数', '运行事故率', '抢修响应率', '室温合格率', '投诉处理过程满意率', '投诉结果满意率', '投诉量', '万户投诉量', '按时办结率', '回访满意率', '停热次数', '应退未付 / 已退', '得分'])
      expect(header).toContain(want);

    const [first, second] = rowsOf(table);
    for (const want of ['weihai-heat 威海热电', '政策：weihai', '12,000', '0.35‰', '96.67%', '93.75%', '96%', '¥123.45 / ¥0.00', '逾期 1 笔', '97.50']) expect(first.textContent).toContain(want);
    expect(within(first).getByTestId('companies-complaints').textContent).toBe('28');
    // Complaints per 10,000 households, two decimals: 28 × 10,000 ÷ 12,000.
    expect(within(first).getByTestId('companies-per10000').textContent).toBe('23.33');
    expect(within(first).getByTestId('companies-outages').textContent).toBe('2');
    expect(within(first).getByTestId('companies-overdue').className).toContain('ant-tag-red');
    // Each figure in its status's colour: met green, not met red.
    const figures = within(first).getAllByTestId('regulator-indicator');
    expect(figures.map((f) => f.getAttribute('data-status'))).toEqual(['met', 'met', 'not-met', 'met', 'met']);
    expect(figures[0].className).toContain('ant-tag-green');
    expect(figures[2].className).toContain('ant-tag-red');

    // Not applicable: grey, 不适用; a rule without a figure: —; no reply due: —.
    const stop = within(second).getAllByTestId('regulator-indicator')[0];
    expect(stop.getAttribute('data-status')).toBe('not-applicable');
    expect(stop.textContent).toBe('不适用');
    expect(stop.className).not.toMatch(/ant-tag-(green|red)/);
    expect(within(second).getByTestId('companies-per10000').textContent).toBe('20.00');
    for (const want of ['zibo-heat 淄博热力', '8,000', '—', '75%', '¥0.00 / ¥5,000.00', '61.70']) expect(second.textContent).toContain(want);
    expect(within(second).queryByTestId('companies-overdue')).toBeNull();
    // Buildings outside the licence (Z 3.4): a red tag linking to 经营区域核查 of the company; none: 0.
    expect(header).toContain('区域外楼栋');
    const outside = within(first).getByTestId('companies-licence');
    expect(outside.textContent).toBe('2 栋 / 240 户');
    expect(outside.getAttribute('href')).toBe('/regulator/licence?company=1');
    expect(within(second).getByTestId('companies-licence').textContent).toBe('0');
    // Season announcements late or missing (R-SEASON-1): a red tag of the non-zero parts linking to
    // 供热季公告核查 of the company and the month's season; none: a green 无.
    expect(header).toContain('季前公告');
    const notices = within(first).getByTestId('companies-seasons');
    expect(notices.textContent).toBe('逾期 1 · 缺失 2');
    expect(notices.getAttribute('href')).toBe('/regulator/seasons?company=1&season=2026');
    expect(notices.querySelector('.ant-tag')!.className).toContain('ant-tag-red');
    const noNotices = within(second).getByTestId('companies-seasons');
    expect(noNotices.textContent).toBe('无');
    expect(noNotices.className).toContain('ant-tag-green');
    expect(noNotices.getAttribute('href')).toBeNull();

    // The complaints' tooltip: received and duplicates.
    fireEvent.mouseEnter(within(first).getByTestId('companies-complaints'));
    await waitFor(() => expect(screen.getByRole('tooltip').textContent).toContain('收到 30 件，其中重复 2 件，计 28 件'));

    // The chart: per 10,000 households stacked by the channels with complaints, and the scores.
    const chart = screen.getByTestId('companies-chart');
    expect(chart.textContent).toContain('12345 市民热线=[8.33,7.5]');
    expect(chart.textContent).toContain('电话=[15,12.5]');
    expect(chart.textContent).toContain('网站=[1.67,0]');
    expect(chart.textContent).toContain('得分=[97.5,61.7]');
    expect(chart.textContent).not.toContain('省级热线');
    expect(chart.getAttribute('aria-label')).toContain('威海热电 23.33 件/万户、97.50 分');
  });

  it('shows only the non-zero parts of the season announcements, and — for an answer without them', async () => {
    mockFetch(() => {
      const report = comparisonReport(null, 'weihai');
      const [first, second] = report.companies;
      return json({ ...report, season_start_year: 2025, companies: [{ ...first, season_announcements: { late: 0, missing: 3 } }, { ...second, season_announcements: undefined }] });
    });
    renderPage('/regulator/companies?month=2026-03&policy=weihai');
    const table = await screen.findByTestId('companies-table', undefined, { timeout: 8000 });
    await waitFor(() => expect(rowsOf(table)).toHaveLength(2));
    const [first, second] = rowsOf(table);
    const notices = within(first).getByTestId('companies-seasons');
    expect(notices.textContent).toBe('缺失 3');
    expect(notices.getAttribute('href')).toBe('/regulator/seasons?company=1&season=2025');
    expect(within(second).getByTestId('companies-seasons').textContent).toBe('—');
  });

  it('shows the message of a 400 on the policy and asks again with the profile chosen', async () => {
    const fetchMock = mockFetch();
    renderPage('/regulator/companies');
    const refusal = await screen.findByTestId('regulator-refusal', undefined, { timeout: 8000 });
    expect(refusal.textContent).toContain('各企业适用的政策不同，请选择一个评分政策后重新查询。');
    expect(refusal.textContent).toContain(SEVERAL);
    expect(screen.queryByTestId('companies-table')).toBeNull();
    // The month is the previous one by default; no profile is sent.
    const month = previousMonth(beijingToday());
    expect(comparisonCalls(fetchMock)).toEqual([`/api/v1/regulator/companies?month=${month}`]);

    const select = screen.getByRole('combobox', { name: '评分政策' });
    fireEvent.mouseDown(select);
    fireEvent.click(await screen.findByText('淄博市 Zibo（zibo）'));
    fireEvent.click(screen.getByTestId('companies-query'));
    const table = await screen.findByTestId('companies-table', undefined, { timeout: 8000 });
    await waitFor(() => expect(rowsOf(table)).toHaveLength(2));
    expect(comparisonCalls(fetchMock)).toContain(`/api/v1/regulator/companies?month=${month}&policy=zibo`);
    expect(screen.queryByTestId('regulator-refusal')).toBeNull();
    expect(screen.getByTestId('regulator-period').textContent).toContain('评分政策 zibo');
  });

  it('downloads the workbook of the month and profile chosen', async () => {
    mockFetch();
    const download = vi.spyOn(api, 'download').mockResolvedValue('regulator-companies-2026-11.xlsx');
    renderPage('/regulator/companies?month=2026-11&policy=weihai');
    await screen.findByTestId('companies-table', undefined, { timeout: 8000 });
    fireEvent.click(screen.getByTestId('regulator-export'));
    await waitFor(() => expect(download).toHaveBeenCalled());
    expect(download).toHaveBeenCalledWith('/api/v1/regulator/companies', { month: '2026-11', policy: 'weihai', pool_fen: undefined, format: 'xlsx' }, 'regulator-companies-2026-11.xlsx');
  });

  it("shows a download's refusal with the server's message", async () => {
    mockFetch();
    vi.spyOn(api, 'download').mockRejectedValue(new ApiError(404, 'not_found', "policy 'nowhere' is not loaded", 'policy'));
    renderPage('/regulator/companies?month=2026-11&policy=weihai');
    await screen.findByTestId('companies-table', undefined, { timeout: 8000 });
    fireEvent.click(screen.getByTestId('regulator-export'));
    const refusal = await screen.findByTestId('regulator-refusal');
    expect(refusal.textContent).toContain('没有这个政策文件');
    expect(refusal.textContent).toContain("policy 'nowhere' is not loaded");
    // The figures stay.
    expect(screen.getByTestId('companies-table')).toBeTruthy();
  });

  it('shows a refusal (403) as the usual not-found', async () => {
    who.role = 'regulator';
    mockFetch(() => json({ error: { code: 'permission_denied', message: 'the comparison of companies is for regulators' } }, 403));
    renderPage('/regulator/companies?month=2026-11');
    await screen.findByText('未找到', undefined, { timeout: 8000 });
    expect(screen.queryByTestId('companies-table')).toBeNull();
  });
  /** The comparison over a run of days, as the server answers it (its "month" is the run). */
  function rangeAnswer(url: URL): Response {
    const from = url.searchParams.get('from');
    const to = url.searchParams.get('to');
    if (!from || !to) return json(comparisonReport(null, url.searchParams.get('policy') ?? 'weihai'));
    const until = new Date(Date.parse(`${to}T00:00:00+08:00`) + 86400000 + 8 * 3600000).toISOString().slice(0, 10);
    return json({ ...comparisonReport(null, url.searchParams.get('policy') ?? 'weihai'), month: `${from}..${to}`, from: `${from}T00:00:00+08:00`, until: `${until}T00:00:00+08:00`, season_start_year: Number(from.slice(0, 4)) });
  }

  it('shows a run of days from the URL (按时段), and downloads the workbook of the same period', async () => {
    const fetchMock = mockFetch(rangeAnswer);
    const download = vi.spyOn(api, 'download').mockResolvedValue('regulator-companies-2025-11-15..2026-03-15.xlsx');
    renderPage('/regulator/companies?from=2025-11-15&to=2026-03-15&policy=weihai');
    const table = await screen.findByTestId('companies-table', undefined, { timeout: 8000 });
    await waitFor(() => expect(rowsOf(table)).toHaveLength(2));
    expect(comparisonCalls(fetchMock)).toEqual(['/api/v1/regulator/companies?from=2025-11-15&to=2026-03-15&policy=weihai']);
    expect(screen.getByText('2025-11-15 至 2026-03-15 各企业指标')).toBeTruthy();
    expect(screen.getByTestId('regulator-period').textContent).toContain('统计期间 2025-11-15 至 2026-03-15 · 评分政策 weihai');
    expect(screen.getByTestId('regulator-period').textContent).not.toContain('（2025-11-15..2026-03-15）');
    // 按时段 is chosen, its run in the picker.
    expect(screen.getByTestId('regulator-period-kind').querySelector('.ant-segmented-item-selected')?.textContent).toBe('按时段');
    expect((screen.getByPlaceholderText('开始日期') as HTMLInputElement).value).toBe('2025-11-15');
    expect((screen.getByPlaceholderText('结束日期') as HTMLInputElement).value).toBe('2026-03-15');

    fireEvent.click(screen.getByTestId('regulator-export'));
    await waitFor(() => expect(download).toHaveBeenCalled());
    expect(download).toHaveBeenCalledWith(
      '/api/v1/regulator/companies',
      { from: '2025-11-15', to: '2026-03-15', policy: 'weihai', pool_fen: undefined, format: 'xlsx' },
      'regulator-companies-2025-11-15..2026-03-15.xlsx',
    );
  });

  it('switches to 按时段 with the month\'s days, fills 整个供暖季, and asks for it on 查询', async () => {
    const fetchMock = mockFetch(rangeAnswer);
    renderPage('/regulator/companies?month=2026-01&policy=weihai');
    await screen.findByTestId('companies-table', undefined, { timeout: 8000 });
    expect(comparisonCalls(fetchMock)).toEqual(['/api/v1/regulator/companies?month=2026-01&policy=weihai']);
    expect(screen.queryByTestId('regulator-range')).toBeNull();

    // The month becomes its days; nothing is asked before 查询.
    fireEvent.click(screen.getByText('按时段'));
    await waitFor(() => expect((screen.getByPlaceholderText('开始日期') as HTMLInputElement).value).toBe('2026-01-01'));
    expect((screen.getByPlaceholderText('结束日期') as HTMLInputElement).value).toBe('2026-01-31');
    expect(comparisonCalls(fetchMock)).toHaveLength(1);

    // 整个供暖季: the season under way, or the last one (11-15 to the next 03-15).
    const season = heatingSeason(beijingToday());
    fireEvent.click(screen.getByTestId('regulator-season'));
    await waitFor(() => expect((screen.getByPlaceholderText('开始日期') as HTMLInputElement).value).toBe(season.from));
    expect((screen.getByPlaceholderText('结束日期') as HTMLInputElement).value).toBe(season.to);
    fireEvent.click(screen.getByTestId('companies-query'));
    await waitFor(() => expect(comparisonCalls(fetchMock)).toContain(`/api/v1/regulator/companies?from=${season.from}&to=${season.to}&policy=weihai`));
    await waitFor(() => expect(screen.getByText(`${season.from} 至 ${season.to} 各企业指标`)).toBeTruthy());

    // Back to 按月: the month the run starts in.
    fireEvent.click(screen.getByText('按月'));
    fireEvent.click(screen.getByTestId('companies-query'));
    await waitFor(() => expect(comparisonCalls(fetchMock)).toContain(`/api/v1/regulator/companies?month=${season.from.slice(0, 7)}&policy=weihai`));
  });

  it("fills 整个供暖季 from 按月 too, and shows the server's refusal of the period on the field", async () => {
    const TOO_LONG = 'from..to must be at most 366 days';
    // The server refuses this run (as it would one too long): the refusal names `to`.
    const fetchMock = mockFetch((url) => (url.searchParams.get('from') === '2025-04-01' ? json({ error: { code: 'invalid_argument', message: TOO_LONG, field: 'to' } }, 400) : rangeAnswer(url)));
    renderPage('/regulator/companies?from=2025-04-01&to=2026-03-15&policy=weihai');
    const refusal = await screen.findByTestId('regulator-refusal', undefined, { timeout: 8000 });
    expect(refusal.textContent).toContain('结束日期不正确。');
    expect(refusal.textContent).toContain(TOO_LONG);
    // On the field: marked, the server's message under it (Ant Design shows a field's help with
    // a motion, after the alert above the page: wait for it).
    expect((await screen.findByTestId('regulator-period-error', undefined, { timeout: 8000 })).textContent).toBe(TOO_LONG);
    await waitFor(() => expect(screen.getByPlaceholderText('结束日期').closest('.ant-picker')?.className).toContain('ant-picker-status-error'));
    expect(screen.queryByTestId('companies-table')).toBeNull();

    // 按月 then 整个供暖季: back to a run of days.
    fireEvent.click(screen.getByText('按月'));
    await waitFor(() => expect(screen.queryByTestId('regulator-range')).toBeNull());
    fireEvent.click(screen.getByTestId('regulator-season'));
    const season = heatingSeason(beijingToday());
    await waitFor(() => expect((screen.getByPlaceholderText('开始日期') as HTMLInputElement).value).toBe(season.from));
    fireEvent.click(screen.getByTestId('companies-query'));
    await screen.findByTestId('companies-table', undefined, { timeout: 8000 });
    expect(comparisonCalls(fetchMock)).toContain(`/api/v1/regulator/companies?from=${season.from}&to=${season.to}&policy=weihai`);
    expect(screen.queryByTestId('regulator-period-error')).toBeNull();
    expect(screen.queryByTestId('regulator-refusal')).toBeNull();
  });

  it('marks the month with the server\'s message when it is refused', async () => {
    mockFetch(() => json({ error: { code: 'invalid_argument', message: 'month must be YYYY-MM of 2000..2200', field: 'month' } }, 400));
    renderPage('/regulator/companies?month=2026-11&policy=weihai');
    const refusal = await screen.findByTestId('regulator-refusal', undefined, { timeout: 8000 });
    expect(refusal.textContent).toContain('月份不正确。');
    expect((await screen.findByTestId('regulator-period-error', undefined, { timeout: 8000 })).textContent).toBe('month must be YYYY-MM of 2000..2200');
    await waitFor(() => expect(screen.getByLabelText('月份', { selector: 'input' }).closest('.ant-picker')?.className).toContain('ant-picker-status-error'));
  });
});
