import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { api, ApiError, setToken } from '../api/client';
import Bills from './Bills';
import { canPayBack, hasPaidBack, hasUnappliedOffset, isOverpaid, lineMoney, listQuery, money, owing, paybackBody, readFilters, runBody, writeFilters } from './bills/logic';
import { AREA_REASON, areaBill, areaInsteadOfMeter, billingJob, billingJobDone, meterBill, overpaidBill, paidBackBill, renderPage, run, signedIn, where } from './bills/testing';
import { defaultSeason } from './refunds/logic';

// antd validates asynchronously; on a busy machine (a C++ build beside) it can take seconds.
const SLOW = { timeout: 8000 };
vi.setConfig({ testTimeout: 30000 });
afterEach(() => {
  vi.restoreAllMocks();
  setToken(null);
});

/** Sends the run form; the POST's answer (a microtask later) inside act, as the click. */
async function submitRun() {
  await act(async () => {
    fireEvent.click(screen.getByTestId('billing-run-submit'));
  });
}

describe('Bills', () => {
  it('lists the bills with their basis, area, sums and dates, and keeps the filters in the URL', async () => {
    const get = signedIn('manager', [areaBill(), areaInsteadOfMeter(), meterBill()]);
    renderPage(<Bills />, '/bills?season=2026&size=50');
    const table = await screen.findByTestId('bill-list', undefined, SLOW);
    await within(table).findByText('1-2-301', undefined, SLOW);
    expect(get).toHaveBeenCalledWith('/api/v1/bills', { company: undefined, household: undefined, season: '2026', limit: 50, cursor: undefined }, expect.anything());
    expect(get).not.toHaveBeenCalledWith('/api/v1/billing-runs', expect.anything(), expect.anything());
    const rows = within(table).getAllByRole('row').slice(1);
    const [owed, fallback, metered] = rows.map((r) => r.textContent ?? '');
    for (const want of ['17', '1-2-301', '2026–2027', '按面积', '98.50 ㎡', '¥2,639.80', '¥1,000.00', '¥1,639.80', '2026-11-15', '2026-12-05 10:00']) expect(owed).toContain(want);
    for (const want of ['1-2-302', '按面积', '¥2,419.30', '¥0.00']) expect(fallback).toContain(want);
    for (const want of ['1-2-401', '2025–2026', '按热计量', '80.00 ㎡']) expect(metered).toContain(want);
    // Owed: red; paid in full: not.
    expect(within(rows[0]).getByTestId('bill-outstanding').getAttribute('data-owing')).toBe('true');
    expect(within(rows[0]).getByTestId('bill-outstanding').className).toContain('danger');
    expect(within(rows[1]).getByTestId('bill-outstanding').getAttribute('data-owing')).toBe('false');
    // Billed by area instead of by meter: flagged, the reason on hover.
    const basis = within(rows[1]).getByTestId('bill-basis');
    expect(basis.getAttribute('data-instead')).toBe('true');
    expect(within(rows[0]).getByTestId('bill-basis').getAttribute('data-instead')).toBeNull();
    fireEvent.mouseEnter(basis);
    expect((await screen.findByRole('tooltip', undefined, SLOW)).textContent).toContain(AREA_REASON);
    expect(screen.getByTestId('billing-run-new')).toBeTruthy();

    fireEvent.change(screen.getByPlaceholderText('住户编号'), { target: { value: '6' } });
    fireEvent.keyDown(screen.getByPlaceholderText('住户编号'), { key: 'Enter', code: 'Enter', keyCode: 13, which: 13 });
    await waitFor(() => expect(where.search).toBe('?season=2026&household=6&size=50'), SLOW);
    await waitFor(() => expect(get).toHaveBeenCalledWith('/api/v1/bills', { company: undefined, household: '6', season: '2026', limit: 50, cursor: undefined }, expect.anything()), SLOW);

    fireEvent.mouseDown(screen.getByRole('combobox', { name: '采暖季' }));
    fireEvent.click(await screen.findByTitle('全部采暖季'));
    await waitFor(() => expect(where.search).toBe('?household=6&size=50'), SLOW);
  });

  it('opens a bill with its lines, credits as negative amounts, and what is still owed', async () => {
    signedIn('agent', [areaInsteadOfMeter()]);
    renderPage(<Bills />, '/bills');
    // A row opens its bill (the household's code links to the household).
    fireEvent.click((await screen.findByText('1-2-302', undefined, SLOW)).closest('tr')!);
    const detail = await screen.findByTestId('bill-detail', undefined, SLOW);
    for (const want of ['1-2-302', '2026–2027 采暖季', '按面积', '98.50 ㎡', '2026-11-15', 'demo-admin 于 2026-12-05 10:00 出账（出账批次 #3）']) expect(detail.textContent).toContain(want);
    expect(within(detail).getByTestId('bill-basis-reason').textContent).toContain(AREA_REASON);
    const lines = within(detail).getAllByTestId('bill-line');
    expect(lines.map((l) => l.getAttribute('data-code'))).toEqual(['area', 'relief', 'offset']);
    expect(lines[0].textContent).toContain('采暖费：98.50 m² × 26.80 元/m²');
    expect(lines[0].textContent).toContain('¥2,639.80');
    expect(lines[1].textContent).toContain('-¥100.00');
    expect(lines[2].textContent).toContain('-¥120.50');
    expect(lines[2].textContent).toContain('上季退费抵扣（R-REFUND-6）');
    expect(within(detail).getByTestId('bill-total').textContent).toBe('¥2,419.30');
    expect(within(detail).queryByTestId('bill-unapplied-offset')).toBeNull();
    expect(within(detail).getByTestId('bill-sums').textContent).toContain('已缴¥2,419.30');
    expect(within(detail).getByTestId('bill-outstanding').getAttribute('data-owing')).toBe('false');
  });

  it('shows a bill still owed in red, and a refund left over', async () => {
    signedIn('manager', [{ ...meterBill(), paid: '0.00', outstanding: '12.00' }]);
    renderPage(<Bills />, '/bills');
    fireEvent.click((await screen.findByText('1-2-401', undefined, SLOW)).closest('tr')!);
    const detail = await screen.findByTestId('bill-detail', undefined, SLOW);
    const owed = within(detail).getByTestId('bill-outstanding');
    expect(owed.textContent).toBe('¥12.00');
    expect(owed.className).toContain('danger');
    expect(within(detail).getByTestId('bill-unapplied-offset').textContent).toContain('¥30.00');
    expect(within(detail).queryByTestId('bill-basis-reason')).toBeNull();
  });

  it('runs a season for the manager\'s own company as a job: its progress, then the figures, and asks again', async () => {
    // Running for three polls (about 3 s), so that a slow render still sees it running.
    const running = billingJob({ done: 48, total: 120, percent: 40 });
    const get = signedIn('manager', [areaBill()], [run()], [running, running, running, billingJobDone()]);
    const post = vi.spyOn(api, 'post').mockResolvedValue(billingJob());
    renderPage(<Bills />, '/bills');
    await screen.findByText('1-2-301', undefined, SLOW);
    const before = get.mock.calls.filter((c) => c[0] === '/api/v1/bills').length;
    fireEvent.click(screen.getByTestId('billing-run-new'));
    const form = await screen.findByTestId('billing-run-form', undefined, SLOW);
    // A manager bills its own company: no company to choose.
    expect(document.getElementById('billing-run_company_id')).toBeNull();
    expect(within(form).getByText(`${defaultSeason()}–${defaultSeason() + 1} 采暖季`)).toBeTruthy();
    await submitRun();
    await waitFor(() => expect(post).toHaveBeenCalled(), SLOW);
    expect(post).toHaveBeenCalledWith('/api/v1/jobs', { kind: 'billing-run', company_id: 1, season: defaultSeason() });
    expect(post).not.toHaveBeenCalledWith('/api/v1/billing-runs', expect.anything());

    // While it runs: the progress in the modal, the form held.
    const bar = await within(form).findByRole('progressbar', { name: '出账进度' }, SLOW);
    await waitFor(() => expect(within(form).getByRole('status').textContent).toBe('已处理 48 / 120 户'), SLOW);
    expect(bar.getAttribute('aria-valuenow')).toBe('40');
    expect(screen.queryByTestId('billing-run-figures')).toBeNull();

    const figures = await screen.findByTestId('billing-run-figures', undefined, SLOW);
    expect([...figures.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      '已出账 120 户',
      '已有账单跳过 4 户',
      '停热未出账 2 户',
      '热表故障/无读数按面积 1 户',
      '抵扣退费 ¥350.00',
      '合计 ¥312,000.00',
    ]);
    expect(screen.getByTestId('billing-run-result').textContent).toContain('2026–2027 采暖季已出账');
    expect(get.mock.calls.filter((c) => c[0] === '/api/v1/jobs/7')).toHaveLength(4);
    await waitFor(() => expect(get.mock.calls.filter((c) => c[0] === '/api/v1/bills').length).toBe(before + 1), SLOW);
    fireEvent.click(screen.getByTestId('billing-run-close'));
    await waitFor(() => expect(screen.queryByTestId('billing-run-figures')).toBeNull(), SLOW);
  });

  it('lets the admin choose the company and a due date', async () => {
    signedIn('admin', [areaBill()], [run()], [billingJobDone({ ...run(), due_on: '2026-11-20' })]);
    const post = vi.spyOn(api, 'post').mockResolvedValue(billingJob());
    renderPage(<Bills />, '/bills');
    await screen.findByText('1-2-301', undefined, SLOW);
    fireEvent.click(screen.getByTestId('billing-run-new'));
    await screen.findByTestId('billing-run-form', undefined, SLOW);
    fireEvent.click(screen.getByTestId('billing-run-submit'));
    await waitFor(() => expect(document.getElementById('billing-run_company_id')?.closest('.ant-form-item')?.textContent).toContain('请选择供热企业'), SLOW);
    expect(post).not.toHaveBeenCalled();

    fireEvent.mouseDown(document.getElementById('billing-run_company_id')!);
    fireEvent.click(await screen.findByTitle('weihai-heat 威海热电'));
    fireEvent.change(document.getElementById('billing-run_due_on')!, { target: { value: '2026-11-20' } });
    fireEvent.keyDown(document.getElementById('billing-run_due_on')!, { key: 'Enter', code: 'Enter', keyCode: 13, which: 13 });
    await submitRun();
    await waitFor(() => expect(post).toHaveBeenCalled(), SLOW);
    expect(post).toHaveBeenCalledWith('/api/v1/jobs', { kind: 'billing-run', company_id: 1, season: defaultSeason(), due_on: '2026-11-20' });
    const result = await screen.findByTestId('billing-run-result', undefined, SLOW);
    expect(result.textContent).toContain('weihai-heat 威海热电 · 缴费期限 2026-11-20 · 出账批次 #3');
  });

  it('puts a failed job\'s error naming tariff above the form, and the form stays to send again', async () => {
    const message = '企业 1 没有在 2026-11-15 有效的已核准热价';
    const error = { code: 'failed_precondition', message, field: 'tariff' };
    signedIn('manager', [areaBill()], [run()], [billingJob({ state: 'failed', error })]);
    const post = vi.spyOn(api, 'post').mockResolvedValue(billingJob());
    renderPage(<Bills />, '/bills');
    fireEvent.click(await screen.findByTestId('billing-run-new', undefined, SLOW));
    const form = await screen.findByTestId('billing-run-form', undefined, SLOW);
    await submitRun();
    await waitFor(() => expect(post).toHaveBeenCalledWith('/api/v1/jobs', { kind: 'billing-run', company_id: 1, season: defaultSeason() }), SLOW);
    expect((await within(form).findByRole('alert', undefined, SLOW)).textContent).toContain(message);
    expect(screen.queryByTestId('billing-run-result')).toBeNull();
    expect(within(form).queryByRole('progressbar')).toBeNull();
    expect(screen.getByTestId('billing-run-form')).toBeTruthy();
    // The form is there to correct and send again.
    await waitFor(() => expect((screen.getByTestId('billing-run-submit') as HTMLButtonElement).disabled).toBe(false), SLOW);
    await submitRun();
    await waitFor(() => expect(post).toHaveBeenCalledTimes(2), SLOW);
  });

  it('puts a failed job\'s error naming season on the season field', async () => {
    const message = 'season 2026 has no calendar';
    signedIn('manager', [areaBill()], [run()], [billingJob({ state: 'failed', error: { code: 'invalid_argument', message, field: 'season' } })]);
    vi.spyOn(api, 'post').mockResolvedValue(billingJob());
    renderPage(<Bills />, '/bills');
    fireEvent.click(await screen.findByTestId('billing-run-new', undefined, SLOW));
    await screen.findByTestId('billing-run-form', undefined, SLOW);
    await submitRun();
    await waitFor(() => expect(document.getElementById('billing-run_season')?.closest('.ant-form-item')?.textContent).toContain(message), SLOW);
  });

  it('says above the form that a billing run of the company is already running (409 naming kind)', async () => {
    signedIn('manager', [areaBill()]);
    const post = vi.spyOn(api, 'post').mockRejectedValue(new ApiError(409, 'conflict', 'a billing-run is already running (job 5)', 'kind'));
    renderPage(<Bills />, '/bills');
    fireEvent.click(await screen.findByTestId('billing-run-new', undefined, SLOW));
    const form = await screen.findByTestId('billing-run-form', undefined, SLOW);
    await submitRun();
    await waitFor(() => expect(post).toHaveBeenCalled(), SLOW);
    const alert = await within(form).findByRole('alert', undefined, SLOW);
    expect(alert.textContent).toContain('同类任务正在运行，请等它结束后再试。');
    expect(alert.textContent).toContain('(job 5)');
    expect(screen.getByTestId('billing-run-form')).toBeTruthy();
  });

  it('shows the regulator the billing runs by company, and no run button', async () => {
    const get = signedIn('regulator', [areaBill()]);
    renderPage(<Bills />, '/bills?tab=runs&company=1');
    const table = await screen.findByTestId('billing-run-list', undefined, SLOW);
    await within(table).findByText('demo-admin', undefined, SLOW);
    expect(get).toHaveBeenCalledWith('/api/v1/billing-runs', { company: '1', limit: 10, cursor: undefined }, expect.anything());
    expect(get).not.toHaveBeenCalledWith('/api/v1/bills', expect.anything(), expect.anything());
    const row = within(table).getAllByRole('row')[1].textContent ?? '';
    for (const want of ['2026–2027', 'weihai-heat 威海热电', '2026-11-15', '120', '¥350.00', '¥312,000.00', '2026-12-05 10:00']) expect(row).toContain(want);
    expect(screen.queryByTestId('billing-run-new')).toBeNull();

    fireEvent.click(screen.getByRole('tab', { name: '账单' }));
    await waitFor(() => expect(where.search).toBe('?company=1'), SLOW);
    await screen.findByTestId('bill-list', undefined, SLOW);
    await waitFor(() => expect(get).toHaveBeenCalledWith('/api/v1/bills', { company: '1', household: undefined, season: undefined, limit: 20, cursor: undefined }, expect.anything()), SLOW);
  });
});

/** Opens the bill of household `code` from the list; its detail in the drawer. */
async function openBill(code: string) {
  fireEvent.click((await screen.findByText(code, undefined, SLOW)).closest('tr')!);
  return screen.findByTestId('bill-detail', undefined, SLOW);
}

/** The form item (label, input and antd's explain) holding the element of test id `testId`. */
const itemOf = (form: HTMLElement, testId: string) => within(form).getByTestId(testId).closest('.ant-form-item') as HTMLElement;

describe('Bills: 退还多缴 (R-ACCT-1)', () => {
  it('shows an agent what a bill settled again holds overpaid, with 退还多缴', async () => {
    signedIn('agent', [overpaidBill()]);
    renderPage(<Bills />, '/bills');
    const detail = await openBill('1-2-501');
    const sums = within(detail).getByTestId('bill-sums');
    expect(within(detail).getByTestId('bill-total').textContent).toBe('¥1,445.06');
    expect(sums.textContent).toContain('已缴¥2,639.80');
    expect(within(detail).getByTestId('bill-outstanding').getAttribute('data-owing')).toBe('false');
    const overpaid = within(detail).getByTestId('bill-overpaid');
    expect(overpaid.closest('tr')?.textContent).toContain('多缴待退');
    expect(overpaid.textContent).toContain('¥1,194.74');
    // Nothing paid back yet: no 已退还.
    expect(within(detail).queryByTestId('bill-paid-back')).toBeNull();
    expect(sums.textContent).not.toContain('已退还');
    expect(within(detail).getByTestId('bill-payback').textContent).toBe('退还多缴');
  });

  it('shows the regulator the overpayment, and no 退还多缴', async () => {
    signedIn('regulator', [overpaidBill()]);
    renderPage(<Bills />, '/bills');
    const detail = await openBill('1-2-501');
    expect(within(detail).getByTestId('bill-overpaid').textContent).toContain('¥1,194.74');
    expect(within(detail).queryByTestId('bill-payback')).toBeNull();
  });

  it('pays it back by bank: the reference is required, a refusal naming it goes on it, then the bill shows 已退还', async () => {
    const bills = [overpaidBill()];
    const get = signedIn('agent', bills);
    const post = vi
      .spyOn(api, 'post')
      .mockRejectedValueOnce(new ApiError(400, 'invalid_argument', 'reference is at most 100 bytes', 'reference'))
      .mockImplementationOnce(async () => {
        bills[0] = paidBackBill();
        return paidBackBill();
      });
    renderPage(<Bills />, '/bills');
    const detail = await openBill('1-2-501');
    fireEvent.click(within(detail).getByTestId('bill-payback'));
    const form = await screen.findByTestId('bill-payback-form', undefined, SLOW);
    expect(within(form).getByTestId('bill-payback-intro').textContent).toContain('1-2-501 的账单 #18（2026–2027 采暖季）多缴 ¥1,194.74');
    for (const method of ['银行转账', '微信', '支付宝', '现金']) expect(within(form).getByText(method)).toBeTruthy();

    fireEvent.click(within(form).getByText('银行转账'));
    fireEvent.click(screen.getByTestId('bill-payback-submit'));
    expect(await within(itemOf(form, 'bill-payback-reference')).findByText('请填写交易凭证号（现金支付除外）', undefined, SLOW)).toBeTruthy();
    expect(post).not.toHaveBeenCalled();

    fireEvent.change(within(form).getByTestId('bill-payback-reference'), { target: { value: ' BK-2027-0110-001 ' } });
    fireEvent.click(screen.getByTestId('bill-payback-submit'));
    await waitFor(() => expect(post).toHaveBeenCalledTimes(1), SLOW);
    expect(post).toHaveBeenCalledWith('/api/v1/bills/18/payback', { method: 'bank', reference: 'BK-2027-0110-001' });
    // On the field it names, and not above the form.
    expect(await within(itemOf(form, 'bill-payback-reference')).findByText('reference is at most 100 bytes', undefined, SLOW)).toBeTruthy();
    expect(screen.queryByTestId('bill-payback-failure')).toBeNull();
    const before = get.mock.calls.filter((c) => c[0] === '/api/v1/bills/18').length;

    fireEvent.change(within(form).getByTestId('bill-payback-reference'), { target: { value: 'BK-2027-0110-001' } });
    fireEvent.click(screen.getByTestId('bill-payback-submit'));
    await waitFor(() => expect(post).toHaveBeenCalledTimes(2), SLOW);
    expect(post).toHaveBeenLastCalledWith('/api/v1/bills/18/payback', { method: 'bank', reference: 'BK-2027-0110-001' });
    await screen.findByText('已登记退还多缴', undefined, SLOW);
    // The modal closes and the bill, asked again, shows what was paid back.
    await waitFor(() => expect(get.mock.calls.filter((c) => c[0] === '/api/v1/bills/18').length).toBe(before + 1), SLOW);
    const paidBack = await within(screen.getByTestId('bill-detail')).findByTestId('bill-paid-back', undefined, SLOW);
    expect(paidBack.closest('tr')?.textContent).toContain('已退还¥1,194.74');
    expect(screen.queryByTestId('bill-overpaid')).toBeNull();
    expect(screen.queryByTestId('bill-payback')).toBeNull();
    await waitFor(() => expect(screen.queryByTestId('bill-payback-form')).toBeNull(), SLOW);
  });

  it('pays it back in cash without a reference; someone paid it back first: said above the form, nothing left to send', async () => {
    const message = 'bill 18 holds nothing overpaid: its payments, less what was paid back, do not exceed its total';
    const bills = [overpaidBill()];
    const get = signedIn('manager', bills);
    const post = vi.spyOn(api, 'post').mockImplementation(async () => {
      bills[0] = paidBackBill();
      throw new ApiError(409, 'failed_precondition', message, 'id');
    });
    renderPage(<Bills />, '/bills');
    const detail = await openBill('1-2-501');
    fireEvent.click(within(detail).getByTestId('bill-payback'));
    const form = await screen.findByTestId('bill-payback-form', undefined, SLOW);
    fireEvent.click(screen.getByTestId('bill-payback-submit'));
    expect(await within(itemOf(form, 'bill-payback-method')).findByText('请选择支付方式', undefined, SLOW)).toBeTruthy();
    fireEvent.click(within(form).getByText('现金'));
    fireEvent.click(screen.getByTestId('bill-payback-submit'));
    await waitFor(() => expect(post).toHaveBeenCalledWith('/api/v1/bills/18/payback', { method: 'cash' }), SLOW);
    const failure = await screen.findByTestId('bill-payback-failure', undefined, SLOW);
    expect(failure.textContent).toContain('该账单已无多缴待退金额（可能已由他人退还）');
    expect(failure.textContent).toContain(message);
    await waitFor(() => expect((screen.getByTestId('bill-payback-submit') as HTMLButtonElement).disabled).toBe(true), SLOW);
    // The bill asked again shows it paid back.
    await waitFor(() => expect(get.mock.calls.filter((c) => c[0] === '/api/v1/bills/18').length).toBe(2), SLOW);
    await within(screen.getByTestId('bill-detail')).findByTestId('bill-paid-back', undefined, SLOW);
  });
});

describe('bills/logic', () => {
  it('reads and writes the filters, dropping what is not one', () => {
    const f = readFilters(new URLSearchParams('tab=x&season=26&household=5&company=0&size=7&after=40'));
    expect(f).toEqual({ tab: 'bills', season: '', household: '5', company: '', size: 20, trail: ['40'] });
    expect(writeFilters({ ...f, tab: 'runs', season: '2026' }).toString()).toBe('tab=runs&season=2026&household=5&after=40');
    expect(listQuery({ ...f, company: '2' }, false)).toEqual({ company: undefined, household: '5', season: undefined, limit: 20, cursor: '40' });
    expect(listQuery({ ...f, tab: 'runs' }, true)).toBeNull();
  });

  it('builds the run body and reads the money', () => {
    const day = { format: () => '2026-11-20' };
    expect(runBody({ company_id: 2, season: 2026, due_on: day }, 1)).toEqual({ company_id: 2, season: 2026, due_on: '2026-11-20' });
    expect(runBody({ season: 2026, due_on: null }, 1)).toEqual({ company_id: 1, season: 2026 });
    expect(money('312000.00')).toBe('¥312,000.00');
    expect(money('-120.50')).toBe('-¥120.50');
    expect(money('n/a')).toBe('n/a');
    expect(lineMoney({ code: 'offset', amount: '120.50' })).toBe('-¥120.50');
    expect(lineMoney({ code: 'relief', amount: '-100.00' })).toBe('-¥100.00');
    expect(lineMoney({ code: 'heat', amount: '160.00' })).toBe('¥160.00');
    expect(owing({ outstanding: '0.01' })).toBe(true);
    expect(owing({ outstanding: '0.00' })).toBe(false);
    expect(hasUnappliedOffset({ unapplied_offset: '0.00' })).toBe(false);
    expect(hasUnappliedOffset({ unapplied_offset: '30.00' })).toBe(true);
    expect(isOverpaid({ overpaid: '1194.74' })).toBe(true);
    expect(isOverpaid({ overpaid: '0.00' })).toBe(false);
    expect(hasPaidBack({ paid_back: '0.00' })).toBe(false);
    expect(hasPaidBack({ paid_back: '12.00' })).toBe(true);
  });

  it('offers 退还多缴 to the admin, a manager and an agent on an overpaid bill, and builds its body', () => {
    const over = { overpaid: '10.00' };
    for (const role of ['admin', 'manager', 'agent'] as const) expect(canPayBack(role, over)).toBe(true);
    for (const role of ['regulator', 'technician', 'household', undefined] as const) expect(canPayBack(role, over)).toBe(false);
    expect(canPayBack('agent', { overpaid: '0.00' })).toBe(false);
    expect(paybackBody({ method: 'wechat', reference: ' 4200001234 ' })).toEqual({ method: 'wechat', reference: '4200001234' });
    expect(paybackBody({ method: 'cash', reference: '  ' })).toEqual({ method: 'cash' });
    expect(paybackBody({ method: 'cash', reference: 'R-1' })).toEqual({ method: 'cash', reference: 'R-1' });
    expect(paybackBody({ method: 'bank' })).toEqual({ method: 'bank', reference: '' });
  });
});
