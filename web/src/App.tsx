// The console's routes: the public pages (PUBLIC_PAGES) for anyone, signed in or not, outside
// the frame; else sign-in while nobody is, and the frame with the role's pages once someone is.
// Deep links work (the server answers every non-API path with this app); a path the role has no
// page for shows "not found".
import { Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { useAuth } from './auth';
import { NotFound, PageLoading } from './components/PageState';
import AppLayout from './layout/AppLayout';
import Login from './pages/Login';
import { homeOf, PAGES, PUBLIC_PAGES } from './routes';

export default function App() {
  return (
    <Routes>
      {PUBLIC_PAGES.map((p) => (
        <Route
          key={p.path}
          path={p.path}
          element={
            <Suspense fallback={<PageLoading />}>
              <p.component />
            </Suspense>
          }
        />
      ))}
      <Route path="*" element={<Console />} />
    </Routes>
  );
}

/** Every other path: sign-in, or the signed-in frame. */
function Console() {
  const { me, loading } = useAuth();
  if (loading) return <PageLoading />;
  if (!me) return <Login />;
  const home = homeOf(me.role);
  return (
    <AppLayout>
      <Suspense fallback={<PageLoading />}>
        <Routes>
          <Route path="/" element={<Navigate to={home} replace />} />
          <Route path="/login" element={<Navigate to={home} replace />} />
          {PAGES.filter((p) => p.roles.includes(me.role)).map((p) => (
            <Route key={p.path} path={p.path} element={<p.component />} />
          ))}
          <Route path="*" element={<NotFound />} />
        </Routes>
      </Suspense>
    </AppLayout>
  );
}
