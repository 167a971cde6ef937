// Heat-meter disputes' small shared pieces: a state, result, party and event in words (a value the
// console does not know shows as the server wrote it), the state and result tags, who pays with
// the clause ("供热企业 · W 10.3 (10.3 b)"), and the by-area billing tag with its reason.
import { Tag, Typography } from 'antd';
import type { MeterDispute } from '../../api/types';
import { MISSING } from '../../format';
import { useT, type MessageKey, type Translate } from '../../i18n';
import { DISPUTE_EVENTS, DISPUTE_STATES, PARTIES, RESULTS, resultColour, stateColour } from './logic';
import Tip from '../../components/Tip';

function known(t: Translate, prefix: string, value: string, values: readonly string[]): string {
  return values.includes(value) ? t(`${prefix}.${value}` as MessageKey) : value;
}

export function stateText(t: Translate, state: string): string {
  return known(t, 'meterDispute.state', state, DISPUTE_STATES);
}

export function resultText(t: Translate, result: string): string {
  return known(t, 'meterDispute.result', result, RESULTS);
}

export function partyText(t: Translate, party: string): string {
  return known(t, 'meterDispute.party', party, PARTIES);
}

export function actionText(t: Translate, action: string): string {
  return known(t, 'meterDispute.action', action, DISPUTE_EVENTS);
}

/** "供热企业 · W 10.3 (10.3 b)"; null before calibration. */
export function payerText(t: Translate, d: Pick<MeterDispute, 'payer' | 'payer_clause'>): string | null {
  if (!d.payer) return null;
  return d.payer_clause ? `${partyText(t, d.payer)} · ${d.payer_clause}` : partyText(t, d.payer);
}

export function DisputeStateTag({ state }: { state: string }) {
  const t = useT();
  return (
    <Tag color={stateColour(state)} data-testid="dispute-state" data-state={state}>
      {stateText(t, state)}
    </Tag>
  );
}

export function ResultTag({ result }: { result: string | null }) {
  const t = useT();
  if (!result) return <Typography.Text type="secondary">{MISSING}</Typography.Text>;
  return (
    <Tag color={resultColour(result)} data-testid="dispute-result" data-result={result}>
      {resultText(t, result)}
    </Tag>
  );
}

export function PayerView({ dispute: d }: { dispute: Pick<MeterDispute, 'payer' | 'payer_clause'> }) {
  const t = useT();
  const text = payerText(t, d);
  if (!text) return <Typography.Text type="secondary">{t('meterDispute.payerPending')}</Typography.Text>;
  return <span data-testid="dispute-payer">{text}</span>;
}

/** 改按面积收费 in red, its reason on hover; 按热计量 otherwise. */
export function BillingView({ dispute: d }: { dispute: Pick<MeterDispute, 'billing'> }) {
  const t = useT();
  if (!d.billing?.by_area) return <Typography.Text type="secondary">{t('meterDispute.byMeter')}</Typography.Text>;
  return (
    <Tip title={d.billing.reason}>
      <Tag color="red" data-testid="dispute-by-area" style={{ marginInlineEnd: 0 }}>
        {t('meterDispute.byArea')}
      </Tag>
    </Tip>
  );
}
