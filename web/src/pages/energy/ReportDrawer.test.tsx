import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { api, ApiError } from '../../api/client';
import type { Company, EnergyReport } from '../../api/types';
import { I18nProvider } from '../../i18n';
import ReportDrawer from './ReportDrawer';

// antd validates asynchronously; on a busy machine (a C++ build beside) it can take seconds.
const SLOW = { timeout: 8000 };
vi.setConfig({ testTimeout: 30000 });

function field(id: string): HTMLInputElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`no #${id}`);
  return el as HTMLInputElement;
}

function errorsOf(id: string): string {
  return field(id).closest('.ant-form-item')?.querySelector('.ant-form-item-explain')?.textContent ?? '';
}

function enter(el: HTMLElement) {
  fireEvent.keyDown(el, { key: 'Enter', code: 'Enter', keyCode: 13, which: 13 });
}

function type(id: string, value: string, pressEnter = false) {
  fireEvent.change(field(id), { target: { value } });
  if (pressEnter) enter(field(id));
}

function choose(id: string, text: string) {
  fireEvent.mouseDown(field(id));
  fireEvent.click(screen.getByText(text));
}

function renderDrawer(companies?: Company[], onDone = vi.fn()) {
  render(
    <I18nProvider locale="zh-CN">
      <AntApp>
        <ReportDrawer companies={companies} threshold={30} basis="W 6.2.2" onClose={() => {}} onDone={onDone} />
      </AntApp>
    </I18nProvider>,
  );
  return onDone;
}

/** A coal report of 2026-12-01: 12,000.5 t in store, 350.25 t burnt. */
function fill(stock = '12000.5', consumption = '350.25') {
  type('energy_day', '2026-12-01', true);
  choose('energy_fuel', '燃煤（吨）');
  type('energy_stock', stock);
  type('energy_consumption', consumption);
  type('energy_note', ' 到煤 2 车 ');
}

const answer: EnergyReport = {
  id: 9,
  company_id: 1,
  day: '2026-12-01',
  fuel: 'coal',
  unit: 't',
  stock: 12000.5,
  consumption: 350.25,
  reserve_days: 34.2,
  low: false,
  threshold_days: 30,
  basis: 'W 6.2.2',
  note: '到煤 2 车',
  reported_by: 'li',
  reported_at: '2026-12-01T18:00:00+08:00',
};

afterEach(() => vi.restoreAllMocks());

describe('ReportDrawer', () => {
  it('has a stable selector for each field, and no company for a company role', () => {
    renderDrawer();
    expect(screen.getByTestId('energy-form')).toBeTruthy();
    expect(screen.getByTestId('energy-submit')).toBeTruthy();
    for (const id of ['energy_day', 'energy_fuel', 'energy_stock', 'energy_consumption', 'energy_note']) {
      expect(document.getElementById(id), id).toBeTruthy();
    }
    expect(document.getElementById('energy_company')).toBeNull();
    // Today (Beijing) by default.
    expect(field('energy_day').value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('shows the reserve days as they are typed, red under 30 days', async () => {
    renderDrawer();
    expect(screen.getByTestId('energy-preview').textContent).toContain('填写库存和当日消耗后显示');
    type('energy_stock', '12000.5');
    type('energy_consumption', '350.25');
    await waitFor(() => expect(screen.getByTestId('energy-preview-days').textContent).toBe('34.2 天'), SLOW);
    expect(screen.queryByTestId('energy-low')).toBeNull();
    type('energy_stock', '2999');
    type('energy_consumption', '100');
    await waitFor(() => expect(screen.getByTestId('energy-preview-days').textContent).toBe('29.9 天'), SLOW);
    expect(screen.getByTestId('energy-low').textContent).toBe('低于储备');
    type('energy_consumption', '0');
    await waitFor(() => expect(screen.getByTestId('energy-preview').textContent).toContain('当日无消耗'), SLOW);
  });

  it('sends the report and hands back the answer', async () => {
    const post = vi.spyOn(api, 'post').mockResolvedValue(answer);
    const onDone = renderDrawer();
    fill();
    fireEvent.click(screen.getByTestId('energy-submit'));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith(answer), SLOW);
    expect(post).toHaveBeenCalledWith('/api/v1/energy/reports', { day: '2026-12-01', fuel: 'coal', stock: 12000.5, consumption: 350.25, note: '到煤 2 车' });
  });

  it('names the company for the admin', async () => {
    const post = vi.spyOn(api, 'post').mockResolvedValue(answer);
    renderDrawer([{ id: 3, code: 'weihai-heat', name: '威海热电' } as Company]);
    choose('energy_company', 'weihai-heat 威海热电');
    fill();
    fireEvent.click(screen.getByTestId('energy-submit'));
    await waitFor(() => expect(post).toHaveBeenCalled(), SLOW);
    expect(post.mock.calls[0][1]).toMatchObject({ company: 3, day: '2026-12-01', fuel: 'coal' });
  });

  it('puts a refusal on the field the server names', async () => {
    const error = new ApiError(400, 'invalid_argument', 'stock exceeds the storage capacity of the company', 'stock');
    vi.spyOn(api, 'post').mockRejectedValue(error);
    const onDone = renderDrawer();
    fill();
    fireEvent.click(screen.getByTestId('energy-submit'));
    await waitFor(() => expect(errorsOf('energy_stock')).toContain(error.message), SLOW);
    expect(screen.getByRole('alert').textContent).toContain(error.message);
    expect(onDone).not.toHaveBeenCalled();
  });

  it('puts a refused day (in the future) on the day', async () => {
    vi.spyOn(api, 'post').mockRejectedValue(new ApiError(400, 'invalid_argument', 'day is in the future', 'day'));
    renderDrawer();
    fill();
    fireEvent.click(screen.getByTestId('energy-submit'));
    await waitFor(() => expect(errorsOf('energy_day')).toContain('day is in the future'), SLOW);
  });

  it('checks the stock before asking the server', async () => {
    const post = vi.spyOn(api, 'post');
    renderDrawer();
    fill('12000.125', '-1');
    fireEvent.click(screen.getByTestId('energy-submit'));
    await waitFor(() => expect(errorsOf('energy_stock')).toContain('库存最多保留两位小数'), SLOW);
    expect(errorsOf('energy_consumption')).toContain('当日消耗不能为负数');
    expect(post).not.toHaveBeenCalled();
  });
});
