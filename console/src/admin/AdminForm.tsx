/**
 * A form of the administration pages: labelled fields, the body they make, the API's field errors
 * beside them and its refusal above the button (nothing is checked in the browser).
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import type { UiKey } from '../../../domain/messages/index.js';
import { api } from '../api/client.js';
import { ApiProblem } from '../api/problem.js';
import { Field } from '../components/Field.js';
import { ProblemMessage } from '../components/ProblemMessage.js';
import { useI18n } from '../i18n.js';

export interface AdminField {
  name: string;
  label: UiKey;
  type?: 'text' | 'password' | 'select';
  options?: [string, string][];
  optional?: boolean;
}

export interface AdminFormProps<T> {
  title: UiKey;
  method: 'POST' | 'PUT';
  /** The path, from the values when it names one of them (a principal's password). */
  path: (v: Record<string, string>) => string;
  fields: AdminField[];
  /** Fields left out of the body (those the path names). */
  pathFields?: string[];
  onDone: (result: T, values: Record<string, string>) => void;
}

export function AdminForm<T>({ title, method, path, fields, pathFields = [], onDone }: AdminFormProps<T>) {
  const { t } = useI18n();
  const headingId = useId();
  const qc = useQueryClient();
  const [values, setValues] = useState<Record<string, string>>({});
  const send = useMutation({
    mutationFn: (v: Record<string, string>) => {
      const body = Object.fromEntries(Object.entries(v).filter(([k, x]) => x.trim() !== '' && !pathFields.includes(k)));
      return api<T>(method, path(v), body);
    },
    onSuccess: (result, v) => {
      setValues({});
      onDone(result, v);
      void qc.invalidateQueries({ queryKey: ['admin'] });
    },
  });
  const errors = send.error instanceof ApiProblem ? send.error.fieldErrors() : {};
  const set = (name: string, v: string) => setValues((old) => ({ ...old, [name]: v }));
  function submit(e: FormEvent) {
    e.preventDefault();
    send.mutate(values);
  }
  return (
    <section className="action" aria-labelledby={headingId}>
      <h3 id={headingId}>{t(title)}</h3>
      <form onSubmit={submit} noValidate>
        {fields.map((f) => (
          <Field key={f.name} label={t(f.label)} error={errors[f.name]} optional={f.optional}>
            {(p) =>
              f.type === 'select' ? (
                <select {...p} name={f.name} value={values[f.name] ?? ''} onChange={(e) => set(f.name, e.target.value)}>
                  <option value="">{t('chooseOne')}</option>
                  {(f.options ?? []).map(([v, label]) => (
                    <option key={v} value={v}>
                      {label}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  {...p}
                  name={f.name}
                  type={f.type === 'password' ? 'password' : 'text'}
                  autoComplete={f.type === 'password' ? 'new-password' : 'off'}
                  value={values[f.name] ?? ''}
                  onChange={(e) => set(f.name, e.target.value)}
                />
              )
            }
          </Field>
        ))}
        {send.error ? <ProblemMessage error={send.error} /> : null}
        <button type="submit" className="primary" disabled={send.isPending}>
          {send.isPending ? t('submitting') : t(title)}
        </button>
      </form>
    </section>
  );
}
