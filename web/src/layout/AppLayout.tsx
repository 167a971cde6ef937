// The frame of every signed-in page: ProLayout with the role's menus (grouped as MENUS.md has
// them), the user and role, the language switch and sign-out. Phone-sized screens get the
// collapsed menu drawer ProLayout gives. For the keyboard and screen readers: the logo and title
// are a link home, the breadcrumb's parents links, and the sider's collapse toggle (a <div> in
// ProLayout) and the phone header's menu toggle (a <span>) named buttons.
import { LogoutOutlined, TranslationOutlined } from '@ant-design/icons';
import { ProLayout, type MenuDataItem } from '@ant-design/pro-components';
import { Button, Grid, Space, Tag } from 'antd';
import { cloneElement, isValidElement, Suspense, useEffect, type HTMLAttributes, type KeyboardEvent, type ReactElement, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { useAuth } from '../auth';
import { useI18n, type MessageKey } from '../i18n';
import { homeOf, PAGES } from '../routes';
import { PageLoading } from '../components/PageState';

/** ProLayout's collapse toggle (a <div> with a click) as a button: focusable, named, Enter and
 * Space toggle it. */
function collapseButton(dom: ReactNode, label: string): ReactNode {
  if (!isValidElement<HTMLAttributes<HTMLElement>>(dom)) return dom;
  const toggle = dom.props.onClick as (() => void) | undefined;
  return cloneElement(dom as ReactElement<HTMLAttributes<HTMLElement>>, {
    role: 'button',
    tabIndex: 0,
    'aria-label': label,
    onKeyDown: (e: KeyboardEvent<HTMLElement>) => pressOnKeys(e, () => toggle?.()),
  });
}

/** Enter and Space press a focusable non-button element, as they press a button. */
function pressOnKeys(e: { key: string; preventDefault: () => void }, press: () => void) {
  if (e.key !== 'Enter' && e.key !== ' ') return;
  e.preventDefault();
  press();
}

/** The phone header's menu toggle: ProLayout renders it as a bare <span> with a click, and takes
 * no render prop for it, so it is made a named button once it is in the page. */
function useMenuToggleButton(label: string) {
  // After every render: the toggle comes and goes with the width (ProLayout's own breakpoint).
  useEffect(() => {
    const toggle = document.querySelector<HTMLElement>('.ant-pro-global-header-collapsed-button');
    if (!toggle) return;
    toggle.setAttribute('role', 'button');
    toggle.setAttribute('aria-label', label);
    toggle.tabIndex = 0;
    const onKey = (e: globalThis.KeyboardEvent) => pressOnKeys(e, () => toggle.click());
    toggle.addEventListener('keydown', onKey);
    return () => toggle.removeEventListener('keydown', onKey);
  });
}

export default function AppLayout({ children }: { children: ReactNode }) {
  const { me, logout } = useAuth();
  const { t, locale, setLocale } = useI18n();
  const location = useLocation();
  // On a phone (households open the console from a WeChat link) the header keeps only icons.
  const narrow = !Grid.useBreakpoint().sm;
  useMenuToggleButton(t('app.openMenu'));
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
      // Decorative: the title beside it names the link.
      logo={<img src="/favicon.svg" alt="" height={22} />}
      headerTitleRender={(logo, title) => (
        <Link to={homeOf(me.role)}>
          {logo}
          {title}
        </Link>
      )}
      collapsedButtonRender={(collapsed, dom) => collapseButton(dom, t(collapsed ? 'app.expandMenu' : 'app.collapseMenu'))}
      // The breadcrumb's parents as links (ProLayout's are <span>s with a click, no keyboard).
      itemRender={(route, _params, routes) => {
        const title = route.title ?? route.breadcrumbName;
        const last = (routes[routes.length - 1] as { linkPath?: string } | undefined)?.linkPath === route.path;
        return last || !route.path ? <span>{title}</span> : <Link to={route.path}>{title}</Link>;
      }}
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
