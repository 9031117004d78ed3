/**
 * The inbox: the cases the caller may see, overdue first and then by the nearest deadline, with
 * filters and search in the address (so a view can be shared and the back button works) and
 * server-side pages (the API's keyset cursor).
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { CASE_STATUSES } from '../../../domain/case-states.js';
import { CLOCK_IDS } from '../../../domain/clocks.js';
import { formatDate, formatDateTime, labelOf } from '../../../domain/messages/index.js';
import { ITEM_CATEGORIES } from '../../../domain/reference/categories.js';
import { api, query } from '../api/client.js';
import type { CaseSummary, Page } from '../api/types.js';
import { DeadlineLine, nearest } from '../components/Deadline.js';
import { ProblemMessage } from '../components/ProblemMessage.js';
import { useI18n } from '../i18n.js';
import { useAgencyName } from '../reference.js';

const PAGE_SIZE = 25;

export function Inbox() {
  const { t, m } = useI18n();
  const [params, setParams] = useSearchParams();
  const filters = {
    status: params.get('status') ?? '',
    category: params.get('category') ?? '',
    overdue: params.get('overdue') === 'true',
    clock: params.get('clock') ?? '',
    mine: params.get('mine') === 'true',
    closed: params.get('closed') === 'true',
    q: params.get('q') ?? '',
    cursor: params.get('cursor') ?? '',
    // set by the dashboard's links, which have no control of their own here
    leadAgency: params.get('leadAgency') ?? '',
    detectedFrom: params.get('detectedFrom') ?? '',
    detectedTo: params.get('detectedTo') ?? '',
  };
  const agencyName = useAgencyName();
  const fromDashboard = [
    filters.leadAgency ? agencyName(filters.leadAgency) : '',
    filters.detectedFrom && filters.detectedTo
      ? t('fromTo', { from: formatDate(filters.detectedFrom), to: formatDate(new Date(Date.parse(filters.detectedTo) - 1)) })
      : '',
  ].filter(Boolean);
  const cases = useQuery({
    queryKey: ['cases', filters],
    queryFn: () =>
      api<Page<CaseSummary>>(
        'GET',
        `/v1/cases${query({
          sort: 'nextDeadlineAt',
          limit: PAGE_SIZE,
          status: filters.status,
          category: filters.category,
          clock: filters.clock,
          overdue: filters.overdue || undefined,
          assignedToMe: filters.mine || undefined,
          open: filters.closed ? undefined : true, // what needs doing now, unless closed cases are asked for
          q: filters.q,
          leadAgency: filters.leadAgency,
          detectedFrom: filters.detectedFrom,
          detectedTo: filters.detectedTo,
          cursor: filters.cursor,
        })}`,
      ),
    refetchInterval: 30_000,
  });
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [filters.cursor]);

  function apply(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const next = new URLSearchParams();
    for (const k of ['status', 'category', 'clock', 'q']) {
      const v = String(data.get(k) ?? '').trim();
      if (v) next.set(k, v);
    }
    for (const k of ['overdue', 'mine', 'closed']) if (data.get(k)) next.set(k, 'true');
    setParams(next);
  }
  const nextCursor = cases.data?.next ? new URL(cases.data.next, location.origin).searchParams.get('cursor') : null;

  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {t('inboxTitle')}
      </h1>
      <form className="filters" onSubmit={apply} role="search" aria-label={t('filters')} key={params.toString()}>
        <div className="field">
          <label htmlFor="q">{t('search')}</label>
          <input id="q" name="q" type="search" defaultValue={filters.q} />
        </div>
        <div className="field">
          <label htmlFor="status">{t('filterStatus')}</label>
          <select id="status" name="status" defaultValue={filters.status}>
            <option value="">{t('anyOption')}</option>
            {CASE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {m.status[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="category">{t('filterCategory')}</label>
          <select id="category" name="category" defaultValue={filters.category}>
            <option value="">{t('anyOption')}</option>
            {ITEM_CATEGORIES.map((c) => (
              <option key={c.code} value={c.code}>
                {m.category[c.code]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="clock">{t('filterClock')}</label>
          <select id="clock" name="clock" defaultValue={filters.clock}>
            <option value="">{t('anyOption')}</option>
            {CLOCK_IDS.map((c) => (
              <option key={c} value={c}>
                {m.clock[c]}
              </option>
            ))}
          </select>
        </div>
        <div className="field checkbox">
          <input id="overdue" name="overdue" type="checkbox" defaultChecked={filters.overdue} />
          <label htmlFor="overdue">{t('filterOverdue')}</label>
        </div>
        <div className="field checkbox">
          <input id="mine" name="mine" type="checkbox" defaultChecked={filters.mine} />
          <label htmlFor="mine">{t('filterAssignedToMe')}</label>
        </div>
        <div className="field checkbox">
          <input id="closed" name="closed" type="checkbox" defaultChecked={filters.closed} />
          <label htmlFor="closed">{t('filterIncludeClosed')}</label>
        </div>
        <div className="buttons">
          <button type="submit" className="primary">
            {t('searchButton')}
          </button>
          <button type="button" onClick={() => setParams(new URLSearchParams())}>
            {t('clearFilters')}
          </button>
        </div>
      </form>
      {fromDashboard.length ? <p className="listed-by">{t('listedBy', { filter: fromDashboard.join(' · ') })}</p> : null}
      {cases.isPending ? <p role="status">{t('loading')}</p> : null}
      {cases.error ? <ProblemMessage error={cases.error} /> : null}
      {cases.data && cases.data.items.length === 0 ? <p role="status">{t('noCases')}</p> : null}
      {cases.data && cases.data.items.length > 0 ? (
        <div className="table-wrap">
          <table>
            <caption>{t('casesTable')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('colNumber')}</th>
                <th scope="col">{t('colTracking')}</th>
                <th scope="col">{t('colStatus')}</th>
                <th scope="col">{t('colCategory')}</th>
                <th scope="col">{t('colNextDeadline')}</th>
                <th scope="col">{t('colAssignee')}</th>
                <th scope="col">{t('colDetected')}</th>
              </tr>
            </thead>
            <tbody>
              {cases.data.items.map((c) => {
                const d = nearest(c.deadlines);
                return (
                  <tr key={c.id} className={c.flags.overdue ? 'overdue-row' : undefined}>
                    <th scope="row">
                      <Link to={`/cases/${encodeURIComponent(c.number)}`}>{c.number}</Link>
                      {c.flags.overdue ? <span className="tag overdue-tag">{t('overdue')}</span> : null}
                    </th>
                    <td>{c.trackingNumber}</td>
                    <td>{m.status[c.status]}</td>
                    <td>{labelOf(m.category, c.categoryCode)}</td>
                    <td>{d ? <DeadlineLine deadline={d} /> : t('noDeadline')}</td>
                    <td>{c.assignee?.name ?? t('unassigned')}</td>
                    <td>
                      <time dateTime={c.detectedAt}>{formatDateTime(c.detectedAt)}</time>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      <nav className="pager" aria-label={t('casesTable')}>
        {filters.cursor ? (
          <button type="button" onClick={() => setParams((p) => (p.delete('cursor'), p))}>
            {t('firstPage')}
          </button>
        ) : null}
        {nextCursor ? (
          <button type="button" onClick={() => setParams((p) => (p.set('cursor', nextCursor), p))}>
            {t('nextPage')}
          </button>
        ) : null}
      </nav>
    </>
  );
}
