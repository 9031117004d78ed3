/** A failed request, said in the reader's language: the refusal's reason, or the problem type's message. */
import { labelOf } from '../../../domain/messages/index.js';
import { ApiProblem } from '../api/problem.js';
import { useI18n } from '../i18n.js';

export function useProblemText(): (e: unknown) => string {
  const { m, t } = useI18n();
  return (e) => {
    if (!(e instanceof ApiProblem)) return t('unknownError');
    if (e.slug === 'network') return t('networkError');
    const code = e.body?.code;
    if (e.slug === 'action-refused' && code && code !== 'CASE_CLOSED') return t('actionRefused', { reason: labelOf(m.refusal, code) });
    return e.slug === 'unknown' ? t('unknownError') : labelOf(m.problem, e.slug);
  };
}

/** An alert for a failed request; `role="alert"` so screen readers announce it at once. */
export function ProblemMessage({ error }: { error: unknown }) {
  const text = useProblemText();
  return (
    <p className="problem" role="alert">
      {text(error)}
    </p>
  );
}
