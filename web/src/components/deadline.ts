// A deadline's state at a moment (MENUS.md): amber once 75 % of the time from its start to its
// due time is used, red once it is past due; a deadline met is done, whatever the time.
import { toEpochMs } from '../format';

export type DeadlineKind = 'ok' | 'warning' | 'overdue' | 'met';

export interface DeadlineState {
  kind: DeadlineKind;
  /** due − now, in ms: negative once overdue. */
  remainingMs: number;
  /** The share of the time from `from` to `due` used at `now` (may exceed 1). */
  used: number;
}

/** The fraction of the time used at which a deadline turns amber. */
export const WARNING_AT = 0.75;

export function deadlineState(
  from: string | number | Date,
  due: string | number | Date,
  now: number,
  metAt?: string | null,
): DeadlineState {
  const start = toEpochMs(from);
  const end = toEpochMs(due);
  const span = end - start;
  const used = span > 0 ? (now - start) / span : now >= end ? 1 : 0;
  const remainingMs = end - now;
  if (metAt) return { kind: 'met', remainingMs, used };
  if (remainingMs < 0) return { kind: 'overdue', remainingMs, used };
  if (used >= WARNING_AT) return { kind: 'warning', remainingMs, used };
  return { kind: 'ok', remainingMs, used };
}
