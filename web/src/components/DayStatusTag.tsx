// A judged day's status in the words staff use: 达标 / 不达标 / 免责 / 未判定 (R-TEMP-5).
import { Tag } from 'antd';
import { useT, type MessageKey } from '../i18n';

const COLOUR: Record<string, string> = {
  qualified: 'green',
  unqualified: 'red',
  exempt: 'gold',
  not_judged: 'default',
};

/** The API writes not-judged as "not-judged" in places and "not_judged" in others. */
export function statusKey(status: string): string {
  return status.replace(/-/g, '_');
}

export default function DayStatusTag({ status }: { status: string }) {
  const t = useT();
  const key = statusKey(status);
  const known = key in COLOUR;
  return <Tag color={COLOUR[key] ?? 'default'}>{known ? t(`status.${key}` as MessageKey) : status}</Tag>;
}
