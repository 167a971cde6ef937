import { cursorQuery, readCursor, writeCursor } from './cursorFilters';

describe('cursorFilters', () => {
  it('reads the page size and the cursor trail, with defaults for what is missing or malformed', () => {
    expect(readCursor(new URLSearchParams(''))).toEqual({ size: 20, trail: [] });
    expect(readCursor(new URLSearchParams('size=50&after=40,30'))).toEqual({ size: 50, trail: ['40', '30'] });
    expect(readCursor(new URLSearchParams('size=15&after=40,x,,-3,30'))).toEqual({ size: 20, trail: ['40', '30'] });
    expect(readCursor(new URLSearchParams('size=abc'), 10)).toEqual({ size: 10, trail: [] });
    expect(readCursor(new URLSearchParams('size=20'), 10)).toEqual({ size: 20, trail: [] });
  });

  it('writes them after the filters, the default size and the first page left out', () => {
    const p = new URLSearchParams();
    p.set('state', 'open');
    expect(writeCursor(p, { size: 50, trail: ['40', '30'] }).toString()).toBe('state=open&size=50&after=40%2C30');
    expect(writeCursor(new URLSearchParams(), { size: 20, trail: [] }).toString()).toBe('');
    expect(writeCursor(new URLSearchParams(), { size: 10, trail: [] }, 10).toString()).toBe('');
    expect(writeCursor(new URLSearchParams(), { size: 20, trail: [] }, 10).toString()).toBe('size=20');
  });

  it('round-trips through the URL', () => {
    const f = { size: 10, trail: ['9', '7'] };
    expect(readCursor(writeCursor(new URLSearchParams(), f))).toEqual(f);
  });

  it("asks for the page after the trail's last cursor", () => {
    expect(cursorQuery({ size: 10, trail: [] })).toEqual({ limit: 10, cursor: undefined });
    expect(cursorQuery({ size: 50, trail: ['40', '30'] })).toEqual({ limit: 50, cursor: '30' });
  });
});
