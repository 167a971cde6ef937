import { screen, within } from '@testing-library/react';
import { api, setToken } from '../api/client';
import type { ContractVersion, Household, MeterReading, Payment } from '../api/types';
import type { Me } from '../auth';
import { translate } from '../i18n';
import { contractTerms, faultText } from './account/parts';
import { renderPage } from './bills/testing';
import MyAccount, { byPaidAt, bySeason } from './MyAccount';

// antd renders asynchronously; on a busy machine (a C++ build beside) it can take seconds.
const SLOW = { timeout: 8000 };
vi.setConfig({ testTimeout: 30000 });
afterEach(() => {
  vi.restoreAllMocks();
  setToken(null);
});

function home(over: Partial<Household> = {}): Household {
  return {
    id: 5,
    company_id: 1,
    partition_id: 2,
    code: 'WH-B0004-1-0102',
    address: '文登区龙山路 1 号 1-0102',
    area_m2: 85.55,
    floor: 1,
    orientation: 'sun',
    billing: 'meter',
    agreed_temp: 20,
    heating_status: 'heated',
    contract: { breach: '逾期缴费按日加收 0.3‰ 滞纳金', quality: '卧室、起居室不低于 18 °C', 编号: 'GR-2025-0102' } as unknown as Household['contract'],
    phone: '13812345678',
    ...over,
  };
}

const READINGS: MeterReading[] = [
  { id: 7, household_id: 5, season: 2024, heat: 30.5, read_on: '2025-03-20', fault: 'none' },
  { id: 9, household_id: 5, season: 2025, heat: 0, read_on: '2026-03-18', fault: 'damaged' },
];

const PAYMENTS: Payment[] = [
  { id: 11, household_id: 5, fee_id: 17, amount: 1000, paid_at: '2025-11-02T09:30:00+08:00', method: 'wechat' },
  { id: 12, household_id: 5, fee_id: 17, amount: 120.5, paid_at: '2026-11-01T10:00:00+08:00', method: 'offset' },
];

function signedIn(household: Household | Error, readings: MeterReading[], payments: Payment[], versions: ContractVersion[] = []) {
  const me: Me = { user_id: 9, username: 'h0102', role: 'household', company_id: null, household_id: 5 };
  setToken('token');
  return vi.spyOn(api, 'get').mockImplementation(async (path: string) => {
    if (path === '/api/v1/auth/me') return me;
    if (path === '/api/v1/households/5') {
      if (household instanceof Error) throw household;
      return household;
    }
    if (path === '/api/v1/meter_readings') return { items: readings, next_cursor: null };
    if (path === '/api/v1/payments') return { items: payments, next_cursor: null };
    if (path === '/api/v1/contract_versions') return { items: versions, next_cursor: null };
    throw new Error(`unexpected GET ${path}`);
  });
}

describe('MyAccount', () => {
  it("shows the household's contract, meter readings and payments, newest first", async () => {
    const get = signedIn(home(), READINGS, PAYMENTS, [{ id: 2, household_id: 5, valid_until: '2025-10-31', agreed_temp: 18, billing: 'area', contract: null }]);
    renderPage(<MyAccount />, '/my/account');
    const contract = await screen.findByTestId('my-contract', undefined, SLOW);
    expect(get).toHaveBeenCalledWith('/api/v1/meter_readings', { household_id: 5, limit: 50, cursor: undefined });
    expect(get).toHaveBeenCalledWith('/api/v1/payments', { household_id: 5, limit: 50, cursor: undefined });
    for (const want of ['WH-B0004-1-0102', '85.55 m²', '按热计量', '20.0 °C', '供热']) expect(contract.textContent).toContain(want);
    const terms = within(contract).getByTestId('my-contract-terms').textContent ?? '';
    // The documented terms with their labels, in their order; the company's own key as recorded.
    expect(terms.indexOf('供热质量')).toBeLessThan(terms.indexOf('违约责任'));
    for (const want of ['卧室、起居室不低于 18 °C', '逾期缴费按日加收 0.3‰ 滞纳金', '编号', 'GR-2025-0102']) expect(terms).toContain(want);

    const readings = await within(screen.getByTestId('my-readings')).findAllByTestId('my-reading', undefined, SLOW);
    expect(readings.map((r) => r.textContent?.slice(0, 9))).toEqual(['2025–2026', '2024–2025']);
    for (const want of ['表具损坏', '0.00 GJ', '2026-03-18', '热计量表故障，本采暖季按面积计费']) expect(readings[0].textContent).toContain(want);
    for (const want of ['正常', '30.50 GJ', '2025-03-20']) expect(readings[1].textContent).toContain(want);
    expect(within(readings[1]).queryByTestId('my-reading-by-area')).toBeNull();

    const payments = within(screen.getByTestId('my-payments')).getAllByTestId('my-payment');
    for (const want of ['¥120.50', '退费冲抵', '2026-11-01 10:00', '账单 #17']) expect(payments[0].textContent).toContain(want);
    for (const want of ['¥1,000.00', '微信', '2025-11-02 09:30']) expect(payments[1].textContent).toContain(want);

    // The terms before the last change (R-ACCT-1), asked for its own household.
    expect(get).toHaveBeenCalledWith('/api/v1/contract_versions', { household_id: 5, limit: 100 }, expect.anything());
    const [kept] = await within(screen.getByTestId('contract-versions')).findAllByTestId('contract-version', undefined, SLOW);
    expect(kept.textContent).toBe('2025-10-3118.0 °C按面积');
  });

  it('says when nothing is recorded: no agreed temperature, no terms, no readings, no payments', async () => {
    signedIn(home({ agreed_temp: null, contract: null, billing: 'area' }), [], []);
    renderPage(<MyAccount />, '/my/account');
    const contract = await screen.findByTestId('my-contract', undefined, SLOW);
    expect(contract.textContent).toContain('未约定');
    expect(within(contract).getByTestId('my-contract-no-terms').textContent).toBe('未登记合同条款');
    await screen.findByText('暂无热计量表读数', undefined, SLOW);
    await screen.findByText('暂无缴费记录', undefined, SLOW);
    await within(screen.getByTestId('contract-versions')).findByText('合同未变更过', undefined, SLOW);
  });

  it("shows the household record's error and still the lists", async () => {
    signedIn(new Error('服务器繁忙'), READINGS, []);
    renderPage(<MyAccount />, '/my/account');
    await screen.findByText('服务器繁忙', undefined, SLOW);
    expect(screen.queryByTestId('my-contract')).toBeNull();
    expect(await screen.findAllByTestId('my-reading', undefined, SLOW)).toHaveLength(2);
  });

  it('orders and names things as the page shows them', () => {
    expect(bySeason(READINGS).map((r) => r.id)).toEqual([9, 7]);
    expect(byPaidAt(PAYMENTS).map((p) => p.id)).toEqual([12, 11]);
    const t = (k: Parameters<typeof translate>[1], v?: Record<string, string | number>) => translate('en', k, v);
    expect(faultText(t, 'unfiled-replacement')).toBe('Replaced without filing');
    expect(faultText(t, 'something-new')).toBe('something-new');
    expect(contractTerms(t, { period: '2025-11-15 至 2030-03-15', extra: { a: 1 }, empty: '' })).toEqual([
      { key: 'period', label: 'Period', text: '2025-11-15 至 2030-03-15' },
      { key: 'extra', label: 'extra', text: '{"a":1}' },
    ]);
    expect(contractTerms(t, null)).toEqual([]);
    expect(contractTerms(t, ['x'])).toEqual([]);
  });
});
