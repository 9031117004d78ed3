/** The frame of every signed-in page: skip link, header with navigation, language switch and sign-out. */
import { NavLink, Outlet } from 'react-router';
import { useI18n } from '../i18n.js';
import { useUnreadCount } from '../notifications.js';
import { useSession } from '../session.js';

export function Layout() {
  const { t, m, locale, setLocale } = useI18n();
  const { session, signOut } = useSession();
  const unread = useUnreadCount();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="top">
        <p className="brand">{t('appName')}</p>
        <nav aria-label={t('mainNavigation')}>
          <ul>
            <li>
              <NavLink to="/" end>
                {t('navInbox')}
              </NavLink>
            </li>
            <li>
              <NavLink to="/notifications">
                {t('navNotifications')}
                {unread ? (
                  <span className="badge" data-testid="unread-badge">
                    <span aria-hidden="true">{unread}</span>
                    <span className="visually-hidden">{t('unreadCount', { count: unread })}</span>
                  </span>
                ) : null}
              </NavLink>
            </li>
            {session && (session.principal.role === 'manager' || session.principal.role === 'admin') ? (
              <li>
                <NavLink to="/dashboard">{t('navDashboard')}</NavLink>
              </li>
            ) : null}
            <li>
              <NavLink to="/reference">{t('navReference')}</NavLink>
            </li>
            {session?.principal.role === 'admin' ? (
              <li>
                <NavLink to="/admin">{t('navAdmin')}</NavLink>
              </li>
            ) : null}
          </ul>
        </nav>
        <div className="account">
          {session ? <span>{t('signedInAs', { name: session.principal.name, role: m.role[session.principal.role] })}</span> : null}
          <button type="button" lang={locale === 'vi' ? 'en' : 'vi'} onClick={() => setLocale(locale === 'vi' ? 'en' : 'vi')}>
            {t('switchLanguage')}
          </button>
          <button type="button" onClick={() => void signOut()}>
            {t('signOut')}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
