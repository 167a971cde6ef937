import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { api, ApiError, setToken } from '../api/client';
import type { RefundEntry } from '../api/types';
import type { Me } from '../auth';
import { translate } from '../i18n';
import { renderPage } from './bills/testing';
import { choiceText } from './household/RefundList';
import { choosable } from './household/RefundChoice';
import MyRefunds from './MyRefunds';

// antd renders asynchronously; on a busy machine (a C++ build beside) it can take seconds.
const SLOW = { timeout: 8000 };
vi.setConfig({ testTimeout: 30000 });
afterEach(() => {
  vi.restoreAllMocks();
  setToken(null);
});

/** An approved refund of ¥120.50 not yet paid, the household's choice still open. */
function approved(over: Partial<RefundEntry> = {}): RefundEntry {
  return {
    id: 31,
    household_id: 5,
    company_id: 1,
    season: 2025,
    status: 'approved',
    fee_fen: 263980,
    refund_fen: 12050,
    refund_yuan: 120.5,
    official_days: 121,
    payment_deadline: '2026-06-30T23:59:59+08:00',
    overdue: false,
    covered_to: '2026-03-15',
    season_end: '2026-03-15',
    choice: null,
    payout: null,
    days: [],
    computed_at: '2026-03-16T02:00:00+08:00',
    updated_by: 'manager',
    updated_at: '2026-03-20T10:00:00+08:00',
    ...over,
  };
}

/** Last-but-one season's refund, offset against a bill and so paid: nothing left to choose. The
 * bill came after 30 June, as an offset's does. */
function paidByOffset(): RefundEntry {
  return approved({
    id: 30,
    season: 2024,
    status: 'paid',
    choice: 'offset',
    refund_fen: 5000,
    refund_yuan: 50,
    payout: { method: 'offset', reference: null, paid_at: '2025-11-01T09:30:00+08:00', late: true },
  });
}

/** A refund paid by bank transfer after the deadline. */
function paidLateByBank(): RefundEntry {
  return approved({
    id: 29,
    season: 2023,
    status: 'paid',
    choice: 'payment',
    payout: { method: 'bank', reference: 'BK-2024-0702-017', paid_at: '2024-07-02T14:05:00+08:00', late: true },
  });
}

/** The household signed in; GET /api/v1/refunds answers each of `pages` in turn (the last again). */
function signedIn(pages: RefundEntry[][]) {
  const me: Me = { user_id: 9, username: 'h0102', role: 'household', company_id: null, household_id: 5 };
  let asked = 0;
  setToken('token');
  return vi.spyOn(api, 'get').mockImplementation(async (path: string) => {
    if (path === '/api/v1/auth/me') return me;
    if (path === '/api/v1/findings') return { items: [], next_cursor: null };
    if (path === '/api/v1/refunds') return { items: pages[Math.min(asked++, pages.length - 1)], next_cursor: null };
    throw new Error(`unexpected GET ${path}`);
  });
}

const refundGets = (get: ReturnType<typeof signedIn>) => get.mock.calls.filter(([p]) => p === '/api/v1/refunds').length;

async function cards() {
  const all = await screen.findAllByTestId('refund-entry', undefined, SLOW);
  const byStatus = (s: string) => all.find((c) => c.getAttribute('data-status') === s)!;
  return { open: byStatus('approved'), paid: byStatus('paid') };
}

describe('MyRefunds: the choice of payment or offset (R-REFUND-6)', () => {
  it('offers the choice on an approved refund only, sends it, and shows it after asking again', async () => {
    const get = signedIn([[approved(), paidByOffset()], [approved({ choice: 'offset' }), paidByOffset()]]);
    const patch = vi.spyOn(api, 'patch').mockResolvedValue(approved({ choice: 'offset' }));
    renderPage(<MyRefunds />, '/my/refunds');
    const { open, paid } = await cards();

    // The paid one shows how it was settled, and offers nothing.
    expect(within(paid).getByTestId('refund-choice-current').textContent).toBe('冲抵下季热费');
    expect(within(paid).queryByTestId('refund-choice-form')).toBeNull();
    // The open one: not chosen yet; saving waits for a choice.
    expect(within(open).getByTestId('refund-choice-current').textContent).toBe('尚未选择');
    const form = within(open).getByTestId('refund-choice-form');
    expect(form.textContent).toContain('退费超过该账单应收的，改为退款');
    const save = within(open).getByTestId('refund-choice-save');
    expect(save.textContent?.replace(/\s/g, '')).toBe('确认选择');
    expect((save as HTMLButtonElement).disabled).toBe(true);

    fireEvent.click(within(form).getByText('冲抵下季热费'));
    await waitFor(() => expect((within(open).getByTestId('refund-choice-save') as HTMLButtonElement).disabled).toBe(false), SLOW);
    fireEvent.click(within(open).getByTestId('refund-choice-save'));
    await waitFor(() => expect(patch).toHaveBeenCalledWith('/api/v1/refunds/31', { choice: 'offset' }), SLOW);
    expect(patch).toHaveBeenCalledTimes(1);

    // Asked again; the current choice shown, and it may still be changed until paid.
    await waitFor(() => expect(refundGets(get)).toBe(2), SLOW);
    await waitFor(async () => expect(within((await cards()).open).getByTestId('refund-choice-current').textContent).toBe('冲抵下季热费'), SLOW);
    const again = (await cards()).open;
    expect(within(again).getByTestId('refund-choice-save').textContent?.replace(/\s/g, '')).toBe('更改选择');
    expect(await screen.findByText('已选择：冲抵下季热费', undefined, SLOW)).toBeTruthy();
  });

  it("puts the server's refusal on the choice and does not ask again", async () => {
    const get = signedIn([[approved({ choice: 'offset' })]]);
    const patch = vi
      .spyOn(api, 'patch')
      .mockRejectedValue(new ApiError(409, 'failed_precondition', 'refund entry 31 is paid: its choice is final'));
    renderPage(<MyRefunds />, '/my/refunds');
    const { open } = await cards();
    const form = within(open).getByTestId('refund-choice-form');
    fireEvent.click(within(form).getByText('退款'));
    await waitFor(() => expect((within(open).getByTestId('refund-choice-save') as HTMLButtonElement).disabled).toBe(false), SLOW);
    fireEvent.click(within(open).getByTestId('refund-choice-save'));
    await waitFor(() => expect(patch).toHaveBeenCalledWith('/api/v1/refunds/31', { choice: 'payment' }), SLOW);

    // On the field itself (antd's explain under the radio group), not elsewhere on the page.
    const explain = await within(form).findByText('refund entry 31 is paid: its choice is final', undefined, SLOW);
    expect(explain.closest('.ant-form-item')?.querySelector('[data-testid="refund-choice"]')).not.toBeNull();
    expect(refundGets(get)).toBe(1);
    expect(within(open).getByTestId('refund-choice-current').textContent).toBe('冲抵下季热费');
  });

  it('shows an invalid value refused on the choice too', async () => {
    signedIn([[approved()]]);
    vi.spyOn(api, 'patch').mockRejectedValue(new ApiError(400, 'invalid_argument', 'choice must be payment or offset', 'choice'));
    renderPage(<MyRefunds />, '/my/refunds');
    const { open } = await cards();
    const form = within(open).getByTestId('refund-choice-form');
    fireEvent.click(within(form).getByText('退款'));
    await waitFor(() => expect((within(open).getByTestId('refund-choice-save') as HTMLButtonElement).disabled).toBe(false), SLOW);
    fireEvent.click(within(open).getByTestId('refund-choice-save'));
    await within(form).findByText('choice must be payment or offset', undefined, SLOW);
  });

  it('offers the choice while approved only, and says how each is to be settled', () => {
    expect(choosable({ status: 'approved' })).toBe(true);
    expect(choosable({ status: 'draft' })).toBe(false);
    expect(choosable({ status: 'paid' })).toBe(false);
    const t = (k: Parameters<typeof translate>[1]) => translate('en', k);
    expect(choiceText(t, { status: 'approved', choice: null })).toBe('Not chosen yet');
    expect(choiceText(t, { status: 'paid', choice: 'payment' })).toBe('Payment');
    expect(choiceText(t, { status: 'draft', choice: null })).toBeUndefined();
  });

  it('shows how a paid refund was paid, with its reference and time, and 逾期支付 when late', async () => {
    signedIn([[approved(), paidByOffset(), paidLateByBank()]]);
    renderPage(<MyRefunds />, '/my/refunds');
    const all = await screen.findAllByTestId('refund-entry', undefined, SLOW);
    const card = (id: string) => all.find((c) => c.getAttribute('data-status') === 'paid' && within(c).queryByTestId('refund-payout')?.getAttribute('data-method') === id)!;

    const bank = within(card('bank')).getByTestId('refund-payout');
    expect(bank.textContent).toContain('已支付：银行转账 · 凭证号 BK-2024-0702-017 · 支付于 2024-07-02 14:05');
    expect(within(bank).getByTestId('refund-payout-late').textContent).toBe('逾期支付');

    // Settled by the next bill, as the household chose: not late, whenever the bill came.
    const offset = within(card('offset')).getByTestId('refund-payout');
    expect(offset.textContent).toBe('已支付：抵扣下季热费 · 支付于 2025-11-01 09:30');
    expect(within(offset).queryByTestId('refund-payout-late')).toBeNull();

    // The open one has no payout yet.
    const open = all.find((c) => c.getAttribute('data-status') === 'approved')!;
    expect(within(open).queryByTestId('refund-payout')).toBeNull();
  });
});
