import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { ApiProblem } from './api/problem.js';
import { Layout } from './components/Layout.js';
import { I18nProvider, useI18n } from './i18n.js';
import { Admin } from './pages/Admin.js';
import { CasePage } from './pages/CasePage.js';
import { Dashboard } from './pages/Dashboard.js';
import { Inbox } from './pages/Inbox.js';
import { Notifications } from './pages/Notifications.js';
import { Reference } from './pages/Reference.js';
import { SignIn } from './pages/SignIn.js';
import { SessionProvider, useSession } from './session.js';
import './styles.css';

const queryClient = new QueryClient({
  defaultOptions: {
    // a problem the API answered is final; only a lost connection is worth another try
    queries: { retry: (n, e) => n < 2 && e instanceof ApiProblem && e.slug === 'network', staleTime: 5_000 },
  },
});

/** Pages for signed-in people only; anyone else is sent to sign in and brought back after. */
function SignedIn() {
  const { session, loading } = useSession();
  const { t } = useI18n();
  const location = useLocation();
  if (loading) return <p role="status">{t('loading')}</p>;
  if (!session) return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
  return <Layout />;
}

function NotFound() {
  const { t } = useI18n();
  return <h1>{t('notFoundPage')}</h1>;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <SessionProvider>
          <BrowserRouter basename="/console">
            <Routes>
              <Route path="/sign-in" element={<SignIn />} />
              <Route element={<SignedIn />}>
                <Route index element={<Inbox />} />
                <Route path="cases/:id" element={<CasePage />} />
                <Route path="notifications" element={<Notifications />} />
                <Route path="dashboard" element={<Dashboard />} />
                <Route path="admin" element={<Admin />} />
                <Route path="reference" element={<Reference />} />
                <Route path="*" element={<NotFound />} />
              </Route>
            </Routes>
          </BrowserRouter>
        </SessionProvider>
      </I18nProvider>
    </QueryClientProvider>
  </StrictMode>,
);
