import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { matchRoutes, MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import { api, ApiError, setToken } from '../api/client';
import type { Household, WorkOrder } from '../api/types';
import { AuthProvider, type Me, type Role } from '../auth';
import { I18nProvider } from '../i18n';
import { PAGES } from '../routes';
import NewWorkOrder from './NewWorkOrder';
import { existedBefore, isHotline, newOrderBody, phoneOfQuery, phoneValid, receivedInFuture } from './workorders/newOrder';

// antd validates asynchronously; on a busy machine (a C++ build beside) it can take seconds.
const SLOW = { timeout: 8000 };
vi.setConfig({ testTimeout: 30000 });
afterEach(() => {
  vi.restoreAllMocks();
  setToken(null);
});

const NOW = Date.parse('2026-12-06T14:32:00+08:00');

const HOUSEHOLD = {
  id: 5,
  code: '0101-0203',
  address: '幸福小区 3 号楼 2 单元 203',
  phone: '13800001234',
  company_id: 1,
  partition_id: 2,
  area_m2: 86.5,
  floor: 2,
  billing: 'area',
  orientation: 'sun',
  heating_status: 'heated',
} as Household;
const LINE = '0101-0203 · 幸福小区 3 号楼 2 单元 203 · 13800001234';

function order(id: number, createdAt: number): WorkOrder {
  return {
    id,
    company_id: 1,
    household_id: 5,
    channel: 'phone',
    external_id: null,
    category: 'heating-quality',
    received_at: '2026-12-06T14:30:00+08:00',
    content: '卧室只有 16 度',
    caller_phone: '13800001234',
    parent_id: null,
    second_complaint: false,
    season: 2026,
    state: 'received',
    extended: false,
    deadlines: {},
    created_by: 'agent',
    created_at: new Date(createdAt).toISOString(),
  };
}

function signedIn(role: Role) {
  const me: Me = { user_id: 9, username: role, role, company_id: 1, household_id: null };
  setToken('token');
  return vi.spyOn(api, 'get').mockImplementation(async (path: string, query?: Record<string, unknown>) => {
    if (path === '/api/v1/auth/me') return me;
    if (path === '/api/v1/households/search') return { items: String(query?.q).includes('1380000') ? [HOUSEHOLD] : [], next_cursor: null };
    throw new Error(`unexpected GET ${path}`);
  });
}

let pathname = '';
function Where() {
  pathname = useLocation().pathname;
  return null;
}

function renderPage() {
  render(
    <I18nProvider locale="zh-CN">
      <AntApp>
        <AuthProvider>
          <MemoryRouter initialEntries={['/work-orders/new']} future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
            <Routes>
              <Route path="/work-orders/new" element={<NewWorkOrder />} />
              <Route path="/work-orders/:id" element={<div data-testid="order-page" />} />
            </Routes>
            <Where />
          </MemoryRouter>
        </AuthProvider>
      </AntApp>
    </I18nProvider>,
  );
}

const field = (name: string) => document.getElementById(`new-work-order_${name}`)!;

function errorsOf(name: string): string {
  return field(name)?.closest('.ant-form-item')?.querySelector('.ant-form-item-explain')?.textContent ?? '';
}

/** Everything but the channel: the household found by the caller's phone, the time, the
 * category and what the caller said. */
async function fillCall() {
  await screen.findByTestId('new-work-order-form', undefined, SLOW);
  fireEvent.change(field('household'), { target: { value: '13800001234' } });
  fireEvent.click(await screen.findByTitle(LINE, undefined, SLOW));
  fireEvent.change(field('received_at'), { target: { value: '2026-12-06 14:30' } });
  fireEvent.keyDown(field('received_at'), { key: 'Enter', code: 'Enter', keyCode: 13, which: 13 });
  fireEvent.click(screen.getByRole('radio', { name: '供热质量' }));
  fireEvent.change(field('content'), { target: { value: ' 卧室只有 16 度 ' } });
}

describe('NewWorkOrder', () => {
  it('finds the household by the caller’s phone, posts the order and opens it', async () => {
    const get = signedIn('agent');
    const post = vi.spyOn(api, 'post').mockResolvedValue(order(42, NOW));
    renderPage();
    expect((field('channel').closest('.ant-select')?.textContent ?? '')).toContain('电话');
    await fillCall();
    expect(get).toHaveBeenCalledWith('/api/v1/households/search', { q: '13800001234', limit: 10 });
    // The phone typed to find the household is the caller's.
    expect((field('caller_phone') as HTMLInputElement).value).toBe('13800001234');
    vi.spyOn(Date, 'now').mockReturnValue(NOW);
    fireEvent.click(screen.getByTestId('new-work-order-submit'));
    await waitFor(() => expect(post).toHaveBeenCalled(), SLOW);
    expect(post).toHaveBeenCalledTimes(1);
    expect(post).toHaveBeenCalledWith('/api/v1/work-orders', {
      channel: 'phone',
      received_at: '2026-12-06T14:30:00+08:00',
      household: '5',
      category: 'heating-quality',
      content: '卧室只有 16 度',
      caller_phone: '13800001234',
    });
    await screen.findByTestId('order-page', undefined, SLOW);
    expect(pathname).toBe('/work-orders/42');
    expect(await screen.findByText('已建单：工单 #42', undefined, SLOW)).toBeTruthy();
  });

  it('asks a hotline order for its hotline number, and checks the phone and the time as typed, without posting', async () => {
    signedIn('manager');
    const post = vi.spyOn(api, 'post').mockResolvedValue(order(43, NOW));
    renderPage();
    await fillCall();
    expect(document.getElementById('new-work-order_external_id')).toBeNull();
    fireEvent.mouseDown(screen.getByRole('combobox', { name: '渠道' }));
    fireEvent.click(await screen.findByTitle('12345 市民热线'));
    await waitFor(() => expect(document.getElementById('new-work-order_external_id')).not.toBeNull(), SLOW);
    fireEvent.change(field('caller_phone'), { target: { value: '138abc' } });
    await waitFor(() => expect(errorsOf('caller_phone')).toContain('请输入 5–20 位数字的电话号码'), SLOW);
    fireEvent.change(field('caller_phone'), { target: { value: '0631-5201234' } });
    await waitFor(() => expect(errorsOf('caller_phone')).toBe(''), SLOW);
    vi.spyOn(Date, 'now').mockReturnValue(Date.parse('2026-12-06T14:20:00+08:00'));
    fireEvent.click(screen.getByTestId('new-work-order-submit'));
    await waitFor(() => expect(errorsOf('external_id')).toContain('热线渠道的工单请填写热线编号'), SLOW);
    expect(errorsOf('received_at')).toContain('受理时间不能晚于当前时间');
    expect(post).not.toHaveBeenCalled();

    vi.spyOn(Date, 'now').mockReturnValue(NOW);
    fireEvent.change(field('external_id'), { target: { value: ' WH20261206001 ' } });
    fireEvent.click(screen.getByTestId('new-work-order-submit'));
    await waitFor(() => expect(post).toHaveBeenCalled(), SLOW);
    expect(post).toHaveBeenCalledWith('/api/v1/work-orders', {
      channel: 'city-hotline',
      external_id: 'WH20261206001',
      received_at: '2026-12-06T14:30:00+08:00',
      household: '5',
      category: 'heating-quality',
      content: '卧室只有 16 度',
      caller_phone: '06315201234',
    });
  });

  it('puts a 400 naming household on the household field and above the form, and stays', async () => {
    signedIn('agent');
    const refusal = "no household '5' in the company";
    const post = vi.spyOn(api, 'post').mockRejectedValue(new ApiError(400, 'invalid_argument', refusal, 'household'));
    renderPage();
    await fillCall();
    vi.spyOn(Date, 'now').mockReturnValue(NOW);
    fireEvent.click(screen.getByTestId('new-work-order-submit'));
    await waitFor(() => expect(post).toHaveBeenCalled(), SLOW);
    await waitFor(() => expect(errorsOf('household')).toContain(refusal), SLOW);
    expect(field('household').closest('.ant-form-item')?.className).toContain('ant-form-item-has-error');
    expect(errorsOf('content')).toBe('');
    expect(within(screen.getByTestId('new-work-order-form')).getByRole('alert').textContent).toContain(refusal);
    expect(pathname).toBe('/work-orders/new');
  });

  it('labels every field and lets the submit button be reached by Tab', async () => {
    signedIn('agent');
    renderPage();
    await screen.findByTestId('new-work-order-form', undefined, SLOW);
    for (const label of ['住户', '渠道', '受理时间', '来电号码（可选）', '诉求内容', '原工单号（可选）']) {
      expect(screen.getByLabelText(label)).toBeTruthy();
    }
    const submit = screen.getByTestId('new-work-order-submit');
    expect(submit.tagName).toBe('BUTTON');
    expect(submit.getAttribute('tabindex')).not.toBe('-1');
  });
});

describe('the 来电建单 route', () => {
  it('is not swallowed by /work-orders/:id, and only the roles that receive orders have it', () => {
    const matched = matchRoutes(PAGES.map((p) => ({ path: p.path })), '/work-orders/new');
    expect(matched?.[0].route.path).toBe('/work-orders/new');
    const page = PAGES.find((p) => p.path === '/work-orders/new')!;
    expect(page.menu).toBe('menu.newWorkOrder');
    expect(page.group).toBe('menu.workOrders');
    expect([...page.roles].sort()).toEqual(['admin', 'agent', 'manager']);
  });
});

describe('workorders/newOrder', () => {
  const picked = (wall: string) => ({ format: () => wall });

  it('builds the body: texts trimmed, the phone’s separators dropped, blanks left out, external_id only for a hotline', () => {
    expect(
      newOrderBody({ household: 5, channel: 'phone', external_id: 'X1', received_at: picked('2026-12-06 14:30:00'), category: 'leak', content: ' 漏水 ', caller_phone: ' ', parent: null }),
    ).toEqual({ channel: 'phone', received_at: '2026-12-06T14:30:00+08:00', household: '5', category: 'leak', content: '漏水' });
    expect(
      newOrderBody({ household: 5, channel: 'urgent', external_id: ' U-9 ', received_at: picked('2026-12-06 14:30:00'), category: 'other', content: '无暖', caller_phone: '138 0000 1234', parent: 40 }),
    ).toEqual({ channel: 'urgent', external_id: 'U-9', received_at: '2026-12-06T14:30:00+08:00', household: '5', category: 'other', content: '无暖', caller_phone: '13800001234', parent: 40 });
  });

  it('knows the hotline channels, phones and receipt times', () => {
    expect(['city-hotline', 'provincial-hotline', 'on-receipt', 'internet-plus', 'first-question', 'urgent'].every(isHotline)).toBe(true);
    expect(['phone', 'web', 'hall', undefined].some(isHotline)).toBe(false);
    expect(phoneValid('')).toBe(true);
    expect(phoneValid('12345')).toBe(true);
    expect(phoneValid('+86 138-0000-1234')).toBe(true);
    expect(phoneValid('1234')).toBe(false);
    expect(phoneValid('138abc')).toBe(false);
    expect(phoneOfQuery(' 138 0000 1234 ')).toBe('13800001234');
    expect(phoneOfQuery('幸福小区')).toBeUndefined();
    expect(receivedInFuture(picked('2026-12-06 14:36:00'), NOW)).toBe(false);
    expect(receivedInFuture(picked('2026-12-06 14:38:00'), NOW)).toBe(true);
    expect(receivedInFuture(null, NOW)).toBe(false);
    expect(existedBefore({ created_at: new Date(NOW - 3600_000).toISOString() }, NOW)).toBe(true);
    expect(existedBefore({ created_at: new Date(NOW + 1000).toISOString() }, NOW)).toBe(false);
  });
});
