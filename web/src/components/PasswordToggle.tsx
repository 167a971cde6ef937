// The password field's 显示密码 toggle as a button the keyboard reaches and a screen reader names
// (Ant Design's is an icon, <span role="img" tabindex="-1">, only a mouse reaches). For
// Input.Password's iconRender, which gives the button its click.
import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import type { CSSProperties } from 'react';
import type { Translate } from '../i18n';

const TOGGLE: CSSProperties = {
  border: 0,
  background: 'transparent',
  padding: 0,
  cursor: 'pointer',
  color: 'rgba(0, 0, 0, 0.45)',
  display: 'inline-flex',
  lineHeight: 1,
};

export function passwordToggle(t: Translate) {
  return function PasswordToggle(visible: boolean) {
    return (
      <button type="button" aria-label={t('login.showPassword')} aria-pressed={visible} style={TOGGLE} data-testid="password-toggle">
        {visible ? <EyeOutlined /> : <EyeInvisibleOutlined />}
      </button>
    );
  };
}
