/** Sign-in: username and password; the API's answer (wrong password, locked, invalid field) in the reader's language. */
import { useState, type FormEvent } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ApiProblem } from '../api/problem.js';
import { Field } from '../components/Field.js';
import { ProblemMessage } from '../components/ProblemMessage.js';
import { useI18n } from '../i18n.js';
import { useSession } from '../session.js';

export function SignIn() {
  const { t, locale, setLocale } = useI18n();
  const { session, signIn } = useSession();
  const location = useLocation();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  if (session) return <Navigate to={from} replace />;

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    try {
      await signIn(String(data.get('username') ?? ''), String(data.get('password') ?? ''));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  const fields = error instanceof ApiProblem ? error.fieldErrors() : {};
  return (
    <main id="main" className="sign-in">
      <h1>{t('signInTitle')}</h1>
      <p>{t('signInIntro')}</p>
      {(location.state as { ended?: boolean } | null)?.ended ? <p role="status">{t('sessionEnded')}</p> : null}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Field label={t('username')} error={fields.username}>
          {(p) => <input {...p} name="username" autoComplete="username" required />}
        </Field>
        <Field label={t('password')} error={fields.password}>
          {(p) => <input {...p} name="password" type="password" autoComplete="current-password" required />}
        </Field>
        {error ? <ProblemMessage error={error} /> : null}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('submitting') : t('signIn')}
        </button>
      </form>
      <p>
        <button type="button" lang={locale === 'vi' ? 'en' : 'vi'} onClick={() => setLocale(locale === 'vi' ? 'en' : 'vi')}>
          {t('switchLanguage')}
        </button>
      </p>
    </main>
  );
}
