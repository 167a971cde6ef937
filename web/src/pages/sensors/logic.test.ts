import type { Alert } from '../../api/types';
import { alertsBySensor, lastHeardFromAlerts, readingRange, sensorStates, shiftRange } from './logic';

function alert(kind: Alert['kind'], sensor: string | null, details: Partial<Alert['details']> = {}): Alert {
  return { kind, company_id: 1, household_id: 7, household: 'WH-1', sensor_id: sensor ? 1 : null, sensor, details: { message: kind, ...details } };
}

describe('sensor alerts', () => {
  const list = [
    alert('unqualified', null, { date: '2026-12-02' }),
    alert('out-of-range', 'T1', { last_reading: '2026-12-03T09:00:00+08:00', last_value: 61 }),
    alert('silent', 'T1', { last_reading: '2026-11-24T23:50:00+08:00' }),
    alert('silent', 'T2', { last_reading: null }),
    alert('clock-skew', 'T3', { quarantined: 4 }),
  ];
  it('groups the sensor alerts by code, leaving out households', () => {
    const by = alertsBySensor(list);
    expect([...by.keys()].sort()).toEqual(['T1', 'T2', 'T3']);
    expect(by.get('T1')!.map((a) => a.kind)).toEqual(['out-of-range', 'silent']);
  });
  it('names the states most serious first, ok without alerts', () => {
    const by = alertsBySensor(list);
    expect(sensorStates(by.get('T1'))).toEqual(['silent', 'out-of-range']);
    expect(sensorStates(by.get('T3'))).toEqual(['clock-skew']);
    expect(sensorStates(undefined)).toEqual(['ok']);
  });
  it('tells when a sensor was last heard: a time, null for never, undefined when no alert says', () => {
    const by = alertsBySensor(list);
    expect(lastHeardFromAlerts(by.get('T1'))).toBe('2026-12-03T09:00:00+08:00');
    expect(lastHeardFromAlerts(by.get('T2'))).toBeNull();
    expect(lastHeardFromAlerts(by.get('T3'))).toBeUndefined();
    expect(lastHeardFromAlerts(undefined)).toBeUndefined();
  });
});

describe('readingRange', () => {
  it('ends on the day last heard, 7 days by default', () => {
    expect(readingRange(null, null, '2026-11-24T23:50:00+08:00', '2026-12-03')).toEqual({ from: '2026-11-18', to: '2026-11-24', span: 7 });
  });
  it('ends today without a last reading, and takes the span and end from the URL', () => {
    expect(readingRange(null, null, null, '2026-12-03')).toEqual({ from: '2026-11-27', to: '2026-12-03', span: 7 });
    expect(readingRange('31', '2026-11-30', null, '2026-12-03')).toEqual({ from: '2026-10-31', to: '2026-11-30', span: 31 });
    expect(readingRange('92', '2026-12-03', null, '2026-12-03').from).toBe('2026-09-03');
  });
  it('ignores a span it does not offer and an end in the future', () => {
    expect(readingRange('5', '2027-01-01', null, '2026-12-03')).toEqual({ from: '2026-11-27', to: '2026-12-03', span: 7 });
  });
  it('moves by whole spans, never past today', () => {
    const r = readingRange('7', '2026-11-24', null, '2026-12-03');
    expect(shiftRange(r, -1, '2026-12-03')).toBe('2026-11-17');
    expect(shiftRange(r, 1, '2026-12-03')).toBe('2026-12-01');
    expect(shiftRange(readingRange('7', '2026-11-30', null, '2026-12-03'), 1, '2026-12-03')).toBe('2026-12-03');
  });
});
