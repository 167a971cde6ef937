import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { api, setToken } from '../../api/client';
import type { Finding } from '../../api/types';
import { AuthProvider, type Me, type Role } from '../../auth';
import { I18nProvider } from '../../i18n';
import HouseholdFindings from './HouseholdFindings';

const SLOW = { timeout: 8000 };
vi.setConfig({ testTimeout: 30000 });
afterEach(() => {
  vi.restoreAllMocks();
  setToken(null);
});

const FINDING: Finding = {
  id: 3,
  company_id: 1,
  household_id: 5,
  kind: 'added-radiators',
  description: '主卧私自增加散热器 2 组',
  photos: ['IMG_0001.jpg', 'https://files.example.cn/f/3.jpg'],
  found_by: '王师傅',
  found_at: '2026-12-01T10:00:00+08:00',
  valid_from: '2026-12-01',
  valid_to: '2027-03-15',
  state: 'open',
  effective: true,
  actions: ['acknowledge', 'dispute'],
  history: [{ action: 'record', state: 'open', actor: 'tech1', role: 'technician', note: '', at: '2026-12-01T10:05:00+08:00' }],
  created_by: 'tech1',
  created_at: '2026-12-01T10:05:00+08:00',
};

function signedIn(role: Role, findings: Finding[]) {
  const me: Me = { user_id: 9, username: role === 'household' ? 'h0102' : 'mgr', role, company_id: role === 'household' ? null : 1, household_id: role === 'household' ? 5 : null };
  setToken('token');
  return vi.spyOn(api, 'get').mockImplementation(async (path: string) => {
    if (path === '/api/v1/auth/me') return me;
    if (path === '/api/v1/findings') return { items: findings, next_cursor: null };
    throw new Error(`unexpected GET ${path}`);
  });
}

function renderSection(props: { compact?: boolean; hideWhenEmpty?: boolean } = {}) {
  render(
    <I18nProvider locale="zh-CN">
      <AntApp>
        <AuthProvider>
          <HouseholdFindings householdId={5} {...props} />
        </AuthProvider>
      </AntApp>
    </I18nProvider>,
  );
}

describe('HouseholdFindings', () => {
  it("shows the household its finding, and a dispute turns it to 有异议 without the actions", async () => {
    const get = signedIn('household', [FINDING]);
    const disputed: Finding = {
      ...FINDING,
      state: 'disputed',
      effective: false,
      actions: [],
      history: [...(FINDING.history ?? []), { action: 'dispute', state: 'disputed', actor: 'h0102', role: 'household', note: '散热器是原装的', at: '2026-12-02T09:00:00+08:00' }],
    };
    const post = vi.spyOn(api, 'post').mockResolvedValue(disputed);
    renderSection({ compact: true, hideWhenEmpty: true });
    const card = await screen.findByTestId('finding-card', undefined, SLOW);
    expect(get).toHaveBeenCalledWith('/api/v1/findings', { household: 5, limit: 20, cursor: undefined });
    const text = card.textContent ?? '';
    for (const want of ['私自增加散热器', '#3', '待确认', '2026-12-01 至 2027-03-15', '计入（不退室温部分）', '王师傅 于 2026-12-01 10:00 发现', '主卧私自增加散热器 2 组', 'IMG_0001.jpg', '登记认定', 'tech1（技术员）']) {
      expect(text).toContain(want);
    }
    expect(within(card).getByRole('link', { name: 'https://files.example.cn/f/3.jpg' }).getAttribute('href')).toBe('https://files.example.cn/f/3.jpg');
    expect(document.body.textContent).toContain('有 1 项认定等待您处理');
    expect(document.body.textContent).toContain('请点“提出异议”');
    expect(screen.queryByTestId('finding-record')).toBeNull();
    expect(screen.getByTestId('finding-acknowledge')).toBeTruthy();

    fireEvent.click(screen.getByTestId('finding-dispute'));
    fireEvent.change(await screen.findByLabelText('异议理由'), { target: { value: '散热器是原装的' } });
    fireEvent.click(screen.getByTestId('finding-action-submit'));
    await waitFor(() => expect(screen.getByTestId('finding-state').textContent).toBe('有异议'), SLOW);
    expect(post).toHaveBeenCalledWith('/api/v1/findings/3/actions', { action: 'dispute', note: '散热器是原装的' });
    expect(screen.queryByTestId('finding-acknowledge')).toBeNull();
    expect(screen.queryByTestId('finding-dispute')).toBeNull();
    expect(screen.getByTestId('finding-card').textContent).toContain('住户提出异议');
    expect(screen.getByTestId('finding-card').textContent).toContain('不计入');
  });

  it("shows the household nothing while it has no finding", async () => {
    const get = signedIn('household', []);
    renderSection({ compact: true, hideWhenEmpty: true });
    await waitFor(() => expect(get).toHaveBeenCalledWith('/api/v1/findings', expect.anything()), SLOW);
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByTestId('findings')).toBeNull();
  });

  it('lets a manager record one and withdraw one as the finding offers', async () => {
    signedIn('manager', [{ ...FINDING, state: 'acknowledged', actions: ['withdraw'] }]);
    renderSection();
    await screen.findByTestId('finding-card', undefined, SLOW);
    await waitFor(() => expect(screen.getByTestId('finding-record')).toBeTruthy(), SLOW);
    expect(screen.getByTestId('finding-withdraw').textContent).toContain('撤回认定');
    expect(screen.queryByTestId('finding-acknowledge')).toBeNull();
    expect(document.body.textContent).toContain('在监管部门维持前不计入');
  });
});
