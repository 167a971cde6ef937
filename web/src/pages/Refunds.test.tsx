import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { MemoryRouter, useLocation } from 'react-router-dom';
import { api, ApiError } from '../api/client';
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
  payout: null,
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

/** An approved entry, the household's choice `choice`. */
const approvedEntry = (choice: RefundEntry['choice'] = 'payment'): RefundEntry => ({ ...entry(42, 5), status: 'approved', choice });

/** The ledger's GETs answer each of `pages` in turn (the last again). */
function ledger(pages: RefundEntry[][]) {
  let n = 0;
  return vi.spyOn(api, 'get').mockImplementation(async (path: string) => {
    if (path.startsWith('/api/v1/households/')) return { id: 5, code: 'HH-5' };
    if (path === '/api/v1/refunds') return { items: pages[Math.min(n++, pages.length - 1)], next_cursor: null };
    throw new Error(`unexpected ${path}`);
  });
}

const ledgerGets = (get: ReturnType<typeof ledger>) => get.mock.calls.filter((c) => c[0] === '/api/v1/refunds').length;

/** Opens the pay form of the (one) approved entry. */
async function openPayForm() {
  fireEvent.click(await screen.findByTestId('refund-pay', undefined, { timeout: 8000 }));
  return screen.findByTestId('refund-pay-form', undefined, { timeout: 8000 });
}

/** The form item (label, input and antd's explain) holding the element of test id `testId`. */
const itemOf = (form: HTMLElement, testId: string) => within(form).getByTestId(testId).closest('.ant-form-item') as HTMLElement;

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

  it('records a bank payment: the reference is required, a refusal naming it goes on it, then the body sent', async () => {
    const paid: RefundEntry = { ...approvedEntry(), status: 'paid', payout: { method: 'bank', reference: 'BK-2026-0620-001', paid_at: '2026-06-20T10:00:00+08:00', late: false } };
    const get = ledger([[approvedEntry()], [paid]]);
    const patch = vi
      .spyOn(api, 'patch')
      .mockRejectedValueOnce(new ApiError(400, 'invalid_argument', 'reference is at most 100 bytes', 'reference'))
      .mockResolvedValueOnce(paid);
    renderPage('/refunds?season=2025');
    const form = await openPayForm();
    expect(form.textContent).toContain('HH-5 的退费 ¥125.00');

    fireEvent.click(within(form).getByText('银行转账'));
    fireEvent.click(screen.getByTestId('refund-pay-submit'));
    expect(await within(itemOf(form, 'refund-pay-reference')).findByText('请填写交易凭证号（现金支付除外）', undefined, { timeout: 8000 })).toBeTruthy();
    expect(patch).not.toHaveBeenCalled();

    fireEvent.change(within(form).getByTestId('refund-pay-reference'), { target: { value: ' BK-2026-0620-001 ' } });
    fireEvent.click(screen.getByTestId('refund-pay-submit'));
    await waitFor(() => expect(patch).toHaveBeenCalledTimes(1), { timeout: 8000 });
    expect(patch).toHaveBeenCalledWith('/api/v1/refunds/42', { status: 'paid', method: 'bank', reference: 'BK-2026-0620-001' });
    // On the field it names, and not above the form.
    expect(await within(itemOf(form, 'refund-pay-reference')).findByText('reference is at most 100 bytes', undefined, { timeout: 8000 })).toBeTruthy();
    expect(screen.queryByTestId('refund-pay-failure')).toBeNull();
    expect(ledgerGets(get)).toBe(1);

    fireEvent.change(within(form).getByTestId('refund-pay-reference'), { target: { value: 'BK-2026-0620-001' } });
    fireEvent.click(screen.getByTestId('refund-pay-submit'));
    await waitFor(() => expect(patch).toHaveBeenCalledTimes(2), { timeout: 8000 });
    expect(patch).toHaveBeenLastCalledWith('/api/v1/refunds/42', { status: 'paid', method: 'bank', reference: 'BK-2026-0620-001' });
    // The form closes and the list, asked again, shows the payout.
    await waitFor(() => expect(ledgerGets(get)).toBe(2), { timeout: 8000 });
    const payout = await screen.findByTestId('refund-payout', undefined, { timeout: 8000 });
    expect(payout.textContent).toContain('已支付：银行转账 · 凭证号 BK-2026-0620-001 · 支付于 2026-06-20 10:00');
    await waitFor(() => expect(screen.queryByTestId('refund-pay-form')).toBeNull(), { timeout: 8000 });
  });

  it('records a cash payment without a reference', async () => {
    ledger([[approvedEntry(null)]]);
    const patch = vi.spyOn(api, 'patch').mockResolvedValue({ ...approvedEntry(null), status: 'paid' });
    renderPage('/refunds?season=2025');
    const form = await openPayForm();
    fireEvent.click(screen.getByTestId('refund-pay-submit'));
    expect(await within(itemOf(form, 'refund-pay-method')).findByText('请选择支付方式', undefined, { timeout: 8000 })).toBeTruthy();
    fireEvent.click(within(form).getByText('现金'));
    fireEvent.click(screen.getByTestId('refund-pay-submit'));
    await waitFor(() => expect(patch).toHaveBeenCalledWith('/api/v1/refunds/42', { status: 'paid', method: 'cash' }), { timeout: 8000 });
  });

  it('says so above the form when the household chose to offset meanwhile, and the row then explains', async () => {
    const message = 'the household chose to offset this refund against its next bill: the billing run settles it';
    const get = ledger([[approvedEntry('payment')], [approvedEntry('offset')]]);
    const patch = vi.spyOn(api, 'patch').mockRejectedValue(new ApiError(409, 'failed_precondition', message, 'choice'));
    renderPage('/refunds?season=2025');
    const form = await openPayForm();
    fireEvent.click(within(form).getByText('支付宝'));
    fireEvent.change(within(form).getByTestId('refund-pay-reference'), { target: { value: '2026062022001400001' } });
    fireEvent.click(screen.getByTestId('refund-pay-submit'));
    await waitFor(() => expect(patch).toHaveBeenCalledWith('/api/v1/refunds/42', { status: 'paid', method: 'alipay', reference: '2026062022001400001' }), { timeout: 8000 });

    const failure = await screen.findByTestId('refund-pay-failure', undefined, { timeout: 8000 });
    expect(failure.textContent).toContain('住户已选择抵扣下季热费，由开票自动结算');
    expect(failure.textContent).toContain(message);
    await waitFor(() => expect((screen.getByTestId('refund-pay-submit') as HTMLButtonElement).disabled).toBe(true), { timeout: 8000 });

    // The list asked again: the row offers no payment and says why.
    await waitFor(() => expect(ledgerGets(get)).toBe(2), { timeout: 8000 });
    fireEvent.click(document.querySelector('.ant-modal-close')!);
    await waitFor(() => expect(screen.queryByTestId('refund-pay-form')).toBeNull(), { timeout: 8000 });
    const explain = await screen.findByTestId('refund-pay-offset', undefined, { timeout: 8000 });
    expect(explain.textContent).toBe('住户已选择抵扣下季热费，由开票自动结算');
    expect(screen.queryByTestId('refund-pay')).toBeNull();
  });

  it('shows the payout of a paid entry, 逾期支付 when paid late', async () => {
    const late: RefundEntry = { ...entry(43, 5), status: 'paid', payout: { method: 'wechat', reference: '4200001234202607020001', paid_at: '2026-07-02T10:15:00+08:00', late: true } };
    const cash: RefundEntry = { ...entry(44, 5), status: 'paid', payout: { method: 'cash', reference: null, paid_at: '2026-06-10T09:00:00+08:00', late: false } };
    ledger([[late, cash]]);
    renderPage('/refunds?season=2025&status=paid');
    const table = await screen.findByTestId('refund-table', undefined, { timeout: 8000 });
    const payouts = await within(table).findAllByTestId('refund-payout', undefined, { timeout: 8000 });
    const [wechat, byCash] = ['wechat', 'cash'].map((m) => payouts.find((p) => p.getAttribute('data-method') === m)!);
    expect(wechat.textContent).toContain('已支付：微信 · 凭证号 4200001234202607020001 · 支付于 2026-07-02 10:15');
    expect(within(wechat).getByTestId('refund-payout-late').textContent).toBe('逾期支付');
    expect(byCash.textContent).toBe('已支付：现金 · 支付于 2026-06-10 09:00');
    expect(within(byCash).queryByTestId('refund-payout-late')).toBeNull();
    expect(within(table).queryByTestId('refund-pay')).toBeNull();
  });
});
