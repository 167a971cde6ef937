import { fireEvent, screen, within } from '@testing-library/react';
import { setToken } from '../api/client';
import { AREA_REASON, areaBill, areaInsteadOfMeter, meterBill, overpaidBill, paidBackBill, renderPage, signedIn } from './bills/testing';
import MyBills from './MyBills';

// antd renders asynchronously; on a busy machine (a C++ build beside) it can take seconds.
const SLOW = { timeout: 8000 };
vi.setConfig({ testTimeout: 30000 });
afterEach(() => {
  vi.restoreAllMocks();
  setToken(null);
});

describe('MyBills', () => {
  it("shows the household's bills as cards with their season, lines, sums and due date", async () => {
    const get = signedIn('household', [areaBill(), areaInsteadOfMeter(), meterBill()]);
    renderPage(<MyBills />, '/my/bills');
    const cards = await screen.findAllByTestId('my-bill', undefined, SLOW);
    expect(get).toHaveBeenCalledWith('/api/v1/bills', { limit: 20, cursor: undefined });
    expect(cards).toHaveLength(3);
    const [owed, fallback, refunded] = cards;

    for (const want of ['2026–2027 采暖季', '欠费 ¥1,639.80', '采暖费：98.50 m² × 26.80 元/m²', '应收合计', '¥2,639.80', '已缴', '¥1,000.00', '缴费期限', '2026-11-15']) expect(owed.textContent).toContain(want);
    expect(within(owed).getByTestId('bill-outstanding').getAttribute('data-owing')).toBe('true');
    expect(within(owed).queryByTestId('bill-basis-reason')).toBeNull();

    // Billed by area instead of by meter: the reason as an alert; the offset explained.
    expect(within(fallback).getByTestId('bill-basis-reason').textContent).toContain(AREA_REASON);
    expect(fallback.textContent).toContain('已缴清');
    const offset = within(fallback).getAllByTestId('bill-line').find((l) => l.getAttribute('data-code') === 'offset')!;
    expect(offset.textContent).toContain('-¥120.50');
    expect(offset.textContent).toContain('上季退费抵扣（R-REFUND-6）');
    expect(within(fallback).getByTestId('bill-total').textContent).toBe('¥2,419.30');

    // A refund larger than the bill: the rest shown.
    for (const want of ['2025–2026 采暖季', '基本热费', '计量热费', '已缴清']) expect(refunded.textContent).toContain(want);
    expect(within(refunded).getByTestId('bill-unapplied-offset').textContent).toContain('¥30.00');

    fireEvent.click(within(owed).getByTestId('my-bill-open'));
    const detail = await screen.findByTestId('bill-detail', undefined, SLOW);
    expect(detail.textContent).toContain('1-2-301');
    expect(detail.textContent).toContain('98.50 ㎡');
    expect(within(detail).queryByRole('link')).toBeNull();
  });

  it('shows what a bill settled again holds overpaid and what was paid back, read-only (R-ACCT-1)', async () => {
    signedIn('household', [overpaidBill(), { ...paidBackBill(), id: 19, season: 2025 }]);
    renderPage(<MyBills />, '/my/bills');
    const [overpaid, paidBack] = await screen.findAllByTestId('my-bill', undefined, SLOW);
    expect(overpaid.textContent).toContain('已缴清');
    expect(within(overpaid).getByTestId('bill-overpaid').closest('tr')?.textContent).toContain('多缴待退¥1,194.74');
    expect(within(overpaid).queryByTestId('bill-paid-back')).toBeNull();
    expect(within(paidBack).getByTestId('bill-paid-back').closest('tr')?.textContent).toContain('已退还¥1,194.74');
    expect(within(paidBack).queryByTestId('bill-overpaid')).toBeNull();
    // No way to pay it back from here, in the card or in the bill opened.
    expect(screen.queryByTestId('bill-payback')).toBeNull();
    fireEvent.click(within(overpaid).getByTestId('my-bill-open'));
    const detail = await screen.findByTestId('bill-detail', undefined, SLOW);
    expect(within(detail).getByTestId('bill-overpaid').textContent).toContain('¥1,194.74');
    expect(within(detail).queryByTestId('bill-payback')).toBeNull();
  });

  it('says when there are no bills yet', async () => {
    signedIn('household', []);
    renderPage(<MyBills />, '/my/bills');
    await screen.findByText('暂无账单', undefined, SLOW);
    expect(screen.queryByTestId('my-bill')).toBeNull();
  });
});
