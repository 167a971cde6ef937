import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { api, ApiError } from '../../api/client';
import { I18nProvider } from '../../i18n';
import RecordDrawer from './RecordDrawer';

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

function renderDrawer(onDone = vi.fn()) {
  render(
    <I18nProvider locale="zh-CN">
      <AntApp>
        <RecordDrawer onClose={() => {}} onDone={onDone} />
      </AntApp>
    </I18nProvider>,
  );
  return onDone;
}

afterEach(() => vi.restoreAllMocks());

describe('RecordDrawer', () => {
  it('has the stable selectors of the browser flow, and no company for a company role', () => {
    renderDrawer();
    expect(screen.getByTestId('outage-form')).toBeTruthy();
    expect(screen.getByTestId('outage-submit')).toBeTruthy();
    for (const id of ['outage_kind', 'outage_company_caused', 'outage_cause', 'outage_scope_buildings', 'outage_start', 'outage_expected_end', 'outage_road_sections']) {
      expect(document.getElementById(id), id).toBeTruthy();
    }
    expect(document.getElementById('outage_company')).toBeNull();
  });

  it('sends the typed scope and Beijing times, and puts a refusal on the field it names', async () => {
    const post = vi.spyOn(api, 'post').mockRejectedValue(new ApiError(400, 'invalid_argument', "no record with id or code 'WH-X' in buildings of this company", 'scope.buildings[0]'));
    const onDone = renderDrawer();
    fireEvent.click(screen.getByText('抢修停热'));
    fireEvent.change(field('outage_cause'), { target: { value: '主管线爆管' } });
    fireEvent.change(field('outage_scope_buildings'), { target: { value: 'WH-X' } });
    enter(field('outage_scope_buildings'));
    fireEvent.change(field('outage_start'), { target: { value: '2026-01-05 08:00' } });
    enter(field('outage_start'));
    fireEvent.change(field('outage_expected_end'), { target: { value: '2026-01-05 20:00' } });
    enter(field('outage_expected_end'));
    fireEvent.click(screen.getByTestId('outage-submit'));
    await waitFor(() => expect(post).toHaveBeenCalled(), SLOW);
    expect(post).toHaveBeenCalledWith('/api/v1/outages', {
      kind: 'emergency',
      company_caused: true,
      cause: '主管线爆管',
      scope: { buildings: ['WH-X'] },
      start: '2026-01-05T08:00:00+08:00',
      expected_end: '2026-01-05T20:00:00+08:00',
    });
    await waitFor(() => expect(errorsOf('outage_scope_buildings')).toContain("no record with id or code 'WH-X'"), SLOW);
    expect(screen.getByRole('alert').textContent).toContain('WH-X');
    expect(onDone).not.toHaveBeenCalled();
  });

  it('asks for a scope before asking the server', async () => {
    const post = vi.spyOn(api, 'post');
    renderDrawer();
    fireEvent.change(field('outage_cause'), { target: { value: '换热站检修' } });
    fireEvent.click(screen.getByTestId('outage-submit'));
    await waitFor(() => expect(errorsOf('outage_scope_heat_sources')).toContain('请至少填写一级影响范围'), SLOW);
    expect(post).not.toHaveBeenCalled();
  });
});
