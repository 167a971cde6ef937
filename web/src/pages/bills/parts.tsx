// Bills' small shared pieces: a season in words (2026–2027), how a bill is reckoned as a tag (按面积
// / 按热计量; orange, with the server's reason as its tooltip, when a household billed by meter
// was billed by area), the reason as an alert, the bill's lines (a relief and an offset as
// credits, an offset explained as 上季退费抵扣), and its sums: 应收, 未抵扣退费 (when any), 已缴,
// 已退还 (when any), 欠费 (red while owed) and 多缴待退 (when any, R-ACCT-1; with 退还多缴 for the
// roles that pay it back).
import { ExclamationCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Flex, Tag, Typography } from 'antd';
import { formatDate } from '../../format';
import { useT, type Translate } from '../../i18n';
import { areaInsteadOfMeter, hasPaidBack, hasUnappliedOffset, isOverpaid, lineFen, lineMoney, money, owing } from './logic';
import type { Bill, BillLine } from './types';
import Tip from '../../components/Tip';

/** "2026–2027". */
export function seasonRange(t: Translate, season: number): string {
  return t('bill.seasonRange', { season, next: season + 1 });
}

/** "2026–2027 采暖季". */
export function seasonLabel(t: Translate, season: number): string {
  return t('bill.seasonOption', { season, next: season + 1 });
}

/** 按面积 / 按热计量 (a basis the console does not know as the server wrote it). */
export function basisText(t: Translate, basis: string): string {
  if (basis === 'area') return t('bill.basis.area');
  if (basis === 'meter') return t('bill.basis.meter');
  return basis;
}

/** The basis as a tag; billed by area instead of by meter, orange with a mark and the reason on
 * hover. */
export function BasisTag({ bill: b }: { bill: Pick<Bill, 'basis' | 'basis_reason'> }) {
  const t = useT();
  const instead = areaInsteadOfMeter(b);
  const tag = (
    <Tag
      color={instead ? 'orange' : b.basis === 'meter' ? 'geekblue' : 'blue'}
      icon={instead ? <ExclamationCircleOutlined /> : undefined}
      style={{ marginInlineEnd: 0 }}
      data-testid="bill-basis"
      data-basis={b.basis}
      data-instead={instead ? 'true' : undefined}
      aria-label={instead ? `${basisText(t, b.basis)}：${b.basis_reason}` : undefined}
    >
      {basisText(t, b.basis)}
    </Tag>
  );
  return <Tip title={instead ? b.basis_reason : null}>{tag}</Tip>;
}

/** Why a household billed by meter was billed by area this season (R-METER-1). */
export function BasisReason({ bill: b }: { bill: Pick<Bill, 'basis' | 'basis_reason'> }) {
  const t = useT();
  if (!b.basis_reason) return null;
  return <Alert type="warning" showIcon data-testid="bill-basis-reason" message={t('bill.areaInstead')} description={b.basis_reason} />;
}

/** What a household still owes, red while it owes; 已缴清 in green otherwise. */
export function Outstanding({ bill: b, settledText = false }: { bill: Pick<Bill, 'outstanding'>; settledText?: boolean }) {
  const t = useT();
  const owes = owing(b);
  if (!owes && settledText)
    return (
      <Typography.Text type="success" data-testid="bill-outstanding" data-owing="false">
        {t('bill.settled')}
      </Typography.Text>
    );
  return (
    <Typography.Text type={owes ? 'danger' : undefined} strong={owes} data-testid="bill-outstanding" data-owing={owes ? 'true' : 'false'}>
      {money(b.outstanding)}
    </Typography.Text>
  );
}

/** The tag at a bill's card: 欠费 ¥x (red) or 已缴清 (green). */
export function PaidTag({ bill: b }: { bill: Pick<Bill, 'outstanding'> }) {
  const t = useT();
  return owing(b) ? (
    <Tag color="red" style={{ marginInlineEnd: 0 }}>
      {t('bill.owing', { amount: money(b.outstanding) })}
    </Tag>
  ) : (
    <Tag color="green" style={{ marginInlineEnd: 0 }}>
      {t('bill.settled')}
    </Tag>
  );
}

/** One line: its text as printed, an offset explained, and the amount (credits in green). */
function LineRow({ line }: { line: BillLine }) {
  const t = useT();
  const fen = lineFen(line);
  return (
    <Flex justify="space-between" align="flex-start" gap={12} data-testid="bill-line" data-code={line.code}>
      <Flex vertical gap={0}>
        <Typography.Text>{line.text}</Typography.Text>
        {line.code === 'offset' && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="bill-offset-explained">
            {t('bill.offsetExplain')}
          </Typography.Text>
        )}
      </Flex>
      <Typography.Text type={fen !== null && fen < 0 ? 'success' : undefined} style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
        {lineMoney(line)}
      </Typography.Text>
    </Flex>
  );
}

/** The bill's lines, in the server's order. */
export function BillLines({ lines }: { lines: readonly BillLine[] }) {
  const t = useT();
  if (lines.length === 0) return <Typography.Text type="secondary">{t('bill.noLines')}</Typography.Text>;
  return (
    <Flex vertical gap={6} data-testid="bill-lines">
      {lines.map((l, i) => (
        <LineRow key={`${l.code}-${i}`} line={l} />
      ))}
    </Flex>
  );
}

/** 应收合计, 未抵扣退费 (when any), 已缴, 已退还 (when any), 欠费 and 多缴待退 (when any); with the
 * due date when `due` is set. `onPayBack` (a role that pays it back) puts 退还多缴 by 多缴待退. */
export function BillSums({ bill: b, due, onPayBack }: { bill: Bill; due?: boolean; onPayBack?: () => void }) {
  const t = useT();
  return (
    <Descriptions size="small" column={1} data-testid="bill-sums">
      <Descriptions.Item label={t('bill.totalLabel')}>
        <Typography.Text strong data-testid="bill-total">
          {money(b.total)}
        </Typography.Text>
      </Descriptions.Item>
      {hasUnappliedOffset(b) && (
        <Descriptions.Item label={t('bill.unappliedOffset')}>
          <Flex vertical gap={0} data-testid="bill-unapplied-offset">
            <span>{money(b.unapplied_offset)}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('bill.unappliedOffsetHint')}
            </Typography.Text>
          </Flex>
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t('bill.paid')}>{money(b.paid)}</Descriptions.Item>
      {hasPaidBack(b) && (
        <Descriptions.Item label={t('bill.paidBack')}>
          <span data-testid="bill-paid-back">{money(b.paid_back)}</span>
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t('bill.outstanding')}>
        <Outstanding bill={b} />
      </Descriptions.Item>
      {isOverpaid(b) && (
        <Descriptions.Item label={t('bill.overpaid')}>
          <Flex vertical gap={0} align="flex-start" data-testid="bill-overpaid">
            <Flex gap={8} align="center" wrap="wrap">
              <Typography.Text type="warning" strong>
                {money(b.overpaid)}
              </Typography.Text>
              {onPayBack && (
                <Button size="small" data-testid="bill-payback" onClick={onPayBack}>
                  {t('bill.payback')}
                </Button>
              )}
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('bill.overpaidHint')}
            </Typography.Text>
          </Flex>
        </Descriptions.Item>
      )}
      {due && <Descriptions.Item label={t('bill.dueOn')}>{formatDate(b.due_on)}</Descriptions.Item>}
    </Descriptions>
  );
}
