import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { MemoryRouter, useLocation } from 'react-router-dom';
import { api, ApiError, setToken } from '../api/client';
import type { Household, Relief } from '../api/types';
import { AuthProvider, type Me, type Role } from '../auth';
import { I18nProvider } from '../i18n';
import { HouseholdHeader } from './HouseholdDetail';
import Reliefs from './Reliefs';
import { amountProblem, createBody, patchBody, percentProblem, readFilters, reductionText, writeFilters } from './reliefs/logic';

// antd validates asynchronously; on a busy machine (a C++ build beside) it can take seconds.
const SLOW = { timeout: 8000 };
vi.setConfig({ testTimeout: 30000 });
afterEach(() => {
  vi.restoreAllMocks();
  setToken(null);
});

/** 30 % off for the minimum-living households over the season. */
function byPercent(): Relief {
  return { id: 1, company_id: 1, name: '低保家庭供热费减免', reference: '威政办发〔2026〕12号', applies_to: 'minimum-living', percent: 30, amount: null, valid_from: '2026-11-15', valid_to: '2027-03-31' };
}

/** ¥500 off for every household. */
function byAmount(): Relief {
  return { id: 2, company_id: 1, name: '疫情期间供热费补贴', reference: '威政发〔2026〕3号', applies_to: 'all', percent: null, amount: 500, valid_from: '2026-12-01', valid_to: '2027-01-31' };
}

function signedIn(role: Role, items: Relief[]) {
  const me: Me = { user_id: 9, username: role, role, company_id: role === 'regulator' || role === 'admin' ? null : 1, household_id: null };
  setToken('token');
  return vi.spyOn(api, 'get').mockImplementation(async (path: string) => {
    if (path === '/api/v1/auth/me') return me;
    if (path === '/api/v1/reliefs') return { items, next_cursor: null };
    if (path === '/api/v1/companies') return { items: [{ id: 1, code: 'weihai-heat', name: '威海热电' }], next_cursor: null };
    throw new Error(`unexpected GET ${path}`);
  });
}

const where = { search: '' };
function Where() {
  where.search = useLocation().search;
  return null;
}

function renderPage(url = '/reliefs') {
  render(
    <I18nProvider locale="zh-CN">
      <AntApp>
        <AuthProvider>
          <MemoryRouter initialEntries={[url]} future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
            <Reliefs />
            <Where />
          </MemoryRouter>
        </AuthProvider>
      </AntApp>
    </I18nProvider>,
  );
}

function field(id: string): HTMLInputElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`no #${id}`);
  return el as HTMLInputElement;
}

function errorsOf(id: string): string {
  return field(id).closest('.ant-form-item')?.querySelector('.ant-form-item-explain')?.textContent ?? '';
}

function type(id: string, value: string, pressEnter = false) {
  fireEvent.change(field(id), { target: { value } });
  if (pressEnter) fireEvent.keyDown(field(id), { key: 'Enter', code: 'Enter', keyCode: 13, which: 13 });
}

/** Chooses `label` in the form's select `id`. */
async function choose(id: string, label: string) {
  fireEvent.mouseDown(field(id));
  const options = await waitFor(() => {
    const found = [...document.querySelectorAll<HTMLElement>(`.ant-select-item-option[title="${label}"]`)];
    expect(found.length).toBeGreaterThan(0);
    return found;
  }, SLOW);
  fireEvent.click(options[options.length - 1]);
}

/** Opens 新建 and fills everything but the reduction. */
async function openNew() {
  fireEvent.click(await screen.findByTestId('relief-new', undefined, SLOW));
  await screen.findByTestId('relief-form', undefined, SLOW);
  type('relief_name', ' 低保家庭供热费减免 ');
  type('relief_reference', '威政办发〔2026〕12号');
  await choose('relief_applies_to', '低保户');
  type('relief_valid_from', '2026-11-15', true);
  type('relief_valid_to', '2027-03-31', true);
}

describe('Reliefs', () => {
  it('lists a percentage and an amount relief with whom they name and their period', async () => {
    const get = signedIn('manager', [byPercent(), byAmount()]);
    renderPage('/reliefs?size=50');
    const table = await screen.findByTestId('relief-list', undefined, SLOW);
    await within(table).findByText('低保家庭供热费减免', undefined, SLOW);
    expect(get).toHaveBeenCalledWith('/api/v1/reliefs', { company_id: undefined, applies_to: undefined, limit: 50, cursor: undefined }, expect.anything());
    const [percent, amount] = within(table).getAllByRole('row').slice(1);
    for (const want of ['低保家庭供热费减免', '威政办发〔2026〕12号', '低保户', '30.00%', '2026-11-15 至 2027-03-31', '编辑', '删除']) expect(percent.textContent).toContain(want);
    for (const want of ['疫情期间供热费补贴', '威政发〔2026〕3号', '全部住户', '¥500.00', '2026-12-01 至 2027-01-31']) expect(amount.textContent).toContain(want);
    expect(within(amount).getByTestId('relief-reduction').textContent).toBe('¥500.00');
    expect(screen.getByTestId('relief-rule').textContent).toContain('救助类别');
    expect(screen.queryByRole('combobox', { name: '供热企业' })).toBeNull();

    fireEvent.mouseDown(screen.getByRole('combobox', { name: '适用对象' }));
    fireEvent.click(await screen.findByTitle('特困户'));
    await waitFor(() => expect(where.search).toBe('?applies_to=extreme-poverty&size=50'), SLOW);
  });

  it('creates a percentage relief for the own company with only the percent', async () => {
    signedIn('manager', []);
    const post = vi.spyOn(api, 'post').mockResolvedValue(byPercent());
    renderPage();
    await openNew();
    type('relief_percent', '12.5');
    fireEvent.click(screen.getByTestId('relief-submit'));
    await waitFor(() => expect(post).toHaveBeenCalled(), SLOW);
    expect(post).toHaveBeenCalledWith('/api/v1/reliefs', {
      company_id: 1,
      name: '低保家庭供热费减免',
      reference: '威政办发〔2026〕12号',
      applies_to: 'minimum-living',
      percent: 12.5,
      valid_from: '2026-11-15',
      valid_to: '2027-03-31',
    });
    await waitFor(() => expect(screen.queryByTestId('relief-form')).toBeNull(), SLOW);
  });

  it('creates an amount relief with only the amount, and checks the reduction as typed', async () => {
    signedIn('manager', []);
    const post = vi.spyOn(api, 'post').mockResolvedValue(byAmount());
    renderPage();
    await openNew();
    type('relief_percent', '100.5');
    await waitFor(() => expect(errorsOf('relief_percent')).toContain('减免比例须在 0.01% 至 100% 之间'), SLOW);
    type('relief_percent', '12.345');
    await waitFor(() => expect(errorsOf('relief_percent')).toContain('请输入数字，最多两位小数'), SLOW);
    fireEvent.click(within(screen.getByTestId('relief-form')).getByRole('radio', { name: '按金额' }));
    await waitFor(() => expect(document.getElementById('relief_percent')).toBeNull(), SLOW);
    type('relief_amount', '0');
    await waitFor(() => expect(errorsOf('relief_amount')).toContain('减免金额须大于 0'), SLOW);
    type('relief_amount', '500');
    fireEvent.click(screen.getByTestId('relief-submit'));
    await waitFor(() => expect(post).toHaveBeenCalled(), SLOW);
    expect(post.mock.calls[0][1]).toEqual({
      company_id: 1,
      name: '低保家庭供热费减免',
      reference: '威政办发〔2026〕12号',
      applies_to: 'minimum-living',
      amount: 500,
      valid_from: '2026-11-15',
      valid_to: '2027-03-31',
    });
  });

  it('edits a percentage relief into an amount, clearing the percent', async () => {
    signedIn('manager', [byPercent()]);
    const patch = vi.spyOn(api, 'patch').mockResolvedValue({ ...byPercent(), percent: null, amount: 500 });
    renderPage();
    fireEvent.click(await screen.findByTestId('relief-edit', undefined, SLOW));
    const form = await screen.findByTestId('relief-form', undefined, SLOW);
    expect(field('relief_name').value).toBe('低保家庭供热费减免');
    expect(field('relief_percent').value).toBe('30');
    expect(field('relief_valid_to').value).toBe('2027-03-31');
    expect(document.getElementById('relief_company_id')).toBeNull();
    fireEvent.click(within(form).getByRole('radio', { name: '按金额' }));
    await waitFor(() => expect(document.getElementById('relief_amount')).toBeTruthy(), SLOW);
    type('relief_amount', '500');
    fireEvent.click(screen.getByTestId('relief-submit'));
    await waitFor(() => expect(patch).toHaveBeenCalled(), SLOW);
    expect(patch).toHaveBeenCalledWith('/api/v1/reliefs/1', {
      name: '低保家庭供热费减免',
      reference: '威政办发〔2026〕12号',
      applies_to: 'minimum-living',
      percent: null,
      amount: 500,
      valid_from: '2026-11-15',
      valid_to: '2027-03-31',
    });
  });

  it('puts a refusal naming valid_to on that field and above the form', async () => {
    signedIn('manager', [byPercent()]);
    vi.spyOn(api, 'patch').mockRejectedValue(new ApiError(400, 'invalid_argument', 'valid_to: ends before valid_from', 'valid_to'));
    renderPage();
    fireEvent.click(await screen.findByTestId('relief-edit', undefined, SLOW));
    await screen.findByTestId('relief-form', undefined, SLOW);
    fireEvent.click(screen.getByTestId('relief-submit'));
    await waitFor(() => expect(errorsOf('relief_valid_to')).toContain('ends before valid_from'), SLOW);
    const form = screen.getByTestId('relief-form');
    expect(form.querySelector('.ant-alert-error')?.textContent).toContain('ends before valid_from');
  });

  it('deletes a relief once confirmed', async () => {
    signedIn('manager', [byPercent()]);
    const del = vi.spyOn(api, 'del').mockResolvedValue(undefined);
    renderPage();
    fireEvent.click(await screen.findByTestId('relief-delete', undefined, SLOW));
    const confirm = await screen.findByText('删除减免政策“低保家庭供热费减免”？', undefined, SLOW);
    fireEvent.click(within(confirm.closest('.ant-popover') as HTMLElement).getByRole('button', { name: /删\s*除/ }));
    await waitFor(() => expect(del).toHaveBeenCalledWith('/api/v1/reliefs/1'), SLOW);
  });

  it('lets an agent read but not create, edit or delete', async () => {
    signedIn('agent', [byPercent(), byAmount()]);
    renderPage();
    await screen.findByText('疫情期间供热费补贴', undefined, SLOW);
    expect(screen.queryByTestId('relief-new')).toBeNull();
    expect(screen.queryByTestId('relief-edit')).toBeNull();
    expect(screen.queryByTestId('relief-delete')).toBeNull();
    expect(screen.queryByText('编辑')).toBeNull();
    expect(screen.queryByText('删除')).toBeNull();
  });

  it('lets the admin filter by company and choose the company of a new relief', async () => {
    const get = signedIn('admin', [byAmount()]);
    const post = vi.spyOn(api, 'post').mockResolvedValue(byAmount());
    renderPage('/reliefs?company=1');
    await screen.findByText('疫情期间供热费补贴', undefined, SLOW);
    expect(get).toHaveBeenCalledWith('/api/v1/reliefs', { company_id: '1', applies_to: undefined, limit: 20, cursor: undefined }, expect.anything());
    await openNew();
    type('relief_percent', '30');
    fireEvent.click(screen.getByTestId('relief-submit'));
    await waitFor(() => expect(post).toHaveBeenCalled(), SLOW);
    expect(post.mock.calls[0][1]).toMatchObject({ company_id: 1, percent: 30 });
  });
});

describe('the household page', () => {
  it('shows the household\'s 救助类别 when it has one', () => {
    const h = { id: 5, company_id: 1, partition_id: 1, code: 'H-0005', area_m2: 85.5, floor: 3, orientation: 'sun', billing: 'area', heating_status: 'heated', assistance: 'extreme-poverty' } as Household;
    const { unmount } = render(
      <I18nProvider locale="zh-CN">
        <HouseholdHeader household={h} />
      </I18nProvider>,
    );
    expect(screen.getByText('救助类别')).toBeTruthy();
    expect(screen.getByText('特困户')).toBeTruthy();
    unmount();
    render(
      <I18nProvider locale="zh-CN">
        <HouseholdHeader household={{ ...h, assistance: null }} />
      </I18nProvider>,
    );
    expect(screen.queryByText('救助类别')).toBeNull();
  });
});

describe('reliefs/logic', () => {
  it('reads and writes the filters, and formats the reduction', () => {
    const f = readFilters(new URLSearchParams('company=x&applies_to=entitled-group&size=10&after=5'));
    expect(f).toEqual({ company: '', appliesTo: 'entitled-group', size: 10, trail: ['5'] });
    expect(writeFilters({ ...f, company: '2' }).toString()).toBe('company=2&applies_to=entitled-group&size=10&after=5');
    expect(reductionText({ percent: 12.5, amount: null })).toBe('12.50%');
    expect(reductionText({ percent: null, amount: 1234.5 })).toBe('¥1,234.50');
    expect(reductionText({})).toBe('—');
  });

  it('checks percentages and amounts, and builds the bodies', () => {
    expect(percentProblem('0.01')).toBeNull();
    expect(percentProblem('100')).toBeNull();
    expect(percentProblem('0')).toBe('range');
    expect(percentProblem('1.234')).toBe('format');
    expect(amountProblem('500.00')).toBeNull();
    expect(amountProblem('0.00')).toBe('zero');
    expect(amountProblem('1000000.01')).toBe('large');
    expect(amountProblem('-1')).toBe('format');
    const day = (d: string) => ({ format: () => d });
    const v = { name: ' 补贴 ', reference: '文', applies_to: 'all' as const, method: 'amount' as const, percent: '30', amount: '200.5', valid_from: day('2026-11-15'), valid_to: day('2027-03-31') };
    expect(createBody(v, 3)).toEqual({ company_id: 3, name: '补贴', reference: '文', applies_to: 'all', amount: 200.5, valid_from: '2026-11-15', valid_to: '2027-03-31' });
    expect(patchBody({ ...v, method: 'percent' })).toEqual({ name: '补贴', reference: '文', applies_to: 'all', percent: 30, amount: null, valid_from: '2026-11-15', valid_to: '2027-03-31' });
  });
});
