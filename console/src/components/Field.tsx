/** A labelled form control with its error beside it (aria-invalid, aria-describedby). */
import { useId, type ReactNode } from 'react';
import { fill } from '../../../domain/messages/index.js';
import type { FieldError } from '../api/problem.js';
import { useI18n } from '../i18n.js';

export function useFieldErrorText(): (e: FieldError) => string {
  const { m } = useI18n();
  return (e) => (e.code ? fill(m.validation[e.code], e.limit === undefined ? {} : { limit: e.limit }) : e.message);
}

export interface FieldProps {
  label: string;
  error?: FieldError;
  optional?: boolean;
  children: (control: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode;
}

export function Field({ label, error, optional, children }: FieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const { t } = useI18n();
  const text = useFieldErrorText();
  return (
    <div className={error ? 'field has-error' : 'field'}>
      <label htmlFor={id}>
        {label}
        {optional ? <span className="optional"> {t('optional')}</span> : null}
      </label>
      {children({ id, ...(error ? { 'aria-invalid': true as const, 'aria-describedby': errorId } : {}) })}
      {error ? (
        <p className="field-error" id={errorId}>
          {text(error)}
        </p>
      ) : null}
    </div>
  );
}
