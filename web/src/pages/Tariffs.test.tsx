import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { MemoryRouter, useLocation } from 'react-router-dom';
import { api, ApiError, setToken } from '../api/client';
import type { PriceNotice, Tariff } from '../api/types';
import { AuthProvider, type Me, type Role } from '../auth';
import { I18nProvider } from '../i18n';
import Tariffs from './Tariffs';
import { canAnnounce, hasBasePrice, lateOn, listQuery, noticeQuery, noticesByTariff, readFilters, writeFilters, yuanText } from './tariffs/logic';

// antd renders asynchronously; on a busy machine (a C++ build beside) it can take seconds.
const SLOW = { timeout: 8000 };
vi.setConfig({ testTimeout: 30000 });
afterEach(() => {
  vi.restoreAllMocks();
  setToken(null);
});

/** Next season's area price, approved, not announced yet. */
function byArea(): Tariff {
  return { id: 1, company_id: 1, name: '居民按面积', billing: 'area', price: 28, base_price: null, valid_from: '2030-11-15', valid_to: null, approval: '威价〔2030〕5号' };
}

/** A two-part price by meter, announced late. */
function byMeter(): Tariff {
  return { id: 2, company_id: 1, name: '居民按热量', billing: 'meter', price: 45.5, base_price: 12, valid_from: '2026-11-15', valid_to: '2027-03-31', approval: null };
}

const TOLD_LATE = '热费价格通知：自 2026-11-15 起执行居民按热量 45.50 元/GJ。';

function toldLate(): PriceNotice {
  return {
    id: 7,
    tariff_id: 2,
    company_id: 1,
    billing: 'meter',
    price: '45.50',
    valid_from: '2026-11-15',
    text: TOLD_LATE,
    households: 120,
    announced_at: '2026-11-20T10:00:00+08:00',
    announced_by: 'li',
    late: true,
  };
}

function toldInTime(): PriceNotice {
  return {
    id: 8,
    tariff_id: 1,
    company_id: 1,
    billing: 'area',
    price: '28.00',
    valid_from: '2030-11-15',
    text: '热费价格调整通知：自 2030-11-15 起，居民按面积由 26.00 元/m²（采暖季）调整为 28.00 元/m²（采暖季）（威价〔2030〕5号）。',
    households: 356,
    announced_at: '2030-10-01T09:30:00+08:00',
    announced_by: 'li',
    late: false,
  };
}

/** `notices`: the price notices the server lists (read at each GET, so a test may change them). */
function signedIn(role: Role, items: Tariff[], notices: { items: PriceNotice[] } = { items: [] }) {
  const me: Me = { user_id: 9, username: role, role, company_id: role === 'regulator' || role === 'admin' ? null : 1, household_id: null };
  setToken('token');
  return vi.spyOn(api, 'get').mockImplementation(async (path: string) => {
    if (path === '/api/v1/auth/me') return me;
    if (path === '/api/v1/tariffs') return { items, next_cursor: null };
    if (path === '/api/v1/price-notices') return { items: notices.items, next_cursor: null };
    if (path === '/api/v1/companies') return { items: [{ id: 1, code: 'weihai-heat', name: '威海热电' }], next_cursor: null };
    throw new Error(`unexpected GET ${path}`);
  });
}

const where = { search: '' };
function Where() {
  where.search = useLocation().search;
  return null;
}

function renderPage(url = '/tariffs') {
  render(
    <I18nProvider locale="zh-CN">
      <AntApp>
        <AuthProvider>
          <MemoryRouter initialEntries={[url]} future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
            <Tariffs />
            <Where />
          </MemoryRouter>
        </AuthProvider>
      </AntApp>
    </I18nProvider>,
  );
}

/** The table's rows by tariff id, once the notices have come (every row has a status). */
async function rowsOf(): Promise<Map<string, HTMLElement>> {
  const table = await screen.findByTestId('tariff-list', undefined, SLOW);
  await waitFor(() => expect(within(table).getAllByTestId('tariff-notice').length).toBeGreaterThan(0), SLOW);
  const rows = Array.from(table.querySelectorAll<HTMLElement>('tr[data-row-key]'));
  return new Map(rows.map((r) => [r.getAttribute('data-row-key') ?? '', r]));
}

/** Clicks 发布调价通知 on `row` and confirms; returns the confirmation's text. */
async function announceIn(row: HTMLElement): Promise<string> {
  fireEvent.click(within(row).getByTestId('tariff-announce'));
  const title = await screen.findByText(/的调价通知？/, undefined, SLOW);
  const pop = title.closest('.ant-popover') as HTMLElement;
  const text = pop.textContent ?? '';
  fireEvent.click(within(pop).getByRole('button', { name: /发\s*布/ }));
  return text;
}

describe('Tariffs', () => {
  it('lists the tariffs with their units, periods, approval and notice status, and keeps the filter in the URL', async () => {
    const get = signedIn('manager', [byArea(), byMeter()], { items: [toldLate()] });
    renderPage();
    const rows = await rowsOf();
    expect(get).toHaveBeenCalledWith('/api/v1/tariffs', { company_id: undefined, billing: undefined, limit: 20, cursor: undefined }, expect.anything());
    expect(get).toHaveBeenCalledWith('/api/v1/price-notices', { company: undefined, limit: 1000, cursor: undefined }, expect.anything());
    expect(screen.getByTestId('tariff-rule').textContent).toContain('W 9.2.1：供热经营企业应按照物价部门核准的收费标准收取供热费。热费价格调整时，应及时告知热用户。');
    const area = rows.get('1')!;
    const meter = rows.get('2')!;
    for (const want of ['居民按面积', '按面积', '28.00 元/m²（采暖季）', '2030-11-15 起', '威价〔2030〕5号', '未告知', '发布调价通知']) expect(area.textContent).toContain(want);
    for (const want of ['居民按热量', '按热计量', '45.50 元/GJ', '12.00 元/m²（采暖季）', '2026-11-15 至 2027-03-31', '已告知 120 户 · 2026-11-20 10:00 · li']) expect(meter.textContent).toContain(want);
    expect(within(area).getByTestId('tariff-base-price').textContent).toBe('—');
    expect(screen.getByRole('columnheader', { name: '基本热价' })).toBeTruthy();
    expect(within(meter).queryByTestId('tariff-announce')).toBeNull();
    // A manager sees its own company's: no company filter.
    expect(screen.queryByRole('combobox', { name: '供热企业' })).toBeNull();

    fireEvent.mouseDown(screen.getByRole('combobox', { name: '计费方式' }));
    fireEvent.click(await screen.findByTitle('按热计量', undefined, SLOW));
    await waitFor(() => expect(where.search).toBe('?billing=meter'), SLOW);
    await waitFor(() => expect(get).toHaveBeenCalledWith('/api/v1/tariffs', { company_id: undefined, billing: 'meter', limit: 20, cursor: undefined }, expect.anything()), SLOW);
  });

  it('shows a late notice as 逾期告知 and opens what the households were told', async () => {
    signedIn('agent', [byMeter()], { items: [toldLate()] });
    renderPage();
    const rows = await rowsOf();
    const meter = rows.get('2')!;
    expect(within(meter).getByTestId('tariff-notice-late').textContent).toBe('逾期告知');
    fireEvent.click(within(meter).getByTestId('tariff-notice-open'));
    const detail = await screen.findByTestId('tariff-notice-detail', undefined, SLOW);
    expect(screen.getByTestId('tariff-notice-text').textContent).toBe(TOLD_LATE);
    for (const want of ['调价通知：居民按热量', '120 户', '2026-11-20 10:00', 'li', '逾期告知', '45.50 元/GJ']) expect(document.body.textContent).toContain(want);
    expect(detail.textContent).toContain('2026-11-15');
  });

  it('announces a tariff once confirmed, and shows it told with the count', async () => {
    signedIn('manager', [byArea(), byMeter()], { items: [toldLate()] });
    const post = vi.spyOn(api, 'post').mockResolvedValue(toldInTime());
    renderPage();
    const area = (await rowsOf()).get('1')!;
    const confirm = await announceIn(area);
    expect(confirm).toContain('该企业所有按面积计费的住户都将通过“消息通知”收到此通知');
    // Before its first day: not late.
    expect(confirm).not.toContain('逾期告知');
    await waitFor(() => expect(post).toHaveBeenCalledWith('/api/v1/tariffs/1/notice'), SLOW);
    await waitFor(() => expect(area.textContent).toContain('已告知 356 户 · 2030-10-01 09:30 · li'), SLOW);
    expect(within(area).queryByTestId('tariff-notice-late')).toBeNull();
    expect(within(area).queryByTestId('tariff-announce')).toBeNull();
    expect(await screen.findByText('已发布“居民按面积”的调价通知，已告知 356 户', undefined, SLOW)).toBeTruthy();
  });

  it('warns that a notice on or after the first day comes late, and shows the answer 逾期告知', async () => {
    const started = { ...byArea(), id: 3, valid_from: '2021-01-01' };
    signedIn('admin', [started]);
    vi.spyOn(api, 'post').mockResolvedValue({ ...toldInTime(), id: 9, tariff_id: 3, valid_from: '2021-01-01', late: true });
    renderPage();
    const row = (await rowsOf()).get('3')!;
    expect(await announceIn(row)).toContain('已到执行日期 2021-01-01，本次告知将记为逾期告知。');
    expect((await within(row).findByTestId('tariff-notice-late', undefined, SLOW)).textContent).toBe('逾期告知');
    expect(row.textContent).toContain('已告知 356 户');
  });

  it('lets the regulator read, filter by company, but not announce', async () => {
    const get = signedIn('regulator', [byArea(), byMeter()], { items: [toldLate()] });
    renderPage('/tariffs?company=1');
    const rows = await rowsOf();
    expect(get).toHaveBeenCalledWith('/api/v1/tariffs', { company_id: '1', billing: undefined, limit: 20, cursor: undefined }, expect.anything());
    expect(get).toHaveBeenCalledWith('/api/v1/price-notices', { company: '1', limit: 1000, cursor: undefined }, expect.anything());
    expect(rows.get('1')!.textContent).toContain('未告知');
    expect(rows.get('2')!.textContent).toContain('已告知 120 户');
    expect(screen.queryByTestId('tariff-announce')).toBeNull();
    expect(screen.queryByText('发布调价通知')).toBeNull();
    expect(screen.getByRole('combobox', { name: '供热企业' })).toBeTruthy();
    await waitFor(() => expect(rows.get('1')!.textContent).toContain('weihai-heat 威海热电'), SLOW);
  });

  it('shows the refusal of a tariff announced before (409) and then its notice', async () => {
    const notices = { items: [] as PriceNotice[] };
    const get = signedIn('manager', [byArea()], notices);
    vi.spyOn(api, 'post').mockImplementation(async () => {
      notices.items = [toldInTime()];
      throw new ApiError(409, 'conflict', 'tariff 1 was announced before', 'tariff');
    });
    renderPage();
    const area = (await rowsOf()).get('1')!;
    await announceIn(area);
    expect(await screen.findByText('发布失败：tariff 1 was announced before', undefined, SLOW)).toBeTruthy();
    await waitFor(() => expect(area.textContent).toContain('已告知 356 户'), SLOW);
    expect(get.mock.calls.filter(([p]) => p === '/api/v1/price-notices').length).toBe(2);
  });
});

describe('tariffs/logic', () => {
  it('reads and writes the filters, and makes the queries', () => {
    const f = readFilters(new URLSearchParams('company=x&billing=meter&size=10&after=5'));
    expect(f).toEqual({ company: '', billing: 'meter', size: 10, trail: ['5'] });
    expect(readFilters(new URLSearchParams('billing=gas')).billing).toBe('');
    expect(writeFilters({ ...f, company: '2' }).toString()).toBe('company=2&billing=meter&size=10&after=5');
    expect(listQuery({ ...f, company: '2' }, true)).toEqual({ company_id: '2', billing: 'meter', limit: 10, cursor: '5' });
    expect(listQuery({ ...f, company: '2' }, false).company_id).toBeUndefined();
    expect(noticeQuery({ company: '2' }, true)).toEqual({ company: '2' });
    expect(noticeQuery({ company: '2' }, false)).toEqual({ company: undefined });
  });

  it('formats prices, knows who announces, when it is late, and each tariff\'s notice', () => {
    expect(yuanText(28)).toBe('28.00');
    expect(yuanText('45.5')).toBe('45.50');
    expect(yuanText(null)).toBeNull();
    expect(yuanText(undefined)).toBeNull();
    expect(hasBasePrice([byArea()])).toBe(false);
    expect(hasBasePrice([byArea(), byMeter()])).toBe(true);
    expect(canAnnounce('admin') && canAnnounce('manager')).toBe(true);
    expect(canAnnounce('agent') || canAnnounce('regulator') || canAnnounce(undefined)).toBe(false);
    expect(lateOn('2026-11-15', '2026-11-14')).toBe(false);
    expect(lateOn('2026-11-15', '2026-11-15')).toBe(true);
    const older = { ...toldLate(), id: 3 };
    const map = noticesByTariff([toldLate(), older, toldInTime()]);
    expect(map.get(2)?.id).toBe(7);
    expect(map.get(1)?.id).toBe(8);
  });
});
