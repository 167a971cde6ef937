// The part of a cursor-paged list's filters every list shares: the page size (10/20/50, the
// pager's) and the cursors of the pages before this one, in the URL as `size` (left out at the
// list's default) and `after` (the cursors, comma-separated), and in the list's GET as `limit` and
// `cursor` (the last page's cursor; none on the first page).

/** The page sizes a list offers (CursorPager's choice). */
export const PAGE_SIZES = [10, 20, 50];

/** What every list's filters hold besides its own: the page size and the cursors of the pages
 * before this one. */
export interface CursorFilters {
  size: number;
  trail: string[];
}

/** The page size and cursor trail in `params`: a size the pager does not offer is `defaultSize`,
 * a cursor that is not a number is dropped. */
export function readCursor(params: URLSearchParams, defaultSize = 20): CursorFilters {
  const size = Number(params.get('size'));
  return {
    size: PAGE_SIZES.includes(size) ? size : defaultSize,
    trail: (params.get('after') ?? '').split(',').filter((c) => /^\d+$/.test(c)),
  };
}

/** Sets `size` (unless `defaultSize`) and `after` (unless on the first page) in `p`; returns it. */
export function writeCursor(p: URLSearchParams, f: CursorFilters, defaultSize = 20): URLSearchParams {
  if (f.size !== defaultSize) p.set('size', String(f.size));
  if (f.trail.length) p.set('after', f.trail.join(','));
  return p;
}

/** The list GET's `limit` and `cursor` for `f`. */
export function cursorQuery(f: CursorFilters): { limit: number; cursor: string | undefined } {
  return { limit: f.size, cursor: f.trail[f.trail.length - 1] };
}
