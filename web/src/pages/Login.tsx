// Sign-in. A throttled address (429) or a busy server (503) is told kindly how long to wait,
// with a countdown, and the button waits with it. A discreet link leads to the public service
// quality figures (/public/indicators), which need no sign-in. By keyboard: Tab goes username,
// password, its 显示密码 toggle (a button, PasswordToggle), 登录; Enter signs in.
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { LoginForm, ProFormText } from '@ant-design/pro-components';
import { Alert } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError, errorText } from '../api/client';
import { useAuth } from '../auth';
import { passwordToggle } from '../components/PasswordToggle';
import { useT } from '../i18n';

export default function Login() {
  const t = useT();
  const { login } = useAuth();
  const [problem, setProblem] = useState<string>();
  const [waitUntil, setWaitUntil] = useState<{ at: number; kind: 'throttled' | 'busy' }>();
  const [now, setNow] = useState(Date.now());

  useEffect(() => {
    if (!waitUntil) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [waitUntil]);

  const secondsLeft = waitUntil ? Math.max(0, Math.ceil((waitUntil.at - now) / 1000)) : 0;
  const waiting = secondsLeft > 0;
  const message = waiting
    ? t(waitUntil!.kind === 'throttled' ? 'login.throttled' : 'login.busy', { seconds: secondsLeft })
    : problem;

  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#f5f5f5' }}>
      <LoginForm
        // Decorative: the title beside it says what it is.
        logo={<img src="/favicon.svg" alt="" />}
        title={t('app.title')}
        subTitle={t('login.subtitle')}
        actions={
          <div style={{ textAlign: 'center' }}>
            <Link to="/public/indicators" style={{ fontSize: 12, color: 'rgba(0, 0, 0, 0.45)' }} data-testid="login-public-link">
              {t('login.publicLink')}
            </Link>
          </div>
        }
        submitter={{ searchConfig: { submitText: t('login.submit') }, submitButtonProps: { disabled: waiting, size: 'large', block: true } }}
        onFinish={async (values: { username: string; password: string }) => {
          setProblem(undefined);
          try {
            await login(values.username, values.password);
          } catch (e) {
            if (e instanceof ApiError && (e.status === 429 || e.status === 503)) {
              setWaitUntil({ at: Date.now() + (e.retryAfter ?? 60) * 1000, kind: e.status === 429 ? 'throttled' : 'busy' });
              setNow(Date.now());
            } else if (e instanceof ApiError && e.status === 401) {
              setProblem(t('login.failed'));
            } else {
              setProblem(errorText(e));
            }
          }
          return true;
        }}
      >
        {message && <Alert role="alert" type={waiting ? 'warning' : 'error'} showIcon message={message} style={{ marginBottom: 16 }} />}
        <ProFormText
          name="username"
          label={t('login.username')}
          fieldProps={{ size: 'large', prefix: <UserOutlined />, autoComplete: 'username', id: 'username' }}
          rules={[{ required: true, message: t('login.required', { what: t('login.username') }) }]}
        />
        <ProFormText.Password
          name="password"
          label={t('login.password')}
          fieldProps={{ size: 'large', prefix: <LockOutlined />, autoComplete: 'current-password', id: 'password', iconRender: passwordToggle(t) }}
          rules={[{ required: true, message: t('login.required', { what: t('login.password') }) }]}
        />
      </LoginForm>
    </div>
  );
}
