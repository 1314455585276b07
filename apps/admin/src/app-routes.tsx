import { Button, Result, Spin } from 'antd';
import { Suspense } from 'react';
import { Navigate, Outlet, Route, Routes, useLocation, useNavigate } from 'react-router';
import { type Profile, useMe } from './api/auth';
import { useT } from './i18n';
import { AppLayout } from './layout/app-layout';
import SignInPage from './pages/sign-in/sign-in-page';
import { type AppRoute, appRoutes, canOpen, homePath } from './routes';

function FullPageSpin() {
  return (
    <div style={{ display: 'grid', placeItems: 'center', height: '100%' }}>
      <Spin size="large" />
    </div>
  );
}

function LoadFailed({ onRetry }: { onRetry: () => void }) {
  const t = useT();

  return (
    <Result
      status="warning"
      title={t('common.loadFailed')}
      extra={<Button onClick={onRetry}>{t('common.retry')}</Button>}
    />
  );
}

/** Shows sign-in to anyone without a session; everything else renders inside the layout. */
function RequireSession() {
  const me = useMe();
  const location = useLocation();

  if (me.isPending) return <FullPageSpin />;
  if (me.isError) return <LoadFailed onRetry={() => void me.refetch()} />;
  if (!me.data) return <Navigate to="/login" replace state={{ from: location.pathname }} />;

  return (
    <AppLayout me={me.data}>
      <Suspense fallback={<Spin style={{ display: 'block', margin: '80px auto' }} />}>
        <Outlet />
      </Suspense>
    </AppLayout>
  );
}

function Forbidden() {
  const t = useT();
  const navigate = useNavigate();

  return (
    <Result
      status="403"
      title="403"
      subTitle={t('common.noPermission')}
      extra={
        <Button type="primary" onClick={() => void navigate('/')}>
          {t('common.backHome')}
        </Button>
      }
    />
  );
}

function NotFound() {
  const t = useT();
  const navigate = useNavigate();

  return (
    <Result
      status="404"
      title="404"
      subTitle={t('common.notFound')}
      extra={
        <Button type="primary" onClick={() => void navigate('/')}>
          {t('common.backHome')}
        </Button>
      }
    />
  );
}

function Guarded({ route }: { route: AppRoute }) {
  const me = useMe().data as Profile;
  if (!canOpen(route, me)) return <Forbidden />;

  const Page = route.page;
  return <Page />;
}

function Home() {
  const me = useMe().data as Profile;

  return <Navigate to={homePath(me)} replace />;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<SignInPage />} />
      <Route element={<RequireSession />}>
        <Route index element={<Home />} />
        {appRoutes.map((route) => (
          <Route key={route.path} path={route.path} element={<Guarded route={route} />} />
        ))}
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
