import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { api, ApiError, setToken } from '../api/client';
import type { Arrears as ArrearsBody } from '../api/types';
import Arrears from './Arrears';
import { arrearsActions, firstStopDay, listQuery, readFilters, reminderBody, remindersMissing, sentAtProblem, stopBody, writeFilters } from './arrears/logic';
import { owing, readyToStop, renderPage, signedIn, stoppedForArrears, where } from './arrears/testing';
import { stopApproved } from './heatingChanges/testing';

// antd validates asynchronously; on a busy machine (a C++ build beside) it can take seconds.
const SLOW = { timeout: 8000 };
vi.setConfig({ testTimeout: 30000 });
afterEach(() => {
  vi.restoreAllMocks();
  setToken(null);
});

/** The form item (label, control, help) of the element with `id`, or of `element`. */
function itemOf(target: string | HTMLElement): string {
  const element = typeof target === 'string' ? document.getElementById(target) : target;
  return element?.closest('.ant-form-item')?.textContent ?? '';
}

/** Opens a row's drawer by its address (the household code is a link to the household). */
async function openRow(address: string) {
  fireEvent.click(await screen.findByText(address, undefined, SLOW));
  return screen.findByTestId('arrears-detail', undefined, SLOW);
}

describe('Arrears', () => {
  it('lists the arrears with the amounts, days overdue, reminders proven of needed and when heat may stop, and keeps the filters in the URL', async () => {
    const get = signedIn('manager', [owing(), readyToStop(), stoppedForArrears()]);
    renderPage(<Arrears />, '/arrears?season=2026');
    const table = await screen.findByTestId('arrears-list', undefined, SLOW);
    await within(table).findByText('1-2-301', undefined, SLOW);
    expect(get).toHaveBeenCalledWith('/api/v1/arrears', { company: undefined, household: undefined, season: '2026', limit: 20, cursor: undefined }, expect.anything());
    expect(screen.getByTestId('arrears-rule').textContent).toContain('应退的热费照退，投诉照常受理');
    const rows = Array.from(table.querySelectorAll('tr[data-row-key]')) as HTMLElement[];
    expect(rows.map((r) => r.getAttribute('data-row-key'))).toEqual(['17', '16', '15']);
    const [owed, ready, stopped] = rows.map((r) => r.textContent ?? '');
    for (const want of ['1-2-301', '文化西路 12 号 1-2-301', '2026–2027', '¥2,639.80', '¥1,000.00', '¥1,639.80', '20 天', '1/2', '尚需 1 次已证实催缴', '2026-11-15', '供热中'])
      expect(owed).toContain(want);
    for (const want of ['1-2-302', '¥2,419.30', '¥0.00', '35 天', '2/2', '2026-12-04', '供热中']) expect(ready).toContain(want);
    for (const want of ['1-2-401', '—', '2025–2026', '¥543.20', '400 天', '已停热']) expect(stopped).toContain(want);
    // Owed: red.
    expect(within(rows[0]).getByTestId('arrears-outstanding').className).toContain('danger');
    expect(within(rows[0]).getByTestId('arrears-steps').getAttribute('data-done')).toBe('false');
    expect(within(rows[1]).getByTestId('arrears-steps').getAttribute('data-done')).toBe('true');
    // A manager sees its own company's: no company filter.
    expect(screen.queryByRole('combobox', { name: '供热企业' })).toBeNull();

    fireEvent.change(screen.getByPlaceholderText('住户编号'), { target: { value: '6' } });
    fireEvent.keyDown(screen.getByPlaceholderText('住户编号'), { key: 'Enter', code: 'Enter', keyCode: 13, which: 13 });
    await waitFor(() => expect(where.search).toBe('?season=2026&household=6'), SLOW);
    await waitFor(() => expect(get).toHaveBeenCalledWith('/api/v1/arrears', { company: undefined, household: '6', season: '2026', limit: 20, cursor: undefined }, expect.anything()), SLOW);
  });

  it('shows the reminders with their delivery and proof, requires the proof of a posted notice and posts the reminder', async () => {
    signedIn('agent', [owing()]);
    const post = vi.spyOn(api, 'post');
    renderPage(<Arrears />, '/arrears');
    const detail = await openRow('威海市环翠区文化西路 12 号 1-2-301');
    await within(detail).findAllByTestId('arrears-reminder', undefined, SLOW);
    const [sms, notice] = within(detail).getAllByTestId('arrears-reminder');
    for (const want of ['短信', '发送失败', '未证实', '已尝试 3 次', '最近错误：短信网关超时', 'agent-wang · 2026-11-25 10:00']) expect(sms.textContent).toContain(want);
    for (const want of ['张贴告知', '已登记', '已证实', '催费证明：3 号楼 2 单元门口公告栏，照片 IMG_20261120_01']) expect(notice.textContent).toContain(want);
    for (const want of ['¥1,639.80', '20 天', '已证实 1 次，停热前需 2 次（不同日期）', '2026-11-20', '最后一次已证实催缴后 7 天', '尚需 1 次已证实催缴']) expect(detail.textContent).toContain(want);
    // Not offered a stop: no button.
    expect(screen.queryByTestId('arrears-stop')).toBeNull();

    fireEvent.click(await screen.findByTestId('arrears-remind', undefined, SLOW));
    const form = await screen.findByTestId('arrears-remind-form', undefined, SLOW);
    fireEvent.click(within(form).getByRole('radio', { name: '张贴告知' }));
    await waitFor(() => expect(document.getElementById('arrears-remind_proof')).toBeTruthy(), SLOW);
    expect(document.getElementById('arrears-remind_sent_at')).toBeTruthy();
    fireEvent.click(screen.getByTestId('arrears-remind-submit'));
    await waitFor(() => expect(itemOf('arrears-remind_proof')).toContain('张贴告知、催费函须填写催费证明'), SLOW);
    expect(post).not.toHaveBeenCalled();

    const after = { ...owing(), reminders_proven: 2, may_stop_from: '2026-12-12', reminders: [{ ...owing().reminders[1], id: 44, proof: '1 单元入口，照片 IMG_20261205_02' }, ...owing().reminders] };
    post.mockResolvedValueOnce(after);
    fireEvent.change(document.getElementById('arrears-remind_proof')!, { target: { value: ' 1 单元入口，照片 IMG_20261205_02 ' } });
    fireEvent.click(screen.getByTestId('arrears-remind-submit'));
    await waitFor(() => expect(post).toHaveBeenCalled(), SLOW);
    expect(post.mock.calls[0][0]).toBe('/api/v1/arrears/17/reminders');
    const body = post.mock.calls[0][1] as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['channel', 'proof', 'sent_at']);
    expect(body).toMatchObject({ channel: 'notice', proof: '1 单元入口，照片 IMG_20261205_02' });
    expect(body.sent_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\+08:00$/);
    // The answer is shown at once.
    await waitFor(() => expect(within(screen.getByTestId('arrears-detail')).getByTestId('arrears-steps').textContent).toBe('2/2'), SLOW);
    expect(screen.getByTestId('arrears-detail').textContent).toContain('2026-12-12');
  });

  it('offers the stop only when the actions say so, shows the refusal next to its field, then the stop decided', async () => {
    let decided = false;
    const afterStop = { ...readyToStop(), stop_heating_change_id: 2, actions: ['remind'] };
    signedIn('manager', [readyToStop()], { '/api/v1/arrears/16': () => (decided ? afterStop : readyToStop()) });
    const post = vi.spyOn(api, 'post');
    renderPage(<Arrears />, '/arrears');
    await openRow('威海市环翠区文化西路 12 号 1-2-302');
    fireEvent.click(await screen.findByTestId('arrears-stop', undefined, SLOW));
    const form = await screen.findByTestId('arrears-stop-form', undefined, SLOW);
    expect(form.textContent).toContain('2/2');

    post.mockRejectedValueOnce(new ApiError(409, 'failed_precondition', '还差 1 次已证实的催缴（须在不同日期）', 'reminders'));
    fireEvent.click(screen.getByTestId('arrears-stop-submit'));
    const steps = screen.getByTestId('arrears-stop-steps');
    await waitFor(() => expect(itemOf(steps)).toContain('还差 1 次已证实的催缴（须在不同日期）'), SLOW);
    expect(within(form).getByRole('alert').textContent).toContain('还差 1 次已证实的催缴');
    expect(post.mock.calls[0][0]).toBe('/api/v1/arrears/16/stop');
    expect((post.mock.calls[0][1] as { effective: string }).effective).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((post.mock.calls[0][1] as { effective: string }).effective >= '2026-12-04').toBe(true);

    post.mockRejectedValueOnce(new ApiError(409, 'failed_precondition', '停止供热最早自 2026-12-11 起生效', 'effective'));
    fireEvent.click(screen.getByTestId('arrears-stop-submit'));
    await waitFor(() => expect(itemOf('arrears-stop_effective')).toContain('停止供热最早自 2026-12-11 起生效'), SLOW);

    post.mockImplementationOnce(async () => {
      decided = true;
      return { ...stopApproved(), arrears_fee_id: 16 };
    });
    fireEvent.change(document.getElementById('arrears-stop_note')!, { target: { value: ' 经两次催缴仍未缴费 ' } });
    fireEvent.click(screen.getByTestId('arrears-stop-submit'));
    const link = await screen.findByTestId('arrears-stop-change', undefined, SLOW);
    expect(link.textContent).toContain('增减停复 #2');
    expect(post.mock.calls[2][1]).toEqual({ effective: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), note: '经两次催缴仍未缴费' });
    expect(screen.getByTestId('arrears-detail').textContent).toContain('已决定停热');
    await waitFor(() => expect(screen.queryByTestId('arrears-stop')).toBeNull(), SLOW);
    expect(screen.getByTestId('arrears-remind')).toBeTruthy();
  });

  it('shows the regulator a company filter and no actions, and opens the stop decided', async () => {
    signedIn('regulator', [stoppedForArrears()], { '/api/v1/heating-changes/2': stopApproved() });
    renderPage(<Arrears />, '/arrears');
    await screen.findByRole('combobox', { name: '供热企业' }, SLOW);
    const table = await screen.findByTestId('arrears-list', undefined, SLOW);
    fireEvent.click(await within(table).findByText('¥543.20', undefined, SLOW));
    const detail = await screen.findByTestId('arrears-detail', undefined, SLOW);
    expect(detail.textContent).toContain('已停热');
    expect(screen.queryByTestId('arrears-remind')).toBeNull();
    expect(screen.queryByTestId('arrears-stop')).toBeNull();
    fireEvent.click(within(detail).getByTestId('arrears-stop-change'));
    const change = await screen.findByTestId('heating-change-detail', undefined, SLOW);
    expect(change.textContent).toContain('已批准');
  });
});

describe('arrears/logic', () => {
  it('reads and writes the filters, dropping what is not one', () => {
    const f = readFilters(new URLSearchParams('season=2026&household=5&company=x&size=50&after=40'));
    expect(f).toEqual({ season: '2026', household: '5', company: '', size: 50, trail: ['40'] });
    expect(readFilters(new URLSearchParams('season=26')).season).toBe('');
    expect(writeFilters({ ...f, company: '2' }).toString()).toBe('season=2026&household=5&company=2&size=50&after=40');
    expect(listQuery({ ...f, company: '2' }, false)).toEqual({ company: undefined, household: '5', season: '2026', limit: 50, cursor: '40' });
    expect(listQuery({ ...f, company: '2' }, true).company).toBe('2');
  });

  it('builds the bodies and reads the steps', () => {
    const at = { format: (f: string) => (f === 'YYYY-MM-DD' ? '2026-12-05' : '2026-12-05 09:30:00') };
    expect(reminderBody({ channel: 'sms', content: ' ', proof: '门口', sent_at: at })).toEqual({ channel: 'sms' });
    expect(reminderBody({ channel: 'wechat', content: ' 请缴费 ' })).toEqual({ channel: 'wechat', content: '请缴费' });
    expect(reminderBody({ channel: 'letter', proof: ' 挂号信 XA1 ', sent_at: at })).toEqual({ channel: 'letter', proof: '挂号信 XA1', sent_at: '2026-12-05T09:30:00+08:00' });
    expect(stopBody({ effective: at, note: ' ' })).toEqual({ effective: '2026-12-05' });
    expect(stopBody({ effective: at, note: ' 未缴 ' })).toEqual({ effective: '2026-12-05', note: '未缴' });
    expect(arrearsActions({ actions: ['stop', 'refund', 'remind'] as ArrearsBody['actions'] })).toEqual(['remind', 'stop']);
    expect(remindersMissing({ reminders_proven: 0, reminders_needed: 2 })).toBe(2);
    expect(remindersMissing({ reminders_proven: 3, reminders_needed: 2 })).toBe(0);
    expect(firstStopDay({ may_stop_from: '2026-12-04' }, '2026-12-01')).toBe('2026-12-04');
    expect(firstStopDay({ may_stop_from: '2026-12-04' }, '2026-12-10')).toBe('2026-12-10');
    expect(firstStopDay({ may_stop_from: null }, '2026-12-10')).toBe('2026-12-10');
    expect(sentAtProblem(at, Date.parse('2026-12-05T09:00:00+08:00'))).toBe('future');
    expect(sentAtProblem(at, Date.parse('2026-12-05T10:00:00+08:00'))).toBeNull();
    expect(sentAtProblem(null, Date.now())).toBeNull();
  });
});
