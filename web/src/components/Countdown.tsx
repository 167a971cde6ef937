// A live deadline (MENUS.md): the time left and the due time, "剩余 3 小时 12 分 · 截止 2026-01-05
// 23:59"; amber at 75 % of the time used, red once overdue. It ticks by itself.
import { Typography } from 'antd';
import { formatDateTime, splitDuration } from '../format';
import { useT, type Translate } from '../i18n';
import { deadlineState, type DeadlineKind } from './deadline';
import { useNow } from './useNow';

export function durationText(t: Translate, ms: number): string {
  const { days, hours, minutes } = splitDuration(ms);
  if (days > 0) return t('duration.dhm', { d: days, h: hours, m: minutes });
  if (hours > 0) return t('duration.hm', { h: hours, m: minutes });
  return t('duration.m', { m: minutes });
}

const TYPE: Record<DeadlineKind, 'success' | 'warning' | 'danger' | undefined> = {
  ok: undefined,
  warning: 'warning',
  overdue: 'danger',
  met: 'success',
};

export interface CountdownProps {
  /** When the time started (the deadline's `from`). */
  from: string;
  /** The due time. */
  due: string;
  /** When it was met, if it was. */
  metAt?: string | null;
  /** For tests: a fixed now instead of the live clock. */
  now?: number;
}

export default function Countdown({ from, due, metAt, now: fixedNow }: CountdownProps) {
  const t = useT();
  const liveNow = useNow(1000);
  const now = fixedNow ?? liveNow;
  const state = deadlineState(from, due, now, metAt);
  const dueText = formatDateTime(due);
  let text: string;
  if (state.kind === 'met') text = t('countdown.met', { at: formatDateTime(metAt), due: dueText });
  else if (state.kind === 'overdue') text = t('countdown.overdue', { duration: durationText(t, state.remainingMs), due: dueText });
  else text = t('countdown.left', { duration: durationText(t, state.remainingMs), due: dueText });
  return (
    <Typography.Text type={TYPE[state.kind]} strong={state.kind !== 'ok' && state.kind !== 'met'} data-testid="countdown" data-state={state.kind}>
      {text}
    </Typography.Text>
  );
}
