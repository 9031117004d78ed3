/** Every running clock: its due time, a live countdown, the escalation levels passed and what comes next. */
import { formatDateTime } from '../../../domain/messages/index.js';
import type { CaseResource } from '../api/types.js';
import { Countdown } from '../components/Countdown.js';
import { useI18n } from '../i18n.js';
import { useOnMiss } from '../reference.js';

export function CaseClocks({ c }: { c: CaseResource }) {
  const { t, m } = useI18n();
  const onMiss = useOnMiss();
  return (
    <section aria-labelledby="clocks">
      <h2 id="clocks">{t('clocks')}</h2>
      {c.deadlines.length === 0 ? (
        <p>{t('noClocks')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('clocks')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('clock')}</th>
                <th scope="col">{t('dueAt')}</th>
                <th scope="col">{t('remaining')}</th>
                <th scope="col">{t('escalationLevel')}</th>
                <th scope="col">{t('nextEscalation')}</th>
              </tr>
            </thead>
            <tbody>
              {[...c.deadlines]
                .sort((a, b) => a.dueAt.localeCompare(b.dueAt))
                .map((d) => (
                  <tr key={d.clock} className={d.overdue ? 'overdue-row' : undefined}>
                    <th scope="row">{m.clock[d.clock]}</th>
                    <td>
                      <time dateTime={d.dueAt}>{formatDateTime(d.dueAt)}</time>
                    </td>
                    <td>
                      <Countdown dueAt={d.dueAt} />
                    </td>
                    <td>{d.escalationLevel}</td>
                    <td>{onMiss(d) || '—'}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
