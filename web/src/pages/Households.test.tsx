import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { setToken } from '../api/client';
import type { Job } from '../api/types';
import { translate } from '../i18n';
import Households from './Households';
import { renderPage } from './bills/testing';
import { importFailure } from './households/importLogic';
import { CSV, csvFile, importJob, signedIn, stubImportPost } from './households/testing';

// antd validates asynchronously; on a busy machine (a C++ build beside) it can take seconds.
const SLOW = { timeout: 8000 };
vi.setConfig({ testTimeout: 30000 });
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  setToken(null);
});

const PROBLEMS = [
  'the file has 2 problems; nothing was imported:',
  'line 3, column 5 (area_m2): 7.001 has more than 2 decimal places',
  "line 4, column 7 (orientation): 'up' is not one of shade, sun",
].join('\n');

/** Opens the import from the list and picks `file`; the modal's form. */
async function openAndPick(file: File = csvFile()) {
  await screen.findByText('1-2-301', undefined, SLOW);
  fireEvent.click(screen.getByTestId('household-import-new'));
  const form = await screen.findByTestId('household-import-form', undefined, SLOW);
  const input = form.querySelector('input[type="file"]') as HTMLInputElement;
  await act(async () => {
    fireEvent.change(input, { target: { files: [file] } });
  });
  await within(form).findByText(file.name, undefined, SLOW);
  return form;
}

async function submit() {
  await act(async () => {
    fireEvent.click(screen.getByTestId('household-import-submit'));
  });
}

describe('Households import', () => {
  it("imports a manager's file into its own company as a job: the POST, its progress, then the counts, and the list again", async () => {
    const done = importJob({ state: 'succeeded', done: 5, total: 5, percent: 100, result: { created: 3, updated: 1, unchanged: 1 } as unknown as Job['result'] });
    const gate = { open: false };
    const get = signedIn('manager', [importJob({ done: 2, total: 5, percent: 40 }), done], gate);
    const post = stubImportPost(202, importJob());
    renderPage(<Households />, '/households');
    const form = await openAndPick();
    // The manager's own company, not to be changed; the columns and the all-or-nothing rule.
    await waitFor(() => expect(within(form).getByText('weihai-heat 威海热电')).toBeTruthy(), SLOW);
    expect(document.getElementById('household-import_company')?.hasAttribute('disabled')).toBe(true);
    expect(screen.getByTestId('household-import-hint').textContent).toContain('building,partition,code,address,area_m2,floor,orientation,billing,agreed_temp,heating_status,phone,id_number,rooms');
    expect(form.textContent).toContain('全部导入或全不导入');
    const before = get.mock.calls.filter((c) => c[0] === '/api/v1/households').length;

    await submit();
    await waitFor(() => expect(post).toHaveBeenCalledTimes(1), SLOW);
    const [url, init] = post.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/import/households?company=weihai-heat&async=true');
    expect(init.method).toBe('POST');
    expect(init.body).toBe(CSV);
    expect((init.headers as Record<string, string>)['Content-Type']).toBe('text/csv');
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer token');

    // While it runs: the progress above the form.
    const bar = await within(form).findByRole('progressbar', { name: '导入进度' }, SLOW);
    await waitFor(() => expect(within(form).getByRole('status').textContent).toBe('已处理 2 / 5 户'), SLOW);
    expect(bar.getAttribute('aria-valuenow')).toBe('40');
    expect(screen.queryByTestId('household-import-result')).toBeNull();
    gate.open = true;

    const counts = await screen.findByTestId('household-import-counts', undefined, SLOW);
    expect(counts.textContent).toBe('新建 3 户 · 更新 1 户 · 未变 1 户');
    expect(screen.getByTestId('household-import-result').textContent).toContain('weihai-heat 威海热电 的住户已导入');
    expect(get.mock.calls.filter((c) => c[0] === '/api/v1/jobs/7').length).toBeGreaterThanOrEqual(2);
    fireEvent.click(screen.getByTestId('household-import-close'));
    await waitFor(() => expect(screen.queryByTestId('household-import-result')).toBeNull(), SLOW);
    await waitFor(() => expect(get.mock.calls.filter((c) => c[0] === '/api/v1/households').length).toBe(before + 1), SLOW);
  });

  it("lists a failed job's problems one a line, and the form stays to send again", async () => {
    signedIn('manager', [importJob({ state: 'failed', error: { code: 'invalid_argument', message: PROBLEMS, field: 'line 3' } })]);
    const post = stubImportPost(202, importJob());
    renderPage(<Households />, '/households');
    const form = await openAndPick();
    await waitFor(() => expect(within(form).getByText('weihai-heat 威海热电')).toBeTruthy(), SLOW);
    await submit();
    const failure = await within(form).findByTestId('household-import-failure', undefined, SLOW);
    expect(failure.textContent).toContain('文件有 2 处问题，未导入任何住户：');
    const lines = [...within(failure).getByTestId('household-import-problems').querySelectorAll('li')].map((li) => li.textContent);
    expect(lines).toEqual(["line 3, column 5 (area_m2): 7.001 has more than 2 decimal places", "line 4, column 7 (orientation): 'up' is not one of shade, sun"]);
    expect(screen.queryByTestId('household-import-result')).toBeNull();
    expect(within(form).queryByRole('progressbar')).toBeNull();
    await waitFor(() => expect((screen.getByTestId('household-import-submit') as HTMLButtonElement).disabled).toBe(false), SLOW);
    await submit();
    await waitFor(() => expect(post).toHaveBeenCalledTimes(2), SLOW);
  });

  it('puts a 404 naming company above the form and on the company, and starts nothing', async () => {
    const get = signedIn('manager');
    stubImportPost(404, { error: { code: 'not_found', message: 'no company weihai-heat', field: 'company' } });
    renderPage(<Households />, '/households');
    const form = await openAndPick();
    await waitFor(() => expect(within(form).getByText('weihai-heat 威海热电')).toBeTruthy(), SLOW);
    await submit();
    const refusal = await within(form).findByTestId('household-import-refusal', undefined, SLOW);
    expect(refusal.textContent).toContain('no company weihai-heat');
    const item = document.getElementById('household-import_company')!.closest('.ant-form-item')!;
    await waitFor(() => expect(item.className).toContain('ant-form-item-has-error'), SLOW);
    expect(item.textContent).toContain('no company weihai-heat');
    expect(get.mock.calls.some((c) => c[0] === '/api/v1/jobs/7')).toBe(false);
    expect(screen.getByTestId('household-import-form')).toBeTruthy();
  });

  it('lets the admin choose the company, and asks for one and for a file first', async () => {
    signedIn('admin', [importJob({ state: 'succeeded', done: 1, total: 1, percent: 100, result: { created: 0, updated: 0, unchanged: 1 } as unknown as Job['result'] })]);
    const post = stubImportPost(202, importJob());
    renderPage(<Households />, '/households');
    await screen.findByText('1-2-301', undefined, SLOW);
    fireEvent.click(screen.getByTestId('household-import-new'));
    const form = await screen.findByTestId('household-import-form', undefined, SLOW);
    await waitFor(() => expect(document.getElementById('household-import_company')).toBeTruthy(), SLOW);
    await submit();
    await within(form).findByText('请选择供热企业', undefined, SLOW);
    await within(form).findByText('请选择要导入的 CSV 文件', undefined, SLOW);
    expect(post).not.toHaveBeenCalled();

    fireEvent.mouseDown(document.getElementById('household-import_company')!);
    fireEvent.click(await screen.findByTitle('rongcheng 荣成热力'));
    const input = form.querySelector('input[type="file"]') as HTMLInputElement;
    await act(async () => {
      fireEvent.change(input, { target: { files: [csvFile('a,b\n', 'other.csv')] } });
    });
    await within(form).findByText('other.csv', undefined, SLOW);
    await submit();
    await waitFor(() => expect(post).toHaveBeenCalledTimes(1), SLOW);
    expect((post.mock.calls[0] as unknown as [string])[0]).toBe('/api/v1/import/households?company=rongcheng&async=true');
    expect((await screen.findByTestId('household-import-counts', undefined, SLOW)).textContent).toBe('新建 0 户 · 更新 0 户 · 未变 1 户');
  });

  it('shows the import to an agent', async () => {
    signedIn('agent');
    renderPage(<Households />, '/households');
    await screen.findByText('1-2-301', undefined, SLOW);
    await waitFor(() => expect(screen.getByTestId('household-import-new').textContent).toContain('导入住户'), SLOW);
  });

  it('hides the import from a technician', async () => {
    const get = signedIn('technician');
    renderPage(<Households />, '/households');
    await screen.findByText('1-2-301', undefined, SLOW);
    // Signed in by now: the page knows the role.
    await act(async () => {});
    expect(get).toHaveBeenCalledWith('/api/v1/auth/me');
    expect(screen.queryByTestId('household-import-new')).toBeNull();
  });
});

describe('importFailure', () => {
  const zh = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate('zh-CN', key, vars);
  const failed = (message: string) => new (class extends Error {})(message);

  it('titles the problems with the first line and lists the rest, the cut one in words', () => {
    expect(importFailure(zh, failed(`${PROBLEMS}\n… and 7 more`))).toEqual({
      title: '文件有 2 处问题，未导入任何住户：',
      problems: ["line 3, column 5 (area_m2): 7.001 has more than 2 decimal places", "line 4, column 7 (orientation): 'up' is not one of shade, sun", '……另有 7 处问题'],
    });
  });

  it('keeps an unknown first line as the title, and a one-line failure as the detail', () => {
    expect(importFailure(zh, failed('missing column rooms\nline 1'))).toEqual({ title: 'missing column rooms', problems: ['line 1'] });
    expect(importFailure(zh, failed('the server is busy'))).toEqual({ title: '导入失败', problems: [], detail: 'the server is busy' });
  });
});
