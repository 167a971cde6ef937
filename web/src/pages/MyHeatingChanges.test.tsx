import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { api, setToken } from '../api/client';
import { beijingToday } from '../format';
import { householdKind } from './heatingChanges/logic';
import { renderPage, signedIn, stopApproved, stopReceived } from './heatingChanges/testing';
import MyHeatingChanges from './MyHeatingChanges';

// antd validates asynchronously; on a busy machine (a C++ build beside) it can take seconds.
const SLOW = { timeout: 8000 };
vi.setConfig({ testTimeout: 30000 });
afterEach(() => {
  vi.restoreAllMocks();
  setToken(null);
});

const home = (heating_status: string) => ({ '/api/v1/households/5': { id: 5, code: 'WH-B0004-1-0102', heating_status, billing: 'area', area_m2: 85.55 } });

describe('MyHeatingChanges', () => {
  it("shows the household's applications as cards with their state, effective day, missing documents and settlement", async () => {
    const get = signedIn('household', [stopReceived(), stopApproved()], home('stopped'));
    renderPage(<MyHeatingChanges />, '/my/heating-changes');
    const cards = await screen.findAllByTestId('my-heating-change', undefined, SLOW);
    expect(get).toHaveBeenCalledWith('/api/v1/heating-changes', { limit: 20, cursor: undefined });
    const [open, done] = cards.map((c) => c.textContent ?? '');
    for (const want of ['增减停复申请 #3', '已受理', '停热', '2026-12-10', '身份证明', '产权证明', '批准后按日折算']) expect(open).toContain(want);
    for (const want of ['增减停复申请 #2', '已批准', '无缺件', '应退 ¥2,224.30', '按日折算 121/121 天']) expect(done).toContain(want);
    // Stopped: it may apply to resume.
    const apply = await screen.findByTestId('my-heating-change-apply', undefined, SLOW);
    expect(apply.textContent).toContain('申请复热');
    fireEvent.click(within(cards[1]).getByTestId('my-heating-change-open'));
    await screen.findByTestId('heating-change-detail', undefined, SLOW);
    expect(screen.queryByTestId('heating-change-approve')).toBeNull();
  });

  it('applies for its own stop from today, with the application form', async () => {
    signedIn('household', [], home('heated'));
    const post = vi.spyOn(api, 'post').mockResolvedValue({ ...stopReceived(), id: 11, effective: beijingToday() });
    renderPage(<MyHeatingChanges />, '/my/heating-changes');
    await screen.findByText('暂无增减停复申请', undefined, SLOW);
    const apply = await screen.findByTestId('my-heating-change-apply', undefined, SLOW);
    expect(apply.textContent).toContain('申请停热');
    fireEvent.click(apply);
    await screen.findByTestId('my-heating-change-form', undefined, SLOW);
    fireEvent.click(screen.getByTestId('my-heating-change-submit'));
    await waitFor(() => expect(post).toHaveBeenCalled(), SLOW);
    expect(post).toHaveBeenCalledWith('/api/v1/heating-changes', { household: 5, kind: 'stop', effective: beijingToday(), documents: ['application-form'] });
    const card = await screen.findByTestId('my-heating-change', undefined, SLOW);
    expect(card.textContent).toContain('增减停复申请 #11');
  });

  it('offers a stop while heated and a resumption while stopped', () => {
    expect(householdKind('heated')).toBe('stop');
    expect(householdKind('stopped')).toBe('resume');
    expect(householdKind(undefined)).toBeNull();
  });
});
