// A publication of a month's indicators (a row of 已发布): who published it and when, its five
// figures as published (they never change), and the records behind each, a tab per indicator.
import { Drawer, Flex, Grid, Tabs, Typography } from 'antd';
import type { IndicatorPublication } from '../../api/types';
import { formatDateTime, MISSING } from '../../format';
import { useT } from '../../i18n';
import { IndicatorCards, indicatorName } from './parts';
import RecordsTable from './RecordsTable';

export default function PublicationDrawer({ publication, onClose }: { publication: IndicatorPublication; onClose: () => void }) {
  const t = useT();
  const narrow = !Grid.useBreakpoint().md;
  const p = publication;
  return (
    <Drawer
      open
      width={narrow ? '100%' : 860}
      title={t('indicators.drawerTitle', { company: t('indicators.companyTitle', { code: p.company_code, name: p.company_name }), month: p.month })}
      onClose={onClose}
    >
      <Flex vertical gap={16} data-testid="publication-drawer">
        <Typography.Text type="secondary">{t('indicators.publishedLine', { at: formatDateTime(p.published_at), by: p.published_by ?? MISSING, policy: p.policy })}</Typography.Text>
        <IndicatorCards
          indicators={p.indicators}
          showBasis
          detail={(i) => (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('indicators.publishedCount', { n: i.records })}
            </Typography.Text>
          )}
        />
        <div>
          <Typography.Title level={5}>{t('indicators.recordsTitle')}</Typography.Title>
          <Tabs
            destroyOnHidden
            items={p.indicators.map((i) => ({
              key: i.rule,
              label: t('indicators.recordTab', { name: indicatorName(t, i.rule, i.name), n: i.records }),
              children: <RecordsTable rule={i.rule} path={`/api/v1/indicators/publications/${p.id}/records`} query={{ rule: i.rule }} />,
            }))}
          />
        </div>
      </Flex>
    </Drawer>
  );
}
