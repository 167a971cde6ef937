// Reading a whole cursor-paged list (a company's buildings, substations…): page after page of at
// most `limit` until next_cursor is null, or until `max` items (then `truncated`).
import { api, type Page } from './client';

type Query = Record<string, string | number | boolean | undefined | null>;

export async function fetchAll<T>(path: string, query: Query = {}, signal?: AbortSignal, max = 20000, limit = 1000): Promise<{ items: T[]; truncated: boolean }> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await api.get<Page<T>>(path, { ...query, limit, cursor }, signal);
    items.push(...page.items);
    if (!page.next_cursor) return { items, truncated: false };
    if (items.length >= max) return { items, truncated: true };
    cursor = String(page.next_cursor);
  }
}

/** Runs `task` over `inputs` with at most `width` at a time, keeping the order. */
export async function mapLimited<I, O>(inputs: I[], width: number, task: (input: I) => Promise<O>): Promise<O[]> {
  const out: O[] = new Array(inputs.length);
  let next = 0;
  async function worker() {
    while (next < inputs.length) {
      const i = next++;
      out[i] = await task(inputs[i]);
    }
  }
  await Promise.all(Array.from({ length: Math.min(width, inputs.length) }, worker));
  return out;
}
