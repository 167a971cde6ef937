import { allowedEvents } from '../../components/orderWords';
import { eventBody } from './eventFields';

describe('eventBody', () => {
  it('sends Beijing times as RFC 3339 and only the fields the event has', () => {
    expect(eventBody('dispatch', { at: '2026-01-05 10:00', technician: ' 王师傅 ', appointment: '2026-01-05 14:00', result: 'x' })).toEqual({
      type: 'dispatch',
      at: '2026-01-05T10:00:00+08:00',
      technician: '王师傅',
      appointment: '2026-01-05T14:00:00+08:00',
    });
  });
  it('sends a contact record only when one was given', () => {
    expect(eventBody('arrive', { at: '2026-01-05 10:00', contact_record: {} })).toEqual({ type: 'arrive', at: '2026-01-05T10:00:00+08:00' });
    expect(eventBody('arrive', { at: '2026-01-05 10:00', contact_record: { who: '住户', how: '电话', at: '2026-01-05 09:50' } }).contact_record).toEqual({
      who: '住户',
      how: '电话',
      at: '2026-01-05T09:50:00+08:00',
    });
  });
  it('splits the staff names', () => {
    expect(eventBody('repair', { at: '2026-01-05 10:00', result: '已更换阀门', staff: '张三，李四 王五' }).staff).toEqual(['张三', '李四', '王五']);
  });
});

describe('allowedEvents', () => {
  it('follows the state machine', () => {
    expect(allowedEvents('agent', 'received')).toEqual(['accept', 'return']);
    expect(allowedEvents('agent', 'responded')).toEqual(['dispatch', 'reply', 'extend']);
    expect(allowedEvents('manager', 'closed')).toEqual(['reopen']);
  });
  it('lets a technician only arrive and repair, the regulator nothing', () => {
    expect(allowedEvents('technician', 'dispatched')).toEqual(['arrive']);
    expect(allowedEvents('technician', 'responded')).toEqual([]);
    expect(allowedEvents('regulator', 'received')).toEqual([]);
  });
});
