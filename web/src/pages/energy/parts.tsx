// The energy pages' small shared pieces: a fuel and a unit in words (a value the console does not
// know shows as the server wrote it), a quantity with its unit, reserve days with the 低于储备 tag,
// and the tag of how alarming a company's flags are.
import { Space, Tag, Typography } from 'antd';
import { useT, type MessageKey, type Translate } from '../../i18n';
import { FLAG_COLOUR, formatQuantity, formatReserveDays, isFuel, type FlagLevel } from './logic';

export function fuelText(t: Translate, fuel: string): string {
  return isFuel(fuel) ? t(`energy.fuel.${fuel}` as MessageKey) : fuel;
}

export function unitText(t: Translate, unit: string | undefined): string {
  return unit === 't' || unit === 'm3' ? t(`energy.unit.${unit}` as MessageKey) : unit ?? '';
}

/** 12000.5 t → "12,000.50 吨". */
export function quantityText(t: Translate, value: number | null | undefined, unit: string | undefined): string {
  const text = formatQuantity(value);
  const u = unitText(t, unit);
  return u && text !== formatQuantity(null) ? t('energy.quantity', { value: text, unit: u }) : text;
}

/** 34.2 → "34.2 天"; none (no consumption) → "—". */
export function daysText(t: Translate, days: number | null | undefined): string {
  const text = formatReserveDays(days);
  return text === formatReserveDays(null) ? text : t('energy.daysValue', { n: text });
}

export function LowTag({ threshold, basis }: { threshold: number; basis: string }) {
  const t = useT();
  return (
    <Tag color="red" title={t('energy.lowHint', { days: threshold, basis })} data-testid="energy-low">
      {t('energy.low')}
    </Tag>
  );
}

/** A report's reserve days, red with 低于储备 when low; "—" with why when there was no consumption. */
export function ReserveDays({ days, low, threshold, basis }: { days: number | null; low: boolean; threshold: number; basis: string }) {
  const t = useT();
  if (days === null) {
    return (
      <Typography.Text type="secondary" title={t('energy.noConsumption')}>
        {daysText(t, null)}
      </Typography.Text>
    );
  }
  return (
    <Space size={4} wrap>
      <Typography.Text type={low ? 'danger' : undefined} strong={low}>
        {daysText(t, days)}
      </Typography.Text>
      {low && <LowTag threshold={threshold} basis={basis} />}
    </Space>
  );
}

export function FlagLevelTag({ level }: { level: FlagLevel }) {
  const t = useT();
  return (
    <Tag color={FLAG_COLOUR[level]} data-testid="energy-flag-level" data-level={level}>
      {t(`energy.level.${level}` as MessageKey)}
    </Tag>
  );
}
