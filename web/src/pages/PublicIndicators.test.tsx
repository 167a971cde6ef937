import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { MemoryRouter } from 'react-router-dom';
import { setToken } from '../api/client';
import type { IndicatorPublication, PublishedIndicator } from '../api/types';
import App from '../App';
import { AuthProvider } from '../auth';
import { I18nProvider } from '../i18n';
import PublicIndicators from './PublicIndicators';

vi.setConfig({ testTimeout: 30000 });

const indicator = (rule: PublishedIndicator['rule'], over: Partial<PublishedIndicator> = {}): PublishedIndicator => ({
  rule,
  name: rule,
  numerator: 2,
  denominator: 3,
  value: 0.6667,
  display: '66.67%',
  target_per_mille: 990,
  target_kind: 'at-least',
  target_basis: 'W 14.4 table 1',
  status: 'not-met',
  records: 3,
  ...over,
});

// As the public route answers: no published_by, no records_url.
const publication: IndicatorPublication = {
  id: 7,
  company_id: 1,
  company_code: 'weihai-heat',
  company_name: '威海热电',
  month: '2026-11',
  policy: 'weihai',
  published_at: '2026-12-01T09:00:00+08:00',
  indicators: [
    indicator('R-KPI-S', { numerator: 35, denominator: 100000, value: 0.00035, display: '0.35‰', target_per_mille: 2, target_kind: 'at-most', status: 'met' }),
    indicator('R-KPI-Q', { numerator: 3, denominator: 3, value: 1, display: '100.00%', target_per_mille: 1000, status: 'met' }),
    indicator('R-KPI-C', { numerator: 29, denominator: 30, value: 0.9667, display: '96.67%' }),
    indicator('R-KPI-P', { numerator: 0, denominator: 0, value: null, display: 'n/a', target_per_mille: 1000, status: 'not-applicable' }),
    indicator('R-KPI-B', { target_per_mille: 900 }),
  ],
};

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/** fetch as the server answers it: the public list for anyone, the rest only with a session. */
function mockFetch() {
  const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const url = String(input);
    if (url.startsWith('/api/v1/public/indicators')) return json({ items: [publication], next_cursor: null });
    return json({ error: { code: 'unauthenticated', message: 'sign in' } }, 401);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function headersOf(call: unknown[]): Record<string, string> {
  return ((call[1] as RequestInit | undefined)?.headers ?? {}) as Record<string, string>;
}

afterEach(() => {
  vi.unstubAllGlobals();
  setToken(null);
});

describe('PublicIndicators', () => {
  it("lists the published figures without sending the session's token", async () => {
    // Someone signed in on this browser: the public page still asks without the token.
    setToken('secret-token');
    const fetchMock = mockFetch();
    render(
      <MemoryRouter initialEntries={['/public/indicators?company=weihai-heat']} future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
        <I18nProvider locale="zh-CN">
          <PublicIndicators />
        </I18nProvider>
      </MemoryRouter>,
    );
    const card = await screen.findByTestId('public-publication', undefined, { timeout: 8000 });
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const call = fetchMock.mock.calls[0] as unknown[];
    expect(call[0]).toBe('/api/v1/public/indicators?company=weihai-heat&limit=20');
    expect(headersOf(call).Authorization).toBeUndefined();
    expect(JSON.stringify(headersOf(call))).not.toContain('secret-token');

    const text = card.textContent ?? '';
    for (const want of ['威海热电（weihai-heat）· 2026-11', '发布于 2026-12-01 09:00', '运行事故率', '抢修响应率', '室温合格率', '投诉处理过程满意率', '投诉结果满意率', '0.35‰', '≤ 2‰', '≥ 99%', '≥ 90%', '96.67%', 'W 14.4 table 1']) {
      expect(text).toContain(want);
    }
    const statuses = within(card)
      .getAllByTestId('indicator-status')
      .map((tag) => tag.textContent);
    expect(statuses).toEqual(['达标', '达标', '未达标', '不适用', '未达标']);
    // A month without complaints shows no figure.
    const p = within(card).getAllByTestId('indicator-card')[3];
    expect(p.textContent).toContain('—');
    expect(p.textContent).not.toContain('n/a');
    expect(document.body.textContent).toContain('发布后不再更改');
  });

  it('opens without signing in, from a deep link or from the sign-in page', async () => {
    const fetchMock = mockFetch();
    render(
      <I18nProvider locale="zh-CN">
        <AntApp>
          <AuthProvider>
            <MemoryRouter initialEntries={['/work-orders']} future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
              <App />
            </MemoryRouter>
          </AuthProvider>
        </AntApp>
      </I18nProvider>,
    );
    // Nobody is signed in: a console page shows the sign-in, with the discreet link.
    const link = await screen.findByTestId('login-public-link', undefined, { timeout: 8000 });
    expect(link.textContent).toBe('服务质量公示');
    fireEvent.click(link);
    await screen.findByTestId('public-publication', undefined, { timeout: 8000 });
    expect(screen.getByText('供热服务质量指标公示')).toBeTruthy();
    expect(document.getElementById('username')).toBeNull();
    await waitFor(() => expect(fetchMock).toHaveBeenCalled());
    for (const call of fetchMock.mock.calls as unknown[][]) expect(headersOf(call).Authorization).toBeUndefined();
  });
});
