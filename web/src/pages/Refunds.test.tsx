import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { MemoryRouter, useLocation } from 'react-router-dom';
import { api } from '../api/client';
import type { Job, RefundEntry } from '../api/types';
import { I18nProvider } from '../i18n';
import Refunds from './Refunds';

vi.setConfig({ testTimeout: 30000 });

vi.mock('../auth', () => ({ useAuth: () => ({ me: { user_id: 1, username: 'u', role: 'manager', company_id: 3, household_id: null } }) }));

afterEach(() => vi.restoreAllMocks());

const entry = (id: number, household: number): RefundEntry => ({
  id,
  household_id: household,
  company_id: 3,
  season: 2025,
  status: 'draft',
  fee_fen: 250000,
  refund_fen: 12500,
  refund_yuan: 125,
  official_days: 120,
  payment_deadline: '2026-06-30',
  overdue: false,
  covered_to: '2026-03-15',
  season_end: '2026-03-15',
  choice: null,
  days: [],
  computed_at: '2026-03-16T08:00:00+08:00',
  updated_by: 'u',
  updated_at: '2026-03-16T08:00:00+08:00',
});

/** A refund run's job (POST /api/v1/jobs answers it running, GET /api/v1/jobs/7 tells it later). */
const job = (over: Partial<Job> = {}): Job => ({
  id: 7,
  kind: 'refund-run',
  company_id: 3,
  params: { season: 2025 } as unknown as Job['params'],
  state: 'running',
  done: 0,
  total: 0,
  percent: 0,
  started_by: 'u',
  started_at: '2026-03-16T08:00:00+08:00',
  updated_at: '2026-03-16T08:00:00+08:00',
  finished_at: null,
  result: null,
  error: null,
  ...over,
});

const summary = { season: 2025, covered_to: '2026-03-15', households: 120, written: 100, kept: 5, without_fee: 15, refund_fen: 1234500 };

/** The ledger's GETs answer one entry; GET /api/v1/jobs/7 answers `polls` in turn (the last again). */
function answering(polls: Job[]) {
  let n = 0;
  return vi.spyOn(api, 'get').mockImplementation(async (path: string) => {
    if (path === '/api/v1/jobs/7') return polls[Math.min(n++, polls.length - 1)];
    if (path.startsWith('/api/v1/households/')) return { id: 5, code: 'HH-5' };
    if (path === '/api/v1/refunds') return { items: [entry(41, 5)], next_cursor: null };
    throw new Error(`unexpected ${path}`);
  });
}

/** Clicks 核算本采暖季 and confirms. */
async function startRun() {
  fireEvent.click(await screen.findByTestId('refund-run', undefined, { timeout: 8000 }));
  await waitFor(() => expect(document.querySelector('.ant-popconfirm-buttons .ant-btn-primary')).toBeTruthy());
  // The POST's answer comes in a microtask: inside act, as the click.
  await act(async () => {
    fireEvent.click(document.querySelector('.ant-popconfirm-buttons .ant-btn-primary')!);
  });
}

let search = '';
function Where() {
  search = useLocation().search;
  return null;
}

function renderPage(url: string) {
  render(
    <MemoryRouter initialEntries={[url]} future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
      <I18nProvider locale="zh-CN">
        <App>
          <Refunds />
        </App>
        <Where />
      </I18nProvider>
    </MemoryRouter>,
  );
}

describe('Refunds', () => {
  it("lists the season's ledger with the URL's filters, pages by cursor, and a new filter goes back to the first page", async () => {
    const get = vi.spyOn(api, 'get').mockImplementation(async (path: string, query?: Record<string, unknown>) => {
      if (path.startsWith('/api/v1/households/')) return { id: Number(path.split('/').pop()), code: `HH-${path.split('/').pop()}` };
      if (path !== '/api/v1/refunds') throw new Error(`unexpected ${path}`);
      return query?.cursor === '40' ? { items: [entry(39, 7)], next_cursor: null } : { items: [entry(41, 5)], next_cursor: 40 };
    });
    renderPage('/refunds?season=2025&status=draft&size=20');
    const table = await screen.findByTestId('refund-table', undefined, { timeout: 8000 });
    await waitFor(() => expect(within(table).getByRole('link', { name: 'HH-5' })).toBeTruthy());
    expect(get).toHaveBeenCalledWith('/api/v1/refunds', { season: 2025, status: 'draft', household_id: undefined, overdue: undefined, limit: 20, cursor: undefined }, expect.anything());

    fireEvent.click(screen.getByRole('button', { name: '下一页' }));
    await waitFor(() => expect(search).toContain('after=40'));
    expect(search).toContain('size=20');
    await waitFor(() => expect(within(screen.getByTestId('refund-table')).getByRole('link', { name: 'HH-7' })).toBeTruthy());
    expect(get).toHaveBeenCalledWith('/api/v1/refunds', { season: 2025, status: 'draft', household_id: undefined, overdue: undefined, limit: 20, cursor: '40' }, expect.anything());
    expect(screen.getByText('第 2 页')).toBeTruthy();

    fireEvent.click(screen.getByRole('checkbox'));
    await waitFor(() => expect(search).toContain('overdue=true'));
    expect(search).not.toContain('after=');
    await waitFor(() =>
      expect(get).toHaveBeenCalledWith('/api/v1/refunds', { season: 2025, status: 'draft', household_id: undefined, overdue: 'true', limit: 20, cursor: undefined }, expect.anything()),
    );
    expect(screen.getByText('第 1 页')).toBeTruthy();
  });

  it('runs the season as a job: its progress, then the summary from the job\'s result and the list again', async () => {
    // Running for three polls (about 3 s), so that a slow render still sees it running.
    const running = job({ done: 48, total: 120, percent: 40 });
    const get = answering([running, running, running, job({ state: 'succeeded', done: 120, total: 120, percent: 100, result: summary as unknown as Job['result'] })]);
    const post = vi.spyOn(api, 'post').mockResolvedValue(job());
    renderPage('/refunds?season=2025');
    await screen.findByTestId('refund-table', undefined, { timeout: 8000 });
    const lists = () => get.mock.calls.filter((c) => c[0] === '/api/v1/refunds').length;
    await waitFor(() => expect(lists()).toBe(1));
    await startRun();
    await waitFor(() => expect(post).toHaveBeenCalledWith('/api/v1/jobs', { kind: 'refund-run', season: 2025 }));

    const bar = await screen.findByRole('progressbar', { name: '退费核算进度' });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('已处理 48 / 120 户'), { timeout: 5000 });
    expect(screen.getByRole('progressbar', { name: '退费核算进度' }).getAttribute('aria-valuenow')).toBe('40');
    expect(bar).toBeTruthy();
    expect((screen.getByTestId('refund-run') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.queryByTestId('refund-run-summary')).toBeNull();

    const done = await screen.findByTestId('refund-run-summary', undefined, { timeout: 8000 });
    expect(done.textContent).toContain('2025–2026 采暖季 核算完成');
    expect(done.textContent).toContain('120');
    expect(done.textContent).toContain('¥12,345.00');
    expect(screen.queryByRole('progressbar')).toBeNull();
    await waitFor(() => expect(lists()).toBe(2));
    expect(get.mock.calls.filter((c) => c[0] === '/api/v1/jobs/7')).toHaveLength(4);
  });

  it('says an interrupted run may be started again', async () => {
    const error = { code: 'unavailable', message: 'the run stopped reporting progress (its server stopped); start it again', field: null };
    answering([job({ state: 'interrupted', done: 10, total: 120, percent: 8, error })]);
    vi.spyOn(api, 'post').mockResolvedValue(job());
    renderPage('/refunds?season=2025');
    await startRun();
    const alert = await screen.findByTestId('refund-run-error', undefined, { timeout: 5000 });
    expect(alert.textContent).toContain('核算已中断');
    expect(alert.textContent).toContain('可以重新开始');
    expect(alert.textContent).toContain(error.message);
    expect(screen.queryByTestId('refund-run-summary')).toBeNull();
    expect((screen.getByTestId('refund-run') as HTMLButtonElement).disabled).toBe(false);
  });
});
