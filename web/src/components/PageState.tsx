// The states every page shares: loading, not found (also what another role's or another
// household's record shows: the server answers 404 and the page says "not found"), and an
// error with the server's message and a retry.
import { Button, Result, Spin } from 'antd';
import { Link } from 'react-router-dom';
import { ApiError } from '../api/client';
import { useT } from '../i18n';

export function PageLoading() {
  const t = useT();
  return (
    <div style={{ padding: 48, textAlign: 'center' }} role="status" aria-live="polite">
      <Spin tip={t('app.loading')}>
        <div style={{ minHeight: 40 }} />
      </Spin>
    </div>
  );
}

export function NotFound() {
  const t = useT();
  return (
    <Result
      status="404"
      title={t('app.notFound')}
      subTitle={t('app.notFoundHint')}
      extra={
        <Link to="/">
          <Button type="primary">{t('app.backHome')}</Button>
        </Link>
      }
    />
  );
}

/** An API failure: 404 and 403 read as "not found"; the rest show the server's message. */
export function PageError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  if (error instanceof ApiError && (error.status === 404 || error.status === 403)) return <NotFound />;
  const message = error instanceof Error ? error.message : String(error);
  return (
    <Result
      status="error"
      title={t('app.error')}
      subTitle={message}
      extra={onRetry ? <Button onClick={onRetry}>{t('app.retry')}</Button> : undefined}
    />
  );
}
