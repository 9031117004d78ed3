/**
 * The audit log's vocabulary (docs/domain-model.md, "Events"): which event each step writes, its
 * shape, and who is told about it. Recipients are addresses in the notification log:
 * `agency:<id>`, `agency:<id>/managers`, `carrier:<id>`.
 */
import type { Actor } from './access.js';
import type { ActionKind, CaseAction, DecisionOutcome } from './case-actions.js';
import type { CaseView } from './case-view.js';

/** Event types written by the workflow, besides one per action. */
export const DETECTED = 'DETECTED';
export const DEADLINE_ESCALATED = 'DEADLINE_ESCALATED';
/** An administrator's calendar correction moved running clocks (domain/calendar-correction.ts). */
export const CALENDAR_CORRECTED = 'CALENDAR_CORRECTED';
/** The carrier held no licence or notification valid on the day of detection (domain/registry-standing.ts). */
export const LICENCE_FINDING = 'LICENCE_FINDING';

// The event each action writes, named for what happened; a sanction decision writes one per outcome.
const ACTION_EVENTS = {
  confirmHold: 'HOLD_CONFIRMED',
  notify: 'AGENCIES_NOTIFIED',
  acknowledge: 'ACKNOWLEDGED',
  assign: 'ASSIGNED',
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
  decideSanction: { approve: 'SANCTION_DECIDED', sendBack: 'SANCTION_SENT_BACK', noSanction: 'NO_SANCTION_DECIDED' },
  serveDecision: 'DECISION_SERVED',
  recordPayment: 'PAYMENT_RECORDED',
  grantPaymentRelief: 'PAYMENT_RELIEF_GRANTED',
  startEnforcement: 'ENFORCEMENT_STARTED',
  recordEnforcement: 'ENFORCEMENT_RECORDED',
  close: 'CLOSED',
  expire: 'EXPIRED',
  addNote: 'NOTE_ADDED',
  addEvidence: 'EVIDENCE_ADDED',
} as const satisfies { [K in ActionKind]: K extends 'decideSanction' ? Record<DecisionOutcome, string> : string };

type ActionEvent = (typeof ACTION_EVENTS)[Exclude<ActionKind, 'decideSanction'>];
type DecisionEvent = (typeof ACTION_EVENTS.decideSanction)[DecisionOutcome];

/** The type of an audit event. */
export type CaseEventType =
  typeof DETECTED | ActionEvent | DecisionEvent | typeof DEADLINE_ESCALATED | typeof CALENDAR_CORRECTED | typeof LICENCE_FINDING;

/** Every event type, in the order a case meets them (the order of the actions). */
export const CASE_EVENT_TYPES: readonly CaseEventType[] = [
  DETECTED,
  LICENCE_FINDING,
  ...Object.values(ACTION_EVENTS).flatMap((e): CaseEventType[] => (typeof e === 'string' ? [e] : Object.values(e))),
  DEADLINE_ESCALATED,
  CALENDAR_CORRECTED,
];

/** The event a step writes, named for what happened. */
export function eventTypeOf(a: CaseAction): CaseEventType {
  return a.kind === 'decideSanction' ? ACTION_EVENTS.decideSanction[a.outcome] : ACTION_EVENTS[a.kind];
}

/** The reason an action gives, if it has one (stored in the event's reason column). */
export function reasonOf(a: CaseAction): string | null {
  return 'reason' in a && typeof a.reason === 'string' ? a.reason : null;
}

/** One event of the audit log as the workflow hands it to the activities. */
export interface CaseEventDraft {
  caseId: string;
  seq: number;
  /** One of CASE_EVENT_TYPES when the workflow writes it; stored and read as text. */
  type: string;
  actor: Actor;
  at: string; // ISO instant, workflow time
  payload: unknown;
  reason?: string | null;
}

/** A notice to one recipient address. */
export interface Notice {
  recipient: string;
  /** The event type the notice is about. */
  kind: string;
  payload: unknown;
}

/** An event, the case as it stands after it, and who must be told. */
export interface CaseWrite {
  event: CaseEventDraft;
  view: CaseView;
  notices: Notice[];
}

export const agencyAddress = (id: string) => `agency:${id}`;
export const managersAddress = (id: string) => `agency:${id}/managers`;
export const carrierAddress = (id: string) => `carrier:${id}`;
/** The address of notices for one principal (assignment and the like). */
export const principalAddress = (id: string) => `principal:${id}`;

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
    case 'assign': // one who takes the case need not be told
      return after.assignee?.by === a.assignee.id ? [] : [principalAddress(a.assignee.id)];
    case 'requestInformation':
    case 'clear': // the carrier is told to release and resume delivery
    case 'serveDecision':
      return carrier;
    case 'respondInformation':
      return routed;
    case 'proposeSanction':
      return [...(after.leadAgencyId ? [managersAddress(after.leadAgencyId)] : [])];
    case 'decideSanction':
    case 'grantPaymentRelief':
    case 'refer':
    case 'expire':
      return [...lead, ...carrier];
    default:
      return [];
  }
}
