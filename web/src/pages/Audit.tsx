// 审计日志 (/settings/audit, admin and regulator): who changed what and when, newest first, with
// the record before and after (masked for the regulator by the API). Paged by cursor; the page
// size and the cursor trail are kept in the URL so a link shows the same page.
import { PageContainer } from '@ant-design/pro-components';
import { Card, Col, Row, Table, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import type { Page } from '../api/client';
import type { AuditEntry } from '../api/types';
import { useApi } from '../api/useApi';
import CursorPager, { PAGE_SIZES } from '../components/CursorPager';
import { PageError } from '../components/PageState';
import { formatDateTime } from '../format';
import { useT } from '../i18n';

function Json({ value, label }: { value: unknown; label: string }) {
  const t = useT();
  return (
    <div>
      <Typography.Text strong>{label}</Typography.Text>
      <pre aria-label={label} style={{ background: '#fafafa', padding: 8, maxHeight: 320, overflow: 'auto', fontSize: 12, margin: '4px 0 0' }}>
        {value === null || value === undefined ? t('common.none') : JSON.stringify(value, null, 2)}
      </pre>
    </div>
  );
}

export default function Audit() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const sizeParam = Number(params.get('size'));
  const size = PAGE_SIZES.includes(sizeParam) ? sizeParam : 20;
  const trail = (params.get('after') ?? '').split(',').filter((c) => /^\d+$/.test(c));
  const cursor = trail[trail.length - 1];
  const list = useApi<Page<AuditEntry>>('/api/v1/audit', { limit: size, cursor });

  const go = (nextTrail: string[], nextSize = size) => {
    const p = new URLSearchParams(params);
    if (nextTrail.length) p.set('after', nextTrail.join(','));
    else p.delete('after');
    if (nextSize !== 20) p.set('size', String(nextSize));
    else p.delete('size');
    setParams(p);
  };

  if (list.error) return <PageError error={list.error} onRetry={list.reload} />;
  return (
    <PageContainer title={t('menu.audit')}>
      <Card size="small">
        <Table<AuditEntry>
          size="small"
          rowKey="id"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          pagination={false}
          scroll={{ x: 760 }}
          columns={[
            { title: t('audit.at'), dataIndex: 'at', width: 170, render: (v: string) => formatDateTime(v, true) },
            { title: t('audit.actor'), dataIndex: 'actor', width: 160 },
            { title: t('audit.action'), dataIndex: 'action', width: 120 },
            { title: t('audit.resource'), dataIndex: 'resource', width: 160 },
            { title: t('audit.record'), dataIndex: 'record_id', width: 100, render: (v: number | null) => v ?? t('common.none') },
          ]}
          expandable={{
            expandedRowRender: (e) => (
              <Row gutter={12}>
                <Col xs={24} md={12}>
                  <Json value={e.before} label={t('audit.before')} />
                </Col>
                <Col xs={24} md={12}>
                  <Json value={e.after} label={t('audit.after')} />
                </Col>
              </Row>
            ),
          }}
        />
        <CursorPager
          page={trail.length + 1}
          hasNext={!!list.data?.next_cursor}
          size={size}
          loading={list.loading}
          onPrev={() => go(trail.slice(0, -1))}
          onNext={() => list.data?.next_cursor && go([...trail, String(list.data.next_cursor)])}
          onSize={(n) => go([], n)}
        />
      </Card>
    </PageContainer>
  );
}
