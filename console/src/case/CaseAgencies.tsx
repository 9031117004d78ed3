/** The routed agencies, the lead first, and whether each has acknowledged. */
import { formatDateTime } from '../../../domain/messages/index.js';
import type { CaseResource } from '../api/types.js';
import { useI18n } from '../i18n.js';
import { useAgencyName } from '../reference.js';

export function CaseAgencies({ c }: { c: CaseResource }) {
  const { t } = useI18n();
  const name = useAgencyName();
  return (
    <section aria-labelledby="agencies">
      <h2 id="agencies">{t('agencies')}</h2>
      <ul className="agencies">
        {c.agencyIds.map((id) => {
          const ack = c.acknowledgements.find((a) => a.agencyId === id);
          return (
            <li key={id}>
              <strong>{name(id)}</strong>
              {id === c.leadAgencyId ? <span className="tag">{t('leadAgency')}</span> : null}{' '}
              <span className={ack ? 'ack' : 'no-ack'}>
                {ack ? t('acknowledgedAt', { time: formatDateTime(ack.at) }) : t('notAcknowledged')}
              </span>
            </li>
          );
        })}
      </ul>
      <p className="assignee">
        <strong>{t('assignee')}:</strong>{' '}
        {c.assignee ? (
          <>
            {c.assignee.name} <span className="muted">({t('assignedBy', { time: formatDateTime(c.assignee.at) })})</span>
          </>
        ) : (
          t('unassigned')
        )}
      </p>
    </section>
  );
}
