import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { AuthProvider } from './auth/AuthContext.jsx';
import { PublicOnly, RequireAuth } from './auth/RequireAuth.jsx';
import { Layout } from './components/Layout.jsx';
import { Loading } from './components/States.jsx';

// Each page is its own chunk, so signing in does not download the charts.
const LoginPage = lazy(() => import('./pages/LoginPage.jsx'));
const RegisterPage = lazy(() => import('./pages/RegisterPage.jsx'));
const DashboardPage = lazy(() => import('./pages/DashboardPage.jsx'));
const SetupPage = lazy(() => import('./pages/SetupPage.jsx'));
const ProfilePage = lazy(() => import('./pages/ProfilePage.jsx'));
const LivePage = lazy(() => import('./pages/LivePage.jsx'));
const EventsPage = lazy(() => import('./pages/EventsPage.jsx'));
const FunnelsPage = lazy(() => import('./pages/FunnelsPage.jsx'));
const RetentionPage = lazy(() => import('./pages/RetentionPage.jsx'));
const SitesPage = lazy(() => import('./pages/SitesPage.jsx'));
const TeamPage = lazy(() => import('./pages/TeamPage.jsx'));
const InvitePage = lazy(() => import('./pages/InvitePage.jsx'));
const SharePage = lazy(() => import('./pages/SharePage.jsx'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage.jsx'));

export function AppRoutes() {
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route
          path="/login"
          element={
            <PublicOnly>
              <LoginPage />
            </PublicOnly>
          }
        />
        <Route
          path="/register"
          element={
            <PublicOnly redirectTo="/setup">
              <RegisterPage />
            </PublicOnly>
          }
        />
        <Route path="/share/:token" element={<SharePage />} />
        <Route
          element={
            <RequireAuth>
              <Layout />
            </RequireAuth>
          }
        >
          <Route index element={<DashboardPage />} />
          <Route path="setup" element={<SetupPage />} />
          <Route path="profile" element={<ProfilePage />} />
          <Route path="live" element={<LivePage />} />
          <Route path="events" element={<EventsPage />} />
          <Route path="funnels" element={<FunnelsPage />} />
          <Route path="retention" element={<RetentionPage />} />
          <Route path="sites" element={<SitesPage />} />
          <Route path="team" element={<TeamPage />} />
          <Route path="invite/:token" element={<InvitePage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </Suspense>
  );
}

export function App() {
  return (
    <BrowserRouter>
      <AuthProvider>
        <AppRoutes />
      </AuthProvider>
    </BrowserRouter>
  );
}
