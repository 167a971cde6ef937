// 节假日日历 (/settings/calendar, admin and regulator): the holiday years loaded, a warning for
// the years missing (this year and next), the imports made, and, for the admin only, uploading a
// year's file (the shape of data/calendar/cn-holidays.json: {"source", "years": {"2027": [{date,
// name, off}]}}). A file with problems is refused with every problem listed; after an import the
// page reloads what it shows, so the warning goes when the year is there.
import { UploadOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { Alert, App, Button, Card, Descriptions, Flex, Space, Switch, Table, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { errorText, request, type Page } from '../api/client';
import type { CalendarImport, CalendarStatus } from '../api/types';
import { useApi } from '../api/useApi';
import { useAuth } from '../auth';
import { namedPager } from '../components/a11y';
import CalendarWarning from '../components/CalendarWarning';
import { PageError, PageLoading } from '../components/PageState';
import { formatDateTime } from '../format';
import { useT } from '../i18n';

export default function Calendar() {
  const t = useT();
  const { message } = App.useApp();
  const { me } = useAuth();
  const canImport = me?.role === 'admin';
  const status = useApi<CalendarStatus>('/api/v1/calendar');
  const imports = useApi<Page<CalendarImport>>('/api/v1/calendar/imports', { limit: 1000 });
  const [replace, setReplace] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const input = useRef<HTMLInputElement>(null);

  async function upload(file: File) {
    setBusy(true);
    setProblem(undefined);
    try {
      const text = await file.text();
      const done = await request<CalendarImport>('POST', '/api/v1/calendar/imports', {
        query: { replace: replace ? 'true' : undefined },
        raw: { body: text, contentType: 'application/json' },
      });
      message.success(t('calendar.imported', { years: done.years.join('、') }));
      status.reload();
      imports.reload();
    } catch (e) {
      setProblem(errorText(e));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  }

  if (status.error) return <PageError error={status.error} onRetry={status.reload} />;
  if (!status.data) return <PageLoading />;
  return (
    <PageContainer title={t('menu.calendar')}>
      <Flex vertical gap={16}>
        <CalendarWarning status={status.data} />
        <Card size="small" title={t('calendar.loaded')}>
          <Space wrap>
            {status.data.years.map((y) => (
              <Tag key={y} color="blue">
                {y}
              </Tag>
            ))}
            {status.data.years.length === 0 && <Typography.Text type="secondary">{t('common.none')}</Typography.Text>}
          </Space>
        </Card>
        {canImport && (
          <Card size="small" title={t('calendar.upload')}>
            <Flex vertical gap={12}>
              <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                {t('calendar.uploadHint')}
              </Typography.Paragraph>
              <label htmlFor="calendar-replace">
                <Space>
                  <Switch id="calendar-replace" checked={replace} onChange={setReplace} aria-label={t('calendar.replace')} />
                  <span>{t('calendar.replace')}</span>
                </Space>
              </label>
              <input
                ref={input}
                id="calendar-file"
                data-testid="calendar-upload"
                type="file"
                accept=".json,application/json"
                aria-label={t('calendar.chooseFile')}
                style={{ position: 'absolute', width: 1, height: 1, opacity: 0, overflow: 'hidden' }}
                onChange={(e) => {
                  const f = e.target.files?.[0];
                  if (f) void upload(f);
                }}
              />
              <div>
                <Button icon={<UploadOutlined />} loading={busy} onClick={() => input.current?.click()}>
                  {t('calendar.chooseFile')}
                </Button>
              </div>
              {problem && (
                <Alert
                  type="error"
                  showIcon
                  message={t('calendar.refused')}
                  description={<div style={{ whiteSpace: 'pre-wrap' }}>{problem}</div>}
                  role="alert"
                />
              )}
            </Flex>
          </Card>
        )}
        <Card size="small" title={t('calendar.imports')}>
          {imports.error ? (
            <Alert type="error" showIcon message={imports.error instanceof Error ? imports.error.message : String(imports.error)} />
          ) : (
            <Table<CalendarImport>
              size="small"
              rowKey="id"
              loading={imports.loading}
              dataSource={[...(imports.data?.items ?? [])].reverse()}
              pagination={namedPager(t, { defaultPageSize: 10, pageSizeOptions: [10, 20, 50], showSizeChanger: true })}
              scroll={{ x: 700 }}
              columns={[
                { title: t('calendar.importedAt'), dataIndex: 'imported_at', width: 160, render: (v: string) => formatDateTime(v) },
                { title: t('calendar.years'), dataIndex: 'years', width: 140, render: (ys: number[]) => ys.join('、') },
                { title: t('calendar.holidays'), dataIndex: 'holidays', width: 90, align: 'right' },
                { title: t('calendar.makeUpDays'), dataIndex: 'make_up_days', width: 110, align: 'right' },
                { title: t('calendar.replaceCol'), dataIndex: 'replace', width: 80, render: (r: boolean) => (r ? t('common.yes') : t('common.no')) },
                { title: t('calendar.source'), dataIndex: 'source', ellipsis: true },
              ]}
              expandable={{
                expandedRowRender: (r) => (
                  <Descriptions size="small" column={1}>
                    <Descriptions.Item label={t('calendar.source')}>{r.source}</Descriptions.Item>
                  </Descriptions>
                ),
              }}
            />
          )}
        </Card>
      </Flex>
    </PageContainer>
  );
}
