import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { MemoryRouter, useLocation } from 'react-router-dom';
import { api, ApiError, setToken } from '../api/client';
import type { Claim } from '../api/types';
import { AuthProvider, type Me, type Role } from '../auth';
import { I18nProvider } from '../i18n';
import InsuranceClaims from './InsuranceClaims';
import MyInsuranceClaims from './MyInsuranceClaims';

// antd validates asynchronously; on a busy machine (a C++ build beside) it can take seconds.
const SLOW = { timeout: 8000 };
vi.setConfig({ testTimeout: 30000 });
afterEach(() => {
  vi.restoreAllMocks();
  setToken(null);
});

const HOUR = 3600_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** Recorded an hour ago: the insurer is owed a report within 24 hours. */
function recorded(): Claim {
  const now = Date.now();
  return {
    id: 7,
    company_id: 1,
    household_id: 5,
    incident_at: '2026-12-01T08:30:00+08:00',
    incident: '楼道立管爆裂，热水漫入客厅',
    injuries: true,
    photos: ['IMG_0001.jpg', 'https://files.example.cn/c/7.jpg'],
    losses: [
      { item: '实木地板', estimate: '1200.00', estimate_fen: 120000 },
      { item: '沙发', estimate: null, estimate_fen: null },
    ],
    state: 'recorded',
    insurer: null,
    insurer_reference: null,
    notified_at: null,
    amount: null,
    amount_fen: null,
    agreed_at: null,
    paid_at: null,
    payment_reference: null,
    exclusion: null,
    exclusion_clause: null,
    deadlines: { notify: { from: iso(now - HOUR), due: iso(now + 23 * HOUR), basis: 'platform default (W 13.3)', calendar_incomplete: false, status: 'ok' } },
    actions: ['notify-insurer', 'agree', 'reject'],
    created_by: 'mgr',
    created_at: iso(now - HOUR),
    history: [{ action: 'record', state: 'recorded', actor: 'mgr', role: 'manager', note: '', at: iso(now - HOUR) }],
  };
}

/** Agreed at 4,280.50 and paid after its 30 working days: the payout was late. */
function paidLate(): Claim {
  return {
    ...recorded(),
    id: 6,
    injuries: false,
    state: 'paid',
    insurer: '人保财险威海分公司',
    insurer_reference: 'RB-0042',
    notified_at: '2026-11-01T12:00:00+08:00',
    amount: '4280.50',
    amount_fen: 428050,
    agreed_at: '2026-11-05T10:00:00+08:00',
    paid_at: '2026-12-20T10:00:00+08:00',
    payment_reference: 'BANK-77',
    deadlines: {
      notify: { from: '2026-11-01T10:00:00+08:00', due: '2026-11-02T10:00:00+08:00', basis: 'W 13.3', calendar_incomplete: false, status: 'met', met_at: '2026-11-01T12:00:00+08:00' },
      payout: { from: '2026-11-05T10:00:00+08:00', due: '2026-12-17T10:00:00+08:00', basis: 'W 13.5', calendar_incomplete: false, status: 'late', met_at: '2026-12-20T10:00:00+08:00' },
    },
    actions: [],
  };
}

function rejected(): Claim {
  return { ...recorded(), id: 5, state: 'rejected', exclusion: 'self-altered', exclusion_clause: 'W 13.6 b', deadlines: {}, actions: [] };
}

function signedIn(role: Role, claims: Claim[], detail: Claim = recorded()) {
  const me: Me = { user_id: 9, username: role, role, company_id: role === 'manager' ? 1 : null, household_id: role === 'household' ? 5 : null };
  setToken('token');
  return vi.spyOn(api, 'get').mockImplementation(async (path: string) => {
    if (path === '/api/v1/auth/me') return me;
    if (path === '/api/v1/insurance-claims') return { items: claims, next_cursor: null };
    if (path === `/api/v1/insurance-claims/${detail.id}`) return detail;
    if (path === '/api/v1/companies') return { items: [{ id: 1, code: 'weihai-heat', name: '威海热电' }], next_cursor: null };
    throw new Error(`unexpected GET ${path}`);
  });
}

let search = '';
function Where() {
  search = useLocation().search;
  return null;
}

function renderPage(page: JSX.Element, url = '/insurance-claims') {
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

describe('InsuranceClaims', () => {
  it('lists the claims with their state, amount and deadline, and keeps the state filter in the URL', async () => {
    const get = signedIn('manager', [recorded(), paidLate(), rejected()]);
    renderPage(<InsuranceClaims />, '/insurance-claims?state=paid&size=50');
    const table = await screen.findByTestId('claim-list', undefined, SLOW);
    await within(table).findAllByText('楼道立管爆裂，热水漫入客厅', undefined, SLOW);
    expect(get).toHaveBeenCalledWith('/api/v1/insurance-claims', { household: undefined, company: undefined, state: 'paid', limit: 50, cursor: undefined }, expect.anything());
    const rows = within(table).getAllByRole('row').slice(1);
    const [open, late, refused] = rows.map((r) => r.textContent ?? '');
    expect(open).toContain('已登记');
    expect(open).toContain('报险期限');
    expect(open).toMatch(/剩余 22 小时 5\d 分 · 截止/);
    expect(within(rows[0]).getByRole('link', { name: '5' }).getAttribute('href')).toBe('/households/5');
    expect(late).toContain('已赔付');
    expect(late).toContain('¥4,280.50');
    expect(late).toContain('赔付期限');
    expect(late).toContain('逾期完成：2026-12-20 10:00 完成 · 截止 2026-12-17 10:00');
    expect(within(rows[1]).getByTestId('countdown').className).toContain('ant-typography-danger');
    expect(refused).toContain('已拒赔');
    expect(refused).toContain('无待办期限');
    expect(screen.getByTestId('claim-record')).toBeTruthy();
    expect(screen.queryByRole('combobox', { name: '供热企业' })).toBeNull();
    expect(document.body.textContent).toContain('R-INS-1');
  });

  it('opens a claim in its drawer, refuses a bad amount before asking, and puts a refusal on the amount', async () => {
    signedIn('manager', [recorded()]);
    const post = vi.spyOn(api, 'post');
    renderPage(<InsuranceClaims />);
    const cell = await screen.findByText('楼道立管爆裂，热水漫入客厅', undefined, SLOW);
    fireEvent.click(cell);
    const detail = await screen.findByTestId('claim-detail', undefined, SLOW);
    const text = detail.textContent ?? '';
    for (const want of ['已登记', '2026-12-01 08:30', '楼道立管爆裂，热水漫入客厅', 'IMG_0001.jpg', '实木地板', '¥1,200.00', '未估损', '报险期限', '依据：平台默认（W 13.3）', '登记理赔', 'mgr（经理）']) {
      expect(text).toContain(want);
    }
    expect(within(detail).getByRole('link', { name: 'https://files.example.cn/c/7.jpg' })).toBeTruthy();
    expect(screen.getByTestId('claim-notify-insurer').textContent).toContain('报保险公司');
    expect(screen.getByTestId('claim-reject').textContent).toContain('拒');
    expect(screen.queryByTestId('claim-pay')).toBeNull();

    fireEvent.click(screen.getByTestId('claim-agree'));
    const amount = await screen.findByLabelText('赔偿金额（元）');
    fireEvent.change(amount, { target: { value: '4280.505' } });
    fireEvent.click(screen.getByTestId('claim-action-submit'));
    await waitFor(() => expect(errorsOf('claim-action_amount')).toContain('最多两位小数'), SLOW);
    expect(post).not.toHaveBeenCalled();

    post.mockRejectedValueOnce(new ApiError(400, 'invalid_argument', 'amount must be from 0.01 to 10000000.00 yuan', 'amount'));
    fireEvent.change(amount, { target: { value: '99999999' } });
    fireEvent.click(screen.getByTestId('claim-action-submit'));
    await waitFor(() => expect(errorsOf('claim-action_amount')).toContain('amount must be from 0.01'), SLOW);
    expect(post).toHaveBeenCalledWith('/api/v1/insurance-claims/7/events', { type: 'agree', amount: '99999999' });

    const now = Date.now();
    const agreed: Claim = {
      ...recorded(),
      state: 'agreed',
      amount: '4280.50',
      amount_fen: 428050,
      agreed_at: iso(now),
      deadlines: { payout: { from: iso(now), due: iso(now + 42 * 24 * HOUR), basis: 'W 13.5', calendar_incomplete: false, status: 'ok' } },
      actions: ['pay'],
      history: [...(recorded().history ?? []), { action: 'agree', state: 'agreed', actor: 'mgr', role: 'manager', note: '理算报告', at: iso(now), amount: '4280.50' }],
    };
    post.mockResolvedValueOnce(agreed);
    fireEvent.change(amount, { target: { value: '4280.50' } });
    fireEvent.change(screen.getByLabelText('备注（可选，如理算报告）'), { target: { value: '理算报告' } });
    fireEvent.click(screen.getByTestId('claim-action-submit'));
    await waitFor(() => expect(screen.getByTestId('claim-amount').textContent).toBe('¥4,280.50'), SLOW);
    expect(post).toHaveBeenLastCalledWith('/api/v1/insurance-claims/7/events', { type: 'agree', amount: '4280.50', note: '理算报告' });
    const after = screen.getByTestId('claim-detail').textContent ?? '';
    expect(after).toContain('赔付期限');
    expect(after).toMatch(/剩余 4[12] 天/);
    expect(after).toContain('确认赔偿金额');
    expect(screen.getByTestId('claim-pay')).toBeTruthy();
    expect(screen.queryByTestId('claim-agree')).toBeNull();
  });

  it('asks a rejection for its grounds and reason', async () => {
    signedIn('manager', [recorded()]);
    const post = vi.spyOn(api, 'post').mockResolvedValue(rejected());
    renderPage(<InsuranceClaims />);
    fireEvent.click(await screen.findByText('楼道立管爆裂，热水漫入客厅', undefined, SLOW));
    fireEvent.click(await screen.findByTestId('claim-reject', undefined, SLOW));
    fireEvent.click(await screen.findByTestId('claim-action-submit'));
    await waitFor(() => expect(errorsOf('claim-action_note')).toContain('请填写拒赔理由'), SLOW);
    expect(errorsOf('claim-action_exclusion')).toContain('请选择拒赔依据');
    expect(post).not.toHaveBeenCalled();
    fireEvent.mouseDown(document.getElementById('claim-action_exclusion')!);
    fireEvent.click(await screen.findByText('住户自行拆改（W 13.6 b）'));
    fireEvent.change(document.getElementById('claim-action_note')!, { target: { value: '住户自行改动暖气管道' } });
    fireEvent.click(screen.getByTestId('claim-action-submit'));
    await waitFor(() => expect(post).toHaveBeenCalledWith('/api/v1/insurance-claims/7/events', { type: 'reject', exclusion: 'self-altered', note: '住户自行改动暖气管道' }), SLOW);
    await waitFor(() => expect(screen.getByTestId('claim-exclusion').textContent).toBe('住户自行拆改（W 13.6 b）'), SLOW);
  });

  it('lets the regulator read and filter by company, without recording', async () => {
    signedIn('regulator', [paidLate()], paidLate());
    renderPage(<InsuranceClaims />);
    const company = await screen.findByRole('combobox', { name: '供热企业' }, SLOW);
    expect(screen.queryByTestId('claim-record')).toBeNull();
    fireEvent.mouseDown(company);
    fireEvent.click(await screen.findByText('weihai-heat 威海热电'));
    await waitFor(() => expect(search).toBe('?company=1'), SLOW);
    fireEvent.click(await screen.findByText('楼道立管爆裂，热水漫入客厅', undefined, SLOW));
    const detail = await screen.findByTestId('claim-detail', undefined, SLOW);
    expect(detail.textContent).toContain('人保财险威海分公司 · 报案号 RB-0042');
    expect(detail.textContent).toContain('BANK-77');
    expect(screen.queryByTestId('claim-pay')).toBeNull();
  });
});

describe('MyInsuranceClaims', () => {
  it("shows the household its claims, read only, with the payout's deadline", async () => {
    const get = signedIn('household', [paidLate()], paidLate());
    renderPage(<MyInsuranceClaims />, '/my/insurance-claims');
    const card = await screen.findByTestId('my-claim', undefined, SLOW);
    expect(get).toHaveBeenCalledWith('/api/v1/insurance-claims', { limit: 20, cursor: undefined });
    const text = card.textContent ?? '';
    for (const want of ['保险理赔 #6', '已赔付', '楼道立管爆裂，热水漫入客厅', '¥4,280.50', '赔付期限', '逾期完成']) {
      expect(text).toContain(want);
    }
    fireEvent.click(screen.getByTestId('my-claim-open'));
    const detail = await screen.findByTestId('claim-detail', undefined, SLOW);
    expect(within(detail).queryByRole('link', { name: '5' })).toBeNull();
    expect(screen.queryByTestId('claim-pay')).toBeNull();
    expect(screen.queryByTestId('claim-record')).toBeNull();
  });
});
