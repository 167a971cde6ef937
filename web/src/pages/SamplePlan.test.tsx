// 采样方案 (R-SAMPLE-1..3) against a mocked server: the summary, the quota table's red gap and the
// shortfalls in words, the sampled households (the 推定 tag), the regulator's company choice before
// any plan is asked, the seed's check and the server's refusals, and the downloads.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { MemoryRouter, useLocation } from 'react-router-dom';
import { api, ApiError, setToken } from '../api/client';
import type { SamplePlan as Plan } from '../api/types';
import type { Role } from '../auth';
import { I18nProvider } from '../i18n';
import SamplePlan from './SamplePlan';

vi.setConfig({ testTimeout: 30000 });

const who: { role: Role } = { role: 'manager' };
vi.mock('../auth', () => ({ useAuth: () => ({ me: { user_id: 1, username: 'u', role: who.role, company_id: who.role === 'regulator' || who.role === 'admin' ? null : 3, household_id: null } }) }));

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  setToken(null);
});

const PLAN: Plan = {
  company_id: 3,
  company_code: 'p',
  company_name: 'P 热力',
  policy: 'weihai',
  seed: '0',
  generated_at: '2026-12-04T15:30:00+08:00',
  households: 12,
  total_area_m2: 1080,
  rate_percent: 3,
  required: 1,
  quotas: { position: { near: 0, middle: 0, far: 1 }, orientation: { shade: 1, sun: 0 }, floor: { upper: 0, middle: 0, lower: 1 } },
  achieved: { position: { near: 1, middle: 0, far: 0 }, orientation: { shade: 1, sun: 0 }, floor: { upper: 0, middle: 0, lower: 1 } },
  selected: ['31'],
  shortfalls: [{ dimension: 'position', value: 'far', missing: 1 }],
  selected_households: [
    { household_id: 31, code: 'H-31', address: null, community: 'C', building_id: 9, building_code: 'B-3', floor: 1, floors: 6, floor_tier: 'lower', network_position: 'near', position_derived: true, orientation: 'shade', area_m2: 90, has_sensor: true },
  ],
};

const COMPANIES = { items: [{ id: 3, code: 'p', name: 'P 热力' }], next_cursor: null };

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

function mockFetch(plan: (url: URL) => Response = () => json(PLAN)) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(String(input), 'http://console.test');
    if (url.pathname === '/api/v1/companies') return json(COMPANIES);
    if (url.pathname === '/api/v1/sample-plan') return plan(url);
    throw new Error(`unexpected ${url}`);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

/** The plan's URLs fetch was asked for. */
function planCalls(fetchMock: ReturnType<typeof mockFetch>): string[] {
  return (fetchMock.mock.calls as unknown[][]).map((c) => String(c[0])).filter((u) => u.startsWith('/api/v1/sample-plan'));
}

function Where() {
  const l = useLocation();
  return <div data-testid="where">{`${l.pathname}${l.search}`}</div>;
}

function renderPage(url: string) {
  render(
    <MemoryRouter initialEntries={[url]} future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
      <I18nProvider locale="zh-CN">
        <AntApp>
          <SamplePlan />
          <Where />
        </AntApp>
      </I18nProvider>
    </MemoryRouter>,
  );
}

describe('SamplePlan', () => {
  it("shows a manager their company's plan: the summary, the red gap, the shortfall and the households", async () => {
    who.role = 'manager';
    const fetchMock = mockFetch();
    renderPage('/sampling');
    await screen.findByTestId('sampling-summary', undefined, { timeout: 8000 });
    expect(planCalls(fetchMock)).toEqual(['/api/v1/sample-plan?seed=0']);
    expect(screen.queryByLabelText('供热企业')).toBeNull();

    expect(screen.getByTestId('sampling-summary').textContent).toContain('p P 热力 采样方案');
    expect(screen.getByTestId('sampling-stat-households').textContent).toBe('12 户');
    expect(screen.getByTestId('sampling-stat-area').textContent).toBe('1,080 m²');
    expect(screen.getByTestId('sampling-stat-rate').textContent).toBe('3 %');
    expect(screen.getByTestId('sampling-stat-required').textContent).toBe('1 户');
    expect(screen.getByTestId('sampling-stat-selected').textContent).toBe('1 户');
    expect(screen.getByTestId('sampling-stat-seed').textContent).toBe('0');
    expect(screen.getByTestId('sampling-stat-generated').textContent).toBe('2026-12-04 15:30');

    // 末端: quota 1, none selected: a red 缺 1 and the warning in words.
    const gaps = within(screen.getByTestId('sampling-quota-table')).getAllByTestId('sampling-gap');
    expect(gaps.map((g) => g.textContent)).toEqual(['缺 1']);
    expect(gaps[0].className).toContain('ant-tag-red');
    expect(gaps[0].closest('tr')!.textContent).toContain('末端');
    expect(screen.getByTestId('sampling-shortfalls').textContent).toContain('末端 缺 1 户');

    const table = screen.getByTestId('sampling-households-table');
    const rows = Array.from(table.querySelectorAll<HTMLElement>('tr[data-row-key]'));
    expect(rows).toHaveLength(1);
    const link = within(rows[0]).getByTestId('sampling-household');
    expect(link.textContent).toBe('H-31');
    expect(link.getAttribute('href')).toBe('/households/31');
    for (const want of ['C', 'B-3', '1/6', '低层', '近端', '阴面', '90.00', '有']) expect(rows[0].textContent).toContain(want);
    expect(within(rows[0]).getByTestId('sampling-derived').textContent).toBe('推定');
  });

  it('shows the success alert when every quota is met', async () => {
    who.role = 'technician';
    mockFetch(() => json({ ...PLAN, shortfalls: [], achieved: PLAN.quotas, selected_households: [{ ...PLAN.selected_households[0], position_derived: false }] }));
    renderPage('/sampling');
    await screen.findByTestId('sampling-no-shortfall', undefined, { timeout: 8000 });
    expect(screen.queryByTestId('sampling-gap')).toBeNull();
    expect(screen.queryByTestId('sampling-derived')).toBeNull();
  });

  it('asks the regulator for a company before fetching any plan', async () => {
    who.role = 'regulator';
    const fetchMock = mockFetch();
    renderPage('/sampling');
    await screen.findByTestId('sampling-choose-company', undefined, { timeout: 8000 });
    expect(screen.getByText('请选择供热企业后生成采样方案')).toBeTruthy();
    await waitFor(() => expect((fetchMock.mock.calls as unknown[][]).some((c) => String(c[0]).startsWith('/api/v1/companies'))).toBe(true), { timeout: 8000 });
    expect(planCalls(fetchMock)).toEqual([]);

    fireEvent.mouseDown(screen.getAllByLabelText('供热企业').find((e) => e.getAttribute('role') === 'combobox')!);
    const option = await waitFor(() => {
      const o = Array.from(document.querySelectorAll<HTMLElement>('.ant-select-item-option')).find((x) => x.textContent === 'p P 热力');
      expect(o).toBeTruthy();
      return o!;
    }, { timeout: 8000 });
    fireEvent.click(option);
    await screen.findByTestId('sampling-summary', undefined, { timeout: 8000 });
    expect(planCalls(fetchMock)).toEqual(['/api/v1/sample-plan?company=3&seed=0']);
    expect(screen.getByTestId('where').textContent).toBe('/sampling?company=3&seed=0');
  });

  it('checks the seed before sending it, and keeps a large one a string', async () => {
    who.role = 'manager';
    const fetchMock = mockFetch();
    renderPage('/sampling?seed=5');
    await screen.findByTestId('sampling-summary', undefined, { timeout: 8000 });
    const input = screen.getByTestId('sampling-seed') as HTMLInputElement;
    expect(input.value).toBe('5');

    fireEvent.change(input, { target: { value: '12a' } });
    fireEvent.click(screen.getByTestId('sampling-generate'));
    await screen.findByText('随机种子只能是数字', undefined, { timeout: 8000 });
    expect(planCalls(fetchMock)).toEqual(['/api/v1/sample-plan?seed=5']);

    fireEvent.change(input, { target: { value: '18446744073709551615' } });
    fireEvent.click(screen.getByTestId('sampling-generate'));
    await waitFor(() => expect(planCalls(fetchMock)).toContain('/api/v1/sample-plan?seed=18446744073709551615'), { timeout: 8000 });
    expect(screen.getByTestId('where').textContent).toBe('/sampling?seed=18446744073709551615');
    expect(screen.queryByText('随机种子只能是数字')).toBeNull();
  });

  it("shows the server's 400 on the seed field", async () => {
    who.role = 'manager';
    mockFetch(() => json({ error: { code: 'invalid_argument', message: 'seed must be 0..18446744073709551615', field: 'seed' } }, 400));
    renderPage('/sampling?seed=5');
    await screen.findByText('seed must be 0..18446744073709551615', undefined, { timeout: 8000 });
    expect(screen.queryByTestId('sampling-summary')).toBeNull();
  });

  it('shows the 409 message saying what to fix', async () => {
    who.role = 'admin';
    const message = 'building B-2 has neither network_position nor pipe_distance_m: its households cannot be placed on the network (R-SAMPLE-2)';
    mockFetch(() => json({ error: { code: 'conflict', message, field: 'network_position' } }, 409));
    renderPage('/sampling?company=3&seed=0');
    const alert = await screen.findByTestId('sampling-unplannable', undefined, { timeout: 8000 });
    expect(alert.textContent).toContain('无法生成采样方案');
    expect(alert.textContent).toContain(message);
    expect(screen.queryByTestId('sampling-summary')).toBeNull();
  });

  it('downloads the same plan as CSV and Excel, and shows a refused download', async () => {
    who.role = 'admin';
    mockFetch();
    const download = vi.spyOn(api, 'download').mockResolvedValue('sample-plan-p-seed-7.csv');
    renderPage('/sampling?company=3&seed=7');
    await screen.findByTestId('sampling-summary', undefined, { timeout: 8000 });
    fireEvent.click(screen.getByTestId('sampling-export-csv'));
    await waitFor(() => expect(download).toHaveBeenCalledWith('/api/v1/sample-plan', { company: '3', seed: '7', format: 'csv' }, 'sample-plan-p-seed-7.csv'), { timeout: 8000 });
    fireEvent.click(screen.getByTestId('sampling-export-xlsx'));
    await waitFor(() => expect(download).toHaveBeenCalledWith('/api/v1/sample-plan', { company: '3', seed: '7', format: 'xlsx' }, 'sample-plan-p-seed-7.xlsx'), { timeout: 8000 });

    download.mockRejectedValueOnce(new ApiError(409, 'conflict', 'building B-2 has no floors', 'floor'));
    fireEvent.click(screen.getByTestId('sampling-export-csv'));
    expect((await screen.findByTestId('sampling-export-error', undefined, { timeout: 8000 })).textContent).toContain('导出失败：building B-2 has no floors');
  });
});
