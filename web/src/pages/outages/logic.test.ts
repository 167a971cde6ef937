import dayjs from 'dayjs';
import type { OutageObligation } from '../../api/types';
import {
  beijingRfc3339,
  beijingWallMinute,
  canRecord,
  endBody,
  formatArea,
  formPathOf,
  listQuery,
  NOTICE_FIELDS,
  noticeBody,
  noticeStatus,
  outageActions,
  outageNoticeOf,
  outagePhase,
  pickedMs,
  pickedRfc3339,
  readFilters,
  RECORD_FIELDS,
  recordBody,
  scopeCounts,
  scopeGiven,
  scopeRefs,
  writeFilters,
  type NoticeStatus,
} from './logic';

const ob = (
  state: OutageObligation['state'],
  duty: OutageObligation['duty'] = 'advance',
): OutageObligation => ({
  duty,
  due: '2026-01-05T10:00:00+08:00',
  basis: 'platform default (Z 2.4)',
  calendar_incomplete: false,
  state,
  met_at: state === 'met' || state === 'late' ? '2026-01-05T09:00:00+08:00' : null,
  announced_end: null,
});

describe('noticeStatus', () => {
  const rows: Array<[string, OutageObligation[], boolean, NoticeStatus]> = [
    ['all met in time', [ob('met')], false, 'on_time'],
    ['met, and an overrun met', [ob('met'), ob('met', 'overrun')], false, 'on_time'],
    ['one still due', [ob('pending', 'emergency')], false, 'pending'],
    ['one past due, not notified', [ob('overdue', 'emergency')], true, 'late'],
    ['one notified late', [ob('late')], true, 'late'],
    ['overdue beats pending', [ob('pending'), ob('overdue', 'overrun')], true, 'late'],
    ['pending beats late (the action still to take)', [ob('late'), ob('pending', 'overrun')], true, 'pending'],
    ['late beats met', [ob('met'), ob('late', 'overrun')], true, 'late'],
    ['no obligations', [], false, 'none'],
    ['no obligations, but the server says late', [], true, 'late'],
  ];
  it.each(rows)('%s', (_name, obligations, late, want) => {
    expect(noticeStatus({ obligations, notice_late: late })).toBe(want);
  });
});

describe('outagePhase', () => {
  const now = Date.parse('2026-01-05T10:00:00+08:00');
  it.each([
    ['not started', { start: '2026-01-05T11:00:00+08:00', actual_end: null }, 'scheduled'],
    ['started', { start: '2026-01-05T09:00:00+08:00', actual_end: null }, 'ongoing'],
    ['starting now', { start: '2026-01-05T10:00:00+08:00', actual_end: null }, 'ongoing'],
    ['ended', { start: '2026-01-05T08:00:00+08:00', actual_end: '2026-01-05T09:00:00+08:00' }, 'ended'],
  ] as const)('%s', (_name, o, want) => {
    expect(outagePhase(o, now)).toBe(want);
  });
});

describe('who may act', () => {
  it.each([
    ['admin', true],
    ['manager', true],
    ['agent', true],
    ['technician', false],
    ['regulator', false],
    ['household', false],
    [undefined, false],
  ] as const)('%s records: %s', (role, want) => {
    expect(canRecord(role)).toBe(want);
    expect(outageActions(role, { actual_end: null })).toEqual(want ? ['notice', 'end'] : []);
  });
  it('offers nothing once the stop has ended', () => {
    expect(outageActions('manager', { actual_end: '2026-01-05T10:00:00+08:00' })).toEqual([]);
  });
});

describe('Beijing times as RFC 3339', () => {
  it.each([
    ['2026-01-05 10:00', '2026-01-05T10:00:00+08:00'],
    ['2026-01-05 10:00:07', '2026-01-05T10:00:07+08:00'],
    ['2026-01-05T23:59', '2026-01-05T23:59:00+08:00'],
    [' 2026-12-31 00:00 ', '2026-12-31T00:00:00+08:00'],
    ['2026-01-05', null],
    ['2026-13-05 10:00', null],
    ['2026-01-05 24:00', null],
    ['10:00', null],
    ['', null],
    [undefined, null],
  ] as const)('%s → %s', (wall, want) => {
    expect(beijingRfc3339(wall)).toBe(want);
  });
  it('reads a picker value as Beijing wall clock, whatever the zone', () => {
    expect(pickedRfc3339(dayjs('2026-01-05 10:30:00'))).toBe('2026-01-05T10:30:00+08:00');
    expect(pickedRfc3339({ format: () => '2026-02-01 08:05:09' })).toBe('2026-02-01T08:05:09+08:00');
    expect(pickedRfc3339(null)).toBeUndefined();
    expect(pickedRfc3339(undefined)).toBeUndefined();
    expect(pickedMs(dayjs('2026-01-05 10:30:00'))).toBe(Date.parse('2026-01-05T02:30:00Z'));
    expect(pickedMs(null)).toBeNaN();
  });
  it('starts a picker at Beijing now, to the minute', () => {
    // 2026-01-05 01:59:42 UTC is 09:59 in Beijing.
    expect(beijingWallMinute(Date.parse('2026-01-05T01:59:42Z'))).toBe('2026-01-05 09:59:00');
    expect(beijingWallMinute(Date.parse('2026-01-05T16:00:00Z'))).toBe('2026-01-06 00:00:00');
  });
});

describe('scope references', () => {
  it.each([
    [['B-01', ' B-02 ', ''], ['B-01', 'B-02']],
    [['12', '012', '12'], ['12', '012']],
    [['#12', '#0', '# 3'], [12, '#0', '# 3']],
    [['WH-B0004', 'WH-B0004'], ['WH-B0004']],
    [[], []],
    [undefined, []],
  ] as const)('%j → %j', (typed, want) => {
    expect(scopeRefs(typed as readonly string[] | undefined)).toEqual(want);
  });
  it('needs one level at least', () => {
    expect(scopeGiven({})).toBe(false);
    expect(scopeGiven({ buildings: [' '] })).toBe(false);
    expect(scopeGiven({ substations: ['S-1'] })).toBe(true);
  });
  it('counts each level', () => {
    expect(scopeCounts({ heat_sources: [], network_sections: [3], substations: [], buildings: [1, 2] })).toEqual({
      heat_sources: 0,
      network_sections: 1,
      substations: 0,
      buildings: 2,
    });
    expect(scopeCounts(undefined)).toEqual({ heat_sources: 0, network_sections: 0, substations: 0, buildings: 0 });
  });
});

describe('request bodies', () => {
  const values = {
    company: 7,
    kind: 'emergency' as const,
    company_caused: false,
    cause: ' 主管线爆管 ',
    scope: { buildings: ['WH-B0004', '#15'], substations: [] },
    start: dayjs('2026-01-05 08:00:00'),
    expected_end: dayjs('2026-01-05 20:00:00'),
    road_sections: ' 文化路 ',
  };
  it('records a stop, with a company only for the admin', () => {
    const want = {
      kind: 'emergency',
      company_caused: false,
      cause: '主管线爆管',
      scope: { buildings: ['WH-B0004', 15] },
      start: '2026-01-05T08:00:00+08:00',
      expected_end: '2026-01-05T20:00:00+08:00',
      road_sections: '文化路',
    };
    expect(recordBody(values, false)).toEqual(want);
    expect(recordBody(values, true)).toEqual({ ...want, company: 7 });
  });
  it('leaves out empty road sections and defaults the switches', () => {
    const body = recordBody({ cause: 'x', scope: { heat_sources: ['HS-1'] }, start: dayjs('2026-01-05 08:00'), expected_end: dayjs('2026-01-06 08:00') }, false);
    expect(body).toEqual({
      kind: 'planned',
      company_caused: true,
      cause: 'x',
      scope: { heat_sources: ['HS-1'] },
      start: '2026-01-05T08:00:00+08:00',
      expected_end: '2026-01-06T08:00:00+08:00',
    });
  });
  it.each([
    ['only the time', { at: dayjs('2026-01-05 09:00') }, { at: '2026-01-05T09:00:00+08:00' }],
    [
      'a new expected end and a text',
      { at: dayjs('2026-01-05 09:00'), expected_end: dayjs('2026-01-06 12:00'), text: ' 请提前储水 ' },
      { at: '2026-01-05T09:00:00+08:00', expected_end: '2026-01-06T12:00:00+08:00', text: '请提前储水' },
    ],
    ['a blank text', { at: dayjs('2026-01-05 09:00'), expected_end: null, text: '  ' }, { at: '2026-01-05T09:00:00+08:00' }],
  ])('a notice: %s', (_name, v, want) => {
    expect(noticeBody(v)).toEqual(want);
  });
  it('ends a stop', () => {
    expect(endBody({ at: dayjs('2026-01-05 18:45') })).toEqual({ at: '2026-01-05T18:45:00+08:00' });
  });
});

describe('formPathOf', () => {
  it.each([
    ['scope.buildings[1]', RECORD_FIELDS, ['scope', 'buildings']],
    ['scope.heat_sources[0]', RECORD_FIELDS, ['scope', 'heat_sources']],
    ['scope.substations', RECORD_FIELDS, ['scope', 'substations']],
    ['scope', RECORD_FIELDS, ['scope', 'heat_sources']],
    ['scope.pipes', RECORD_FIELDS, null],
    ['expected_end', RECORD_FIELDS, ['expected_end']],
    ['cause', RECORD_FIELDS, ['cause']],
    ['company', RECORD_FIELDS, ['company']],
    ['company', RECORD_FIELDS.filter((f) => f !== 'company'), null],
    ['area', RECORD_FIELDS, null],
    ['expected_end', NOTICE_FIELDS, ['expected_end']],
    ['at', NOTICE_FIELDS, ['at']],
    ['id', NOTICE_FIELDS, null],
    ['', NOTICE_FIELDS, null],
    [undefined, NOTICE_FIELDS, null],
  ] as const)('%s → %j', (field, known, want) => {
    expect(formPathOf(field, known)).toEqual(want);
  });
});

describe('formatArea', () => {
  it.each([
    [85.55, '85.55 m²'],
    [1234.5, '1,234.50 m²'],
    [1234567, '1,234,567.00 m²'],
    [0, '0.00 m²'],
    [null, '—'],
    [undefined, '—'],
    [Number.NaN, '—'],
  ])('%s → %s', (v, want) => {
    expect(formatArea(v)).toBe(want);
  });
});

describe('the list filters in the URL', () => {
  it.each([
    ['', { company: '', size: 20, trail: [] }, ''],
    ['company=3&size=50&after=10,20', { company: '3', size: 50, trail: ['10', '20'] }, 'company=3&size=50&after=10%2C20'],
    ['company=x&size=30&after=x,7', { company: '', size: 20, trail: ['7'] }, 'after=7'],
  ])('%s', (query, want, back) => {
    const f = readFilters(new URLSearchParams(query));
    expect(f).toEqual(want);
    expect(writeFilters(f).toString()).toBe(back);
  });
  it('asks for the last cursor of the trail', () => {
    expect(listQuery({ company: '3', size: 10, trail: ['10', '20'] })).toEqual({ company: '3', limit: 10, cursor: '20' });
    expect(listQuery({ company: '', size: 20, trail: [] })).toEqual({ company: undefined, limit: 20, cursor: undefined });
  });
});

describe('outageNoticeOf', () => {
  const fields = {
    outage_id: '4',
    kind: 'emergency',
    cause: '主管线爆管',
    start: '2026-01-05T08:00:00+08:00',
    expected_end: '2026-01-05T20:00:00+08:00',
    road_sections: '文化路',
    affected_households: '120',
    text: '请注意保暖',
  };
  it.each([
    ['an outage notice', { topic: 'outage.notice', fields }, fields],
    ['missing fields as empty', { topic: 'outage.notice', fields: { cause: 'x' } }, { ...Object.fromEntries(Object.keys(fields).map((k) => [k, ''])), cause: 'x' }],
    ['a work-order topic', { topic: 'work-order.received', fields: { cause: 'x' } }, null],
  ])('%s', (_name, n, want) => {
    expect(outageNoticeOf(n as { topic: string; fields: Record<string, string> })).toEqual(want);
  });
});
