// Heating changes' small shared pieces: a kind, state, document and event in words (a value the
// console does not know shows as the server wrote it), the state and kind tags, the documents as
// tags, the area before and after, and the settlement: 应退 ¥x (a credit) or 应补 ¥x (a charge) with
// how it is reckoned (the season's days × the price × the area), 按热计量表读数结算 for a household
// billed by meter, and what a change not yet approved is told.
import { Flex, Tag, Typography } from 'antd';
import type { HeatingChange, HeatingChangeDocument } from '../../api/types';
import { formatFen } from '../../format';
import { useT, type MessageKey, type Translate } from '../../i18n';
import { CHANGE_EVENTS, CHANGE_KINDS, CHANGE_STATES, DOCUMENTS, isAreaChange, kindColour, settlementSide, settlementStatus, stateColour, yuanToFen } from './logic';

function known(t: Translate, prefix: string, value: string, values: readonly string[]): string {
  return values.includes(value) ? t(`${prefix}.${value}` as MessageKey) : value;
}

export function stateText(t: Translate, state: string): string {
  return known(t, 'heatingChange.state', state, CHANGE_STATES);
}

export function kindText(t: Translate, kind: string): string {
  return known(t, 'heatingChange.kind', kind, CHANGE_KINDS);
}

export function documentText(t: Translate, document: HeatingChangeDocument | string): string {
  return known(t, 'heatingChange.document', document, DOCUMENTS);
}

export function documentsText(t: Translate, documents: ReadonlyArray<HeatingChangeDocument | string>): string {
  return documents.map((d) => documentText(t, d)).join(t('heatingChange.listSeparator'));
}

export function actionText(t: Translate, action: string): string {
  return known(t, 'heatingChange.action', action, CHANGE_EVENTS);
}

export function ChangeStateTag({ state }: { state: string }) {
  const t = useT();
  return (
    <Tag color={stateColour(state)} data-testid="heating-change-state" data-state={state}>
      {stateText(t, state)}
    </Tag>
  );
}

export function ChangeKindTag({ kind }: { kind: string }) {
  const t = useT();
  return (
    <Tag color={kindColour(kind)} style={{ marginInlineEnd: 0 }}>
      {kindText(t, kind)}
    </Tag>
  );
}

/** Documents as tags (missing ones in orange); `none` when there are none. */
export function DocumentTags({ documents, missing, none }: { documents: ReadonlyArray<HeatingChangeDocument | string>; missing?: boolean; none: string }) {
  const t = useT();
  if (documents.length === 0) return <Typography.Text type="secondary">{none}</Typography.Text>;
  return (
    <Flex gap={4} wrap="wrap" data-testid={missing ? 'heating-change-missing' : 'heating-change-documents'}>
      {documents.map((d) => (
        <Tag key={d} color={missing ? 'orange' : undefined} style={{ marginInlineEnd: 0 }}>
          {documentText(t, d)}
        </Tag>
      ))}
    </Flex>
  );
}

/** "85.55 ㎡", and "85.55 ㎡ → 100.50 ㎡" for an area change. */
export function AreaView({ change: c }: { change: Pick<HeatingChange, 'kind' | 'area_before' | 'area_after'> }) {
  const t = useT();
  if (!isAreaChange(c.kind) || c.area_before === c.area_after) return <span>{t('heatingChange.areaOf', { area: c.area_before })}</span>;
  return <span>{t('heatingChange.areaChange', { before: c.area_before, after: c.area_after })}</span>;
}

/** The settlement: 应退 / 应补 with the amount and how it is reckoned, 按热计量表读数结算, or why
 * there is none yet. `basis` adds the reckoning on a line of its own. */
export function SettlementView({ change: c, basis = true }: { change: Pick<HeatingChange, 'state' | 'billing' | 'settlement'>; basis?: boolean }) {
  const t = useT();
  const status = settlementStatus(c);
  if (status === 'pending') return <Typography.Text type="secondary">{c.billing === 'meter' ? t('heatingChange.byMeter') : t('heatingChange.settledOnApproval')}</Typography.Text>;
  if (status === 'none') return <Typography.Text type="secondary">{t('heatingChange.noSettlement')}</Typography.Text>;
  if (status === 'meter')
    return (
      <span data-testid="heating-change-settlement" data-side="meter">
        {t('heatingChange.byMeter')}
      </span>
    );
  const s = c.settlement!;
  const side = settlementSide(s);
  const fen = yuanToFen(s.amount);
  const money = fen === null ? s.amount : formatFen(Math.abs(fen));
  return (
    <Flex vertical gap={0} data-testid="heating-change-settlement" data-side={side}>
      <Typography.Text strong type={side === 'credit' ? 'success' : side === 'charge' ? 'warning' : undefined}>
        {side === 'credit' ? t('heatingChange.credit', { amount: money }) : side === 'charge' ? t('heatingChange.charge', { amount: money }) : side === 'none' ? t('heatingChange.nothingDue') : money}
      </Typography.Text>
      {basis && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('heatingChange.reckoning', { days: s.days, seasonDays: s.season_days, price: s.price, area: s.area })}
        </Typography.Text>
      )}
    </Flex>
  );
}
