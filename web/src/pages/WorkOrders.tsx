// 工单列表 (/work-orders, staff): the company's orders with live countdowns to each one's next
// deadline (amber at 75 % of its time, red overdue). Filters (state, channel, overdue, due within
// 24 h, household id), the page size and the cursor trail live in the URL, so a link shows the
// same list; paged by cursor as the API pages (10/20/50).
import { PageContainer } from '@ant-design/pro-components';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Select, Table, Tag, Typography } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import type { Page } from '../api/client';
import type { WorkOrder } from '../api/types';
import { useApi } from '../api/useApi';
import { useAuth } from '../auth';
import Countdown from '../components/Countdown';
import CursorPager, { PAGE_SIZES } from '../components/CursorPager';
import { PageError } from '../components/PageState';
import { nextDeadline, orderCategory, orderChannel, orderDeadline, orderState, ORDER_CHANNELS, ORDER_STATES } from '../components/orderWords';
import SearchInput from '../components/SearchInput';
import { formatDateTime } from '../format';
import { useT } from '../i18n';
import { PAGES } from '../routes';

export default function WorkOrders() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const { me } = useAuth();
  // 来电建单 for the roles whose menu has it (routes.tsx).
  const mayCreate = !!me && PAGES.some((p) => p.path === '/work-orders/new' && p.roles.includes(me.role));
  const state = params.get('state') ?? undefined;
  const channel = params.get('channel') ?? undefined;
  const due = params.get('due') ?? undefined; // "overdue" or "24h"
  const household = params.get('household') ?? '';
  const sizeParam = Number(params.get('size'));
  const size = PAGE_SIZES.includes(sizeParam) ? sizeParam : 20;
  const trail = (params.get('after') ?? '').split(',').filter((c) => /^\d+$/.test(c));
  const list = useApi<Page<WorkOrder>>('/api/v1/work-orders', {
    state,
    channel,
    overdue: due === 'overdue' ? 'true' : undefined,
    due_within: due === '24h' ? '24h' : undefined,
    household: /^\d+$/.test(household) ? household : undefined,
    limit: size,
    cursor: trail[trail.length - 1],
  });

  const update = (changes: Record<string, string | undefined>, keepTrail = false) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === '') p.delete(k);
      else p.set(k, v);
    }
    if (!keepTrail) p.delete('after');
    setParams(p);
  };

  if (list.error) return <PageError error={list.error} onRetry={list.reload} />;
  return (
    <PageContainer
      title={t('menu.workOrders')}
      extra={
        mayCreate && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/work-orders/new')} data-testid="work-order-new">
            {t('menu.newWorkOrder')}
          </Button>
        )
      }
    >
      <Card size="small">
        <Flex gap={8} wrap="wrap" style={{ marginBottom: 12 }}>
          <Select
            allowClear
            aria-label={t('order.state')}
            placeholder={t('order.state')}
            style={{ width: 140 }}
            value={state}
            onChange={(v) => update({ state: v })}
            options={ORDER_STATES.map((s) => ({ value: s, label: orderState(t, s) }))}
          />
          <Select
            allowClear
            aria-label={t('order.channel')}
            placeholder={t('order.channel')}
            style={{ width: 180 }}
            value={channel}
            onChange={(v) => update({ channel: v })}
            options={ORDER_CHANNELS.map((c) => ({ value: c, label: orderChannel(t, c) }))}
          />
          <Select
            allowClear
            aria-label={t('order.dueFilter')}
            placeholder={t('order.dueFilter')}
            style={{ width: 160 }}
            value={due}
            onChange={(v) => update({ due: v })}
            options={[
              { value: 'overdue', label: t('order.overdueOnly') },
              { value: '24h', label: t('order.due24h') },
            ]}
          />
          <SearchInput
            aria-label={t('order.householdId')}
            placeholder={t('order.householdId')}
            defaultValue={household}
            key={household}
            allowClear
            style={{ width: 200 }}
            onSearch={(v) => update({ household: v.trim() })}
          />
        </Flex>
        <Table<WorkOrder>
          data-testid="work-order-list"
          size="small"
          rowKey="id"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          pagination={false}
          scroll={{ x: 1100 }}
          locale={{ emptyText: t('order.none') }}
          columns={[
            { title: t('order.id'), dataIndex: 'id', width: 80, render: (id: number) => <Link to={`/work-orders/${id}`}>{id}</Link> },
            { title: t('order.receivedAt'), dataIndex: 'received_at', width: 140, render: (v: string) => formatDateTime(v) },
            { title: t('order.channel'), dataIndex: 'channel', width: 120, render: (c: string) => orderChannel(t, c) },
            { title: t('order.category'), dataIndex: 'category', width: 90, render: (c: string) => orderCategory(t, c) },
            {
              title: t('measure.household'),
              dataIndex: 'household_id',
              width: 90,
              render: (id: number | null) => (id ? <Link to={`/households/${id}`}>{id}</Link> : t('common.none')),
            },
            { title: t('order.content'), dataIndex: 'content', ellipsis: true },
            {
              title: t('order.state'),
              dataIndex: 'state',
              width: 110,
              render: (s: string, o) => (
                <Flex gap={4} wrap="wrap">
                  <Tag>{orderState(t, s)}</Tag>
                  {o.extended && <Tag color="purple">{t('order.extended')}</Tag>}
                  {o.second_complaint && <Tag color="red">{t('order.secondComplaint')}</Tag>}
                </Flex>
              ),
            },
            {
              title: t('order.deadline'),
              key: 'deadline',
              width: 330,
              render: (_, o) => {
                const next = nextDeadline(o);
                if (!next) return <Typography.Text type="secondary">{t('order.allMet')}</Typography.Text>;
                return (
                  <Flex gap={6} wrap="wrap" align="center">
                    <Tag>{orderDeadline(t, next.name)}</Tag>
                    <Countdown from={next.deadline.from} due={next.deadline.due} />
                  </Flex>
                );
              },
            },
          ]}
        />
        <CursorPager
          page={trail.length + 1}
          hasNext={!!list.data?.next_cursor}
          size={size}
          loading={list.loading}
          onPrev={() => update({ after: trail.slice(0, -1).join(',') || undefined }, true)}
          onNext={() => list.data?.next_cursor && update({ after: [...trail, String(list.data.next_cursor)].join(',') }, true)}
          onSize={(n) => update({ size: n === 20 ? undefined : String(n) })}
        />
      </Card>
    </PageContainer>
  );
}
