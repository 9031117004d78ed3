/**
 * How the case workflow says no: an ApplicationFailure of type `CaseActionRefused` whose details
 * the API turns into a 403 or 409 (RefusalDetails), and the validator of the `act` Update, which
 * asks the same pure rule the API shows before anything is written.
 */
import { ApplicationFailure } from '@temporalio/workflow';
import type { Actor } from '../domain/access.js';
import type { CaseAction } from '../domain/case-actions.js';
import { allowedActions, checkAction } from '../domain/case-states.js';
import { rulesOf, type CaseState } from '../domain/case-step.js';
import { REFUSED, type CaseIncident, type RefusalDetails } from './definitions.js';

/** The failure that refuses an action, with the actions the caller may take instead. */
export function refusal(r: { code: string; reason: string; field?: string }, allowed: RefusalDetails['allowed']): ApplicationFailure {
  const details: RefusalDetails = { code: r.code, reason: r.reason, allowed, ...(r.field ? { field: r.field } : {}) };
  return ApplicationFailure.create({ message: r.reason, type: REFUSED, nonRetryable: true, details: [details] });
}

/** Throws the refusal of an Update's action, if any; read-only, as validators must be. */
export function validateRequest(
  state: CaseState | null,
  action: CaseAction,
  actor: Actor,
  now: number,
  incident: CaseIncident | null,
): void {
  if (!state) throw refusal({ code: 'NOT_READY', reason: 'the case is still being opened; try again' }, []);
  if (actor.role === 'system') throw refusal({ code: 'ROLE_NOT_ALLOWED', reason: 'the system role is not for callers' }, []);
  // every later step would queue behind the one held: none is taken until it is stored
  if (incident)
    throw refusal(
      {
        code: 'INCIDENT_OPEN',
        reason: `an earlier step could not be stored (incident ${incident.id}); an administrator must retry it first`,
      },
      [],
    );
  const check = checkAction(state.view, action, actor, now, rulesOf(state.plan));
  if (!check.ok) throw refusal(check, allowedActions(state.view, actor, now));
}

/** A query before the case exists. */
export function notReady(): never {
  throw ApplicationFailure.nonRetryable('the case is still being opened', 'NotReady');
}
