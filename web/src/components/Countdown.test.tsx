import { render, screen } from '@testing-library/react';
import { I18nProvider } from '../i18n';
import Countdown from './Countdown';
import { deadlineState } from './deadline';

const from = '2026-01-05T00:00:00+08:00';
const due = '2026-01-05T10:00:00+08:00'; // ten hours
const at = (hhmm: string) => Date.parse(`2026-01-05T${hhmm}:00+08:00`);

describe('deadlineState', () => {
  it('is ok before 75 % of the time is used', () => {
    expect(deadlineState(from, due, at('07:29')).kind).toBe('ok');
  });
  it('turns amber at 75 %', () => {
    expect(deadlineState(from, due, at('07:30')).kind).toBe('warning');
    expect(deadlineState(from, due, at('09:59')).kind).toBe('warning');
  });
  it('turns red once past due', () => {
    expect(deadlineState(from, due, at('10:00')).kind).toBe('warning');
    expect(deadlineState(from, due, at('10:01')).kind).toBe('overdue');
  });
  it('is done once met, even late', () => {
    expect(deadlineState(from, due, at('11:00'), '2026-01-05T10:30:00+08:00').kind).toBe('met');
  });
});

describe('Countdown', () => {
  it('shows the time left and the due time', () => {
    render(
      <I18nProvider locale="zh-CN">
        <Countdown from={from} due={due} now={at('06:47') + 30_000} />
      </I18nProvider>,
    );
    const el = screen.getByTestId('countdown');
    expect(el.textContent).toBe('剩余 3 小时 12 分 · 截止 2026-01-05 10:00');
    expect(el.getAttribute('data-state')).toBe('ok');
  });
  it('is amber at 75 % and red when overdue', () => {
    const { rerender } = render(
      <I18nProvider locale="zh-CN">
        <Countdown from={from} due={due} now={at('08:00')} />
      </I18nProvider>,
    );
    expect(screen.getByTestId('countdown').getAttribute('data-state')).toBe('warning');
    expect(screen.getByTestId('countdown').className).toContain('ant-typography-warning');
    rerender(
      <I18nProvider locale="zh-CN">
        <Countdown from={from} due={due} now={at('11:05')} />
      </I18nProvider>,
    );
    const el = screen.getByTestId('countdown');
    expect(el.getAttribute('data-state')).toBe('overdue');
    expect(el.className).toContain('ant-typography-danger');
    expect(el.textContent).toBe('已超时 1 小时 5 分 · 截止 2026-01-05 10:00');
  });
  it('speaks English too', () => {
    render(
      <I18nProvider locale="en">
        <Countdown from={from} due={due} now={at('06:47') + 30_000} />
      </I18nProvider>,
    );
    expect(screen.getByTestId('countdown').textContent).toBe('3 h 12 min left · due 2026-01-05 10:00');
  });
});
