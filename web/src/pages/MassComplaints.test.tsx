import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { api, ApiError } from '../api/client';
import type { MassComplaint } from '../api/types';
import type { Role } from '../auth';
import { I18nProvider } from '../i18n';
import MassComplaints from './MassComplaints';

vi.setConfig({ testTimeout: 30000 });

const who: { role: Role } = { role: 'regulator' };
vi.mock('../auth', () => ({ useAuth: () => ({ me: { user_id: 1, username: 'u', role: who.role, company_id: who.role === 'regulator' ? null : 3, household_id: null } }) }));

afterEach(() => vi.restoreAllMocks());

const flag = (id: number, over: Partial<MassComplaint> = {}): MassComplaint => ({
  id,
  company_id: 3,
  community: '文化小区',
  complaints: 22,
  first_at: '2026-11-20T18:03:00+08:00',
  reached_at: '2026-11-20T21:40:00+08:00',
  last_at: '2026-11-20T22:05:00+08:00',
  reached_order_id: 120,
  order_ids: [101, 102, 120, 121],
  threshold: 20,
  window_hours: 24,
  policy: 'weihai',
  flagged_at: '2026-11-20T13:41:30Z',
  ...over,
});

function mockApi(answer: () => unknown) {
  return vi.spyOn(api, 'get').mockImplementation(async (path: string) => {
    if (path === '/api/v1/companies') return { items: [{ id: 3, code: 'weihai-heat', name: '威海热电' }], next_cursor: null };
    if (path === '/api/v1/complaints/mass') return answer();
    throw new Error(`unexpected ${path}`);
  });
}

function renderPage(url: string) {
  render(
    <MemoryRouter initialEntries={[url]} future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
      <I18nProvider locale="zh-CN">
        <MassComplaints />
      </I18nProvider>
    </MemoryRouter>,
  );
}

describe('MassComplaints', () => {
  it("shows the regulator the warnings with the URL's filters, the rule and the orders", async () => {
    who.role = 'regulator';
    const get = mockApi(() => ({ items: [flag(1), flag(2, { company_id: 9, community: '海滨小区', threshold: 15, window_hours: 12, complaints: 15, order_ids: [301], reached_order_id: 301 })], next_cursor: 2 }));
    renderPage('/regulator/mass-complaints?from=2026-11-01&to=2026-11-30&company=3&size=10');
    const table = await screen.findByTestId('mass-complaints', undefined, { timeout: 8000 });
    await waitFor(() => expect(within(table).getByText('文化小区')).toBeTruthy());
    expect(get).toHaveBeenCalledWith('/api/v1/complaints/mass', { company: '3', from: '2026-11-01', to: '2026-11-30', limit: 10, cursor: undefined }, expect.anything());
    expect(screen.getByTestId('mass-complaints-rule').textContent).toContain('同一小区 24 小时内投诉 ≥ 20 件为群体投诉，即时告知监管部门与企业');
    expect(screen.getByTestId('mass-complaints-rule').textContent).toContain('R-REG-1（Z 3.4）');
    expect(screen.getByTestId('mass-complaints-period').textContent).toContain('2026-11-01 至 2026-11-30');
    expect(screen.getAllByLabelText('供热企业').length).toBeGreaterThan(0);

    const header = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    for (const want of ['企业', '小区', '投诉件数', '起始时间', '达到阈值时间', '最近一件', '判定标准', '通知时间']) expect(header).toContain(want);
    const rows = within(table).getAllByRole('row').slice(1);
    await waitFor(() => expect(rows[0].textContent).toContain('weihai-heat 威海热电'));
    for (const want of ['文化小区', '22 件', '2026-11-20 18:03', '2026-11-20 21:40', '2026-11-20 22:05', '24 小时内 ≥ 20 件', '2026-11-20 21:41']) expect(rows[0].textContent).toContain(want);
    // An unknown company shows its id; each warning states its own rule.
    expect(rows[1].textContent).toContain('#9');
    expect(rows[1].textContent).toContain('12 小时内 ≥ 15 件');

    // A row opens its orders; the regulator has no work-order page, so they are named, not linked.
    fireEvent.click(within(rows[0]).getByRole('button'));
    const orders = await screen.findByTestId('mass-complaint-orders');
    expect(orders.textContent).toContain('涉及工单 4 张');
    expect(within(orders).getAllByTestId('mass-complaint-order').map((o) => o.textContent)).toEqual(['工单 #101', '工单 #102', '工单 #120达到阈值', '工单 #121']);
    expect(within(orders).getByText('工单 #101').closest('a')).toBeNull();
    expect(within(orders).getAllByTestId('mass-complaint-reached')).toHaveLength(1);
  });

  it('links a manager to the orders, the reached one marked, without a company filter', async () => {
    who.role = 'manager';
    const get = mockApi(() => ({ items: [flag(1)], next_cursor: null }));
    renderPage('/regulator/mass-complaints?company=7');
    const table = await screen.findByTestId('mass-complaints', undefined, { timeout: 8000 });
    await waitFor(() => expect(within(table).getByText('文化小区')).toBeTruthy());
    // Staff see their own company's: no filter, and a company in the URL is not sent.
    expect(get).toHaveBeenCalledWith('/api/v1/complaints/mass', { company: undefined, from: undefined, to: undefined, limit: 20, cursor: undefined }, expect.anything());
    expect(screen.queryAllByLabelText('供热企业')).toHaveLength(0);
    expect(screen.getByTestId('mass-complaints-period').textContent).toContain('近 30 天');
    const row = within(table).getAllByRole('row')[1];
    fireEvent.click(within(row).getByRole('button'));
    const orders = await screen.findByTestId('mass-complaint-orders');
    expect(within(orders).getByText('工单 #101').closest('a')?.getAttribute('href')).toBe('/work-orders/101');
    const reached = within(orders).getAllByTestId('mass-complaint-order').find((o) => o.getAttribute('data-reached') === 'true')!;
    expect(within(reached).getByRole('link').getAttribute('href')).toBe('/work-orders/120');
    expect(reached.textContent).toContain('达到阈值');
  });

  it('says so when there is no mass complaint in the period', async () => {
    who.role = 'regulator';
    mockApi(() => ({ items: [], next_cursor: null }));
    renderPage('/regulator/mass-complaints?from=2026-01-01');
    const table = await screen.findByTestId('mass-complaints', undefined, { timeout: 8000 });
    await waitFor(() => expect(table.textContent).toContain('所选期间内没有群体投诉'));
    expect(screen.getByTestId('mass-complaints-period').textContent).toContain('2026-01-01 起');
  });

  it('does not ask for a period that ends before it starts', async () => {
    who.role = 'regulator';
    const get = mockApi(() => ({ items: [], next_cursor: null }));
    renderPage('/regulator/mass-complaints?from=2026-02-01&to=2026-01-01');
    await screen.findByText('结束日期不能早于开始日期。', undefined, { timeout: 8000 });
    expect(get).not.toHaveBeenCalledWith('/api/v1/complaints/mass', expect.anything(), expect.anything());
    expect(screen.queryByTestId('mass-complaints')).toBeNull();
  });

  it('shows a refusal (403) as the usual not-found', async () => {
    who.role = 'agent';
    mockApi(() => {
      throw new ApiError(403, 'forbidden', 'not your company');
    });
    renderPage('/regulator/mass-complaints');
    await screen.findByText('未找到', undefined, { timeout: 8000 });
    expect(screen.queryByTestId('mass-complaints')).toBeNull();
  });
});
