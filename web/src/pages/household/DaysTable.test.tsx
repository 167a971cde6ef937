import { fireEvent, render, screen } from '@testing-library/react';
import type { JudgedDay } from '../../api/types';
import { I18nProvider } from '../../i18n';
import DaysTable from './DaysTable';

vi.setConfig({ testTimeout: 30000 });
const day = (date: string, over: Partial<JudgedDay>): JudgedDay => ({
  date,
  value: 16.2,
  guarantee: 18,
  status: 'unqualified',
  share_percent: 0,
  reason: '',
  in_season: true,
  extra_day: false,
  outdoor_mean: null,
  evidence: { source: 'remote', room: '主卧', rooms: [] },
  outage_hours: 0,
  finding_id: null,
  ...over,
});

const DAYS = [
  day('2026-12-03', { share_percent: 100, outage_hours: 14, reason: '企业原因停热 14 小时，按未供热退 100%' }),
  day('2026-12-02', { finding_id: 3, reason: '住户原因认定 #3：不退室温部分' }),
  day('2026-12-01', { status: 'qualified', value: 18.5, reason: '达标' }),
];

function renderTable(compact?: boolean) {
  render(
    <I18nProvider locale="zh-CN">
      <DaysTable days={DAYS} compact={compact} />
    </I18nProvider>,
  );
}

describe('DaysTable', () => {
  it("marks a day's company-caused stop and household-caused finding beside its reason", () => {
    renderTable();
    const marks = screen.getAllByTestId('day-marks').map((m) => m.textContent);
    expect(marks).toEqual(['停热 14 小时', '住户原因 #3']);
    expect(screen.getByText('住户原因 #3').getAttribute('title')).toContain('R-REFUND-4');
  });

  it('shows them in the expanded row on a phone', () => {
    renderTable(true);
    expect(screen.queryAllByTestId('day-marks')).toHaveLength(0);
    for (const button of screen.getAllByRole('button', { name: /展开行|expand/i })) fireEvent.click(button);
    expect(screen.getAllByTestId('day-marks').map((m) => m.textContent)).toEqual(['停热 14 小时', '住户原因 #3']);
  });
});
