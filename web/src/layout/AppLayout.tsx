// The frame of every signed-in page: ProLayout with the role's menus (grouped as MENUS.md has
// them), the user and role, the language switch and sign-out. Phone-sized screens get the
// collapsed menu drawer ProLayout gives.
import { LogoutOutlined, TranslationOutlined } from '@ant-design/icons';
import { ProLayout, type MenuDataItem } from '@ant-design/pro-components';
import { Button, Grid, Space, Tag } from 'antd';
import { Suspense, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { useAuth } from '../auth';
import { useI18n, type MessageKey } from '../i18n';
import { PAGES } from '../routes';
import { PageLoading } from '../components/PageState';

export default function AppLayout({ children }: { children: ReactNode }) {
  const { me, logout } = useAuth();
  const { t, locale, setLocale } = useI18n();
  const location = useLocation();
  // On a phone (households open the console from a WeChat link) the header keeps only icons.
  const narrow = !Grid.useBreakpoint().sm;
  if (!me) return null;

  const groups = new Map<MessageKey, MenuDataItem>();
  const menu: MenuDataItem[] = [];
  for (const page of PAGES) {
    if (!page.menu || !page.roles.includes(me.role)) continue;
    const item: MenuDataItem = { path: page.path, name: t(page.menu) };
    if (!page.group) {
      menu.push(item);
      continue;
    }
    let group = groups.get(page.group);
    if (!group) {
      group = { path: `/${page.group}`, name: t(page.group), children: [] };
      groups.set(page.group, group);
      menu.push(group);
    }
    group.children!.push(item);
  }

  return (
    <ProLayout
      title={t('app.title')}
      logo="/favicon.svg"
      layout="mix"
      fixSiderbar
      location={{ pathname: location.pathname }}
      route={{ path: '/', children: menu }}
      menuItemRender={(item, dom) => (item.path ? <Link to={item.path}>{dom}</Link> : dom)}
      actionsRender={() => [
        <Space key="who" size="small">
          <span
            data-testid="current-user"
            style={narrow ? { display: 'inline-block', maxWidth: 96, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', verticalAlign: 'middle' } : undefined}
          >
            {me.username}
          </span>
          <Tag color="blue">{t(`role.${me.role}` as MessageKey)}</Tag>
        </Space>,
        <Button
          key="lang"
          type="text"
          icon={<TranslationOutlined />}
          aria-label={t('app.language')}
          onClick={() => setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN')}
        >
          {narrow ? null : t('app.language')}
        </Button>,
        <Button key="logout" type="text" icon={<LogoutOutlined />} aria-label={t('app.logout')} onClick={() => void logout()}>
          {narrow ? null : t('app.logout')}
        </Button>,
      ]}
    >
      <Suspense fallback={<PageLoading />}>{children}</Suspense>
    </ProLayout>
  );
}
