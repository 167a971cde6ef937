import dayjs from 'dayjs';
import type { Claim, ClaimDeadline } from '../../api/types';
import {
  actionTone,
  basisParts,
  canRecordClaim,
  CLAIM_STATES,
  claimActions,
  claimBody,
  claimFieldPath,
  crossCompany,
  deadlineLook,
  eventBody,
  eventFieldRequired,
  exclusionClause,
  listQuery,
  moneyText,
  readFilters,
  shownDeadline,
  stateColour,
  writeFilters,
  yuanProblem,
} from './logic';

const at = (s: string) => Date.parse(`${s}+08:00`);

function deadline(over: Partial<ClaimDeadline> = {}): ClaimDeadline {
  return { from: '2026-12-01T10:00:00+08:00', due: '2026-12-02T10:00:00+08:00', basis: 'platform default (W 13.3)', calendar_incomplete: false, status: 'ok', ...over };
}

function claim(over: Partial<Claim> = {}): Claim {
  return {
    id: 7,
    company_id: 1,
    household_id: 5,
    incident_at: '2026-12-01T08:30:00+08:00',
    incident: '立管爆裂，客厅进水',
    injuries: false,
    photos: [],
    losses: [],
    state: 'recorded',
    insurer: null,
    insurer_reference: null,
    notified_at: null,
    amount: null,
    amount_fen: null,
    agreed_at: null,
    paid_at: null,
    payment_reference: null,
    exclusion: null,
    exclusion_clause: null,
    deadlines: { notify: deadline() },
    actions: ['notify-insurer', 'agree', 'reject'],
    created_by: 'mgr',
    created_at: '2026-12-01T10:00:00+08:00',
    ...over,
  };
}

describe('states and actions', () => {
  it('knows the five states, each with a colour', () => {
    expect(CLAIM_STATES).toEqual(['recorded', 'insurer-notified', 'agreed', 'paid', 'rejected']);
    expect(stateColour('paid')).toBe('green');
    expect(stateColour('archived')).toBe('default');
  });
  it("offers the known actions of the claim's own list, in a fixed order", () => {
    expect(claimActions(claim({ actions: ['reject', 'agree', 'notify-insurer'] }))).toEqual(['notify-insurer', 'agree', 'reject']);
    expect(claimActions(claim({ actions: ['pay', 'escalate'] as unknown as Claim['actions'] }))).toEqual(['pay']);
    expect(claimActions(claim({ actions: [] }))).toEqual([]);
  });
  it('warns on a rejection', () => {
    expect(actionTone('reject')).toEqual({ danger: true });
    expect(actionTone('pay')).toEqual({ primary: true });
  });
  it.each([
    ['admin', true, true],
    ['manager', true, false],
    ['agent', true, false],
    ['technician', true, false],
    ['regulator', false, true],
    ['household', false, false],
    [undefined, false, false],
  ] as const)('%s records: %s, filters by company: %s', (role, records, cross) => {
    expect(canRecordClaim(role)).toBe(records);
    expect(crossCompany(role)).toBe(cross);
  });
  it.each([
    ['own-installation', 'W 13.6 a'],
    ['self-altered', 'W 13.6 b'],
    ['builder-warranty', 'W 13.6 c'],
    ['indirect-loss', 'W 13.6 d'],
    ['act-of-god', undefined],
  ])('%s is %s', (exclusion, clause) => {
    expect(exclusionClause(exclusion)).toBe(clause);
  });
});

describe('deadlines', () => {
  it.each([
    ['open, early', deadline(), at('2026-12-01T12:00:00'), 'ok'],
    ['open, 75 % used', deadline(), at('2026-12-02T04:00:00'), 'warning'],
    ['open, past due', deadline(), at('2026-12-02T10:01:00'), 'overdue'],
    ['met in time', deadline({ met_at: '2026-12-01T15:00:00+08:00', status: 'met' }), at('2026-12-05T00:00:00'), 'met'],
    ['met late (server says)', deadline({ met_at: '2026-12-02T11:00:00+08:00', status: 'late' }), at('2026-12-05T00:00:00'), 'late'],
    ['met late (by the times)', deadline({ met_at: '2026-12-02T11:00:00+08:00', status: 'met' }), at('2026-12-05T00:00:00'), 'late'],
  ] as const)('%s → %s', (_, d, now, want) => {
    expect(deadlineLook(d, now)).toBe(want);
  });

  it('shows the open deadline, else the last one met, else none', () => {
    const notifyMet = deadline({ met_at: '2026-12-01T15:00:00+08:00', status: 'met' });
    const payout = deadline({ from: '2026-12-03T10:00:00+08:00', due: '2027-01-15T10:00:00+08:00', basis: 'W 13.5' });
    expect(shownDeadline(claim())?.name).toBe('notify');
    expect(shownDeadline(claim({ deadlines: { notify: notifyMet, payout } }))).toEqual({ name: 'payout', deadline: payout });
    const paid = { ...payout, met_at: '2027-01-20T10:00:00+08:00', status: 'late' as const };
    expect(shownDeadline(claim({ deadlines: { notify: notifyMet, payout: paid } }))?.name).toBe('payout');
    expect(shownDeadline(claim({ deadlines: { notify: notifyMet } }))?.name).toBe('notify');
    expect(shownDeadline(claim({ deadlines: {} }))).toBeUndefined();
  });
});

describe('bases', () => {
  it('tells a clause from a platform default', () => {
    expect(basisParts('W 13.5')).toEqual({ source: 'W 13.5', platformDefault: false });
    expect(basisParts('platform default (W 13.3)')).toEqual({ source: 'W 13.3', platformDefault: true });
  });
});

describe('money', () => {
  it.each([
    ['4280.50', {}, null],
    ['4280.5', {}, null],
    ['4280', {}, null],
    [' 12.00 ', {}, null],
    ['', {}, null],
    [undefined, {}, null],
    ['', { required: true }, 'required'],
    ['4280.505', {}, 'format'],
    ['-1', {}, 'format'],
    ['1,200.00', {}, 'format'],
    ['1e3', {}, 'format'],
    ['.5', {}, 'format'],
    ['0.00', { positive: true }, 'zero'],
    ['0.01', { positive: true }, null],
  ] as const)('%j %j → %s', (typed, opts, want) => {
    expect(yuanProblem(typed, opts)).toBe(want);
  });
  it('shows money as ¥ with two decimals', () => {
    expect(moneyText('4280.50', 428050)).toBe('¥4,280.50');
    expect(moneyText('1234.5', null)).toBe('¥1,234.50');
    expect(moneyText(null, null)).toBe('—');
  });
});

describe('recording', () => {
  it('builds the body with Beijing time, every loss row, and no blank estimate', () => {
    expect(
      claimBody({
        household: 5,
        incident_at: dayjs('2026-12-01 08:30'),
        incident: ' 立管爆裂，客厅进水 ',
        injuries: true,
        photos: [' IMG_1.jpg', 'IMG_1.jpg', ''],
        losses: [{ item: ' 实木地板 ', estimate: ' 1200.00 ' }, { item: '沙发', estimate: '' }, { item: '地毯' }],
      }),
    ).toEqual({
      household: 5,
      incident_at: '2026-12-01T08:30:00+08:00',
      incident: '立管爆裂，客厅进水',
      injuries: true,
      photos: ['IMG_1.jpg'],
      losses: [{ item: '实木地板', estimate: '1200.00' }, { item: '沙发' }, { item: '地毯' }],
    });
    expect(claimBody({ household: 5, incident: 'x' })).toMatchObject({ injuries: false, photos: [], losses: [] });
  });
  it.each([
    ['losses[1].estimate', ['losses', 1, 'estimate']],
    ['losses[0].item', ['losses', 0, 'item']],
    ['losses[2]', ['losses', 2, 'item']],
    ['losses[2].colour', ['losses', 2, 'item']],
    ['photos[3]', ['photos']],
    ['incident_at', ['incident_at']],
    ['household', ['household']],
    ['losses', null],
    ['body', null],
    [undefined, null],
  ] as const)("puts the server's %s on %j", (field, want) => {
    expect(claimFieldPath(field)).toEqual(want);
  });
});

describe('events', () => {
  it.each([
    ['notify-insurer', { insurer: ' 人保财险威海分公司 ', reference: 'RB-0042', amount: '1' }, { type: 'notify-insurer', insurer: '人保财险威海分公司', reference: 'RB-0042' }],
    ['notify-insurer', { insurer: '人保', reference: '  ' }, { type: 'notify-insurer', insurer: '人保' }],
    ['agree', { amount: ' 4280.50 ', note: '理算报告' }, { type: 'agree', amount: '4280.50', note: '理算报告' }],
    ['agree', { amount: '1234.5' }, { type: 'agree', amount: '1234.5' }],
    ['pay', { reference: 'BANK-77', note: 'x' }, { type: 'pay', reference: 'BANK-77' }],
    ['pay', {}, { type: 'pay' }],
    ['reject', { exclusion: 'self-altered', note: ' 住户自行改管 ' }, { type: 'reject', exclusion: 'self-altered', note: '住户自行改管' }],
  ] as const)('%s %j → %j', (type, values, want) => {
    expect(eventBody(type, values)).toEqual(want);
  });
  it('knows what each event cannot go without', () => {
    expect(eventFieldRequired('notify-insurer', 'insurer')).toBe(true);
    expect(eventFieldRequired('notify-insurer', 'reference')).toBe(false);
    expect(eventFieldRequired('agree', 'amount')).toBe(true);
    expect(eventFieldRequired('agree', 'note')).toBe(false);
    expect(eventFieldRequired('pay', 'reference')).toBe(false);
    expect(eventFieldRequired('reject', 'exclusion')).toBe(true);
    expect(eventFieldRequired('reject', 'note')).toBe(true);
  });
});

describe('filters in the URL', () => {
  it('reads what is valid and drops the rest', () => {
    expect(readFilters(new URLSearchParams('state=agreed&company=2&household=5&size=50&after=30,12'))).toEqual({
      state: 'agreed',
      company: '2',
      household: '5',
      size: 50,
      trail: ['30', '12'],
    });
    expect(readFilters(new URLSearchParams('state=lost&company=x&household=-1&size=7&after=a'))).toEqual({ state: '', company: '', household: '', size: 20, trail: [] });
  });
  it('writes defaults out and round-trips', () => {
    const f = { state: 'paid', company: '', household: '', size: 20, trail: [] };
    expect(writeFilters(f).toString()).toBe('state=paid');
    const g = { state: '', company: '3', household: '9', size: 10, trail: ['40'] };
    expect(readFilters(writeFilters(g))).toEqual(g);
  });
  it('names the company only for the roles that may', () => {
    const f = { state: 'recorded', company: '3', household: '', size: 20, trail: ['40', '21'] };
    expect(listQuery(f, true)).toEqual({ household: undefined, company: '3', state: 'recorded', limit: 20, cursor: '21' });
    expect(listQuery(f, false).company).toBeUndefined();
  });
});
