import dayjs from 'dayjs';
import type { Finding } from '../../api/types';
import { formPathOf } from '../outages/logic';
import {
  ACTION_FIELDS,
  actionBody,
  actionTone,
  awaitingAction,
  canRecordFinding,
  FINDING_FIELDS,
  FINDING_KINDS,
  FINDING_STATES,
  findingActions,
  findingBody,
  noteError,
  noteRequired,
  periodOrdered,
  photoHref,
  photoRefs,
  pickedDate,
  stateColour,
  upsertFinding,
} from './logic';

function finding(id: number, over: Partial<Finding> = {}): Finding {
  return {
    id,
    company_id: 1,
    household_id: 5,
    kind: 'added-radiators',
    description: '卧室私自增加散热器 2 组',
    photos: ['IMG_0001.jpg'],
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
    ...over,
  };
}

describe('kinds and states', () => {
  it('knows the seven kinds of R-REFUND-4 and the six states', () => {
    expect(FINDING_KINDS).toHaveLength(7);
    expect(FINDING_STATES).toEqual(['open', 'acknowledged', 'disputed', 'upheld', 'rejected', 'withdrawn']);
  });
  it.each([
    ['open', 'gold'],
    ['acknowledged', 'blue'],
    ['disputed', 'orange'],
    ['upheld', 'purple'],
    ['rejected', 'green'],
    ['withdrawn', 'default'],
    ['archived', 'default'],
  ])('%s is %s', (state, colour) => {
    expect(stateColour(state)).toBe(colour);
  });
});

describe('who may act', () => {
  it.each([
    ['admin', true],
    ['manager', true],
    ['agent', true],
    ['technician', true],
    ['regulator', false],
    ['household', false],
    [undefined, false],
  ] as const)('%s records: %s', (role, want) => {
    expect(canRecordFinding(role)).toBe(want);
  });
  it("offers the known actions of the finding's own list, in a fixed order", () => {
    expect(findingActions(finding(1, { actions: ['dispute', 'acknowledge'] }))).toEqual(['acknowledge', 'dispute']);
    expect(findingActions(finding(1, { actions: ['reject', 'uphold', 'withdraw'] }))).toEqual(['uphold', 'reject', 'withdraw']);
    expect(findingActions(finding(1, { actions: ['escalate'] as unknown as Finding['actions'] }))).toEqual([]);
    expect(findingActions(finding(1, { actions: [] }))).toEqual([]);
  });
  it("counts the findings waiting for the viewer's decision, not those it may only withdraw", () => {
    expect(awaitingAction([finding(1), finding(2, { actions: [] }), finding(3, { actions: ['withdraw'] }), finding(4, { actions: ['uphold', 'reject', 'withdraw'] })])).toBe(2);
  });
  it('leads with agreement and warns on a withdrawal', () => {
    expect(actionTone('acknowledge')).toEqual({ primary: true });
    expect(actionTone('uphold')).toEqual({ primary: true });
    expect(actionTone('withdraw')).toEqual({ danger: true });
    expect(actionTone('dispute')).toEqual({});
  });
});

describe('notes', () => {
  it.each([
    ['acknowledge', undefined, null],
    ['acknowledge', '', null],
    ['dispute', '', 'required'],
    ['dispute', '   ', 'required'],
    ['dispute', '散热器是开发商原装的', null],
    ['uphold', undefined, 'required'],
    ['reject', '照片不能证明私接', null],
    ['withdraw', '', 'required'],
  ] as const)('%s with %j → %s', (action, note, want) => {
    expect(noteRequired(action)).toBe(action !== 'acknowledge');
    expect(noteError(action, note)).toBe(want);
  });
  it('sends the note trimmed, and none when blank', () => {
    expect(actionBody('dispute', { note: ' 散热器是原装的 ' })).toEqual({ action: 'dispute', note: '散热器是原装的' });
    expect(actionBody('acknowledge', { note: '  ' })).toEqual({ action: 'acknowledge' });
    expect(actionBody('acknowledge', {})).toEqual({ action: 'acknowledge' });
  });
});

describe('recording', () => {
  it('reads a date picker as the day picked', () => {
    expect(pickedDate(dayjs('2026-12-01'))).toBe('2026-12-01');
    expect(pickedDate({ format: () => '2027-03-15' })).toBe('2027-03-15');
    expect(pickedDate(null)).toBeUndefined();
  });
  it.each([
    ['2026-12-01', '2027-03-15', true],
    ['2026-12-01', '2026-12-01', true],
    ['2026-12-02', '2026-12-01', false],
    ['2026-12-01', undefined, true],
    [undefined, '2026-12-01', true],
  ])('%s to %s in order: %s', (from, to, want) => {
    expect(periodOrdered(from, to)).toBe(want);
  });
  it('keeps photo references as typed, once each', () => {
    expect(photoRefs([' IMG_0001.jpg ', '', 'IMG_0001.jpg', '#12', 'https://files.example.cn/a.jpg'])).toEqual(['IMG_0001.jpg', '#12', 'https://files.example.cn/a.jpg']);
    expect(photoRefs(undefined)).toEqual([]);
  });
  it('links only web references', () => {
    expect(photoHref('https://files.example.cn/a.jpg')).toBe('https://files.example.cn/a.jpg');
    expect(photoHref('http://10.0.0.5/p/1.jpg ')).toBe('http://10.0.0.5/p/1.jpg');
    expect(photoHref('IMG_0001.jpg')).toBeNull();
    expect(photoHref('javascript:alert(1)')).toBeNull();
  });
  it('builds the body with Beijing time and plain dates', () => {
    expect(
      findingBody(
        {
          kind: 'added-radiators',
          description: ' 卧室私自增加散热器 2 组 ',
          photos: ['IMG_0001.jpg', ' IMG_0002.jpg'],
          found_by: ' 王师傅 ',
          found_at: dayjs('2026-12-01 10:00'),
          valid_from: dayjs('2026-12-01'),
          valid_to: dayjs('2027-03-15'),
        },
        5,
      ),
    ).toEqual({
      household: 5,
      kind: 'added-radiators',
      description: '卧室私自增加散热器 2 组',
      photos: ['IMG_0001.jpg', 'IMG_0002.jpg'],
      found_by: '王师傅',
      found_at: '2026-12-01T10:00:00+08:00',
      valid_from: '2026-12-01',
      valid_to: '2027-03-15',
    });
  });
  it.each([
    ['valid_from', FINDING_FIELDS, ['valid_from']],
    ['photos[1]', FINDING_FIELDS, ['photos']],
    ['found_at', FINDING_FIELDS, ['found_at']],
    ['household', FINDING_FIELDS, null],
    ['note', ACTION_FIELDS, ['note']],
    ['action', ACTION_FIELDS, null],
  ] as const)("puts the server's %s on %j", (field, known, want) => {
    expect(formPathOf(field, known)).toEqual(want);
  });
});

describe('upsertFinding', () => {
  it('replaces the finding of its id, in place', () => {
    const list = [finding(3), finding(2), finding(1)];
    const acted = finding(2, { state: 'disputed', effective: false, actions: [] });
    expect(upsertFinding(list, acted).map((f) => [f.id, f.state])).toEqual([
      [3, 'open'],
      [2, 'disputed'],
      [1, 'open'],
    ]);
  });
  it('puts a new one first', () => {
    expect(upsertFinding([finding(1)], finding(2)).map((f) => f.id)).toEqual([2, 1]);
  });
});
