import {
  addDays,
  beijingToday,
  formatDate,
  formatDateTime,
  formatFen,
  formatPercent,
  formatTemp,
  formatYuan,
  MISSING,
  splitDuration,
} from './format';

describe('money', () => {
  it('shows fen as yuan with two decimals and the ¥ sign', () => {
    expect(formatFen(123456)).toBe('¥1,234.56');
    expect(formatFen(5)).toBe('¥0.05');
    expect(formatFen(0)).toBe('¥0.00');
    expect(formatFen(-250)).toBe('-¥2.50');
    expect(formatFen(123456789)).toBe('¥1,234,567.89');
    expect(formatFen(null)).toBe(MISSING);
  });
  it('shows yuan with two decimals, without binary noise', () => {
    expect(formatYuan(1234.5)).toBe('¥1,234.50');
    expect(formatYuan(0.1 + 0.2)).toBe('¥0.30');
    expect(formatYuan(undefined)).toBe(MISSING);
  });
});

describe('temperatures', () => {
  it('have one decimal and °C', () => {
    expect(formatTemp(18)).toBe('18.0 °C');
    expect(formatTemp(17.95)).toBe('18.0 °C');
    expect(formatTemp(17.94)).toBe('17.9 °C');
    expect(formatTemp(-3.25)).toBe('-3.3 °C');
    expect(formatTemp(-0.01)).toBe('0.0 °C');
    expect(formatTemp(null)).toBe(MISSING);
  });
});

describe('percentages', () => {
  it('drop needless decimals', () => {
    expect(formatPercent(20)).toBe('20%');
    expect(formatPercent(12.5)).toBe('12.5%');
    expect(formatPercent(33.3333)).toBe('33.3%');
    expect(formatPercent(undefined)).toBe(MISSING);
  });
});

describe('dates and times are Beijing time, 24-hour', () => {
  it('formats an RFC 3339 time with +08:00 as given', () => {
    expect(formatDateTime('2026-01-05T23:59:00+08:00')).toBe('2026-01-05 23:59');
    expect(formatDateTime('2026-01-05T23:59:07+08:00', true)).toBe('2026-01-05 23:59:07');
  });
  it('moves a UTC time to Beijing', () => {
    expect(formatDateTime('2026-01-05T16:30:00Z')).toBe('2026-01-06 00:30');
    expect(formatDate('2026-01-05T16:30:00Z')).toBe('2026-01-06');
  });
  it('keeps a bare date', () => {
    expect(formatDate('2026-03-15')).toBe('2026-03-15');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });
  it("knows Beijing's today", () => {
    expect(beijingToday(Date.parse('2026-12-02T17:00:00Z'))).toBe('2026-12-03');
  });
  it('shows a missing or unreadable value plainly', () => {
    expect(formatDateTime(null)).toBe(MISSING);
    expect(formatDateTime('not a time')).toBe('not a time');
  });
});

describe('durations', () => {
  it('split into days, hours and minutes', () => {
    expect(splitDuration((3 * 60 + 12) * 60000 + 59000)).toEqual({ days: 0, hours: 3, minutes: 12 });
    expect(splitDuration(-(26 * 60 + 5) * 60000)).toEqual({ days: 1, hours: 2, minutes: 5 });
  });
});
