/** The caller's and its agency's notices, newest first: each links to its case, and can be marked read. */
import { useState } from 'react';
import { Link } from 'react-router';
import { formatDateTime, labelOf } from '../../../domain/messages/index.js';
import { ProblemMessage } from '../components/ProblemMessage.js';
import { useI18n } from '../i18n.js';
import { useMarkRead, useNoticePages } from '../notifications.js';

export function Notifications() {
  const { t, m } = useI18n();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const pages = useNoticePages(unreadOnly);
  const mark = useMarkRead();
  const notices = pages.data?.pages.flatMap((p) => p.items) ?? [];
  const unread = pages.data?.pages[0]?.unreadCount ?? 0;
  return (
    <>
      <h1>{t('notificationsTitle')}</h1>
      <p role="status">{t('unreadCount', { count: unread })}</p>
      <div className="toolbar">
        <div className="field checkbox">
          <input id="unread-only" type="checkbox" checked={unreadOnly} onChange={(e) => setUnreadOnly(e.target.checked)} />
          <label htmlFor="unread-only">{t('unread')}</label>
        </div>
        <button type="button" onClick={() => mark.all.mutate()} disabled={unread === 0 || mark.all.isPending}>
          {t('markAllRead')}
        </button>
      </div>
      {pages.error ? <ProblemMessage error={pages.error} /> : null}
      {mark.one.error ? <ProblemMessage error={mark.one.error} /> : null}
      {pages.isPending ? <p role="status">{t('loading')}</p> : null}
      {pages.data && notices.length === 0 ? <p>{t('noNotifications')}</p> : null}
      <ul className="notices">
        {notices.map((n) => {
          const number = n.caseNumber ?? n.caseId;
          return (
            <li key={n.id} className={n.readAt ? 'read' : 'unread'} data-notice={n.id}>
              <p>
                <span className="tag">{n.readAt ? t('read') : t('unread')}</span>{' '}
                <strong>{t('notificationAbout', { event: labelOf(m.event, n.kind), number })}</strong>
              </p>
              <p>
                <time dateTime={n.createdAt}>{formatDateTime(n.createdAt)}</time>
              </p>
              <p className="notice-actions">
                <Link to={`/cases/${encodeURIComponent(number)}`} onClick={() => (n.readAt ? undefined : mark.one.mutate(n.id))}>
                  {t('openCase', { number })}
                </Link>
                {n.readAt ? null : (
                  <button type="button" onClick={() => mark.one.mutate(n.id)}>
                    {t('markRead')}
                  </button>
                )}
              </p>
            </li>
          );
        })}
      </ul>
      {pages.hasNextPage ? (
        <button type="button" onClick={() => void pages.fetchNextPage()} disabled={pages.isFetchingNextPage}>
          {t('morePages')}
        </button>
      ) : null}
    </>
  );
}
