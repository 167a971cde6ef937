// 公开信息 · 供热企业服务信息 (/public/:code, no sign-in; R-INFO-1, W 4.5, W 12.2): what a heating
// company must publish, from GET /api/v1/public/companies/{code} asked without the session's
// token (api.getPublic): the company and its licence, its service numbers and halls, the
// season's dates per district (the district's decision, or 以政府公布为准), prices and ways to
// pay, then the procedures with their time limits, the quality standard, users' rights and both
// sides' duties, each with its clause small and grey. A plain page for a phone; an unknown code
// says so. (/public/indicators is a route of its own: React Router ranks it above /public/:code.)
import { TranslationOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Empty, Flex, List, Result, Skeleton, Space, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../api/client';
import type { PublicCompanyInfo, PublicContact, PublicInfoItem, PublicPrice, PublicSeason } from '../api/types';
import { useApi } from '../api/useApi';
import { PageError } from '../components/PageState';
import { formatDate, MISSING } from '../format';
import { useI18n, type MessageKey, type Translate } from '../i18n';
import { basisText } from './insurance/parts';

const CONTACT_KINDS = ['hotline', 'repair', 'supervision', 'hall'];

function contactKind(t: Translate, kind: string): string {
  return CONTACT_KINDS.includes(kind) ? t(`publicInfo.contact.${kind}` as MessageKey) : kind;
}

function Section({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <Card size="small" title={title} data-testid={testId}>
      {children}
    </Card>
  );
}

function Basis({ basis }: { basis: string }) {
  const { t } = useI18n();
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {t('publicInfo.basis', { basis: basisText(t, basis) })}
    </Typography.Text>
  );
}

function Items({ items }: { items: PublicInfoItem[] }) {
  const { t } = useI18n();
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('publicInfo.none')} />;
  return (
    <List<PublicInfoItem>
      size="small"
      dataSource={items}
      renderItem={(i) => (
        <List.Item key={i.key} data-testid="public-info-item">
          <Flex vertical gap={2}>
            <Typography.Text strong>{i.title}</Typography.Text>
            <Typography.Text>{i.text}</Typography.Text>
            {i.basis && <Basis basis={i.basis} />}
          </Flex>
        </List.Item>
      )}
    />
  );
}

function Contacts({ contacts }: { contacts: PublicContact[] }) {
  const { t } = useI18n();
  if (contacts.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('publicInfo.none')} />;
  return (
    <List<PublicContact>
      size="small"
      dataSource={contacts}
      renderItem={(c) => (
        <List.Item data-testid="public-contact">
          <Flex vertical gap={2}>
            <Space wrap size={6}>
              <Tag color={c.kind === 'repair' ? 'red' : c.kind === 'supervision' ? 'purple' : 'blue'}>{contactKind(t, c.kind)}</Tag>
              <Typography.Text strong>{c.name}</Typography.Text>
              <a href={`tel:${c.phone.replace(/[^\d+]/g, '')}`}>{c.phone}</a>
            </Space>
            {c.address && <Typography.Text type="secondary">{t('common.labelValue', { label: t('publicInfo.address'), value: c.address })}</Typography.Text>}
            {c.hours && <Typography.Text type="secondary">{t('common.labelValue', { label: t('publicInfo.hours'), value: c.hours })}</Typography.Text>}
          </Flex>
        </List.Item>
      )}
    />
  );
}

function Seasons({ season, seasons }: { season: number; seasons: PublicSeason[] }) {
  const { t } = useI18n();
  return (
    <Flex vertical gap={8}>
      <Typography.Text strong>{t('publicInfo.seasonOf', { from: season, to: season + 1 })}</Typography.Text>
      {seasons.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('publicInfo.none')} />
      ) : (
        <List<PublicSeason>
          size="small"
          dataSource={seasons}
          renderItem={(s) => (
            <List.Item key={s.district_code} data-testid="public-season">
              <Flex vertical gap={2}>
                <Space wrap size={6}>
                  <Typography.Text strong>{s.district_name}</Typography.Text>
                  {s.decided ? <Tag color="green">{t('publicInfo.decided')}</Tag> : <Tag>{t('publicInfo.default')}</Tag>}
                </Space>
                <span>
                  {t('common.labelValue', { label: t('publicInfo.official'), value: t('publicInfo.range', { from: formatDate(s.official_start), to: formatDate(s.official_end) }) })}
                </span>
                {s.early_start && <span>{t('common.labelValue', { label: t('publicInfo.earlyStart'), value: formatDate(s.early_start) })}</span>}
                {s.extension_end && <span>{t('common.labelValue', { label: t('publicInfo.extensionEnd'), value: formatDate(s.extension_end) })}</span>}
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Flex>
  );
}

function Prices({ info }: { info: PublicCompanyInfo }) {
  const { t } = useI18n();
  return (
    <Flex vertical gap={12}>
      <Table<PublicPrice>
        size="small"
        rowKey={(p) => `${p.name}-${p.valid_from}`}
        pagination={false}
        dataSource={info.prices}
        scroll={{ x: 560 }}
        locale={{ emptyText: t('publicInfo.none') }}
        columns={[
          { title: t('publicInfo.priceName'), dataIndex: 'name' },
          { title: t('publicInfo.price'), key: 'price', render: (_, p) => <Typography.Text strong>{`${p.price} ${p.unit}`}</Typography.Text> },
          {
            title: t('publicInfo.validity'),
            key: 'validity',
            render: (_, p) => (p.valid_to ? t('publicInfo.range', { from: formatDate(p.valid_from), to: formatDate(p.valid_to) }) : t('publicInfo.validFrom', { from: formatDate(p.valid_from) })),
          },
          { title: t('publicInfo.approval'), dataIndex: 'approval', render: (a: string | null) => a ?? MISSING },
        ]}
      />
      <Space wrap size={6}>
        <Typography.Text>{t('publicInfo.paymentMethods')}：</Typography.Text>
        {info.payment_methods.map((m) => (
          <Tag key={m.method}>{m.name}</Tag>
        ))}
      </Space>
    </Flex>
  );
}

export default function PublicCompany() {
  const { t, locale, setLocale } = useI18n();
  const { code = '' } = useParams();
  const info = useApi<PublicCompanyInfo>(`/api/v1/public/companies/${encodeURIComponent(code)}`, undefined, { anonymous: true });
  const d = info.data;
  const notFound = info.error instanceof ApiError && info.error.status === 404;

  return (
    <div style={{ minHeight: '100vh', background: '#f5f5f5' }}>
      <main style={{ maxWidth: 960, margin: '0 auto', padding: '16px 12px 32px' }} data-testid="public-company">
        <Flex justify="space-between" align="flex-start" gap={8}>
          <div>
            <Typography.Text type="secondary">{t('public.kicker')}</Typography.Text>
            <Typography.Title level={3} style={{ marginTop: 4 }}>
              {d ? d.company.name : notFound ? t('publicInfo.notFound') : code}
            </Typography.Title>
          </div>
          <Button type="text" icon={<TranslationOutlined />} aria-label={t('app.language')} onClick={() => setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN')}>
            {t('app.language')}
          </Button>
        </Flex>
        {notFound ? (
          <div data-testid="public-company-not-found">
            <Result status="404" title={t('publicInfo.notFound')} subTitle={t('publicInfo.notFoundHint', { code })} />
          </div>
        ) : info.error ? (
          <PageError error={info.error} onRetry={info.reload} />
        ) : !d ? (
          <Skeleton active />
        ) : (
          <Flex vertical gap={12}>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
              {t('publicInfo.hint')}
            </Typography.Paragraph>
            <Card size="small" data-testid="public-company-head">
              <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
                <Descriptions.Item label={t('publicInfo.code')}>{d.company.code}</Descriptions.Item>
                <Descriptions.Item label={t('publicInfo.licence')}>{d.company.licence_no ?? t('publicInfo.noLicence')}</Descriptions.Item>
              </Descriptions>
            </Card>
            <Section title={t('publicInfo.contacts')} testId="public-contacts">
              <Contacts contacts={d.contacts} />
            </Section>
            <Section title={t('publicInfo.season')} testId="public-seasons">
              <Seasons season={d.season} seasons={d.seasons} />
            </Section>
            <Section title={t('publicInfo.prices')} testId="public-prices">
              <Prices info={d} />
            </Section>
            <Section title={t('publicInfo.procedures')} testId="public-procedures">
              <Items items={d.procedures} />
            </Section>
            <Section title={t('publicInfo.standards')} testId="public-standards">
              <Items items={d.standards} />
            </Section>
            <Section title={t('publicInfo.rights')} testId="public-rights">
              <Items items={d.rights} />
            </Section>
            <Section title={t('publicInfo.duties')} testId="public-duties">
              <Items items={d.duties} />
            </Section>
          </Flex>
        )}
        <Flex justify="center" gap={24} style={{ marginTop: 24 }}>
          {d && <Link to={`/public/indicators?company=${encodeURIComponent(d.company.code)}`}>{t('publicInfo.indicators')}</Link>}
          <Link to="/">{t('public.signIn')}</Link>
        </Flex>
      </main>
    </div>
  );
}
