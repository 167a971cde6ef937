// Tariffs' small shared pieces: the billing basis, a price with its unit (元/m²（采暖季） by area,
// 元/GJ by meter) and the period in words; a tariff's 调价通知 status (未告知 with the button that
// announces it, for those who may, behind a confirmation saying who gets it; or 已告知 N 户 · when
// · by whom, red 逾期告知 when told on or after the first day), and the drawer with what the
// households were told.
import { Button, Descriptions, Drawer, Flex, Grid, Popconfirm, Tag, Typography } from 'antd';
import type { PriceNotice, Tariff } from '../../api/types';
import { beijingToday, formatDate, formatDateTime, MISSING } from '../../format';
import { useT, type MessageKey, type Translate } from '../../i18n';
import { BILLINGS, lateOn, yuanText } from './logic';

/** 按面积 / 按热计量; a basis the console does not know shows as the server wrote it. */
export function billingText(t: Translate, billing: string): string {
  return (BILLINGS as readonly string[]).includes(billing) ? t(`tariff.billing.${billing}` as MessageKey) : billing;
}

/** "28.00 元/m²（采暖季）" by area, "45.00 元/GJ" by meter; "—" when absent. */
export function priceText(t: Translate, price: number | string | null | undefined, billing: string): string {
  const yuan = yuanText(price);
  if (yuan === null) return MISSING;
  return t(billing === 'meter' ? 'tariff.perGJ' : 'tariff.perM2', { price: yuan });
}

/** The fixed part of a two-part tariff: yuan per m² for the season. */
export function basePriceText(t: Translate, base: number | string | null | undefined): string {
  return priceText(t, base, 'area');
}

/** "2026-11-15 至 2027-03-31", or "2026-11-15 起" while open-ended. */
export function periodText(t: Translate, r: Pick<Tariff, 'valid_from' | 'valid_to'>): string {
  return r.valid_to ? t('tariff.periodValue', { from: formatDate(r.valid_from), to: formatDate(r.valid_to) }) : t('tariff.periodOpen', { from: formatDate(r.valid_from) });
}

/** 已告知 N 户 · 2030-11-01 10:00 · li. */
export function toldText(t: Translate, n: Pick<PriceNotice, 'households' | 'announced_at' | 'announced_by'>): string {
  return t('tariff.told', { n: n.households, at: formatDateTime(n.announced_at), by: n.announced_by });
}

export function LateTag({ notice }: { notice: Pick<PriceNotice, 'late'> }) {
  const t = useT();
  if (!notice.late) return null;
  return (
    <Tag color="red" style={{ marginInlineEnd: 0 }} data-testid="tariff-notice-late">
      {t('tariff.late')}
    </Tag>
  );
}

export interface NoticeStatusProps {
  tariff: Tariff;
  /** Undefined while the notices load; null when not announced. */
  notice: PriceNotice | null | undefined;
  /** Whether the caller may announce (admin, manager). */
  writer: boolean;
  announcing: boolean;
  onAnnounce: () => void;
  onOpen: (notice: PriceNotice) => void;
}

export function NoticeStatus({ tariff, notice, writer, announcing, onAnnounce, onOpen }: NoticeStatusProps) {
  const t = useT();
  if (notice === undefined) return <Typography.Text type="secondary">{MISSING}</Typography.Text>;
  if (notice) {
    return (
      <Flex gap={4} wrap="wrap" align="center" data-testid="tariff-notice" data-late={notice.late ? 'true' : 'false'}>
        <Button size="small" type="link" style={{ paddingInline: 0 }} data-testid="tariff-notice-open" onClick={() => onOpen(notice)}>
          {toldText(t, notice)}
        </Button>
        <LateTag notice={notice} />
      </Flex>
    );
  }
  const basis = billingText(t, tariff.billing);
  const late = lateOn(tariff.valid_from, beijingToday());
  return (
    <Flex gap={4} wrap="wrap" align="center" data-testid="tariff-notice">
      <Tag color="orange" style={{ marginInlineEnd: 0 }} data-testid="tariff-notice-none">
        {t('tariff.untold')}
      </Tag>
      {writer && (
        <Popconfirm
          title={t('tariff.announceConfirm', { name: tariff.name })}
          description={
            <div style={{ maxWidth: 360 }}>
              {t('tariff.announceHint', { basis })}
              {late && (
                <Typography.Paragraph type="danger" style={{ margin: '4px 0 0' }}>
                  {t('tariff.announceLate', { from: formatDate(tariff.valid_from) })}
                </Typography.Paragraph>
              )}
            </div>
          }
          okText={t('tariff.announceOk')}
          cancelText={t('common.cancel')}
          onConfirm={onAnnounce}
        >
          <Button size="small" type="link" loading={announcing} data-testid="tariff-announce">
            {t('tariff.announce')}
          </Button>
        </Popconfirm>
      )}
    </Flex>
  );
}

export interface NoticeDrawerProps {
  notice: PriceNotice;
  /** The tariff announced, when the page lists it. */
  tariff?: Tariff;
  onClose: () => void;
}

/** What the households were told, with how many, when and by whom. Full width on a phone. */
export function NoticeDrawer({ notice: n, tariff, onClose }: NoticeDrawerProps) {
  const t = useT();
  const narrow = !Grid.useBreakpoint().sm;
  return (
    <Drawer open width={narrow ? '100%' : 560} title={t('tariff.noticeTitle', { name: tariff?.name ?? `#${n.tariff_id}` })} onClose={onClose}>
      <Flex vertical gap={16} data-testid="tariff-notice-detail">
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label={t('tariff.billingLabel')}>{billingText(t, n.billing)}</Descriptions.Item>
          <Descriptions.Item label={t('tariff.price')}>{priceText(t, n.price, n.billing)}</Descriptions.Item>
          <Descriptions.Item label={t('tariff.validFrom')}>{formatDate(n.valid_from)}</Descriptions.Item>
          <Descriptions.Item label={t('tariff.households')}>{t('tariff.householdsN', { n: n.households })}</Descriptions.Item>
          <Descriptions.Item label={t('tariff.announcedAt')}>{formatDateTime(n.announced_at)}</Descriptions.Item>
          <Descriptions.Item label={t('tariff.announcedBy')}>{n.announced_by}</Descriptions.Item>
          <Descriptions.Item label={t('tariff.timeliness')}>
            {n.late ? <LateTag notice={n} /> : <Tag color="green" style={{ marginInlineEnd: 0 }}>{t('tariff.onTime')}</Tag>}
          </Descriptions.Item>
        </Descriptions>
        <div>
          <Typography.Title level={5}>{t('tariff.noticeText')}</Typography.Title>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="tariff-notice-text">
            {n.text}
          </Typography.Paragraph>
        </div>
      </Flex>
    </Drawer>
  );
}
