import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { api } from '../api/client';
import type { Role } from '../auth';
import { beijingToday } from '../format';
import { I18nProvider } from '../i18n';
import { comparisonReport, POLICIES } from './regulator/fixture';
import { heatingSeason } from './regulator/logic';
import SubsidyShares from './SubsidyShares';

vi.setConfig({ testTimeout: 30000 });

const who: { role: Role } = { role: 'regulator' };
vi.mock('../auth', () => ({ useAuth: () => ({ me: { user_id: 1, username: 'u', role: who.role, company_id: null, household_id: null } }) }));
// jsdom has no canvas: the chart shows the series it was given.
vi.mock('./regulator/RegulatorChart', () => ({
  default: ({ option, ariaLabel, testId }: { option: { series: Array<{ type: string; data: unknown[] }> }; ariaLabel: string; testId: string }) => (
    <div data-testid={testId} aria-label={ariaLabel}>
      {option.series.map((s) => `${s.type}=${JSON.stringify(s.data)}`).join(' | ')}
    </div>
  ),
}));

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const SEVERAL = 'the companies compared use the profiles weihai, zibo: name the one whose subsidy weights score them all (policy)';

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/** The comparison as the server answers it: over a month, or over a run of days (from, to), when
 * its "month" is the run. */
function comparisonAnswer(url: URL, policy: string): Response {
  const pool = url.searchParams.get('pool_fen');
  const report = comparisonReport(pool === null ? null : Number(pool), policy);
  const from = url.searchParams.get('from');
  const to = url.searchParams.get('to');
  if (!from || !to) return json(report);
  const until = new Date(Date.parse(`${to}T00:00:00+08:00`) + 86400000 + 8 * 3600000).toISOString().slice(0, 10);
  return json({ ...report, month: `${from}..${to}`, from: `${from}T00:00:00+08:00`, until: `${until}T00:00:00+08:00`, season_start_year: Number(from.slice(0, 4)) });
}

/** fetch as the server answers: the profiles, and the comparison with the pool asked for (400 on
 * the policy when none is named). */
function mockFetch() {
  const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(String(input), 'http://console.test');
    if (url.pathname === '/api/v1/policies') return json(POLICIES);
    if (url.pathname === '/api/v1/regulator/companies') {
      const policy = url.searchParams.get('policy');
      if (!policy) return json({ error: { code: 'invalid_argument', message: SEVERAL, field: 'policy' } }, 400);
      return comparisonAnswer(url, policy);
    }
    throw new Error(`unexpected ${url}`);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function comparisonCalls(fetchMock: ReturnType<typeof mockFetch>): string[] {
  return (fetchMock.mock.calls as unknown[][]).map((c) => String(c[0])).filter((u) => u.startsWith('/api/v1/regulator/companies'));
}

function renderPage(url: string) {
  render(
    <MemoryRouter initialEntries={[url]} future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
      <I18nProvider locale="zh-CN">
        <SubsidyShares />
      </I18nProvider>
    </MemoryRouter>,
  );
}

function rowsOf(table: HTMLElement): HTMLElement[] {
  return Array.from(table.querySelectorAll<HTMLElement>('tr[data-row-key]'));
}

function pool(): HTMLInputElement {
  return screen.getByLabelText('补贴总额（元）') as HTMLInputElement;
}

function poolHelp(): string {
  return pool().closest('.ant-form-item')?.querySelector('.ant-form-item-explain')?.textContent ?? '';
}

describe('SubsidyShares', () => {
  it('shows the scores with a hint without a pool, then the shares of the pool typed, in fen on the URL', async () => {
    const fetchMock = mockFetch();
    renderPage('/regulator/subsidy?month=2026-11&policy=weihai');
    const companies = await screen.findByTestId('subsidy-companies', undefined, { timeout: 8000 });
    await waitFor(() => expect(rowsOf(companies)).toHaveLength(2));
    expect(comparisonCalls(fetchMock)).toEqual(['/api/v1/regulator/companies?month=2026-11&policy=weihai']);

    // No pool: the scores only, and the hint.
    expect(screen.getByTestId('subsidy-no-pool').textContent).toContain('未输入补贴总额，仅显示各企业得分');
    expect(within(companies).queryAllByTestId('subsidy-share')).toHaveLength(0);
    expect(Array.from(companies.querySelectorAll('thead th')).map((h) => h.textContent)).not.toContain('份额（元）');
    expect(rowsOf(companies).map((r) => within(r).getByTestId('subsidy-score').textContent)).toEqual(['97.50', '61.70']);
    expect(screen.getByTestId('subsidy-chart').textContent).toBe('bar=[97.5,61.7]');

    // The weights, with their basis.
    const weights = screen.getByTestId('subsidy-weights');
    expect(Array.from(weights.querySelectorAll('thead th')).map((h) => h.textContent)).toEqual(['指标', '权重', '依据']);
    const weightRows = rowsOf(weights).map((r) => Array.from(r.querySelectorAll('td')).map((td) => td.textContent));
    expect(weightRows[0]).toEqual(['运行事故率', '15%', 'Z 4.3（平台默认）']);
    expect(weightRows.map((r) => r[0])).toEqual(['运行事故率', '抢修响应率', '室温合格率', '投诉处理过程满意率', '投诉结果满意率', '万户投诉量', '按时办结率']);
    expect(weightRows[5]).toEqual(['万户投诉量', '10%', 'Z 4.3（平台默认）']);

    // A pool of one million yuan, typed with separators: sent as whole fen.
    fireEvent.change(pool(), { target: { value: '1,000,000' } });
    fireEvent.click(screen.getByTestId('subsidy-calculate'));
    await waitFor(() => expect(comparisonCalls(fetchMock)).toContain('/api/v1/regulator/companies?month=2026-11&policy=weihai&pool_fen=100000000'));
    await waitFor(() => expect(within(screen.getByTestId('subsidy-companies')).getAllByTestId('subsidy-share')).toHaveLength(2));
    const table = screen.getByTestId('subsidy-companies');
    const header = Array.from(table.querySelectorAll('thead th')).map((h) => h.textContent);
    for (const want of ['企业', '得分', '适用权重', '份额（元）', '占比']) expect(header).toContain(want);
    const [first, second] = rowsOf(table);
    expect(within(first).getByTestId('subsidy-share').textContent).toBe('¥612,340.00');
    expect(within(first).getByTestId('subsidy-share-percent').textContent).toBe('61.23%');
    expect(within(second).getByTestId('subsidy-share').textContent).toBe('¥387,660.00');
    expect(within(second).getByTestId('subsidy-share-percent').textContent).toBe('38.77%');
    expect(screen.getByTestId('subsidy-total').textContent).toBe('¥1,000,000.00');
    expect(screen.getByTestId('subsidy-pool-line').textContent).toContain('补贴总额 ¥1,000,000.00');
    expect(screen.queryByTestId('subsidy-no-pool')).toBeNull();
    expect(screen.getByTestId('subsidy-chart').textContent).toContain('pie=');
    expect(screen.getByTestId('subsidy-chart').getAttribute('aria-label')).toContain('威海热电 ¥612,340.00（61.23%）');
    // The URL keeps it: the input shows it again in yuan.
    expect(pool().value).toBe('1000000');

    // 淄博热力's score lines: R-KPI-S and on-time replies do not apply, greyed.
    fireEvent.click(within(second).getByRole('button'));
    const lines = await screen.findByTestId('subsidy-lines');
    expect(Array.from(lines.querySelectorAll('thead th')).map((h) => h.textContent)).toEqual(['指标', '数值', '权重', '依据', '得分', '计算过程']);
    const rows = rowsOf(lines);
    expect(rows).toHaveLength(7);
    const stop = rows[0];
    expect(stop.getAttribute('data-applicable')).toBe('false');
    expect(stop.style.color).not.toBe('');
    expect(stop.textContent).toContain('运行事故率');
    expect(within(stop).getByTestId('regulator-not-applicable').textContent).toBe('不适用');
    expect(stop.textContent).toContain('不适用，不计入得分');
    expect(rows[6].getAttribute('data-applicable')).toBe('false');
    const rate = rows[5];
    expect(rate.getAttribute('data-applicable')).toBe('true');
    for (const want of ['万户投诉量', '20.00 件/万户', '10%', 'Z 4.3（平台默认）', '100.00', '(best 20.00 件/万户 + 1) ÷ (20.00 件/万户 + 1) × 100 = 100.00']) expect(rate.textContent).toContain(want);
    expect(screen.getByTestId('subsidy-company-working').textContent).toBe('综合得分（适用权重 75%）：(15 × 100.00 + 25 × 100.00 + 10 × 83.33 + 15 × 0.00 + 10 × 100.00) ÷ 75 = 61.70');
  });

  it('checks the pool before asking: yuan with two decimals at most, not negative, at most 100,000,000,000', async () => {
    const fetchMock = mockFetch();
    renderPage('/regulator/subsidy?month=2026-11&policy=weihai');
    await screen.findByTestId('subsidy-companies', undefined, { timeout: 8000 });
    const calculate = screen.getByTestId('subsidy-calculate') as HTMLButtonElement;

    fireEvent.change(pool(), { target: { value: '-5' } });
    await waitFor(() => expect(poolHelp()).toContain('补贴总额不能为负数'));
    expect(calculate.disabled).toBe(true);
    expect((screen.getByTestId('regulator-export') as HTMLButtonElement).disabled).toBe(true);

    fireEvent.change(pool(), { target: { value: '1.234' } });
    await waitFor(() => expect(poolHelp()).toContain('请输入金额（元），最多两位小数'));
    fireEvent.change(pool(), { target: { value: '十万' } });
    await waitFor(() => expect(poolHelp()).toContain('请输入金额（元），最多两位小数'));
    fireEvent.change(pool(), { target: { value: '100000000000.01' } });
    await waitFor(() => expect(poolHelp()).toContain('补贴总额不能超过 100,000,000,000 元'));
    fireEvent.click(calculate);
    expect(comparisonCalls(fetchMock).some((u) => u.includes('pool_fen'))).toBe(false);

    fireEvent.change(pool(), { target: { value: '100000000000' } });
    await waitFor(() => expect(calculate.disabled).toBe(false));
    expect(poolHelp()).toBe('');
    fireEvent.click(calculate);
    await waitFor(() => expect(comparisonCalls(fetchMock)).toContain('/api/v1/regulator/companies?month=2026-11&policy=weihai&pool_fen=10000000000000'));

    fireEvent.change(pool(), { target: { value: '12.3' } });
    fireEvent.click(calculate);
    await waitFor(() => expect(comparisonCalls(fetchMock)).toContain('/api/v1/regulator/companies?month=2026-11&policy=weihai&pool_fen=1230'));
  });

  it('downloads the workbook with the pool in fen', async () => {
    mockFetch();
    const download = vi.spyOn(api, 'download').mockResolvedValue('regulator-companies-2026-11.xlsx');
    renderPage('/regulator/subsidy?month=2026-11&policy=weihai');
    await screen.findByTestId('subsidy-companies', undefined, { timeout: 8000 });
    fireEvent.change(pool(), { target: { value: '1234.56' } });
    fireEvent.click(screen.getByTestId('regulator-export'));
    await waitFor(() => expect(download).toHaveBeenCalled());
    expect(download).toHaveBeenCalledWith('/api/v1/regulator/companies', { month: '2026-11', policy: 'weihai', pool_fen: 123456, format: 'xlsx' }, 'regulator-companies-2026-11.xlsx');
  });

  it('scores a run of days (按时段): 整个供暖季 and the pool on 测算, the same period in the workbook', async () => {
    const fetchMock = mockFetch();
    const download = vi.spyOn(api, 'download').mockResolvedValue('regulator-companies-range.xlsx');
    renderPage('/regulator/subsidy?month=2026-01&policy=weihai');
    await screen.findByTestId('subsidy-companies', undefined, { timeout: 8000 });
    expect(comparisonCalls(fetchMock)).toEqual(['/api/v1/regulator/companies?month=2026-01&policy=weihai']);

    // 按时段: the month's days; nothing is asked before 测算.
    fireEvent.click(screen.getByText('按时段'));
    await waitFor(() => expect((screen.getByPlaceholderText('开始日期') as HTMLInputElement).value).toBe('2026-01-01'));
    expect((screen.getByPlaceholderText('结束日期') as HTMLInputElement).value).toBe('2026-01-31');
    expect(comparisonCalls(fetchMock)).toHaveLength(1);

    // 整个供暖季 and a pool: asked with from and to, the pool in fen.
    const season = heatingSeason(beijingToday());
    fireEvent.click(screen.getByTestId('regulator-season'));
    await waitFor(() => expect((screen.getByPlaceholderText('开始日期') as HTMLInputElement).value).toBe(season.from));
    fireEvent.change(pool(), { target: { value: '1000000' } });
    fireEvent.click(screen.getByTestId('subsidy-calculate'));
    const asked = `/api/v1/regulator/companies?from=${season.from}&to=${season.to}&policy=weihai&pool_fen=100000000`;
    await waitFor(() => expect(comparisonCalls(fetchMock)).toContain(asked));
    expect(comparisonCalls(fetchMock).every((u) => !u.includes('from=') || !u.includes('month='))).toBe(true);
    await waitFor(() => expect(screen.getByText(`${season.from} 至 ${season.to} 各企业得分与份额`)).toBeTruthy());
    expect(screen.getByTestId('regulator-period').textContent).toContain(`统计期间 ${season.from} 至 ${season.to}`);
    await waitFor(() => expect(within(screen.getByTestId('subsidy-companies')).getAllByTestId('subsidy-share')).toHaveLength(2));

    // 导出Excel: the same run of days and pool.
    fireEvent.click(screen.getByTestId('regulator-export'));
    await waitFor(() => expect(download).toHaveBeenCalled());
    expect(download).toHaveBeenCalledWith(
      '/api/v1/regulator/companies',
      { from: season.from, to: season.to, policy: 'weihai', pool_fen: 100000000, format: 'xlsx' },
      `regulator-companies-${season.from}..${season.to}.xlsx`,
    );
  });

  it('reads a run of days from the URL', async () => {
    const fetchMock = mockFetch();
    renderPage('/regulator/subsidy?from=2025-11-15&to=2026-03-15&policy=weihai&pool_fen=100000000');
    await screen.findByTestId('subsidy-companies', undefined, { timeout: 8000 });
    expect(comparisonCalls(fetchMock)).toEqual(['/api/v1/regulator/companies?from=2025-11-15&to=2026-03-15&policy=weihai&pool_fen=100000000']);
    expect(screen.getByTestId('regulator-period-kind').querySelector('.ant-segmented-item-selected')?.textContent).toBe('按时段');
    expect((screen.getByPlaceholderText('结束日期') as HTMLInputElement).value).toBe('2026-03-15');
    expect(screen.getByText('2025-11-15 至 2026-03-15 各企业得分与份额')).toBeTruthy();
  });

  it('shows the message of a 400 on the policy, and the profile to choose', async () => {
    const fetchMock = mockFetch();
    renderPage('/regulator/subsidy?month=2026-11&pool_fen=100000000');
    const refusal = await screen.findByTestId('regulator-refusal', undefined, { timeout: 8000 });
    expect(refusal.textContent).toContain('各企业适用的政策不同，请选择一个评分政策后重新查询。');
    expect(refusal.textContent).toContain(SEVERAL);
    expect(comparisonCalls(fetchMock)).toEqual(['/api/v1/regulator/companies?month=2026-11&pool_fen=100000000']);
    expect(screen.queryByTestId('subsidy-companies')).toBeNull();
    expect(pool().value).toBe('1000000');
    // The profile select is marked.
    expect(screen.getByRole('combobox', { name: '评分政策' }).closest('.ant-form-item')?.className).toContain('has-error');
  });
});
