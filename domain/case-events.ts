/**
 * The audit log's vocabulary: which event each step writes, and who is told about it.
 * Recipients are addresses in the notification log: `agency:<id>`, `agency:<id>/managers`,
 * `carrier:<id>`.
 */
import type { CaseAction } from './case-actions.js';
import type { CaseView } from './case-view.js';
import type { EscalationTarget } from './clocks.js';

/** Event types written by the workflow, besides one per action. */
export const DETECTED = 'DETECTED';
export const DEADLINE_ESCALATED = 'DEADLINE_ESCALATED';

/** The event a step writes, named for what happened. */
export function eventTypeOf(a: CaseAction): string {
  if (a.kind === 'decideSanction')
    return { approve: 'SANCTION_DECIDED', sendBack: 'SANCTION_SENT_BACK', noSanction: 'NO_SANCTION_DECIDED' }[a.outcome];
  return EVENT_TYPES[a.kind];
}

const EVENT_TYPES: Record<Exclude<CaseAction['kind'], 'decideSanction'>, string> = {
  confirmHold: 'HOLD_CONFIRMED',
  notify: 'AGENCIES_NOTIFIED',
  acknowledge: 'ACKNOWLEDGED',
  startVerification: 'VERIFICATION_STARTED',
  requestInformation: 'INFORMATION_REQUESTED',
  respondInformation: 'INFORMATION_PROVIDED',
  addAgency: 'AGENCY_ADDED',
  extendDeadline: 'DEADLINE_EXTENDED',
  clear: 'CLEARED',
  release: 'RELEASED',
  refer: 'REFERRED',
  returnFromInvestigation: 'RETURNED_FROM_INVESTIGATION',
  confirmViolation: 'VIOLATION_CONFIRMED',
  recordViolation: 'VIOLATION_RECORDED',
  proposeSanction: 'SANCTION_PROPOSED',
  serveDecision: 'DECISION_SERVED',
  recordPayment: 'PAYMENT_RECORDED',
  startEnforcement: 'ENFORCEMENT_STARTED',
  recordEnforcement: 'ENFORCEMENT_RECORDED',
  close: 'CLOSED',
  expire: 'EXPIRED',
  addNote: 'NOTE_ADDED',
  addEvidence: 'EVIDENCE_ADDED',
};

/** The reason an action gives, if it has one (stored in the event's reason column). */
export function reasonOf(a: CaseAction): string | null {
  return 'reason' in a && typeof a.reason === 'string' ? a.reason : null;
}

export const agencyAddress = (id: string) => `agency:${id}`;
export const managersAddress = (id: string) => `agency:${id}/managers`;
export const carrierAddress = (id: string) => `carrier:${id}`;

/** Who must hear of a step at once (beyond reading the case): the notices it sends. */
export function recipientsOf(a: CaseAction, after: CaseView): string[] {
  const routed = after.agencyIds.map(agencyAddress);
  const lead = after.leadAgencyId ? [agencyAddress(after.leadAgencyId)] : [];
  const carrier = [carrierAddress(after.carrierId)];
  switch (a.kind) {
    case 'notify':
      return routed;
    case 'addAgency':
      return [agencyAddress(a.agencyId)];
    case 'requestInformation':
    case 'clear': // the carrier is told to release and resume delivery
    case 'serveDecision':
      return carrier;
    case 'respondInformation':
      return routed;
    case 'proposeSanction':
      return [...(after.leadAgencyId ? [managersAddress(after.leadAgencyId)] : [])];
    case 'decideSanction':
    case 'refer':
    case 'expire':
      return [...lead, ...carrier];
    default:
      return [];
  }
}

/** Who a missed deadline escalates to; ENFORCEMENT and CLOSE_EXPIRED are steps, not notices. */
export function escalationRecipients(target: EscalationTarget, view: CaseView, deptAgencyId: string): string[] {
  const lead = view.leadAgencyId ?? deptAgencyId;
  switch (target) {
    case 'CARRIER_COMPLIANCE':
      return [carrierAddress(view.carrierId)];
    case 'DEPT':
    case 'DEPT_DUTY_OFFICER':
      return [agencyAddress(deptAgencyId)];
    case 'DEPT_MANAGER':
      return [managersAddress(deptAgencyId)];
    case 'LEAD_AGENCY':
      return [agencyAddress(lead)];
    case 'LEAD_AGENCY_MANAGER':
    case 'APPROVER_SUPERIOR':
      return [managersAddress(lead)];
    case 'ENFORCEMENT':
    case 'CLOSE_EXPIRED':
      return [];
  }
}
