import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { MemoryRouter, useLocation } from 'react-router-dom';
import { api, ApiError, setToken } from '../api/client';
import type { MeterDispute } from '../api/types';
import { AuthProvider, type Me, type Role } from '../auth';
import { I18nProvider } from '../i18n';
import MeterDisputes from './MeterDisputes';
import { eventBody, raiseBody, readFilters, writeFilters } from './meterDisputes/logic';
import MyMeterDisputes from './MyMeterDisputes';

// antd validates asynchronously; on a busy machine (a C++ build beside) it can take seconds.
const SLOW = { timeout: 8000 };
vi.setConfig({ testTimeout: 30000 });
afterEach(() => {
  vi.restoreAllMocks();
  setToken(null);
});

const AREA_REASON = '热量表数据失真，本期改按面积收费（W 10.3 (10.3 c)）';

/** Raised by the household, not yet calibrated: the manager may record the calibration. */
function open(): MeterDispute {
  return {
    id: 11,
    company_id: 1,
    household_id: 5,
    raised_by: 'household',
    reason: '本月读数明显高于往年同期',
    state: 'open',
    result: null,
    reference: null,
    cost: null,
    cost_fen: null,
    payer: null,
    payer_clause: null,
    billing: { by_area: false, reason: null },
    calibrated_at: null,
    calibrated_by: null,
    withdrawn_at: null,
    note: null,
    actions: ['calibrate'],
    created_by: 'zhang',
    created_at: '2026-12-01T09:00:00+08:00',
  };
}

/** The household's, calibrated: the meter failed, so the company pays (W 10.3 (10.3 b)) and the
 * household is billed by area. */
function failed(): MeterDispute {
  return {
    ...open(),
    id: 10,
    state: 'calibrated',
    result: 'failed',
    reference: 'JD-2026-0113',
    cost: '300.00',
    cost_fen: 30000,
    payer: 'company',
    payer_clause: 'W 10.3 (10.3 b)',
    billing: { by_area: true, reason: AREA_REASON },
    calibrated_at: '2026-12-05T10:00:00+08:00',
    calibrated_by: 'li',
    actions: [],
  };
}

/** Raised by the company, open; offered withdraw only (as to one who may not calibrate). */
function companyRaised(): MeterDispute {
  return { ...open(), id: 12, household_id: 6, raised_by: 'company', reason: '例行抽检发现读数异常', actions: ['withdraw'] };
}

function signedIn(role: Role, items: MeterDispute[]) {
  const me: Me = { user_id: 9, username: role, role, company_id: role === 'regulator' || role === 'admin' ? null : 1, household_id: role === 'household' ? 5 : null };
  setToken('token');
  return vi.spyOn(api, 'get').mockImplementation(async (path: string) => {
    if (path === '/api/v1/auth/me') return me;
    if (path === '/api/v1/meter-disputes') return { items, next_cursor: null };
    const one = items.find((d) => path === `/api/v1/meter-disputes/${d.id}`);
    if (one) return one;
    if (path === '/api/v1/companies') return { items: [{ id: 1, code: 'weihai-heat', name: '威海热电' }], next_cursor: null };
    throw new Error(`unexpected GET ${path}`);
  });
}

let search = '';
function Where() {
  search = useLocation().search;
  return null;
}

function renderPage(page: JSX.Element, url = '/meter-disputes') {
  render(
    <I18nProvider locale="zh-CN">
      <AntApp>
        <AuthProvider>
          <MemoryRouter initialEntries={[url]} future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
            {page}
            <Where />
          </MemoryRouter>
        </AuthProvider>
      </AntApp>
    </I18nProvider>,
  );
}

function errorsOf(id: string): string {
  return document.getElementById(id)?.closest('.ant-form-item')?.querySelector('.ant-form-item-explain')?.textContent ?? '';
}

describe('MeterDisputes', () => {
  it('lists the disputes with who pays and its clause, the by-area tag, and keeps the filters in the URL', async () => {
    const get = signedIn('manager', [open(), failed()]);
    renderPage(<MeterDisputes />, '/meter-disputes?state=calibrated&household=5&size=50');
    const table = await screen.findByTestId('dispute-list', undefined, SLOW);
    await within(table).findByText('JD-2026-0113', undefined, SLOW);
    expect(get).toHaveBeenCalledWith('/api/v1/meter-disputes', { household: '5', company: undefined, state: 'calibrated', limit: 50, cursor: undefined }, expect.anything());
    const rows = within(table).getAllByRole('row').slice(1);
    const [waiting, done] = rows.map((r) => r.textContent ?? '');
    expect(waiting).toContain('待检定');
    expect(waiting).toContain('住户');
    expect(waiting).toContain('检定后确定');
    expect(waiting).toContain('按热计量');
    expect(within(rows[0]).queryByTestId('dispute-by-area')).toBeNull();
    expect(done).toContain('已检定');
    expect(done).toContain('不合格');
    expect(done).toContain('¥300.00');
    expect(within(rows[1]).getByTestId('dispute-payer').textContent).toBe('供热企业 · W 10.3 (10.3 b)');
    const area = within(rows[1]).getByTestId('dispute-by-area');
    expect(area.textContent).toBe('改按面积收费');
    fireEvent.mouseEnter(area);
    expect((await screen.findByRole('tooltip', undefined, SLOW)).textContent).toContain(AREA_REASON);
    expect(within(rows[1]).getByRole('link', { name: '5' }).getAttribute('href')).toBe('/households/5');
    expect(screen.getByTestId('dispute-new')).toBeTruthy();
    expect(screen.queryByRole('combobox', { name: '供热企业' })).toBeNull();

    fireEvent.mouseDown(screen.getByRole('combobox', { name: '状态' }));
    fireEvent.click(await screen.findByTitle('已撤回'));
    await waitFor(() => expect(search).toBe('?state=withdrawn&household=5&size=50'), SLOW);
  });

  it('offers 录入检定结果 only when the actions contain calibrate; the modal requires the result and the report number', async () => {
    signedIn('manager', [companyRaised(), open()]);
    const post = vi.spyOn(api, 'post');
    renderPage(<MeterDisputes />);
    fireEvent.click(await screen.findByText('例行抽检发现读数异常', undefined, SLOW));
    const detail = await screen.findByTestId('dispute-detail', undefined, SLOW);
    expect(detail.textContent).toContain('供热企业');
    expect(screen.getByTestId('dispute-who-pays').textContent).toContain('W 10.3 (10.3 a)');
    expect(screen.getByTestId('dispute-withdraw').textContent).toMatch(/撤\s*回/); // antd spaces a two-character label
    expect(screen.queryByTestId('dispute-calibrate')).toBeNull();

    fireEvent.click(await screen.findByText('本月读数明显高于往年同期', undefined, SLOW));
    const calibrate = await screen.findByTestId('dispute-calibrate', undefined, SLOW);
    expect(calibrate.textContent).toContain('录入检定结果');
    expect(screen.queryByTestId('dispute-withdraw')).toBeNull();
    fireEvent.click(calibrate);
    fireEvent.click(await screen.findByTestId('dispute-action-submit'));
    await waitFor(() => expect(errorsOf('dispute-action_result')).toContain('请选择检定结果'), SLOW);
    expect(errorsOf('dispute-action_reference')).toContain('请填写检定报告号');
    expect(post).not.toHaveBeenCalled();

    post.mockResolvedValueOnce({ ...failed(), id: 11 });
    const form = screen.getByTestId('dispute-action-form');
    fireEvent.click(within(form).getByRole('radio', { name: '不合格' }));
    fireEvent.change(document.getElementById('dispute-action_reference')!, { target: { value: ' JD-2026-0113 ' } });
    fireEvent.change(document.getElementById('dispute-action_cost')!, { target: { value: '300.00' } });
    fireEvent.click(screen.getByTestId('dispute-action-submit'));
    await waitFor(() => expect(post).toHaveBeenCalledWith('/api/v1/meter-disputes/11/events', { type: 'calibrate', result: 'failed', reference: 'JD-2026-0113', cost: '300.00' }), SLOW);
    await waitFor(() => expect(screen.queryByTestId('dispute-calibrate')).toBeNull(), SLOW);
    expect(screen.getByTestId('dispute-payer').textContent).toBe('供热企业 · W 10.3 (10.3 b)');
    expect(screen.getByTestId('dispute-billing').textContent).toContain(AREA_REASON);
  });

  it('raises a dispute for the side chosen, and puts a 409 naming household under the household', async () => {
    signedIn('agent', [open()]);
    const post = vi.spyOn(api, 'post').mockRejectedValue(new ApiError(409, 'failed_precondition', 'household 5 is billed by area: it has no heat meter to dispute', 'household'));
    renderPage(<MeterDisputes />, '/meter-disputes?household=5');
    fireEvent.click(await screen.findByTestId('dispute-new', undefined, SLOW));
    const form = await screen.findByTestId('dispute-form', undefined, SLOW);
    expect((document.getElementById('dispute_household') as HTMLInputElement).value).toBe('5');
    expect(form.textContent).toContain('W 10.3');
    fireEvent.change(document.getElementById('dispute_reason')!, { target: { value: '读数异常' } });
    fireEvent.click(screen.getByTestId('dispute-submit'));
    await waitFor(() => expect(errorsOf('dispute_raised_by')).toContain('请选择提出方'), SLOW);
    expect(post).not.toHaveBeenCalled();

    fireEvent.click(within(form).getByRole('radio', { name: '供热企业提出' }));
    fireEvent.click(screen.getByTestId('dispute-submit'));
    await waitFor(() => expect(post).toHaveBeenCalledWith('/api/v1/meter-disputes', { household: 5, raised_by: 'company', reason: '读数异常' }), SLOW);
    await waitFor(() => expect(errorsOf('dispute_household')).toContain('billed by area'), SLOW);
    expect(errorsOf('dispute_reason')).toBe('');
    expect(within(form).getByRole('alert').textContent).toContain('no heat meter to dispute');
  });

  it('lets the regulator read and filter by company, without raising or acting', async () => {
    signedIn('regulator', [failed()]);
    renderPage(<MeterDisputes />);
    const company = await screen.findByRole('combobox', { name: '供热企业' }, SLOW);
    expect(screen.queryByTestId('dispute-new')).toBeNull();
    fireEvent.mouseDown(company);
    fireEvent.click(await screen.findByText('weihai-heat 威海热电'));
    await waitFor(() => expect(search).toBe('?company=1'), SLOW);
    fireEvent.click(await screen.findByText('JD-2026-0113', undefined, SLOW));
    await screen.findByTestId('dispute-detail', undefined, SLOW);
    expect(screen.getByTestId('dispute-billing').textContent).toContain(AREA_REASON);
    expect(screen.queryByTestId('dispute-calibrate')).toBeNull();
    expect(screen.queryByTestId('dispute-withdraw')).toBeNull();
  });
});

describe('MyMeterDisputes', () => {
  it('shows the household its disputes, asks for a calibration with the reason only, and withdraws an open one', async () => {
    const mine: MeterDispute = { ...open(), actions: ['withdraw'] };
    const get = signedIn('household', [mine, failed()]);
    renderPage(<MyMeterDisputes />, '/my/meter-disputes');
    const cards = await screen.findAllByTestId('my-dispute', undefined, SLOW);
    expect(get).toHaveBeenCalledWith('/api/v1/meter-disputes', { limit: 20, cursor: undefined });
    expect(cards[0].textContent).toContain('待检定');
    expect(within(cards[1]).getByTestId('dispute-payer').textContent).toBe('供热企业 · W 10.3 (10.3 b)');
    expect(within(cards[1]).getByTestId('dispute-billing').textContent).toContain(AREA_REASON);
    expect(within(cards[1]).queryByTestId('my-dispute-withdraw')).toBeNull();

    const post = vi.spyOn(api, 'post').mockResolvedValueOnce({ ...open(), id: 13, reason: '暖气不热但读数很高', actions: ['withdraw'] });
    fireEvent.click(screen.getByTestId('dispute-ask'));
    const form = await screen.findByTestId('dispute-ask-form', undefined, SLOW);
    expect(within(form).queryByRole('radio')).toBeNull();
    expect(document.getElementById('dispute-ask_household')).toBeNull();
    fireEvent.change(document.getElementById('dispute-ask_reason')!, { target: { value: ' 暖气不热但读数很高 ' } });
    fireEvent.click(screen.getByTestId('dispute-ask-submit'));
    await waitFor(() => expect(post).toHaveBeenCalledWith('/api/v1/meter-disputes', { household: 5, reason: '暖气不热但读数很高' }), SLOW);
    await waitFor(() => expect(screen.getAllByTestId('my-dispute')).toHaveLength(3), SLOW);
    expect(screen.getAllByTestId('my-dispute')[0].textContent).toContain('热表争议 #13');

    post.mockResolvedValueOnce({ ...mine, state: 'withdrawn', withdrawn_at: '2026-12-02T09:00:00+08:00', actions: [] });
    fireEvent.click(within(screen.getAllByTestId('my-dispute')[1]).getByTestId('my-dispute-withdraw'));
    fireEvent.click(await screen.findByTestId('dispute-action-submit', undefined, SLOW));
    await waitFor(() => expect(post).toHaveBeenLastCalledWith('/api/v1/meter-disputes/11/events', { type: 'withdraw' }), SLOW);
    await waitFor(() => expect(screen.getAllByTestId('my-dispute')[1].textContent).toContain('已撤回'), SLOW);
    expect(within(screen.getAllByTestId('my-dispute')[1]).queryByTestId('my-dispute-withdraw')).toBeNull();
  });
});

describe('meterDisputes/logic', () => {
  it('reads and writes the filters, dropping what is not one', () => {
    const f = readFilters(new URLSearchParams('state=lost&household=5&company=2&size=7&after=40,20'));
    expect(f).toEqual({ state: '', household: '5', company: '2', size: 20, trail: ['40', '20'] });
    expect(writeFilters({ ...f, state: 'open' }).toString()).toBe('state=open&household=5&company=2&after=40%2C20');
  });

  it('builds the bodies: texts trimmed, blank optional fields left out', () => {
    expect(raiseBody({ household: 5, raised_by: 'household', reason: ' 读数偏高 ' })).toEqual({ household: 5, raised_by: 'household', reason: '读数偏高' });
    expect(raiseBody({ household: 5, reason: '读数偏高' })).toEqual({ household: 5, reason: '读数偏高' });
    expect(eventBody('calibrate', { result: 'passed', reference: ' R1 ', cost: ' ', note: '' })).toEqual({ type: 'calibrate', result: 'passed', reference: 'R1' });
    expect(eventBody('withdraw', { note: ' 已核对无误 ' })).toEqual({ type: 'withdraw', note: '已核对无误' });
    expect(eventBody('withdraw', {})).toEqual({ type: 'withdraw' });
  });
});
