/** One case: its facts, agencies, running clocks, timeline, and the actions the caller may take now. */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../api/client.js';
import type { CaseResource } from '../api/types.js';
import { ActionForm } from '../case/ActionForm.js';
import { CaseAgencies } from '../case/CaseAgencies.js';
import { CaseClocks } from '../case/CaseClocks.js';
import { CaseFacts } from '../case/CaseFacts.js';
import { Timeline } from '../case/Timeline.js';
import { formsFor, type PersonAction } from '../case/action-forms.js';
import { ProblemMessage } from '../components/ProblemMessage.js';
import { useI18n } from '../i18n.js';
import { useSession } from '../session.js';

export function CasePage() {
  const { id = '' } = useParams();
  const { t, m } = useI18n();
  const [lastDone, setLastDone] = useState<PersonAction | null>(null);
  const { session } = useSession();
  const c = useQuery({ queryKey: ['case', id], queryFn: () => api<CaseResource>('GET', `/v1/cases/${encodeURIComponent(id)}`) });
  if (c.isPending) return <p role="status">{t('loading')}</p>;
  if (c.error) return <ProblemMessage error={c.error} />;
  const kase = c.data;
  const forms = formsFor(kase);
  const fourEyes = kase.status === 'SANCTION_PROPOSED' && !!session && kase.proposal?.by === session.principal.id;
  return (
    <>
      <p>
        <Link to="/">← {t('backToInbox')}</Link>
      </p>
      <h1>{t('caseTitle', { number: kase.number })}</h1>
      <p className="status-line">
        <span className="tag">{m.status[kase.status]}</span>
      </p>
      {session?.principal.role === 'manager' ? (
        // managers may read Temporal's own event history of the case (the API checks it again)
        <p>
          <a href={`/v1/cases/${encodeURIComponent(kase.id)}/history?source=temporal`}>{t('temporalHistory')}</a>
        </p>
      ) : null}
      <div className="case-grid">
        <div>
          <CaseFacts c={kase} />
          <CaseAgencies c={kase} />
          <CaseClocks c={kase} />
        </div>
        <div>
          <section aria-labelledby="actions">
            <h2 id="actions">{t('actions')}</h2>
            <p role="status" className="done">
              {lastDone ? t('actionDone', { action: m.action[lastDone] }) : ''}
            </p>
            {fourEyes ? (
              // the API refuses the proposer's decision (FOUR_EYES); say so rather than leave the form out silently
              <p className="refusal" data-testid="four-eyes">
                {m.refusal.FOUR_EYES}
              </p>
            ) : null}
            {forms.length === 0 ? <p>{t('noActions')}</p> : null}
            {forms.map(([action, spec]) => (
              <ActionForm key={`${action}:${kase.status}`} c={kase} action={action} spec={spec} onDone={setLastDone} />
            ))}
          </section>
          <Timeline caseId={kase.id} />
        </div>
      </div>
    </>
  );
}
