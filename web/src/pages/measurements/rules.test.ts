import { checkMeasurement, formPath, parseBeijing, problemsOf, toRfc3339, type MeasurementValues } from './rules';

const good: MeasurementValues = {
  household_id: 1,
  room: '主卧',
  instrument: 'digital-thermometer',
  resolution: 0.1,
  system_running: true,
  environment: '晴',
  closed_minutes: 30,
  readings: [
    { at: '2026-01-05 10:00:00', value: 17.2 },
    { at: '2026-01-05 10:03:00', value: 17.3 },
    { at: '2026-01-05 10:06:20', value: 17.1 },
  ],
  radiators_uncovered: true,
  shielded: true,
  at_room_centre: true,
  height_cm: 150,
  inspector_still: true,
};

describe('R-TEMP-4 checks', () => {
  it('passes a measurement that keeps every rule', () => {
    expect(checkMeasurement(good)).toEqual([]);
  });
  it('names each broken rule by its check, in the server order', () => {
    const bad = { ...good, resolution: 0.5, closed_minutes: 20, height_cm: 120, inspector_still: false };
    expect(checkMeasurement(bad).map((p) => p.check)).toEqual(['resolution', 'doors-closed', 'height', 'inspector']);
  });
  it('checks the gap between readings: 3 min ± 30 s, in order', () => {
    const late = { ...good, readings: [good.readings![0], good.readings![1], { at: '2026-01-05 10:07:00', value: 17 }] };
    expect(problemsOf('readings', late).map((p) => [p.check, p.vars])).toEqual([['gap', { i: 2, j: 3, apart: 240, gap: 180, tol: 30 }]]);
    const backwards = { ...good, readings: [good.readings![1], good.readings![0], good.readings![2]] };
    expect(problemsOf('readings', backwards)[0].check).toBe('gap');
  });
  it('wants three readings from a thermometer', () => {
    expect(problemsOf('readings', { ...good, readings: good.readings!.slice(0, 2) })[0].check).toBe('readings');
  });
  it('checks an infrared gun by its wall points, not by height or centre', () => {
    const gun: MeasurementValues = {
      ...good,
      instrument: 'infrared-gun',
      height_cm: null,
      at_room_centre: false,
      readings: [
        { at: '2026-01-05 10:00:00', value: 17, point: 'upper' },
        { at: '2026-01-05 10:00:30', value: 17, point: 'middle' },
        { at: '2026-01-05 10:01:00', value: 17, point: 'middle' },
      ],
      cold_outer_wall: true,
    };
    expect(checkMeasurement(gun).map((p) => p.check)).toEqual(['wall-points', 'cold-wall']);
  });
  it('keeps the height within 1.5 m ± 0.1 m', () => {
    expect(problemsOf('height_cm', { ...good, height_cm: 160 })).toEqual([]);
    expect(problemsOf('height_cm', { ...good, height_cm: 161 })[0].vars).toEqual({ got: 161, h: 150, tol: 10 });
  });
});

describe('times and fields', () => {
  it('reads typed times as Beijing time', () => {
    expect(parseBeijing('2026-01-05 10:00')).toBe(Date.parse('2026-01-05T02:00:00Z'));
    expect(Number.isNaN(parseBeijing('10:00'))).toBe(true);
    expect(toRfc3339('2026-01-05 10:00')).toBe('2026-01-05T10:00:00+08:00');
  });
  it("maps the server's field names to form paths", () => {
    expect(formPath('readings[1].at')).toEqual(['readings', 1, 'at']);
    expect(formPath('room')).toEqual(['room']);
    expect(formPath('signature_record.at')).toEqual(['signature_at']);
  });
});
