// 我的理赔 (/my/insurance-claims, household): the household's own insurance claims (R-INS-1),
// read only, newest first, a page at a time: what happened, the state, the amount agreed, the
// deadline that runs (赔付期限: 30 working days from agreement); 查看详情 opens the claim with its
// history. The server answers a household its own claims only.
import { PageContainer } from '@ant-design/pro-components';
import { Alert, Button, Card, Descriptions, Empty, Flex, Skeleton, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, type Page } from '../api/client';
import type { Claim } from '../api/types';
import { formatDateTime } from '../format';
import { useT } from '../i18n';
import { PHONE_TOKEN } from './household/phone';
import ClaimDrawer from './insurance/ClaimDrawer';
import { moneyText, shownDeadline } from './insurance/logic';
import { ClaimDeadlineView, ClaimStateTag } from './insurance/parts';

function ClaimCard({ claim: c, onOpen }: { claim: Claim; onOpen: () => void }) {
  const t = useT();
  const shown = shownDeadline(c);
  return (
    <Card
      size="small"
      data-testid="my-claim"
      title={t('claim.detailTitle', { id: c.id })}
      extra={<ClaimStateTag state={c.state} />}
    >
      <Flex vertical gap={8}>
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('claim.incidentAt')}>{formatDateTime(c.incident_at)}</Descriptions.Item>
          <Descriptions.Item label={t('claim.incident')}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{c.incident}</span>
          </Descriptions.Item>
          {(c.amount || c.amount_fen !== null) && (
            <Descriptions.Item label={t('claim.amount')}>
              <Typography.Text strong>{moneyText(c.amount, c.amount_fen)}</Typography.Text>
            </Descriptions.Item>
          )}
        </Descriptions>
        {shown && <ClaimDeadlineView name={shown.name} deadline={shown.deadline} />}
        <Button block onClick={onOpen} data-testid="my-claim-open">
          {t('claim.open')}
        </Button>
      </Flex>
    </Card>
  );
}

export default function MyInsuranceClaims() {
  const t = useT();
  const [items, setItems] = useState<Claim[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>();
  const [open, setOpen] = useState<number>();

  const load = useCallback(async (cursor?: string) => {
    setLoading(true);
    setError(undefined);
    try {
      const page = await api.get<Page<Claim>>('/api/v1/insurance-claims', { limit: 20, cursor });
      setItems((old) => (cursor ? [...old, ...page.items] : page.items));
      setNext(page.next_cursor ? String(page.next_cursor) : null);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <PageContainer token={PHONE_TOKEN} title={t('menu.myInsuranceClaims')}>
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('claim.explainHousehold')}</Typography.Text>
        {error ? <Alert type="error" showIcon message={error instanceof Error ? error.message : String(error)} /> : null}
        {loading && items.length === 0 ? (
          <Skeleton active />
        ) : items.length === 0 && !error ? (
          <Card size="small">
            <Empty description={t('claim.none')} />
          </Card>
        ) : (
          items.map((c) => <ClaimCard key={c.id} claim={c} onOpen={() => setOpen(c.id)} />)
        )}
        {next && (
          <Button block loading={loading} onClick={() => void load(next)}>
            {t('common.loadMore')}
          </Button>
        )}
      </Flex>
      {open !== undefined && <ClaimDrawer key={open} id={open} onClose={() => setOpen(undefined)} />}
    </PageContainer>
  );
}
