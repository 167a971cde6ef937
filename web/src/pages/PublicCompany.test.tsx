import { render, screen, waitFor, within } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { MemoryRouter } from 'react-router-dom';
import { setToken } from '../api/client';
import type { PublicCompanyInfo } from '../api/types';
import App from '../App';
import { AuthProvider } from '../auth';
import { I18nProvider } from '../i18n';

vi.setConfig({ testTimeout: 30000 });

// As GET /api/v1/public/companies/weihai-heat answers (public_info.cpp, InfoJson).
const INFO: PublicCompanyInfo = {
  company: { code: 'weihai-heat', name: '威海热电集团有限公司', licence_no: '威供热许字第001号' },
  policy: 'weihai',
  contacts: [
    { kind: 'hotline', name: '24小时客服热线', phone: '0631-5201234', address: null, hours: '全天24小时' },
    { kind: 'repair', name: '抢修电话', phone: '0631-5209999', address: null, hours: null },
    { kind: 'hall', name: '环翠营业厅', phone: '0631-5200001', address: '威海市环翠区新威路 1 号', hours: '8:30—17:30' },
  ],
  season: 2026,
  seasons: [
    { district_code: '371002', district_name: '环翠区', official_start: '2026-11-15', official_end: '2027-03-31', early_start: '2026-11-10', extension_end: null, decided: true },
    { district_code: '371003', district_name: '文登区', official_start: '2026-11-15', official_end: '2027-03-31', early_start: null, extension_end: null, decided: false },
  ],
  prices: [{ name: '居民住宅（按面积）', billing: 'area', price: '22.50', unit: '元/平方米·采暖季', valid_from: '2025-11-15', valid_to: null, approval: '威价发〔2025〕8号' }],
  payment_methods: [
    { method: 'cash', name: '营业厅现金' },
    { method: 'wechat', name: '微信' },
  ],
  procedures: [{ key: 'insurance-payout', title: '保险理赔支付', text: '双方就赔偿数额达成一致后30个工作日内支付', basis: 'W 13.5' }],
  standards: [{ key: 'guarantee', title: '室内温度', text: '供热期间卧室、起居室室内温度不低于18.0 °C', basis: 'W 7.1' }],
  rights: [{ key: 'refund.tier-1', title: '室温不达标退费', text: '室温低于18.0 °C的日子，退还当日热费的20%', basis: 'W 8.2' }],
  duties: [{ key: 'no-alteration', title: '不得擅自改动供热设施', text: '用户不得擅自改装、拆除供热设施', basis: 'W 12.3' }],
};

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

function mockFetch() {
  const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const url = String(input);
    if (url === '/api/v1/public/companies/weihai-heat') return json(INFO);
    if (url.startsWith('/api/v1/public/companies/')) return json({ error: { code: 'not_found', message: 'no company nowhere' } }, 404);
    if (url.startsWith('/api/v1/public/indicators')) return json({ items: [], next_cursor: null });
    return json({ error: { code: 'unauthenticated', message: 'sign in' } }, 401);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function headersOf(call: unknown[]): Record<string, string> {
  return ((call[1] as RequestInit | undefined)?.headers ?? {}) as Record<string, string>;
}

function renderAt(url: string) {
  render(
    <I18nProvider locale="zh-CN">
      <AntApp>
        <AuthProvider>
          <MemoryRouter initialEntries={[url]} future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
            <App />
          </MemoryRouter>
        </AuthProvider>
      </AntApp>
    </I18nProvider>,
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
  setToken(null);
});

describe('PublicCompany', () => {
  it("shows a company's public information by section, without the session's token", async () => {
    // Someone signed in on this browser: the public page still asks without the token.
    setToken('secret-token');
    const fetchMock = mockFetch();
    renderAt('/public/weihai-heat');
    const procedures = await screen.findByTestId('public-procedures', undefined, { timeout: 8000 });
    const call = fetchMock.mock.calls.find((c) => String(c[0]).startsWith('/api/v1/public/companies/')) as unknown[];
    expect(call[0]).toBe('/api/v1/public/companies/weihai-heat');
    expect(headersOf(call).Authorization).toBeUndefined();
    expect(document.getElementById('username')).toBeNull();

    expect(screen.getByRole('heading', { name: '威海热电集团有限公司' })).toBeTruthy();
    expect(screen.getByTestId('public-company-head').textContent).toContain('威供热许字第001号');
    const contacts = screen.getByTestId('public-contacts').textContent ?? '';
    for (const want of ['服务电话与营业网点', '客服热线', '0631-5201234', '抢修电话', '营业厅', '威海市环翠区新威路 1 号', '8:30—17:30']) expect(contacts).toContain(want);
    expect(within(screen.getByTestId('public-contacts')).getByRole('link', { name: '0631-5209999' }).getAttribute('href')).toBe('tel:06315209999');
    const seasons = screen.getAllByTestId('public-season').map((s) => s.textContent ?? '');
    expect(screen.getByTestId('public-seasons').textContent).toContain('2026—2027 年采暖季');
    expect(seasons[0]).toContain('环翠区');
    expect(seasons[0]).toContain('正式供热：2026-11-15 至 2027-03-31');
    expect(seasons[0]).toContain('提前供热：2026-11-10');
    expect(seasons[0]).toContain('区县已决定');
    expect(seasons[1]).toContain('以政府公布为准');
    const prices = screen.getByTestId('public-prices').textContent ?? '';
    for (const want of ['收费标准与缴费方式', '居民住宅（按面积）', '22.50 元/平方米·采暖季', '2025-11-15 起', '威价发〔2025〕8号', '营业厅现金', '微信']) expect(prices).toContain(want);
    expect(procedures.textContent).toContain('办理流程与时限');
    expect(procedures.textContent).toContain('双方就赔偿数额达成一致后30个工作日内支付');
    const basis = within(procedures).getByText('依据：W 13.5');
    expect(basis.className).toContain('ant-typography-secondary');
    expect(screen.getByTestId('public-standards').textContent).toContain('供热质量标准室内温度');
    expect(screen.getByTestId('public-rights').textContent).toContain('用户权利');
    expect(screen.getByTestId('public-duties').textContent).toContain('双方义务');
    expect(screen.getByRole('link', { name: '服务质量指标公示' }).getAttribute('href')).toBe('/public/indicators?company=weihai-heat');
  });

  it('says so when no company has the code', async () => {
    mockFetch();
    renderAt('/public/nowhere');
    const none = await screen.findByTestId('public-company-not-found', undefined, { timeout: 8000 });
    expect(none.textContent).toContain('未找到该供热企业');
    expect(none.textContent).toContain('nowhere');
    expect(document.getElementById('username')).toBeNull();
  });

  it('leaves /public/indicators to the indicators page', async () => {
    const fetchMock = mockFetch();
    renderAt('/public/indicators');
    await screen.findByText('供热服务质量指标公示', undefined, { timeout: 8000 });
    await waitFor(() => expect(fetchMock).toHaveBeenCalled());
    for (const call of fetchMock.mock.calls) expect(String(call[0])).not.toContain('/public/companies/');
  });
});
