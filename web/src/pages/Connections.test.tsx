import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { MemoryRouter, useLocation } from 'react-router-dom';
import { api, ApiError, setToken } from '../api/client';
import type { Connection } from '../api/types';
import { AuthProvider, type Me, type Role } from '../auth';
import { I18nProvider } from '../i18n';
import Connections from './Connections';
import { connectionBody, eventBody, readFilters, suppliable, writeFilters } from './connections/logic';
import MyConnections from './MyConnections';

// antd validates asynchronously; on a busy machine (a C++ build beside) it can take seconds.
const SLOW = { timeout: 8000 };
vi.setConfig({ testTimeout: 30000 });
afterEach(() => {
  vi.restoreAllMocks();
  setToken(null);
});

const HOUR = 3600_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** An existing building's, taken in an hour ago with outside works (3 working days): its retrofit
 * record and owners' decision are missing, so it may not be approved yet. */
function existing(): Connection {
  const now = Date.now();
  return {
    id: 7,
    company_id: 1,
    building_id: 3,
    household_id: 5,
    applicant: '王建国',
    phone: '138****1234',
    new_building: false,
    outside_works: true,
    received_at: iso(now - HOUR),
    season: 2026,
    next_season: false,
    notice: null,
    documents: ['application-form'],
    missing: ['retrofit-record', 'owners-decision'],
    state: 'received',
    decided_at: null,
    reason: null,
    suggestion: null,
    visited_at: null,
    satisfied: null,
    visit_note: null,
    deadlines: { decision: { from: iso(now - HOUR), due: iso(now + 71 * HOUR), basis: 'W 9.1.4', calendar_incomplete: false, status: 'ok' } },
    actions: ['supply-documents', 'refuse'],
    created_by: 'wang',
    created_at: iso(now - HOUR),
    history: [{ action: 'apply', state: 'received', actor: 'wang', role: 'agent', note: '', at: iso(now - HOUR), documents: ['application-form'] }],
  };
}

/** A new building's, after the date: it catches the next season and is told so; its drawings are
 * on file, so the manager may approve it. */
function lateNew(): Connection {
  return {
    ...existing(),
    id: 8,
    household_id: null,
    applicant: '威海某置业公司',
    phone: null,
    new_building: true,
    outside_works: false,
    season: 2027,
    next_season: true,
    notice: '新建建筑报装申请已过当年截止日期，纳入2027—2028年采暖季供热（Z 2.3（三））',
    documents: ['application-form', 'drawings'],
    missing: [],
    actions: ['supply-documents', 'approve', 'refuse'],
  };
}

/** Refused, visited, satisfied. */
function refused(): Connection {
  return {
    ...existing(),
    id: 6,
    state: 'refused',
    decided_at: '2026-11-02T10:00:00+08:00',
    reason: '该楼未完成节能改造',
    suggestion: '完成节能改造验收后重新申请',
    visited_at: '2026-11-05T09:00:00+08:00',
    satisfied: true,
    visit_note: '申请人理解',
    deadlines: { decision: { from: '2026-11-01T10:00:00+08:00', due: '2026-11-04T10:00:00+08:00', basis: 'W 9.1.4', calendar_incomplete: false, status: 'met', met_at: '2026-11-02T10:00:00+08:00' } },
    actions: [],
  };
}

function signedIn(role: Role, items: Connection[], details: Connection[] = items) {
  const me: Me = { user_id: 9, username: role, role, company_id: role === 'regulator' || role === 'admin' ? null : 1, household_id: role === 'household' ? 5 : null };
  setToken('token');
  return vi.spyOn(api, 'get').mockImplementation(async (path: string) => {
    if (path === '/api/v1/auth/me') return me;
    if (path === '/api/v1/connections') return { items: items.map(({ history: _, ...c }) => c), next_cursor: null };
    const one = details.find((c) => path === `/api/v1/connections/${c.id}`);
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

function renderPage(page: JSX.Element, url = '/connections') {
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

describe('Connections', () => {
  it('lists the applications with their state, season, missing documents, decision countdown and visit, and keeps the filters in the URL', async () => {
    const get = signedIn('manager', [existing(), lateNew(), refused()]);
    renderPage(<Connections />, '/connections?state=received&season=2026&visited=false&building=3&size=50');
    const table = await screen.findByTestId('connection-list', undefined, SLOW);
    await within(table).findAllByText('王建国', undefined, SLOW);
    expect(get).toHaveBeenCalledWith(
      '/api/v1/connections',
      { company: undefined, building: '3', household: undefined, state: 'received', season: '2026', visited: 'false', limit: 50, cursor: undefined },
      expect.anything(),
    );
    const rows = within(table).getAllByRole('row').slice(1);
    const [open, late, done] = rows.map((r) => r.textContent ?? '');
    expect(open).toContain('已受理');
    expect(open).toContain('138****1234');
    expect(open).toContain('既有建筑');
    expect(open).toContain('需外网工程');
    expect(open).toContain('2026—2027');
    expect(open).toContain('节能改造验收记录');
    expect(open).toContain('业主共同决定');
    expect(open).toContain('办结时限');
    expect(open).toMatch(/剩余 2 天 2\d 小时 \d+ 分 · 截止/);
    expect(within(rows[0]).getByTestId('countdown').getAttribute('data-state')).toBe('ok');
    expect(open).toContain('办结后回访');
    expect(within(rows[0]).getByRole('link', { name: '5' }).getAttribute('href')).toBe('/households/5');
    expect(late).toContain('2027—2028');
    expect(late).toContain('下一采暖季');
    expect(late).toContain('新建建筑');
    expect(late).toContain('无缺件');
    expect(done).toContain('不予受理');
    expect(done).toContain('已于 2026-11-02 10:00 完成 · 截止 2026-11-04 10:00');
    expect(done).toContain('满意');
    expect(screen.getByTestId('connection-new')).toBeTruthy();
    expect(screen.queryByRole('combobox', { name: '供热企业' })).toBeNull();

    fireEvent.mouseDown(screen.getByRole('combobox', { name: '状态' }));
    fireEvent.click(await screen.findByTitle('已批准'));
    await waitFor(() => expect(search).toBe('?state=approved&season=2026&visited=false&building=3&size=50'), SLOW);
  });

  it('shows 批准接入 only when the actions contain approve, and asks a refusal for its reason and suggestion', async () => {
    signedIn('manager', [existing(), lateNew()]);
    const post = vi.spyOn(api, 'post');
    renderPage(<Connections />);
    fireEvent.click(await screen.findByText('王建国', undefined, SLOW));
    const detail = await screen.findByTestId('connection-detail', undefined, SLOW);
    for (const want of ['已受理', '王建国', '138****1234', '既有建筑', '2026—2027', '申请表', '节能改造验收记录', '办结时限', '依据：W 9.1.4', '受理申请', 'wang（客服）']) {
      expect(detail.textContent).toContain(want);
    }
    expect(screen.queryByTestId('connection-notice')).toBeNull();
    expect(screen.getByTestId('connection-supply-documents').textContent).toContain('补充材料');
    expect(screen.getByTestId('connection-refuse').textContent).toContain('不予批准');
    expect(screen.queryByTestId('connection-approve')).toBeNull();
    expect(screen.queryByTestId('connection-visit')).toBeNull();

    fireEvent.click(screen.getByTestId('connection-refuse'));
    fireEvent.click(await screen.findByTestId('connection-action-submit'));
    await waitFor(() => expect(errorsOf('connection-action_reason')).toContain('请填写不予批准理由'), SLOW);
    expect(errorsOf('connection-action_suggestion')).toContain('请填写建议');
    expect(post).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: /取\s*消/ }));

    fireEvent.click(await screen.findByText('威海某置业公司', undefined, SLOW));
    const approve = await screen.findByTestId('connection-approve', undefined, SLOW);
    expect(approve.textContent).toContain('批准接入');
    expect(screen.getByTestId('connection-notice').textContent).toContain('纳入2027—2028年采暖季');

    const now = Date.now();
    post.mockResolvedValueOnce({
      ...lateNew(),
      state: 'approved',
      decided_at: iso(now),
      deadlines: { decision: { ...lateNew().deadlines.decision, status: 'met', met_at: iso(now) } },
      actions: ['visit'],
      history: [...(lateNew().history ?? []), { action: 'approve', state: 'approved', actor: 'manager', role: 'manager', note: '现场勘查合格', at: iso(now) }],
    });
    fireEvent.click(approve);
    fireEvent.change(await screen.findByLabelText('备注（可选）'), { target: { value: '现场勘查合格' } });
    fireEvent.click(screen.getByTestId('connection-action-submit'));
    await waitFor(() => expect(screen.getByTestId('connection-visit')).toBeTruthy(), SLOW);
    expect(post).toHaveBeenCalledWith('/api/v1/connections/8/events', { type: 'approve', note: '现场勘查合格' });
    const after = screen.getByTestId('connection-detail').textContent ?? '';
    expect(after).toContain('已批准');
    expect(after).toContain('批准接入');
    expect(after).toMatch(/已于 .* 完成 · 截止/);
    expect(screen.queryByTestId('connection-approve')).toBeNull();
  });

  it('takes in an application with Beijing time, and puts a 400 naming documents under the documents', async () => {
    signedIn('agent', [existing()]);
    const post = vi.spyOn(api, 'post').mockRejectedValue(new ApiError(400, 'invalid_argument', 'documents[1] must be one of application-form, drawings, retrofit-record, owners-decision', 'documents[1]'));
    renderPage(<Connections />, '/connections?building=3');
    fireEvent.click(await screen.findByTestId('connection-new', undefined, SLOW));
    const form = await screen.findByTestId('connection-form', undefined, SLOW);
    expect((document.getElementById('connection_building') as HTMLInputElement).value).toBe('3');
    expect((within(form).getByRole('checkbox', { name: /申请表/ }) as HTMLInputElement).checked).toBe(true);
    fireEvent.change(document.getElementById('connection_applicant')!, { target: { value: '王建国' } });
    fireEvent.change(document.getElementById('connection_phone')!, { target: { value: '13800001234' } });
    fireEvent.click(within(form).getByRole('radio', { name: '既有建筑' }));
    fireEvent.click(within(form).getByRole('checkbox', { name: '节能改造验收记录' }));
    fireEvent.change(document.getElementById('connection_received_at')!, { target: { value: '2026-12-01 08:30' } });
    fireEvent.keyDown(document.getElementById('connection_received_at')!, { key: 'Enter', code: 'Enter', keyCode: 13, which: 13 });
    vi.spyOn(Date, 'now').mockReturnValue(Date.parse('2026-12-01T09:00:00+08:00'));
    fireEvent.click(screen.getByTestId('connection-submit'));
    await waitFor(() => expect(post).toHaveBeenCalled(), SLOW);
    expect(post).toHaveBeenCalledWith('/api/v1/connections', {
      building: 3,
      applicant: '王建国',
      phone: '13800001234',
      new_building: false,
      outside_works: false,
      received_at: '2026-12-01T08:30:00+08:00',
      documents: ['application-form', 'retrofit-record'],
    });
    await waitFor(() => expect(errorsOf('connection_documents')).toContain('documents[1] must be one of'), SLOW);
    expect(errorsOf('connection_applicant')).toBe('');
    expect(within(form).getByRole('alert').textContent).toContain('documents[1] must be one of');
  });

  it('lets the regulator read and filter by company, without taking in or acting', async () => {
    signedIn('regulator', [refused()]);
    renderPage(<Connections />);
    const company = await screen.findByRole('combobox', { name: '供热企业' }, SLOW);
    expect(screen.queryByTestId('connection-new')).toBeNull();
    fireEvent.mouseDown(company);
    fireEvent.click(await screen.findByText('weihai-heat 威海热电'));
    await waitFor(() => expect(search).toBe('?company=1'), SLOW);
    fireEvent.click(await screen.findByText('王建国', undefined, SLOW));
    const detail = await screen.findByTestId('connection-detail', undefined, SLOW);
    expect(screen.getByTestId('connection-reason').textContent).toBe('该楼未完成节能改造');
    expect(screen.getByTestId('connection-suggestion').textContent).toBe('完成节能改造验收后重新申请');
    expect(detail.textContent).toContain('申请人理解');
    expect(screen.queryByTestId('connection-visit')).toBeNull();
    expect(screen.queryByTestId('connection-refuse')).toBeNull();
  });
});

describe('MyConnections', () => {
  it('shows the household its applications, read only, with the notice, season, missing documents and deadline', async () => {
    const get = signedIn('household', [lateNew(), existing()]);
    renderPage(<MyConnections />, '/my/connections');
    const cards = await screen.findAllByTestId('my-connection', undefined, SLOW);
    expect(get).toHaveBeenCalledWith('/api/v1/connections', { limit: 20, cursor: undefined });
    const [late, open] = cards.map((c) => c.textContent ?? '');
    for (const want of ['报装申请 #8', '已受理', '纳入2027—2028年采暖季', '2027—2028', '下一采暖季', '无缺件', '办结时限']) expect(late).toContain(want);
    for (const want of ['报装申请 #7', '节能改造验收记录', '业主共同决定', '剩余']) expect(open).toContain(want);
    fireEvent.click(within(cards[1]).getByTestId('my-connection-open'));
    await screen.findByTestId('connection-detail', undefined, SLOW);
    expect(screen.queryByTestId('connection-new')).toBeNull();
  });
});

describe('connections/logic', () => {
  it('reads and writes the filters, dropping what is not one', () => {
    const f = readFilters(new URLSearchParams('state=refused&season=2026&visited=maybe&building=x&household=5&company=2&size=7&after=40,20'));
    expect(f).toEqual({ state: 'refused', season: '2026', visited: '', building: '', household: '5', company: '2', size: 20, trail: ['40', '20'] });
    expect(writeFilters({ ...f, visited: 'true' }).toString()).toBe('state=refused&season=2026&visited=true&household=5&company=2&after=40%2C20');
  });

  it('builds the bodies: optional fields left out, documents in the server order', () => {
    expect(
      connectionBody({ building: 3, household: null, applicant: ' 王 ', phone: ' ', new_building: true, outside_works: false, received_at: { format: () => '2026-12-01 08:30:00' }, documents: ['drawings', 'application-form'] }),
    ).toEqual({ building: 3, applicant: '王', new_building: true, outside_works: false, received_at: '2026-12-01T08:30:00+08:00', documents: ['application-form', 'drawings'] });
    expect(eventBody('approve', { note: '  ' })).toEqual({ type: 'approve' });
    expect(eventBody('refuse', { reason: ' 未改造 ', suggestion: '改造后再申请' })).toEqual({ type: 'refuse', reason: '未改造', suggestion: '改造后再申请' });
    expect(eventBody('visit', { note: '满意', satisfied: false })).toEqual({ type: 'visit', note: '满意', satisfied: false });
    expect(suppliable({ documents: ['application-form'], missing: ['owners-decision'] })).toEqual(['owners-decision', 'drawings', 'retrofit-record']);
  });
});
