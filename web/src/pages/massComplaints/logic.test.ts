import { crossCompany, episodeOrders, listQuery, periodOrdered, readFilters, writeFilters } from './logic';

describe('mass complaints logic', () => {
  it('reads and writes the filters, ignoring what is not one', () => {
    const f = readFilters(new URLSearchParams('company=3&from=2026-11-01&to=bad&size=50&after=4,x,9'));
    expect(f).toEqual({ company: '3', from: '2026-11-01', to: '', size: 50, trail: ['4', '9'] });
    expect(writeFilters(f).toString()).toBe('company=3&from=2026-11-01&size=50&after=4%2C9');
    expect(writeFilters(readFilters(new URLSearchParams('size=7&company=0'))).toString()).toBe('');
  });

  it('sends the company only for the admin and the regulator, with the last cursor', () => {
    const f = readFilters(new URLSearchParams('company=3&after=4,9'));
    expect(listQuery(f, true)).toEqual({ company: '3', from: undefined, to: undefined, limit: 20, cursor: '9' });
    expect(listQuery(f, false).company).toBeUndefined();
    expect(crossCompany('regulator')).toBe(true);
    expect(crossCompany('admin')).toBe(true);
    expect(crossCompany('agent')).toBe(false);
  });

  it('checks the period', () => {
    expect(periodOrdered({ from: '2026-02-01', to: '2026-01-01' })).toBe(false);
    expect(periodOrdered({ from: '2026-01-01', to: '2026-01-01' })).toBe(true);
    expect(periodOrdered({ from: '', to: '2026-01-01' })).toBe(true);
  });

  it('marks the order that reached the threshold', () => {
    expect(episodeOrders({ order_ids: [1, 2, 2, 3], reached_order_id: 2 })).toEqual([
      { id: 1, reached: false },
      { id: 2, reached: true },
      { id: 3, reached: false },
    ]);
    expect(episodeOrders({ order_ids: [1], reached_order_id: 5 }).map((o) => o.id)).toEqual([1, 5]);
  });
});
