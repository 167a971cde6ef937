// The findings' small shared pieces: a finding's kind, state, history event and action in words
// (a value the console does not know shows as the server wrote it), and the tags of its state
// and of whether it counts in refunds now.
import { Tag } from 'antd';
import { useT, type MessageKey, type Translate } from '../../i18n';
import { FINDING_ACTIONS, FINDING_KINDS, FINDING_STATES, stateColour } from './logic';

function known(t: Translate, prefix: string, value: string, values: readonly string[]): string {
  return values.includes(value) ? t(`${prefix}.${value}` as MessageKey) : value;
}

export function kindText(t: Translate, kind: string): string {
  return known(t, 'finding.kind', kind, FINDING_KINDS);
}

export function stateText(t: Translate, state: string): string {
  return known(t, 'finding.state', state, FINDING_STATES);
}

export function eventText(t: Translate, action: string): string {
  return known(t, 'finding.event', action, ['record', ...FINDING_ACTIONS]);
}

export function roleText(t: Translate, role: string): string {
  return known(t, 'role', role, ['admin', 'regulator', 'manager', 'agent', 'technician', 'household']);
}

export function FindingStateTag({ state }: { state: string }) {
  const t = useT();
  return (
    <Tag color={stateColour(state)} data-testid="finding-state" data-state={state}>
      {stateText(t, state)}
    </Tag>
  );
}

/** 计入 while it removes the temperature share on its days, else 不计入. */
export function EffectiveTag({ effective }: { effective: boolean }) {
  const t = useT();
  return effective ? (
    <Tag color="volcano" title={t('finding.effectiveHint')}>
      {t('finding.effective')}
    </Tag>
  ) : (
    <Tag>{t('finding.notEffective')}</Tag>
  );
}
