// 采样方案's adopted plan (R-SAMPLE-3) against a mocked server: the manager's 已采用方案 (the counts
// in their colours, the points with their links, tags and filters in the URL), 调整 of a manual
// point with the server's refusal on its field and the new day after, 采用方案 as a job with the
// window from the policy profile and the technicians from /api/v1/staff (a refusal on its field),
// the technician's own visits overdue first, the exports (one technician's when chosen), and the
// regulator reading without actions.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { MemoryRouter, useLocation } from 'react-router-dom';
import { api, ApiError, setToken } from '../api/client';
import type { AdoptedPlan, FollowedPoint, Job, SamplePlanFollowUp } from '../api/types';
import type { Role } from '../auth';
import { I18nProvider } from '../i18n';
import { defaultSeason } from './refunds/logic';
import SamplePlan from './SamplePlan';

vi.setConfig({ testTimeout: 30000 });
const SLOW = { timeout: 8000 };

const who: { role: Role } = { role: 'manager' };
vi.mock('../auth', () => ({
  useAuth: () => ({ me: { user_id: 1, username: 'u', role: who.role, company_id: who.role === 'regulator' || who.role === 'admin' ? null : 3, household_id: null } }),
}));

const S = defaultSeason();
const PLAN: AdoptedPlan = {
  id: 5,
  company_id: 3,
  season: S,
  seed: '0',
  policy: 'weihai',
  collect_from: `${S}-11-15`,
  collect_to: `${S + 1}-03-15`,
  heated_households: 12,
  required: 5,
  summary: { shortfalls: [{ dimension: 'position', value: 'far', missing: 1 }] } as never,
  adopted_by: 'boss',
  adopted_at: `${S}-11-01T09:30:00+08:00`,
};

function point(id: number, over: Partial<FollowedPoint>): FollowedPoint {
  return {
    id,
    plan_id: 5,
    household_id: 30 + id,
    household_code: `H-${30 + id}`,
    address: `A ${id}`,
    method: 'manual',
    network_position: 'near',
    orientation: 'sun',
    floor_tier: 'lower',
    collect_on: `${S}-11-20`,
    staff: 'tech-a',
    status: 'due',
    collected_on: null,
    collected_by: null,
    ...over,
  };
}

function points(): FollowedPoint[] {
  return [
    point(1, { status: 'overdue', collect_on: `${S}-11-20` }),
    point(2, { method: 'remote', staff: null, status: 'collected', collect_on: `${S}-11-15` }),
    point(3, { staff: 'u', status: 'due', collect_on: `${S}-12-20` }),
    point(4, { staff: 'u', status: 'late', collect_on: `${S}-11-16`, collected_on: `${S}-11-18`, collected_by: 'u' }),
    point(5, { staff: 'u', status: 'overdue', collect_on: `${S}-11-25` }),
  ];
}

const PROFILE = { name: 'weihai', profile: { season: { 'official-start': { date: '11-15' }, 'official-end': { date: '03-15' } } } };
const STAFF = { items: [{ id: 7, username: 'tech-a', role: 'technician', company_id: 3 }, { id: 8, username: 'u', role: 'technician', company_id: 3 }] };

interface Call {
  method: string;
  url: URL;
  body: unknown;
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/** The server: `plans` the season's list (mutable), `pts` the points (mutable); `post` answers
 * the POSTs (else 404). */
function mockServer(state: { plans: AdoptedPlan[]; pts: FollowedPoint[]; post?: (c: Call) => Response; jobPolls?: Job[] }) {
  const calls: Call[] = [];
  let poll = 0;
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://console.test');
    const method = init?.method ?? 'GET';
    const call = { method, url, body: init?.body ? JSON.parse(String(init.body)) : undefined };
    calls.push(call);
    if (method === 'POST') return state.post ? state.post(call) : json({ error: { code: 'not_found', message: 'no' } }, 404);
    const p = url.pathname;
    if (p === '/api/v1/companies') return json({ items: [{ id: 3, code: 'p', name: 'P 热力', policy: 'weihai' }], next_cursor: null });
    if (p === '/api/v1/companies/3') return json({ id: 3, code: 'p', name: 'P 热力', policy: 'weihai' });
    if (p === '/api/v1/policies/weihai') return json(PROFILE);
    if (p === '/api/v1/staff') return json(STAFF);
    if (p === '/api/v1/sample_plans') return json({ items: state.plans.filter((x) => String(x.season) === url.searchParams.get('season')), next_cursor: null });
    if (p === '/api/v1/sample_plans/5/follow-up') {
      const staff = url.searchParams.get('staff');
      const counts = { collected: 0, late: 0, due: 0, overdue: 0 };
      for (const x of state.pts) counts[x.status] += 1;
      const body: SamplePlanFollowUp = { plan: state.plans[0], today: `${S}-12-07`, counts, points: state.pts.filter((x) => !staff || x.staff === staff) };
      return json(body);
    }
    if (p.startsWith('/api/v1/jobs/')) return json(state.jobPolls![Math.min(poll++, state.jobPolls!.length - 1)]);
    throw new Error(`unexpected ${method} ${url}`);
  });
  vi.stubGlobal('fetch', fetchMock);
  return calls;
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  setToken(null);
});

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

function rows(testId: string): HTMLElement[] {
  return Array.from(screen.getByTestId(testId).querySelectorAll<HTMLElement>('tr[data-row-key]'));
}

/** Opens a Select (its combobox named by `label`, or the element) and picks the option `text`. */
async function pick(combo: HTMLElement, text: string) {
  fireEvent.mouseDown(combo);
  const option = await waitFor(() => {
    const o = Array.from(document.querySelectorAll<HTMLElement>('.ant-select-item-option')).find((x) => x.textContent === text && !x.closest('.ant-select-dropdown-hidden'));
    expect(o).toBeTruthy();
    return o!;
  }, SLOW);
  fireEvent.click(option);
}

function combo(label: string): HTMLElement {
  return screen.getAllByLabelText(label).find((e) => e.getAttribute('role') === 'combobox')!;
}

function typeDate(id: string, value: string) {
  const input = document.getElementById(id)!;
  fireEvent.mouseDown(input);
  fireEvent.change(input, { target: { value } });
  fireEvent.keyDown(input, { key: 'Enter', code: 'Enter', keyCode: 13, which: 13 });
}

describe('SamplePlan, the adopted plan', () => {
  it("shows the manager the season's plan: the counts in colour, the points, and filters them in the URL", async () => {
    who.role = 'manager';
    const calls = mockServer({ plans: [PLAN], pts: points() });
    renderPage('/sampling?tab=adopted');
    await screen.findByTestId('adopted-points', undefined, SLOW);
    const list = calls.find((c) => c.url.pathname === '/api/v1/sample_plans')!;
    expect(list.url.searchParams.get('company_id')).toBe('3');
    expect(list.url.searchParams.get('season')).toBe(String(S));
    // No preview asked on this tab.
    expect(calls.some((c) => c.url.pathname === '/api/v1/sample-plan')).toBe(false);

    expect(screen.getByTestId('adopted-fact-window').textContent).toBe(`${S}-11-15 至 ${S + 1}-03-15`);
    expect(screen.getByTestId('adopted-fact-adopted-by').textContent).toBe('boss');
    expect(screen.getByTestId('adopted-shortfalls').textContent).toContain('末端 缺 1 户');
    const counts = screen.getByTestId('adopted-counts');
    expect(counts.textContent).toContain(`截至 ${S}-12-07`);
    const overdue = within(counts).getByTestId('adopted-count-overdue');
    expect(overdue.textContent).toContain('已逾期');
    expect(overdue.textContent).toContain('2');
    expect((overdue.querySelector('.ant-statistic-content') as HTMLElement).style.color).toBe('rgb(207, 19, 34)');
    expect(within(counts).getByTestId('adopted-count-collected').textContent).toContain('1');

    // By day: the remote point first; the household linked; 远传 without 调整.
    const all = rows('adopted-points');
    expect(all.map((r) => within(r).getByTestId('adopted-household').textContent)).toEqual(['H-32', 'H-34', 'H-31', 'H-35', 'H-33']);
    expect(within(all[0]).getByTestId('adopted-household').getAttribute('href')).toBe('/households/32');
    expect(within(all[0]).getByTestId('adopted-method').textContent).toBe('远传');
    expect(within(all[0]).queryByTestId('adopted-reschedule')).toBeNull();
    expect(within(all[1]).getByTestId('adopted-method').textContent).toBe('入户');
    expect(all[1].textContent).toContain(`${S}-11-18 · u`);
    expect(within(all[1]).getByTestId('adopted-status').textContent).toBe('逾期采集');
    const late = within(all[2]).getByTestId('adopted-status');
    expect(late.textContent).toBe('已逾期');
    expect(late.className).toContain('ant-tag-red');
    expect(within(all[2]).getByTestId('adopted-reschedule').getAttribute('aria-label')).toBe('调整 H-31 的采集日和入户人员');

    await pick(combo('按状态筛选'), '已逾期');
    await waitFor(() => expect(rows('adopted-points')).toHaveLength(2), SLOW);
    expect(screen.getByTestId('where').textContent).toBe('/sampling?tab=adopted&status=overdue');
    await pick(combo('入户人员'), 'u');
    await waitFor(() => expect(rows('adopted-points')).toHaveLength(1), SLOW);
    expect(screen.getByTestId('where').textContent).toBe('/sampling?tab=adopted&status=overdue&staff=u');
    expect(screen.getByTestId('adopted-points-count').textContent).toBe('1 / 5 户');

    // The export follows the technician chosen; a refused download shows under the buttons.
    const download = vi.spyOn(api, 'download').mockResolvedValue('sample-plan-5-x.xlsx');
    fireEvent.click(screen.getByTestId('adopted-export-xlsx'));
    await waitFor(() => expect(download).toHaveBeenCalledWith('/api/v1/sample_plans/5/follow-up', { format: 'xlsx', staff: 'u' }, `sample-plan-5-${S}-u.xlsx`), SLOW);
    download.mockRejectedValueOnce(new ApiError(403, 'permission_denied', 'not yours'));
    fireEvent.click(screen.getByTestId('adopted-export-csv'));
    expect((await screen.findByTestId('adopted-export-error', undefined, SLOW)).textContent).toContain('导出失败：not yours');
  });

  it("moves a manual point's visit: the server's refusal on the day, then the new day", async () => {
    who.role = 'manager';
    const state = {
      plans: [PLAN],
      pts: points(),
      post: (c: Call): Response => {
        const body = c.body as { collect_on?: string };
        if (body.collect_on === `${S + 1}-03-15`) return json({ error: { code: 'invalid_argument', message: 'collect_on must be within the plan\'s window', field: 'collect_on' } }, 400);
        state.pts = state.pts.map((x) => (x.id === 1 ? { ...x, collect_on: body.collect_on! } : x));
        return json({ id: 1, plan_id: 5, household_id: 31, method: 'manual', network_position: 'near', orientation: 'sun', floor_tier: 'lower', collect_on: body.collect_on, staff: 'tech-a' });
      },
    };
    const calls = mockServer(state);
    renderPage('/sampling?tab=adopted');
    await screen.findByTestId('adopted-points', undefined, SLOW);
    const row = rows('adopted-points').find((r) => r.textContent?.includes('H-31'))!;
    fireEvent.click(within(row).getByTestId('adopted-reschedule'));
    const form = await screen.findByTestId('reschedule-form', undefined, SLOW);
    expect(screen.getByTestId('reschedule-hint').textContent).toContain(`${S}-11-15 至 ${S + 1}-03-15`);
    await waitFor(() => expect(calls.some((c) => c.url.pathname === '/api/v1/staff' && c.url.searchParams.get('role') === 'technician')).toBe(true), SLOW);
    expect((document.getElementById('reschedule_collect_on') as HTMLInputElement).value).toBe(`${S}-11-20`);

    typeDate('reschedule_collect_on', `${S + 1}-03-15`);
    fireEvent.click(screen.getByTestId('reschedule-submit'));
    await waitFor(() => expect(document.getElementById('reschedule_collect_on')!.closest('.ant-form-item')!.textContent).toContain("collect_on must be within the plan's window"), SLOW);
    expect(within(form).getByTestId('reschedule-failure')).toBeTruthy();

    typeDate('reschedule_collect_on', `${S}-12-01`);
    fireEvent.click(screen.getByTestId('reschedule-submit'));
    await waitFor(() => expect(screen.queryByTestId('reschedule-form')).toBeNull(), SLOW);
    const posts = calls.filter((c) => c.method === 'POST');
    expect(posts.map((c) => [c.url.pathname, c.body])).toEqual([
      ['/api/v1/sample_points/1/reschedule', { collect_on: `${S + 1}-03-15` }],
      ['/api/v1/sample_points/1/reschedule', { collect_on: `${S}-12-01` }],
    ]);
    await waitFor(() => {
      const moved = rows('adopted-points').find((r) => r.textContent?.includes('H-31'))!;
      expect(within(moved).getByTestId('adopted-day').textContent).toBe(`${S}-12-01`);
    }, SLOW);
  });

  it('adopts the previewed plan as a job: the official days, the technicians, then the plan', async () => {
    who.role = 'manager';
    const running: Job = { id: 9, kind: 'sample-plan', company_id: 3, params: {}, state: 'running', done: 0, total: 5, percent: 0, started_by: 'u', started_at: '', updated_at: '', finished_at: null, result: null, error: null };
    const state = {
      plans: [] as AdoptedPlan[],
      pts: points(),
      jobPolls: [] as Job[],
      post: (c: Call): Response => {
        const body = c.body as { staff: string[] };
        if (!body.staff.includes('u')) return json({ error: { code: 'invalid_argument', message: 'staff tech-a is not an enabled technician of the company', field: 'staff' } }, 400);
        state.plans = [PLAN];
        state.jobPolls = [{ ...running, done: 2, percent: 40 }, { ...running, state: 'succeeded', done: 5, percent: 100, result: PLAN as never }];
        return json(running, 202);
      },
    };
    const calls = mockServer(state);
    renderPage('/sampling?tab=adopted&seed=7');
    const none = await screen.findByTestId('adopted-none', undefined, SLOW);
    expect(none.textContent).toContain(`${S}–${S + 1} 采暖季尚未采用采样方案`);
    fireEvent.click(within(none).getByTestId('adopted-adopt'));
    await screen.findByTestId('adopt-form', undefined, SLOW);
    expect(screen.getByTestId('adopt-hint').textContent).toContain('随机种子 7');
    // The window: the season's official days, from the company's policy profile.
    await waitFor(() => expect((document.getElementById('adopt_from') as HTMLInputElement).value).toBe(`${S}-11-15`), SLOW);
    expect((document.getElementById('adopt_to') as HTMLInputElement).value).toBe(`${S + 1}-03-15`);

    // None chosen: the form says so, nothing is sent.
    fireEvent.click(screen.getByTestId('adopt-submit'));
    await waitFor(() => expect(document.getElementById('adopt_staff')!.closest('.ant-form-item')!.textContent).toContain('请至少选择一名入户人员'), SLOW);
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    // tech-a: the server refuses it, on the field.
    await pick(document.getElementById('adopt_staff')!, 'tech-a');
    fireEvent.click(screen.getByTestId('adopt-submit'));
    await waitFor(() => expect(document.getElementById('adopt_staff')!.closest('.ant-form-item')!.textContent).toContain('is not an enabled technician'), SLOW);

    await pick(document.getElementById('adopt_staff')!, 'u');
    fireEvent.click(screen.getByTestId('adopt-submit'));
    await screen.findByTestId('job-progress', undefined, SLOW);
    await screen.findByTestId('adopted-points', undefined, { timeout: 15000 });
    expect(screen.queryByTestId('adopt-form')).toBeNull();
    const posts = calls.filter((c) => c.method === 'POST');
    expect(posts).toHaveLength(2);
    expect(posts[1].url.pathname).toBe('/api/v1/sample-plan');
    expect(Object.fromEntries(posts[1].url.searchParams)).toEqual({ seed: '7', async: 'true' });
    expect(posts[1].body).toEqual({ season: S, from: `${S}-11-15`, to: `${S + 1}-03-15`, staff: ['tech-a', 'u'] });
    expect(calls.some((c) => c.url.pathname === '/api/v1/jobs/9')).toBe(true);
  });

  it("puts a failed job's 409 on the season", async () => {
    who.role = 'manager';
    const failed: Job = {
      id: 9, kind: 'sample-plan', company_id: 3, params: {}, state: 'failed', done: 0, total: 0, percent: 0, started_by: 'u', started_at: '', updated_at: '', finished_at: null, result: null,
      error: { code: 'conflict', message: 'company p adopted plan 5 for season 2026; change its points\' days and staff instead', field: 'season' },
    };
    mockServer({ plans: [], pts: [], jobPolls: [failed], post: () => json({ ...failed, state: 'running', error: null }, 202) });
    renderPage('/sampling?tab=adopted');
    fireEvent.click(within(await screen.findByTestId('adopted-none', undefined, SLOW)).getByTestId('adopted-adopt'));
    await screen.findByTestId('adopt-form', undefined, SLOW);
    await pick(document.getElementById('adopt_staff')!, 'u');
    await waitFor(() => expect((document.getElementById('adopt_from') as HTMLInputElement).value).not.toBe(''), SLOW);
    fireEvent.click(screen.getByTestId('adopt-submit'));
    await waitFor(() => expect(document.getElementById('adopt_season')!.closest('.ant-form-item')!.textContent).toContain('adopted plan 5 for season'), { timeout: 15000 });
    expect(screen.getByTestId('adopt-failure')).toBeTruthy();
  });

  it('shows a technician only their own visits, overdue first, and no 已采用方案 tab', async () => {
    who.role = 'technician';
    const calls = mockServer({ plans: [PLAN], pts: points() });
    renderPage('/sampling?tab=mine');
    await screen.findByTestId('mine-points', undefined, SLOW);
    expect(screen.queryByTestId('sampling-tab-adopted')).toBeNull();
    expect(screen.getByTestId('sampling-tab-mine').textContent).toBe('我的入户任务');
    const followUp = calls.find((c) => c.url.pathname === '/api/v1/sample_plans/5/follow-up')!;
    expect(followUp.url.searchParams.get('staff')).toBe('u');
    const mine = rows('mine-points');
    expect(mine.map((r) => within(r).getByTestId('adopted-household').textContent)).toEqual(['H-35', 'H-33', 'H-34']);
    expect(mine.map((r) => within(r).getByTestId('adopted-status').textContent)).toEqual(['已逾期', '待采集', '逾期采集']);
    expect(screen.queryByTestId('adopted-reschedule')).toBeNull();
    const counts = screen.getByTestId('mine-counts');
    expect(within(counts).getByTestId('adopted-count-overdue').textContent).toContain('1');
    expect(within(counts).getByTestId('adopted-count-collected').textContent).toContain('0');

    // The round sheet: only this technician's points.
    const download = vi.spyOn(api, 'download').mockResolvedValue('sample-plan-5-u.csv');
    fireEvent.click(screen.getByTestId('mine-export-csv'));
    await waitFor(() => expect(download).toHaveBeenCalledWith('/api/v1/sample_plans/5/follow-up', { format: 'csv', staff: 'u' }, `sample-plan-5-${S}-u.csv`), SLOW);
  });

  it('lets the regulator read a company\'s plan, without adopting or moving', async () => {
    who.role = 'regulator';
    const calls = mockServer({ plans: [PLAN], pts: points() });
    renderPage('/sampling?tab=adopted');
    await screen.findByTestId('adopted-choose-company', undefined, SLOW);
    expect(calls.some((c) => c.url.pathname === '/api/v1/sample_plans')).toBe(false);
    await pick(combo('供热企业'), 'p P 热力');
    await screen.findByTestId('adopted-points', undefined, SLOW);
    expect(screen.getByTestId('where').textContent).toBe('/sampling?tab=adopted&company=3&seed=0');
    expect(calls.find((c) => c.url.pathname === '/api/v1/sample_plans')!.url.searchParams.get('company_id')).toBe('3');
    expect(screen.queryByTestId('adopted-adopt')).toBeNull();
    expect(screen.queryByTestId('adopted-reschedule')).toBeNull();
    expect(calls.some((c) => c.url.pathname === '/api/v1/staff')).toBe(false);
  });
});
