import { render, screen, within } from '@testing-library/react';
import type { EnergyFlags } from '../../api/types';
import { I18nProvider } from '../../i18n';
import FlagsPanel from './FlagsPanel';

vi.setConfig({ testTimeout: 30000 });
const flags: EnergyFlags = {
  season: 2026,
  from: '2026-11-01',
  to: '2026-12-02',
  threshold_days: 30,
  basis: 'W 6.2.2',
  companies: [
    { company_id: 2, company_code: 'rongcheng-heat', company_name: '荣成热力', from: '2026-11-01', to: '2026-12-02', threshold_days: 30, basis: 'W 6.2.2', reports: 64, missing_days: [], low_spells: [] },
    {
      company_id: 1,
      company_code: 'weihai-heat',
      company_name: '威海热电',
      from: '2026-11-01',
      to: '2026-12-02',
      threshold_days: 30,
      basis: 'W 6.2.2',
      reports: 31,
      missing_days: ['2026-11-20', '2026-11-21', '2026-11-22', '2026-11-27'],
      low_spells: [
        { fuel: 'coal', from: '2026-11-25', to: '2026-11-28', days: 4, min_reserve_days: 22.5 },
        { fuel: 'gas', from: '2026-12-01', to: '2026-12-02', days: 2, min_reserve_days: 27 },
      ],
    },
    { company_id: 3, company_code: 'wendeng-heat', company_name: '文登供热', from: '2026-11-01', to: '2026-12-02', threshold_days: 30, basis: 'W 6.2.2', reports: 30, missing_days: ['2026-11-05'], low_spells: [] },
  ],
};

function renderPanel(f: EnergyFlags = flags) {
  render(
    <I18nProvider locale="zh-CN">
      <FlagsPanel flags={f} />
    </I18nProvider>,
  );
}

describe('FlagsPanel', () => {
  it('puts the low reserve first (red), then the missing reports (amber), then the rest', () => {
    renderPanel();
    const cards = screen.getAllByTestId('energy-company-flags');
    expect(cards.map((c) => c.getAttribute('data-level'))).toEqual(['low', 'missing', 'ok']);
    expect(cards[0].textContent).toContain('weihai-heat 威海热电');
    expect(within(cards[0]).getByTestId('energy-flag-level').textContent).toBe('储备不足');
    expect(within(cards[1]).getByTestId('energy-flag-level').textContent).toBe('缺报日报');
    expect(within(cards[2]).getByTestId('energy-flag-level').textContent).toBe('正常');
    expect(document.body.textContent).toContain('不少于 30 天');
    expect(document.body.textContent).toContain('W 6.2.2');
  });

  it('shows the missing days as tags, consecutive ones merged', () => {
    renderPanel();
    const weihai = screen.getAllByTestId('energy-company-flags')[0];
    const tags = within(weihai).getByTestId('energy-missing').querySelectorAll('.ant-tag');
    expect([...tags].map((t) => t.textContent)).toEqual(['2026-11-20 至 2026-11-22（3 天）', '2026-11-27']);
    expect(weihai.textContent).toContain('缺报 4 天');
  });

  it('lists the low spells with fuel, dates and the lowest reserve, the one still running marked', () => {
    renderPanel();
    const rows = within(screen.getByTestId('energy-spells')).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual(['燃煤2026-11-25 至 2026-11-284 天22.5 天', '天然气2026-12-01 至 2026-12-02持续中2 天27.0 天']);
  });

  it('says so when the season has no company', () => {
    renderPanel({ ...flags, companies: [] });
    expect(document.body.textContent).toContain('本采暖季暂无可标记的企业');
  });
});
