/**
 * Administration: principals and their keys (issue, revoke), console passwords, and carriers. A
 * new key's token is shown once, as the API answers it; only its prefix is listed afterwards.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { PRINCIPAL_ROLES } from '../../../domain/access.js';
import { formatDateTime } from '../../../domain/messages/index.js';
import { AdminForm } from '../admin/AdminForm.js';
import { api } from '../api/client.js';
import type { Carrier, Principal } from '../api/types.js';
import { ProblemMessage } from '../components/ProblemMessage.js';
import { useI18n } from '../i18n.js';
import { useAgencyName } from '../reference.js';

export function Admin() {
  const { t, m } = useI18n();
  const agency = useAgencyName();
  const qc = useQueryClient();
  const [said, setSaid] = useState('');
  const principals = useQuery({ queryKey: ['admin', 'principals'], queryFn: () => api<{ items: Principal[] }>('GET', '/v1/principals') });
  const carriers = useQuery({ queryKey: ['admin', 'carriers'], queryFn: () => api<{ items: Carrier[] }>('GET', '/v1/carriers') });
  const keys = useMutation({
    mutationFn: async (k: { issueFor?: string; revoke?: string }): Promise<{ token: string } | null> => {
      if (!k.revoke) return api<{ token: string }>('POST', `/v1/principals/${k.issueFor}/keys`, { name: 'console' });
      await api<void>('DELETE', `/v1/keys/${k.revoke}`);
      return null;
    },
    onSuccess: (r) => {
      setSaid(r ? t('tokenShownOnce', { token: r.token }) : t('keyRevoked'));
      void qc.invalidateQueries({ queryKey: ['admin'] });
    },
  });
  const people = (principals.data?.items ?? []).filter((p) => p.role !== 'carrier');
  return (
    <>
      <h1>{t('adminTitle')}</h1>
      <p role="status" className="done">
        {said}
      </p>
      {principals.error ? <ProblemMessage error={principals.error} /> : null}
      {keys.error ? <ProblemMessage error={keys.error} /> : null}
      <section aria-labelledby="principals">
        <h2 id="principals">{t('adminPrincipals')}</h2>
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('adminPrincipals')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('colName')}</th>
                <th scope="col">{t('colRole')}</th>
                <th scope="col">{t('colAgencyOrCarrier')}</th>
                <th scope="col">{t('colKeys')}</th>
              </tr>
            </thead>
            <tbody>
              {(principals.data?.items ?? []).map((p) => (
                <tr key={p.id}>
                  <th scope="row">{p.name}</th>
                  <td>{m.role[p.role]}</td>
                  <td>{p.agencyId ? agency(p.agencyId) : (p.carrierId ?? '—')}</td>
                  <td>
                    <ul className="keys">
                      {p.keys.map((k) => (
                        <li key={k.id}>
                          <code>{k.prefix}…</code> {k.revokedAt ? t('keyRevokedAt', { time: formatDateTime(k.revokedAt) }) : null}
                          {k.revokedAt ? null : (
                            <button
                              type="button"
                              onClick={() => keys.mutate({ revoke: k.id })}
                              aria-label={t('revokeKeyOf', { prefix: k.prefix, name: p.name })}
                            >
                              {t('revokeKey')}
                            </button>
                          )}
                        </li>
                      ))}
                    </ul>
                    <button type="button" onClick={() => keys.mutate({ issueFor: p.id })} aria-label={t('issueKeyFor', { name: p.name })}>
                      {t('issueKey')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <div className="case-grid">
        <AdminForm<{ name: string; key: { token: string } }>
          title="adminCreatePrincipal"
          method="POST"
          path={() => '/v1/principals'}
          fields={[
            { name: 'name', label: 'colName' },
            { name: 'role', label: 'colRole', type: 'select', options: PRINCIPAL_ROLES.map((r) => [r, m.role[r]]) },
            { name: 'agencyId', label: 'fieldAgencyId', optional: true },
            { name: 'provinceCode', label: 'province', optional: true },
            { name: 'title', label: 'colTitle', optional: true },
            { name: 'carrierId', label: 'carrier', optional: true },
          ]}
          onDone={(r) => setSaid(t('tokenShownOnce', { token: r.key.token }))}
        />
        <AdminForm
          title="adminSetPassword"
          method="PUT"
          path={(v) => `/v1/principals/${encodeURIComponent(v.principalId ?? '')}/password`}
          pathFields={['principalId']}
          fields={[
            { name: 'principalId', label: 'fieldPerson', type: 'select', options: people.map((p) => [p.id, p.name]) },
            { name: 'username', label: 'username' },
            { name: 'password', label: 'password', type: 'password' },
          ]}
          onDone={(_, v) => setSaid(t('passwordSet', { name: people.find((p) => p.id === v.principalId)?.name ?? '' }))}
        />
      </div>
      <section aria-labelledby="carriers">
        <h2 id="carriers">{t('adminCarriers')}</h2>
        {carriers.error ? <ProblemMessage error={carriers.error} /> : null}
        <ul>
          {(carriers.data?.items ?? []).map((c) => (
            <li key={c.id}>
              <strong>{c.id}</strong> — {c.name}
            </li>
          ))}
        </ul>
        <AdminForm<Carrier>
          title="adminCreateCarrier"
          method="POST"
          path={() => '/v1/carriers'}
          fields={[
            { name: 'id', label: 'colCode' },
            { name: 'name', label: 'colName' },
          ]}
          onDone={(c) => setSaid(t('carrierCreated', { name: c.name }))}
        />
      </section>
    </>
  );
}
