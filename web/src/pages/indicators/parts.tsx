// The service indicators' shared pieces (工作台, 五项指标, the public page): an indicator's name,
// its status tag (达标 green, 未达标 red, 不适用 grey), its figure in the status's colour, a card
// per indicator (figure, target, numerator/denominator, status; with its basis and what it counts
// when asked), and a report's cards per company (with 查看记录 on each when the page opens them).
import { UnorderedListOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Statistic, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { Indicator, IndicatorReport } from '../../api/types';
import { useT, type Translate } from '../../i18n';
import { figureText, idCount, isIndicatorRule, statusColour, statusTag, targetText } from './logic';

/** What every indicator has, live or published. */
export interface IndicatorFigure {
  rule: string;
  name: string;
  numerator: number;
  denominator: number;
  value: number | null;
  display: string;
  target_per_mille: number;
  target_kind: string;
  target_basis?: string;
  status: string;
}

/** 运行事故率…; an indicator the console does not know keeps the server's name. */
export function indicatorName(t: Translate, rule: string, name?: string): string {
  return isIndicatorRule(rule) ? t(`indicatorName.${rule}`) : name || rule;
}

export function IndicatorStatusTag({ status }: { status: string }) {
  const t = useT();
  const tag = statusTag(status);
  return (
    <Tag color={tag.color} data-testid="indicator-status" data-status={status}>
      {tag.key ? t(tag.key) : status}
    </Tag>
  );
}

/** A figure ("66.67%") in its status's colour, with the status in words beside (a table cell). */
export function FigureTag({ indicator }: { indicator: Pick<IndicatorFigure, 'value' | 'display' | 'status'> | undefined }) {
  const t = useT();
  if (!indicator) return <Typography.Text type="secondary">{figureText({ value: null, display: '' })}</Typography.Text>;
  const tag = statusTag(indicator.status);
  return (
    <Tag color={tag.color} title={tag.key ? t(tag.key) : indicator.status} data-testid="indicator-figure" data-status={indicator.status}>
      {figureText(indicator)}
    </Tag>
  );
}

export interface IndicatorCardsProps<I extends IndicatorFigure> {
  indicators: I[];
  /** Show each target's basis ("W 14.4 table 1"). */
  showBasis?: boolean;
  /** More lines under an indicator (what it counts). */
  detail?: (i: I) => ReactNode;
}

/** A card per indicator, in the server's order (S, Q, C, P, B), wrapping on a narrow screen. */
export function IndicatorCards<I extends IndicatorFigure>({ indicators, showBasis, detail }: IndicatorCardsProps<I>) {
  const t = useT();
  return (
    <Flex gap={12} wrap="wrap" data-testid="indicator-cards">
      {indicators.map((i) => (
        <Card key={i.rule} size="small" style={{ flex: '1 1 200px', minWidth: 0 }} data-testid="indicator-card" data-rule={i.rule}>
          <Statistic title={`${indicatorName(t, i.rule, i.name)} (${i.rule})`} value={figureText(i)} valueStyle={{ color: statusColour(i.status) }} />
          <Flex vertical gap={2}>
            <Typography.Text type="secondary">
              {t('indicators.target', { target: targetText(i.rule, i.target_per_mille, i.target_kind) })}
              {' · '}
              {t('indicators.ratio', { n: i.numerator, d: i.denominator })}
              {' · '}
              <IndicatorStatusTag status={i.status} />
            </Typography.Text>
            {showBasis && i.target_basis && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('indicators.basis', { basis: i.target_basis })}
              </Typography.Text>
            )}
            {detail?.(i)}
          </Flex>
        </Card>
      ))}
    </Flex>
  );
}

/** What a live indicator counts: its records, those in the numerator, the stops, orders or
 * households behind it (counts only: the lists can be thousands long). */
export function LiveCounts({ indicator }: { indicator: Indicator }) {
  const t = useT();
  const ids = idCount(indicator);
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="indicator-counts">
      {t('indicators.records', { n: indicator.records?.length ?? 0 })}
      {' · '}
      {t('indicators.numeratorRecords', { n: indicator.numerator_records?.length ?? 0 })}
      {ids && ` · ${t(`indicators.ids.${ids.kind}`, { n: ids.n })}`}
    </Typography.Text>
  );
}

/** A company of a live report. */
export type ReportCompany = IndicatorReport['companies'][number];

/** 查看记录: opens the records behind a live indicator (those with a records_url). */
function RecordsButton({ indicator, onClick }: { indicator: Indicator; onClick: () => void }) {
  const t = useT();
  return (
    <Button
      type="link"
      size="small"
      icon={<UnorderedListOutlined />}
      style={{ paddingInline: 0, alignSelf: 'flex-start' }}
      aria-label={t('indicators.viewRecordsOf', { name: indicatorName(t, indicator.rule, indicator.name) })}
      data-testid="indicator-records-open"
      onClick={onClick}
    >
      {t('indicators.viewRecords')}
    </Button>
  );
}

export interface IndicatorReportViewProps {
  report: IndicatorReport;
  /** Each target's basis and what each indicator counts. */
  detailed?: boolean;
  empty?: string;
  /** 查看记录 on each indicator that links to its records (records_url). */
  onRecords?: (company: ReportCompany, indicator: Indicator) => void;
}

/** A report's indicators per company (the company named when there are several). */
export function IndicatorReportView({ report, detailed = false, empty, onRecords }: IndicatorReportViewProps) {
  const t = useT();
  if (report.companies.length === 0) return <Empty description={empty ?? t('indicators.noLive')} />;
  return (
    <Flex vertical gap={12} data-testid="indicator-report">
      {report.companies.map((c) => (
        <div key={c.company_id}>
          {(report.companies.length > 1 || detailed) && (
            <Typography.Title level={5} style={{ marginTop: 0 }}>
              {t('indicators.companyTitle', { code: c.company_code, name: c.company_name })}
              {detailed && c.policy && (
                <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal', marginLeft: 8 }}>
                  {t('indicators.policy', { policy: c.policy })}
                </Typography.Text>
              )}
            </Typography.Title>
          )}
          <IndicatorCards
            indicators={c.indicators}
            showBasis={detailed}
            detail={
              detailed || onRecords
                ? (i) => (
                    <>
                      {detailed && <LiveCounts indicator={i} />}
                      {onRecords && i.records_url && <RecordsButton indicator={i} onClick={() => onRecords(c, i)} />}
                    </>
                  )
                : undefined
            }
          />
        </div>
      ))}
    </Flex>
  );
}
