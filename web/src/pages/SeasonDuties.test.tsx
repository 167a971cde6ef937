import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { MemoryRouter, useLocation } from 'react-router-dom';
import { setToken } from '../api/client';
import type { SeasonDuty, SeasonDutyRow, SeasonFlags } from '../api/types';
import type { Role } from '../auth';
import { I18nProvider } from '../i18n';
import SeasonDuties from './SeasonDuties';

vi.setConfig({ testTimeout: 30000 });

const who: { role: Role } = { role: 'regulator' };
vi.mock('../auth', () => ({ useAuth: () => ({ me: { user_id: 1, username: 'u', role: who.role, company_id: who.role === 'regulator' || who.role === 'admin' ? null : 3, household_id: null } }) }));

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  setToken(null);
});

const duty = (kind: SeasonDuty['kind'], status: SeasonDuty['status'], over: Partial<SeasonDuty> = {}): SeasonDuty => ({
  kind,
  announced_day: kind === 'commissioning' ? '2026-11-08' : '2026-11-15',
  status,
  flagged: status === 'late' || status === 'missing',
  days_late: status === 'late' ? 1 : 0,
  announcement: null,
  ...over,
});

const row = (company_id: number, district_id: number, over: Partial<SeasonDutyRow>): SeasonDutyRow => ({
  company_id,
  company_code: company_id === 3 ? 'weihai-heat' : 'zibo-heat',
  company_name: company_id === 3 ? '威海海晟热力' : '淄博热力',
  district_id,
  district_code: 'weihai-wendeng',
  district_name: '文登区',
  season_id: 5,
  dates_from: 'record',
  commissioning_start: '2026-11-08',
  official_start: '2026-11-15',
  official_end: '2027-03-15',
  early_start: null,
  extension_end: null,
  decision_ref: null,
  first_heated_day: '2026-11-15',
  duties: [],
  ...over,
});

/** 文登区: the commissioning announced a week ahead, the start of heating on the day (1 day late);
 * 环翠区: an early start decided by the district, both on time; 淄川区 (another company, the
 * policy's default dates): nothing announced. Listed out of order: the page sorts by company. */
const WENDENG = row(3, 2, {
  duties: [
    duty('commissioning', 'on_time', { announcement: { id: 7, published_on: '2026-11-01', channel: 'newspaper', reference: '威海市供热公告 2026-11-01（演示）' } }),
    duty('heating_start', 'late', { announcement: { id: 8, published_on: '2026-11-15', channel: 'online', reference: '威海发布 2026-11-15' } }),
  ],
});
const HUANCUI = row(3, 4, {
  district_code: 'weihai-huancui',
  district_name: '环翠区',
  season_id: 6,
  commissioning_start: '2026-11-05',
  early_start: '2026-11-10',
  decision_ref: '威政字〔2026〕12号',
  first_heated_day: '2026-11-10',
  duties: [
    duty('commissioning', 'on_time', { announced_day: '2026-11-05', announcement: { id: 9, published_on: '2026-11-01', channel: 'television', reference: '威海电视台' } }),
    duty('heating_start', 'on_time', { announced_day: '2026-11-10', announcement: { id: 10, published_on: '2026-11-03', channel: 'notice_board', reference: '小区公示栏 第 12 号' } }),
  ],
});
const ZICHUAN = row(7, 9, {
  district_code: 'zibo-zichuan',
  district_name: '淄川区',
  season_id: null,
  dates_from: 'profile',
  duties: [duty('commissioning', 'missing'), duty('heating_start', 'missing')],
});

const FLAGS: SeasonFlags = { season: 2026, today: '2026-12-04', basis: 'R-SEASON-1 (Z 2.1, W 5.2.5, W 6.1.1)', flagged: 3, items: [ZICHUAN, HUANCUI, WENDENG] };

const COMPANIES = {
  items: [
    { id: 3, code: 'weihai-heat', name: '威海海晟热力' },
    { id: 7, code: 'zibo-heat', name: '淄博热力' },
  ],
  next_cursor: null,
};

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

type Post = (body: Record<string, unknown>) => Response;

/** fetch as the server answers: the companies, the season's flags, and an announcement posted. */
function mockFetch(flags: (url: URL) => Response, post: Post = (b) => json({ id: 11, ...b }, 201)) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://console.test');
    if (url.pathname === '/api/v1/companies') return json(COMPANIES);
    if (url.pathname === '/api/v1/regulator/season-flags') return flags(url);
    if (url.pathname === '/api/v1/season_announcements' && init?.method === 'POST') return post(JSON.parse(String(init.body)));
    throw new Error(`unexpected ${init?.method ?? 'GET'} ${url}`);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

/** The season flags' URLs fetch was asked for. */
function flagCalls(fetchMock: ReturnType<typeof mockFetch>): string[] {
  return (fetchMock.mock.calls as unknown[][]).map((c) => String(c[0])).filter((u) => u.startsWith('/api/v1/regulator/season-flags'));
}

/** The bodies posted to /api/v1/season_announcements. */
function posts(fetchMock: ReturnType<typeof mockFetch>): unknown[] {
  return (fetchMock.mock.calls as unknown[][])
    .filter((c) => String(c[0]) === '/api/v1/season_announcements' && (c[1] as RequestInit | undefined)?.method === 'POST')
    .map((c) => JSON.parse(String((c[1] as RequestInit).body)));
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
          <SeasonDuties />
          <Where />
        </AntApp>
      </I18nProvider>
    </MemoryRouter>,
  );
}

function rowsOf(table: HTMLElement): HTMLElement[] {
  return Array.from(table.querySelectorAll<HTMLElement>('tr[data-row-key]'));
}

/** The modal's submit button (确认登记). */
function submitOf(dialog: HTMLElement): HTMLElement {
  return within(dialog).getByText('确认登记').closest('button')!;
}

function tagsOf(cell: HTMLElement): string[] {
  return within(cell)
    .getAllByTestId('seasons-duty-tag')
    .map((t) => t.textContent ?? '');
}

async function pick(label: string, option: string) {
  fireEvent.mouseDown(screen.getAllByLabelText(label).find((e) => e.getAttribute('role') === 'combobox')!);
  const found = await waitFor(() => {
    const o = Array.from(document.querySelectorAll<HTMLElement>('.ant-select-item-option')).find((x) => x.textContent === option);
    expect(o).toBeTruthy();
    return o!;
  });
  fireEvent.click(found);
}

describe('SeasonDuties', () => {
  it("shows the regulator the rule, the totals and each district's season and announcements by company", async () => {
    who.role = 'regulator';
    setToken('secret-token');
    const fetchMock = mockFetch(() => json(FLAGS));
    renderPage('/regulator/seasons');
    const table = await screen.findByTestId('seasons-table', undefined, { timeout: 8000 });
    // The current season: no season sent, the server's default shown in the picker.
    expect(flagCalls(fetchMock)).toEqual(['/api/v1/regulator/season-flags']);
    const call = (fetchMock.mock.calls as unknown[][]).find((c) => String(c[0]).startsWith('/api/v1/regulator/season-flags'))!;
    expect(((call[1] as RequestInit).headers as Record<string, string>).Authorization).toBe('Bearer secret-token');

    expect(screen.getByTestId('seasons-rule').textContent).toContain('规则 R-SEASON-1 (Z 2.1, W 5.2.5, W 6.1.1)：');
    expect(screen.getByTestId('seasons-rule').textContent).toContain('当天发布即逾期 1 天');
    await waitFor(() => expect(document.querySelector('.ant-select-selection-item')?.textContent).toBe('2026–2027 采暖季'));
    expect(screen.getAllByLabelText('供热企业').length).toBeGreaterThan(0);

    // The totals: 3 district-seasons, 3 flagged (1 late, 2 missing).
    const summary = screen.getByTestId('seasons-summary');
    for (const want of ['核查区县采暖季', '需提示公告', '未公告', '逾期公告']) expect(summary.textContent).toContain(want);
    expect(screen.getByTestId('seasons-stat-districts').textContent).toBe('3');
    expect(screen.getByTestId('seasons-stat-flagged').textContent).toBe('3');
    expect(screen.getByTestId('seasons-stat-missing').textContent).toBe('2');
    expect(screen.getByTestId('seasons-stat-late').textContent).toBe('1');

    const header = Array.from(table.querySelectorAll('thead th')).map((h) => h.textContent);
    for (const want of ['企业', '区县', '采暖季日期', '调试公告', '供暖公告']) expect(header).toContain(want);
    expect(screen.getByText('2026–2027 采暖季各区县公告（截至 2026-12-04）')).toBeTruthy();

    // By company, then district: weihai-heat's 文登区 and 环翠区, then zibo-heat's 淄川区.
    const rows = rowsOf(table);
    expect(rows).toHaveLength(3);
    expect(rows.map((r) => within(r).getByTestId('seasons-company').textContent)).toEqual(['weihai-heat 威海海晟热力', 'weihai-heat 威海海晟热力', 'zibo-heat 淄博热力']);
    expect(rows.map((r) => within(r).getByTestId('seasons-district').textContent)).toEqual(['文登区（weihai-wendeng）', '环翠区（weihai-huancui）', '淄川区（zibo-zichuan）']);

    // 文登区: the commissioning on time, the start of heating a day late, each with its announcement.
    const wendengCommissioning = within(rows[0]).getByTestId('seasons-duty-commissioning');
    const wendengHeating = within(rows[0]).getByTestId('seasons-duty-heating_start');
    expect(tagsOf(wendengCommissioning)).toEqual(['按时']);
    expect(tagsOf(wendengHeating)).toEqual(['逾期 晚 1 天']);
    expect(within(wendengHeating).getByTestId('seasons-duty-tag').className).toContain('ant-tag-error');
    expect(within(wendengCommissioning).getByTestId('seasons-duty-tag').className).toContain('ant-tag-success');
    expect(wendengCommissioning.textContent).toContain('调试日 2026-11-08');
    expect(within(wendengCommissioning).getByTestId('seasons-published').textContent).toBe('2026-11-01 发布 · 报纸');
    expect(within(wendengCommissioning).getByTestId('seasons-reference').textContent).toBe('威海市供热公告 2026-11-01（演示）');
    expect(wendengHeating.textContent).toContain('供暖日 2026-11-15');
    expect(within(wendengHeating).getByTestId('seasons-published').textContent).toBe('2026-11-15 发布 · 网络媒体');
    expect(within(rows[0]).getByTestId('seasons-dates').textContent).toBe('调试 2026-11-08 起正式供暖 2026-11-15 至 2027-03-15');

    // 环翠区: the district's early start, with its decision as a tag.
    const huancuiDates = within(rows[1]).getByTestId('seasons-dates');
    expect(huancuiDates.textContent).toContain('提前至 2026-11-10 供暖');
    expect(within(huancuiDates).getByTestId('seasons-decision').textContent).toBe('威政字〔2026〕12号');
    expect(within(rows[1]).getByTestId('seasons-duty-heating_start').textContent).toContain('2026-11-03 发布 · 小区公示栏');
    expect(within(rows[1]).queryByTestId('seasons-profile')).toBeNull();

    // 淄川区: the policy's default dates, nothing announced.
    expect(within(rows[2]).getByTestId('seasons-profile').textContent).toBe('按政策默认日期');
    expect(tagsOf(rows[2])).toEqual(['未公告', '未公告']);
    expect(within(rows[2]).getByTestId('seasons-duty-heating_start').textContent).toContain('最迟 2026-11-14 发布');
    expect(within(rows[2]).queryByTestId('seasons-published')).toBeNull();

    // The regulator records nothing.
    expect(screen.queryAllByTestId('seasons-announce')).toHaveLength(0);

    // The status's words in the tag's tooltip.
    fireEvent.mouseEnter(within(wendengHeating).getByTestId('seasons-duty-tag'));
    await waitFor(() => expect(screen.getByRole('tooltip').textContent).toContain('逾期公告：在所公告日期当天或之后发布'));
  });

  it('keeps the season and the company in the URL and sends them', async () => {
    who.role = 'admin';
    const fetchMock = mockFetch((url) => json({ ...FLAGS, season: Number(url.searchParams.get('season') ?? 2026), items: url.searchParams.get('company') === '3' ? [WENDENG] : FLAGS.items }));
    renderPage('/regulator/seasons?season=2025&company=3');
    const table = await screen.findByTestId('seasons-table', undefined, { timeout: 8000 });
    await waitFor(() => expect(rowsOf(table)).toHaveLength(1));
    expect(flagCalls(fetchMock)).toEqual(['/api/v1/regulator/season-flags?season=2025&company=3']);
    expect(screen.getByTestId('seasons-stat-districts').textContent).toBe('1');

    // Another season: asked for, the company kept.
    await pick('采暖季', '2024–2025 采暖季');
    await waitFor(() => expect(flagCalls(fetchMock)).toContain('/api/v1/regulator/season-flags?season=2024&company=3'));
    expect(screen.getByTestId('where').textContent).toBe('/regulator/seasons?season=2024&company=3');

    // Every company: the season kept.
    await pick('供热企业', '全部企业');
    await waitFor(() => expect(flagCalls(fetchMock)).toContain('/api/v1/regulator/season-flags?season=2024'));
    expect(screen.getByTestId('where').textContent).toBe('/regulator/seasons?season=2024');
    await waitFor(() => expect(screen.getByTestId('seasons-stat-districts').textContent).toBe('3'));
  });

  it("lets a manager record its company's missing or due announcement, then shows it", async () => {
    who.role = 'manager';
    const due = row(3, 2, {
      duties: [
        duty('commissioning', 'on_time', { announcement: { id: 7, published_on: '2026-11-01', channel: 'newspaper', reference: '威海日报' } }),
        duty('heating_start', 'due', { announced_day: '2026-12-10' }),
      ],
    });
    const recorded = row(3, 2, {
      duties: [
        due.duties[0],
        duty('heating_start', 'on_time', { announced_day: '2026-12-10', announcement: { id: 11, published_on: '2026-12-04', channel: 'online', reference: '威海发布 第 88 期' } }),
      ],
    });
    let answered = false;
    const fetchMock = mockFetch(
      () => json({ ...FLAGS, flagged: 0, items: [answered ? recorded : due] }),
      (b) => {
        answered = true;
        return json({ id: 11, ...b }, 201);
      },
    );
    renderPage('/regulator/seasons?company=7');
    const table = await screen.findByTestId('seasons-table', undefined, { timeout: 8000 });
    // Staff see their own company's: no filter, and a company in the URL is not sent.
    expect(flagCalls(fetchMock)).toEqual(['/api/v1/regulator/season-flags']);
    expect(screen.queryAllByLabelText('供热企业')).toHaveLength(0);

    // Only the due duty offers 登记公告; the one on time does not.
    const cell = within(rowsOf(table)[0]).getByTestId('seasons-duty-heating_start');
    expect(tagsOf(cell)).toEqual(['待公告']);
    expect(within(rowsOf(table)[0]).getByTestId('seasons-duty-commissioning').querySelector('[data-testid="seasons-announce"]')).toBeNull();
    fireEvent.click(within(cell).getByTestId('seasons-announce'));

    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('登记正式供暖公告 · 文登区（weihai-wendeng）')).toBeTruthy();
    expect(within(dialog).getByTestId('announce-hint').textContent).toBe('正式供暖日为 2026-12-10：2026-12-09 及以前发布为按时公告，当天或之后发布为逾期。');
    // Published today (the server's day) by default.
    expect((within(dialog).getByLabelText('发布日期') as HTMLInputElement).value).toBe('2026-12-04');

    // The reference is required.
    await pick('发布渠道', '网络媒体');
    fireEvent.click(submitOf(dialog));
    await within(dialog).findByText('请填写公告出处', undefined, { timeout: 8000 });
    expect(posts(fetchMock)).toHaveLength(0);

    fireEvent.change(within(dialog).getByLabelText('公告出处'), { target: { value: '威海发布 第 88 期' } });
    fireEvent.click(submitOf(dialog));
    await waitFor(() => expect(posts(fetchMock)).toHaveLength(1));
    expect(posts(fetchMock)[0]).toEqual({
      company_id: 3,
      district_id: 2,
      season: 2026,
      kind: 'heating_start',
      published_on: '2026-12-04',
      channel: 'online',
      reference: '威海发布 第 88 期',
    });

    // The table asked again, now with the announcement.
    await waitFor(() => expect(flagCalls(fetchMock)).toHaveLength(2));
    await waitFor(() => expect(tagsOf(within(screen.getByTestId('seasons-table')).getByTestId('seasons-duty-heating_start'))).toEqual(['按时']));
    expect(screen.queryAllByTestId('seasons-announce')).toHaveLength(0);
  });

  it("puts the server's refusal on the field it names, and a conflict above the form", async () => {
    who.role = 'manager';
    const missing = row(3, 2, { duties: [duty('commissioning', 'missing'), duty('heating_start', 'missing')] });
    let answer = json({ error: { code: 'invalid_argument', message: 'reference is too long', field: 'reference' } }, 400);
    const fetchMock = mockFetch(
      () => json({ ...FLAGS, items: [missing] }),
      () => answer,
    );
    renderPage('/regulator/seasons');
    const table = await screen.findByTestId('seasons-table', undefined, { timeout: 8000 });
    expect(within(table).getAllByTestId('seasons-announce')).toHaveLength(2);
    fireEvent.click(within(within(table).getByTestId('seasons-duty-commissioning')).getByTestId('seasons-announce'));
    const dialog = await screen.findByRole('dialog');
    await pick('发布渠道', '报纸');
    fireEvent.change(within(dialog).getByLabelText('公告出处'), { target: { value: '威海日报' } });
    fireEvent.click(submitOf(dialog));
    await within(dialog).findByText('reference is too long', undefined, { timeout: 8000 });
    expect(posts(fetchMock)).toHaveLength(1);
    expect((posts(fetchMock)[0] as { kind: string }).kind).toBe('commissioning');

    answer = json({ error: { code: 'conflict', message: 'already announced' } }, 409);
    fireEvent.change(within(dialog).getByLabelText('公告出处'), { target: { value: '威海日报 第 2 版' } });
    fireEvent.click(submitOf(dialog));
    const alert = await within(dialog).findByTestId('announce-failure', undefined, { timeout: 8000 });
    expect(alert.textContent).toContain('该区县本采暖季的此项公告已登记。');
    // Still open, the table not asked again.
    expect(screen.getByRole('dialog')).toBeTruthy();
    expect(flagCalls(fetchMock)).toHaveLength(1);
  });

  it('says there is nothing to check when the company is licensed nowhere', async () => {
    who.role = 'regulator';
    mockFetch(() => json({ ...FLAGS, flagged: 0, items: [] }));
    renderPage('/regulator/seasons?company=7');
    const none = await screen.findByTestId('seasons-none', undefined, { timeout: 8000 });
    expect(none.textContent).toContain('没有需核查的区县');
    await waitFor(() => expect(none.textContent).toContain('zibo-heat 淄博热力 没有许可经营的区县。'));
    expect(screen.queryByTestId('seasons-table')).toBeNull();
    for (const id of ['seasons-stat-districts', 'seasons-stat-flagged', 'seasons-stat-missing', 'seasons-stat-late']) expect(screen.getByTestId(id).textContent).toBe('0');
  });

  it("shows the server's message for a bad season", async () => {
    who.role = 'regulator';
    mockFetch(() => json({ error: { code: 'invalid_argument', message: 'season must be a year from 2000 to 2200', field: 'season' } }, 400));
    renderPage('/regulator/seasons?season=2100');
    await screen.findByText('season must be a year from 2000 to 2200', undefined, { timeout: 8000 });
    expect(screen.getByText('出错了')).toBeTruthy();
    expect(screen.queryByTestId('seasons-table')).toBeNull();
    expect(screen.queryByTestId('seasons-summary')).toBeNull();
  });

  it('shows a refusal (403) as the usual not-found', async () => {
    who.role = 'agent';
    mockFetch(() => json({ error: { code: 'permission_denied', message: "a company's staff see their own company only", field: 'company' } }, 403));
    renderPage('/regulator/seasons');
    await screen.findByText('未找到', undefined, { timeout: 8000 });
    expect(screen.queryByTestId('seasons-table')).toBeNull();
    expect(screen.queryByTestId('seasons-none')).toBeNull();
    expect(screen.getByTestId('seasons-rule')).toBeTruthy();
  });
});
