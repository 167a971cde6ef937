import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { api, setToken } from '../api/client';
import HeatingChanges from './HeatingChanges';
import { changeBody, eventBody, readFilters, settlementSide, suppliable, writeFilters, yuanToFen } from './heatingChanges/logic';
import { increaseByMeter, renderPage, signedIn, stopApproved, stopReceived, where } from './heatingChanges/testing';

// antd validates asynchronously; on a busy machine (a C++ build beside) it can take seconds.
const SLOW = { timeout: 8000 };
vi.setConfig({ testTimeout: 30000 });
afterEach(() => {
  vi.restoreAllMocks();
  setToken(null);
});

describe('HeatingChanges', () => {
  it('lists the changes with their kind, area, missing documents, state and settlement, and keeps the filters in the URL', async () => {
    const get = signedIn('manager', [stopReceived(), stopApproved(), increaseByMeter()]);
    renderPage(<HeatingChanges />, '/heating-changes?state=received&kind=stop&size=50');
    const table = await screen.findByTestId('heating-change-list', undefined, SLOW);
    await within(table).findAllByText('李强', undefined, SLOW);
    expect(get).toHaveBeenCalledWith('/api/v1/heating-changes', { company: undefined, household: undefined, state: 'received', kind: 'stop', limit: 50, cursor: undefined }, expect.anything());
    const rows = within(table).getAllByRole('row').slice(1);
    const [open, credited, metered] = rows.map((r) => r.textContent ?? '');
    for (const want of ['停热', '已受理', '2026-12-10', '85.55 ㎡', '身份证明', '产权证明', '批准后按日折算']) expect(open).toContain(want);
    for (const want of ['已批准', '无缺件', '应退 ¥2,224.30', '按日折算 121/121 天 × 单价 26.00 元/㎡ × 面积 85.55 ㎡']) expect(credited).toContain(want);
    for (const want of ['增加面积', '85.55 ㎡ → 100.50 ㎡', '按热计量表读数结算']) expect(metered).toContain(want);
    expect(within(rows[1]).getByTestId('heating-change-settlement').getAttribute('data-side')).toBe('credit');
    expect(within(rows[0]).queryByTestId('heating-change-settlement')).toBeNull();
    expect(screen.getByTestId('heating-change-new')).toBeTruthy();

    fireEvent.mouseDown(screen.getByRole('combobox', { name: '状态' }));
    fireEvent.click(await screen.findByTitle('已批准'));
    await waitFor(() => expect(where.search).toBe('?state=approved&kind=stop&size=50'), SLOW);
  });

  it('supplies the missing documents, then approves, and shows the settlement', async () => {
    signedIn('manager', [stopReceived()]);
    const post = vi.spyOn(api, 'post');
    renderPage(<HeatingChanges />, '/heating-changes');
    fireEvent.click(await screen.findByText('李强', undefined, SLOW));
    const detail = await screen.findByTestId('heating-change-detail', undefined, SLOW);
    for (const want of ['已受理', '停热', '李强', '2026-12-10', '供热中', '按面积计费', '申请表', '身份证明']) expect(detail.textContent).toContain(want);
    expect(screen.queryByTestId('heating-change-approve')).toBeNull();

    post.mockResolvedValueOnce({ ...stopReceived(), documents: ['application-form', 'identity', 'property-proof'], missing: [], actions: ['approve', 'refuse'] });
    fireEvent.click(screen.getByTestId('heating-change-supply'));
    const form = await screen.findByTestId('heating-change-action-form', undefined, SLOW);
    fireEvent.click(within(form).getByRole('checkbox', { name: '身份证明（缺）' }));
    fireEvent.click(within(form).getByRole('checkbox', { name: '产权证明（缺）' }));
    fireEvent.click(screen.getByTestId('heating-change-action-submit'));
    const approve = await screen.findByTestId('heating-change-approve', undefined, SLOW);
    expect(post).toHaveBeenCalledWith('/api/v1/heating-changes/3/events', { type: 'supply-documents', documents: ['identity', 'property-proof'] });

    post.mockResolvedValueOnce({ ...stopApproved(), id: 3, applicant: '李强', household_id: 5 });
    fireEvent.click(approve);
    fireEvent.change(await screen.findByLabelText('备注（可选）'), { target: { value: '材料已核实' } });
    fireEvent.click(screen.getByTestId('heating-change-action-submit'));
    const settled = await within(screen.getByTestId('heating-change-detail')).findByTestId('heating-change-settlement', undefined, SLOW);
    expect(post).toHaveBeenCalledWith('/api/v1/heating-changes/3/events', { type: 'approve', note: '材料已核实' });
    expect(settled.textContent).toContain('应退 ¥2,224.30');
    expect(screen.getByTestId('heating-change-detail').textContent).toContain('已批准');
    expect(screen.queryByTestId('heating-change-approve')).toBeNull();
  });

  it('asks a refusal for its reason', async () => {
    signedIn('manager', [stopReceived()]);
    const post = vi.spyOn(api, 'post');
    renderPage(<HeatingChanges />, '/heating-changes');
    fireEvent.click(await screen.findByText('李强', undefined, SLOW));
    fireEvent.click(await screen.findByTestId('heating-change-refuse', undefined, SLOW));
    fireEvent.click(await screen.findByTestId('heating-change-action-submit', undefined, SLOW));
    await waitFor(() => expect(document.getElementById('heating-change-action_reason')?.closest('.ant-form-item')?.textContent).toContain('请填写驳回理由'), SLOW);
    expect(post).not.toHaveBeenCalled();
  });

  it('takes in an area change with its area, the form time and the documents', async () => {
    signedIn('agent', [stopReceived()]);
    const post = vi.spyOn(api, 'post').mockResolvedValue({ ...stopReceived(), id: 9, kind: 'increase', area_after: '100.50' });
    renderPage(<HeatingChanges />, '/heating-changes?household=5');
    fireEvent.click(await screen.findByTestId('heating-change-new', undefined, SLOW));
    const form = await screen.findByTestId('heating-change-form', undefined, SLOW);
    expect((document.getElementById('heating-change_household') as HTMLInputElement).value).toBe('5');
    expect((within(form).getByRole('checkbox', { name: /申请表/ }) as HTMLInputElement).checked).toBe(true);
    expect(document.getElementById('heating-change_area')).toBeNull();
    fireEvent.click(within(form).getByRole('radio', { name: '增加面积' }));
    await waitFor(() => expect(document.getElementById('heating-change_area')).toBeTruthy(), SLOW);
    fireEvent.change(document.getElementById('heating-change_area')!, { target: { value: '100.50' } });
    fireEvent.change(document.getElementById('heating-change_applicant')!, { target: { value: '李强' } });
    fireEvent.click(within(form).getByRole('checkbox', { name: '面积测绘报告' }));
    fireEvent.click(screen.getByTestId('heating-change-submit'));
    await waitFor(() => expect(post).toHaveBeenCalled(), SLOW);
    const body = post.mock.calls[0][1] as Record<string, unknown>;
    expect(post.mock.calls[0][0]).toBe('/api/v1/heating-changes');
    expect(body).toMatchObject({ household: 5, kind: 'increase', area: '100.50', applicant: '李强', documents: ['application-form', 'area-survey'] });
    expect(body.effective).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(body.received_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\+08:00$/);
  });

  it('shows the regulator a company filter and no take-in', async () => {
    signedIn('regulator', [stopApproved()]);
    renderPage(<HeatingChanges />, '/heating-changes');
    await screen.findByRole('combobox', { name: '供热企业' }, SLOW);
    await screen.findByText('张敏', undefined, SLOW);
    expect(screen.queryByTestId('heating-change-new')).toBeNull();
  });
});

describe('heatingChanges/logic', () => {
  it('reads and writes the filters, dropping what is not one', () => {
    const f = readFilters(new URLSearchParams('state=refused&kind=pause&household=5&company=x&size=7&after=40'));
    expect(f).toEqual({ state: 'refused', kind: '', household: '5', company: '', size: 20, trail: ['40'] });
    expect(writeFilters({ ...f, kind: 'resume' }).toString()).toBe('state=refused&kind=resume&household=5&after=40');
  });

  it('reads the settlement and builds the bodies', () => {
    expect(yuanToFen('-2224.30')).toBe(-222430);
    expect(yuanToFen('0.5')).toBe(50);
    expect(yuanToFen('-0.00')).toBe(0);
    expect(yuanToFen('x')).toBeNull();
    expect(settlementSide({ amount: '-1.00' })).toBe('credit');
    expect(settlementSide({ amount: '12.00' })).toBe('charge');
    expect(settlementSide({ amount: '0.00' })).toBe('none');
    const day = { format: (f: string) => (f === 'YYYY-MM-DD' ? '2026-12-10' : '2026-12-05 09:00:00') };
    expect(changeBody({ household: 5, kind: 'stop', effective: day, area: '9', received_at: day, applicant: ' 李强 ', documents: ['identity', 'application-form'], note: ' ' })).toEqual({
      household: 5,
      kind: 'stop',
      effective: '2026-12-10',
      received_at: '2026-12-05T09:00:00+08:00',
      applicant: '李强',
      documents: ['application-form', 'identity'],
    });
    expect(eventBody('refuse', { reason: ' 不符 ', note: '' })).toEqual({ type: 'refuse', reason: '不符' });
    expect(eventBody('approve', { note: ' 好 ' })).toEqual({ type: 'approve', note: '好' });
    expect(suppliable({ documents: ['application-form'], missing: ['property-proof'] })).toEqual(['property-proof', 'identity', 'area-survey']);
  });
});
