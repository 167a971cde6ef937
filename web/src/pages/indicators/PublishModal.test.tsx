import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { api, ApiError } from '../../api/client';
import type { Company, IndicatorPublication } from '../../api/types';
import { I18nProvider } from '../../i18n';
import PublishModal from './PublishModal';

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

function pickMonth(month: string) {
  fireEvent.change(field('publish_month'), { target: { value: month } });
  fireEvent.keyDown(field('publish_month'), { key: 'Enter', code: 'Enter', keyCode: 13, which: 13 });
}

function choose(id: string, text: string) {
  fireEvent.mouseDown(field(id));
  fireEvent.click(screen.getByText(text));
}

function renderModal(companies?: Company[], onDone = vi.fn()) {
  render(
    <I18nProvider locale="zh-CN">
      <AntApp>
        <PublishModal companies={companies} onClose={() => {}} onDone={onDone} />
      </AntApp>
    </I18nProvider>,
  );
  return onDone;
}

const answer: IndicatorPublication = {
  id: 7,
  company_id: 3,
  company_code: 'weihai-heat',
  company_name: '威海热电',
  month: '2025-10',
  policy: 'weihai',
  published_at: '2025-11-01T09:00:00+08:00',
  published_by: 'li',
  records_url: '/api/v1/indicators/publications/7/records',
  indicators: [],
};

afterEach(() => vi.restoreAllMocks());

describe('PublishModal', () => {
  it('says a published month is kept for good, and starts at the previous month', () => {
    renderModal();
    expect(screen.getByTestId('publish-warning').textContent).toContain('不能修改，也不能撤回');
    expect(field('publish_month').value).toMatch(/^\d{4}-\d{2}$/);
    // A manager publishes their own company's.
    expect(document.getElementById('publish_company')).toBeNull();
  });

  it("sends a manager's month only, and hands back the publication", async () => {
    const post = vi.spyOn(api, 'post').mockResolvedValue(answer);
    const onDone = renderModal();
    pickMonth('2025-10');
    fireEvent.click(screen.getByTestId('publish-submit'));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith(answer), SLOW);
    expect(post).toHaveBeenCalledWith('/api/v1/indicators/publications', { month: '2025-10' });
  });

  it('needs the company from the admin, then sends it', async () => {
    const post = vi.spyOn(api, 'post').mockResolvedValue(answer);
    const onDone = renderModal([{ id: 3, code: 'weihai-heat', name: '威海热电' } as Company, { id: 4, code: 'rongcheng', name: '荣成热力' } as Company]);
    pickMonth('2025-10');
    fireEvent.click(screen.getByTestId('publish-submit'));
    await waitFor(() => expect(errorsOf('publish_company')).toContain('请选择供热企业'), SLOW);
    expect(post).not.toHaveBeenCalled();
    choose('publish_company', 'weihai-heat 威海热电');
    fireEvent.click(screen.getByTestId('publish-submit'));
    await waitFor(() => expect(onDone).toHaveBeenCalled(), SLOW);
    expect(post).toHaveBeenCalledWith('/api/v1/indicators/publications', { month: '2025-10', company: 3 });
  });

  it.each([
    ['conflict', 409, '该月已发布'],
    ['failed_precondition', 400, '该月尚未结束'],
  ])('reads a %s refusal in words, on the month', async (code, status, words) => {
    vi.spyOn(api, 'post').mockRejectedValue(new ApiError(status, code, '2025-10 is published already', code === 'conflict' ? 'month' : undefined));
    const onDone = renderModal();
    pickMonth('2025-10');
    fireEvent.click(screen.getByTestId('publish-submit'));
    await waitFor(() => expect(errorsOf('publish_month')).toContain(words), SLOW);
    expect(screen.getByRole('alert').textContent).toContain(words);
    expect(onDone).not.toHaveBeenCalled();
  });

  it("shows another refusal with the server's message", async () => {
    vi.spyOn(api, 'post').mockRejectedValue(new ApiError(403, 'permission_denied', "a company's admin or manager publishes its indicators"));
    renderModal();
    pickMonth('2025-10');
    fireEvent.click(screen.getByTestId('publish-submit'));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain("a company's admin or manager publishes its indicators"), SLOW);
  });
});
