/** The case's audit log as a timeline: what happened, when, who (role and agency), old → new status, why. */
import { useQuery } from '@tanstack/react-query';
import { formatDateTime, labelOf } from '../../../domain/messages/index.js';
import { api } from '../api/client.js';
import type { HistoryPage } from '../api/types.js';
import { ProblemMessage } from '../components/ProblemMessage.js';
import { useI18n } from '../i18n.js';
import { useAgencyName } from '../reference.js';

export function Timeline({ caseId }: { caseId: string }) {
  const { t, m } = useI18n();
  const agencyName = useAgencyName();
  const history = useQuery({
    queryKey: ['history', caseId],
    queryFn: () => api<HistoryPage>('GET', `/v1/cases/${encodeURIComponent(caseId)}/history?limit=1000`),
  });
  return (
    <section aria-labelledby="timeline">
      <h2 id="timeline">{t('timeline')}</h2>
      {history.error ? <ProblemMessage error={history.error} /> : null}
      {history.data?.events.length === 0 ? <p>{t('noEvents')}</p> : null}
      <ol className="timeline">
        {[...(history.data?.events ?? [])].reverse().map((e) => (
          <li key={e.seq}>
            <p className="event">
              <strong>{labelOf(m.event, e.type)}</strong> · <time dateTime={e.at}>{formatDateTime(e.at)}</time>
            </p>
            <p className="who">
              {labelOf(m.role, e.actor.role)}
              {e.actor.agencyId ? ` ${t('timelineAgency', { agency: agencyName(e.actor.agencyId) })}` : ''}
            </p>
            {e.from && e.to && e.from !== e.to ? (
              <p className="transition">{t('timelineTransition', { from: labelOf(m.status, e.from), to: labelOf(m.status, e.to) })}</p>
            ) : null}
            {e.reason ? <p className="reason">{t('timelineReason', { reason: e.reason })}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
