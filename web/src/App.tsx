// The console's routes: sign-in while nobody is, else the frame with the role's pages. Deep
// links work (the server answers every non-API path with this app); a path the role has no
// page for shows "not found".
import { Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { useAuth } from './auth';
import { NotFound, PageLoading } from './components/PageState';
import AppLayout from './layout/AppLayout';
import Login from './pages/Login';
import { homeOf, PAGES } from './routes';

export default function App() {
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
