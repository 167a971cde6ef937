import { fireEvent, screen, within } from '@testing-library/react';
import { api, ApiError, setToken } from '../../api/client';
import type { Payment, Receipt } from '../../api/types';
import type { Me } from '../../auth';
import { renderPage } from '../bills/testing';
import MyAccount from '../MyAccount';
import ReceiptModal from './ReceiptModal';

// antd renders asynchronously; on a busy machine (a C++ build beside) it can take seconds.
const SLOW = { timeout: 8000 };
vi.setConfig({ testTimeout: 30000 });
afterEach(() => {
  vi.restoreAllMocks();
  setToken(null);
});

const RECEIPT: Receipt = {
  number: 'a-2026-00000012',
  payment_id: 12,
  company_code: 'a',
  company_name: '威海市文登区热力有限公司',
  licence_no: '鲁供热证字第 0012 号',
  household_id: 5,
  household_code: 'H-101',
  address: '文登区龙山路 1 号 1-0101',
  season: 2026,
  fee_id: 7,
  fee: '2224.30',
  amount: '1000.00',
  amount_capitals: '壹仟元整',
  paid_at: '2026-11-10T10:00:00+08:00',
  method: 'wechat',
  reference: '4200001234202611100001',
  outstanding: '1224.30',
};

const me: Me = { user_id: 9, username: 'h0101', role: 'household', company_id: null, household_id: 5 };

function answering(receipt: Receipt | Error) {
  setToken('token');
  return vi.spyOn(api, 'get').mockImplementation(async (path: string) => {
    if (path === '/api/v1/auth/me') return me;
    if (path === '/api/v1/payments/12/receipt') {
      if (receipt instanceof Error) throw receipt;
      return receipt;
    }
    throw new Error(`unexpected GET ${path}`);
  });
}

describe('ReceiptModal', () => {
  it('shows the receipt: number, amount in figures and capitals, reference, outstanding, payee', async () => {
    const get = answering(RECEIPT);
    renderPage(<ReceiptModal paymentId={12} onClose={() => {}} />, '/my/account');
    const receipt = await screen.findByTestId('receipt', undefined, SLOW);
    expect(get).toHaveBeenCalledWith('/api/v1/payments/12/receipt', undefined, expect.anything());
    expect(within(receipt).getByText('供热费收据')).toBeTruthy();
    expect(within(receipt).getByTestId('receipt-number').textContent).toContain('a-2026-00000012');
    expect(within(receipt).getByTestId('receipt-amount').textContent).toContain('¥1,000.00');
    expect(within(receipt).getByTestId('receipt-capitals').textContent).toContain('壹仟元整');
    expect(within(receipt).getByTestId('receipt-outstanding').textContent).toContain('¥1,224.30');
    expect(within(receipt).getByTestId('receipt-reference').textContent).toContain('4200001234202611100001');
    expect(within(receipt).getByTestId('receipt-method').textContent).toContain('微信');
    expect(within(receipt).getByTestId('receipt-season').textContent).toContain('2026–2027');
    expect(within(receipt).getByTestId('receipt-fee').textContent).toContain('¥2,224.30');
    expect(within(receipt).getByTestId('receipt-paidAt').textContent).toContain('2026-11-10 10:00');
    const payee = within(receipt).getByTestId('receipt-payee').textContent ?? '';
    for (const want of ['威海市文登区热力有限公司', '鲁供热证字第 0012 号']) expect(payee).toContain(want);

    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    fireEvent.click(screen.getByTestId('receipt-print'));
    expect(print).toHaveBeenCalled();
  });

  it('shows dashes for a payment without a fee or a reference', async () => {
    answering({ ...RECEIPT, fee_id: null, fee: null, outstanding: null, reference: '', licence_no: null, method: 'cash' });
    renderPage(<ReceiptModal paymentId={12} onClose={() => {}} />, '/my/account');
    const receipt = await screen.findByTestId('receipt', undefined, SLOW);
    expect(within(receipt).queryByTestId('receipt-fee')).toBeNull();
    expect(within(receipt).getByTestId('receipt-outstanding').textContent).toContain('—');
    expect(within(receipt).getByTestId('receipt-reference').textContent).toContain('—');
    expect(within(receipt).getByTestId('receipt-payee').textContent).toContain('—');
  });

  it('says not found when the server answers 404', async () => {
    answering(new ApiError(404, 'not_found', 'not found', 'id'));
    renderPage(<ReceiptModal paymentId={12} onClose={() => {}} />, '/my/account');
    expect(await screen.findByText('未找到该收据', undefined, SLOW)).toBeTruthy();
    expect(screen.queryByTestId('receipt')).toBeNull();
  });

  it("opens from a payment on 我的账户", async () => {
    const payment: Payment = { id: 12, household_id: 5, fee_id: 7, amount: 1000, paid_at: '2026-11-10T10:00:00+08:00', method: 'wechat', reference: '4200001234202611100001' };
    setToken('token');
    vi.spyOn(api, 'get').mockImplementation(async (path: string) => {
      if (path === '/api/v1/auth/me') return me;
      if (path === '/api/v1/households/5') throw new ApiError(500, 'internal', '服务器繁忙');
      if (path === '/api/v1/meter_readings') return { items: [], next_cursor: null };
      if (path === '/api/v1/payments') return { items: [payment], next_cursor: null };
      if (path === '/api/v1/contract_versions') return { items: [], next_cursor: null };
      if (path === '/api/v1/payments/12/receipt') return RECEIPT;
      throw new Error(`unexpected GET ${path}`);
    });
    renderPage(<MyAccount />, '/my/account');
    const card = await screen.findByTestId('my-payment', undefined, SLOW);
    expect(card.textContent).toContain('4200001234202611100001');
    fireEvent.click(within(card).getByTestId('my-payment-receipt'));
    const receipt = await screen.findByTestId('receipt', undefined, SLOW);
    expect(within(receipt).getByTestId('receipt-number').textContent).toContain('a-2026-00000012');
  });
});
