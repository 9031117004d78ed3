/**
 * One action as a form. Nothing is checked in the browser: the API validates, and its answer is
 * shown where it belongs — a field's error beside the field, a refusal's reason above the button.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { api } from '../api/client.js';
import { ApiProblem } from '../api/problem.js';
import type { AssigneeList, CaseResource } from '../api/types.js';
import { Field } from '../components/Field.js';
import { ProblemMessage } from '../components/ProblemMessage.js';
import { useI18n } from '../i18n.js';
import type { FieldSpec, FormSpec, PersonAction } from './action-forms.js';

function useOptions(c: CaseResource, spec: FormSpec): (f: FieldSpec) => [string, string][] {
  const { m } = useI18n();
  const assignees = useQuery({
    queryKey: ['assignees', c.id],
    queryFn: () => api<AssigneeList>('GET', `/v1/cases/${encodeURIComponent(c.id)}/assignees`),
    enabled: spec.fields.some((f) => f.options === 'assignees'),
  });
  return (f) => {
    switch (f.options) {
      case 'violationParty':
        return Object.entries(m.violationParty);
      case 'violator':
        return Object.entries(m.violator);
      case 'serviceMethod':
        return Object.entries(m.serviceMethod);
      case 'decision':
        return Object.entries(m.decision);
      case 'clocks':
        return c.deadlines.filter((d) => d.availableExtensions.length).map((d) => [d.clock, m.clock[d.clock]]);
      case 'assignees':
        return (assignees.data?.items ?? []).map((p) => [p.id, p.name]);
      case 'extensions':
        return [...new Set(c.deadlines.flatMap((d) => d.availableExtensions))].map((e) => [e, e]);
      default:
        return [];
    }
  };
}

export interface ActionFormProps {
  c: CaseResource;
  action: PersonAction;
  spec: FormSpec;
  /** Told when the API has taken the action (the form may be gone from the next render). */
  onDone: (action: PersonAction) => void;
}

export function ActionForm({ c, action, spec, onDone }: ActionFormProps) {
  const { t, m } = useI18n();
  const qc = useQueryClient();
  const headingId = useId();
  const options = useOptions(c, spec);
  const [values, setValues] = useState<Record<string, string | boolean>>({});
  // one Idempotency-Key per action taken: kept while an attempt may have been taken (503, no
  // answer), so sending again never takes it twice; a new one once it was answered
  const key = useRef(crypto.randomUUID());
  const send = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      api<CaseResource>('POST', `/v1/cases/${encodeURIComponent(c.id)}/${spec.endpoint}`, body, { 'idempotency-key': key.current }),
    onSettled: (_data, error) => {
      if (!(error instanceof ApiProblem && (error.status === 0 || error.status >= 500))) key.current = crypto.randomUUID();
    },
    onSuccess: () => {
      setValues({});
      onDone(action);
      void qc.invalidateQueries({ queryKey: ['case'] });
      void qc.invalidateQueries({ queryKey: ['history', c.id] });
      void qc.invalidateQueries({ queryKey: ['notifications'] });
    },
  });
  const errors = send.error instanceof ApiProblem ? send.error.fieldErrors() : {};
  const shown = spec.fields.filter((f) => !f.when || f.when.in.includes(String(values[f.when.field] ?? '')));
  const set = (name: string, v: string | boolean) => setValues((old) => ({ ...old, [name]: v }));

  function submit(e: FormEvent) {
    e.preventDefault();
    send.mutate(spec.body(values));
  }
  return (
    <section className="action" aria-labelledby={headingId} data-action={action}>
      <h3 id={headingId}>{m.action[action]}</h3>
      <form onSubmit={submit} noValidate>
        {shown.map((f) => (
          <Field key={f.name} label={t(f.label)} error={errors[f.name]} optional={f.optional}>
            {(p) =>
              f.type === 'textarea' ? (
                <textarea
                  {...p}
                  name={f.name}
                  rows={3}
                  value={String(values[f.name] ?? '')}
                  onChange={(e) => set(f.name, e.target.value)}
                />
              ) : f.type === 'select' ? (
                <select {...p} name={f.name} value={String(values[f.name] ?? '')} onChange={(e) => set(f.name, e.target.value)}>
                  <option value="">{t(f.emptyLabel ?? 'chooseOne')}</option>
                  {options(f).map(([v, label]) => (
                    <option key={v} value={v}>
                      {label}
                    </option>
                  ))}
                </select>
              ) : f.type === 'checkbox' ? (
                <input
                  {...p}
                  name={f.name}
                  type="checkbox"
                  checked={values[f.name] === true}
                  onChange={(e) => set(f.name, e.target.checked)}
                />
              ) : (
                <input
                  {...p}
                  name={f.name}
                  type={f.type === 'date' ? 'date' : 'text'}
                  inputMode={f.type === 'number' ? 'numeric' : undefined}
                  value={String(values[f.name] ?? '')}
                  onChange={(e) => set(f.name, e.target.value)}
                />
              )
            }
          </Field>
        ))}
        {send.error ? <ProblemMessage error={send.error} /> : null}
        <button type="submit" className="primary" disabled={send.isPending}>
          {send.isPending ? t('submitting') : m.action[action]}
        </button>
      </form>
    </section>
  );
}
