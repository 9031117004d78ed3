/**
 * Where each action a caller may take is sent: the workflow speaks in action names
 * (`startVerification`), the API in endpoints (`POST /v1/cases/{id}/verification`), so a case
 * answers with both. `body` names the fields that select the action when one endpoint takes
 * several (verification, enforcement).
 */
import type { ActionKind } from '../../domain/case-actions.js';
import type { ActionEndpoint } from './case-action-table.js';

/** Actions only the workflow takes, on its own timers: no endpoint sends them. */
type SystemAction = 'notify' | 'close' | 'expire';

interface Target {
  endpoint: ActionEndpoint;
  body?: Record<string, string>;
}

export const ACTION_TARGETS: Record<Exclude<ActionKind, SystemAction>, Target> = {
  confirmHold: { endpoint: 'hold-confirmation' },
  acknowledge: { endpoint: 'acknowledgement' },
  assign: { endpoint: 'assignment' },
  startVerification: { endpoint: 'verification', body: { outcome: 'started' } },
  requestInformation: { endpoint: 'information-requests' },
  respondInformation: { endpoint: 'information-responses' },
  addAgency: { endpoint: 'routing' },
  extendDeadline: { endpoint: 'deadline-extensions' },
  clear: { endpoint: 'verification', body: { outcome: 'cleared' } },
  release: { endpoint: 'release' },
  refer: { endpoint: 'referral' },
  returnFromInvestigation: { endpoint: 'referral-return' },
  confirmViolation: { endpoint: 'verification', body: { outcome: 'violation' } },
  recordViolation: { endpoint: 'violation-record' },
  proposeSanction: { endpoint: 'sanction-proposal' },
  decideSanction: { endpoint: 'sanction-decision' },
  serveDecision: { endpoint: 'decision-service' },
  recordPayment: { endpoint: 'payments' },
  grantPaymentRelief: { endpoint: 'payment-relief' },
  startEnforcement: { endpoint: 'enforcement', body: { step: 'start' } },
  recordEnforcement: { endpoint: 'enforcement', body: { step: 'completed' } },
  addNote: { endpoint: 'notes' },
  addEvidence: { endpoint: 'evidence' },
};

/** One action the caller may take now, with the request that takes it. */
export interface ActionLink {
  action: ActionKind;
  method: 'POST';
  path: string;
  body?: Record<string, string>;
}

/** The requests that take each of `allowed` on case `caseId`. */
export function actionLinks(caseId: string, allowed: readonly ActionKind[]): ActionLink[] {
  return allowed.flatMap((action) => {
    const target = ACTION_TARGETS[action as keyof typeof ACTION_TARGETS]; // undefined for the workflow's own
    if (!target) return [];
    const path = `/v1/cases/${caseId}/${target.endpoint}`;
    return [{ action, method: 'POST' as const, path, ...(target.body ? { body: target.body } : {}) }];
  });
}
