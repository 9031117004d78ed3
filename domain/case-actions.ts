/**
 * Everything anyone can do to a case, as data (docs/domain-model.md, "Actions"). An action says
 * what is asked; case-states.ts decides whether this actor may do it now and what the case becomes.
 */
import type { Role } from './access.js';
import type { IsoDate } from './calendar.js';
import type { ClockId } from './clocks.js';
import type { ViolatorKind } from './fines.js';
import type { ReliefGrant } from './payment-relief.js';

/** Against whom a violation is recorded. */
export const VIOLATION_PARTIES = ['SENDER', 'CARRIER', 'BOTH'] as const;
export type ViolationParty = (typeof VIOLATION_PARTIES)[number];

/** How a sanction decision reached the violator. */
export const SERVICE_METHODS = ['IN_PERSON', 'POST', 'ELECTRONIC'] as const;
export type ServiceMethod = (typeof SERVICE_METHODS)[number];

/** What the person deciding on a sanction proposal decides. */
export const DECISION_OUTCOMES = ['approve', 'sendBack', 'noSanction'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

/** A photo, scan or minutes stored elsewhere, referred to by the case. */
export interface EvidenceRef {
  ref: string;
  description: string;
}

/** The officer a case is assigned to, as the API found them: the workflow cannot look principals up. */
export interface Assignee {
  id: string;
  name: string;
  role: Role;
  agencyId: string | null;
}

/** Every action kind, in the order of docs/domain-model.md "The case, step by step". */
export const ACTION_KINDS = [
  'confirmHold',
  'notify',
  'acknowledge',
  'assign',
  'startVerification',
  'requestInformation',
  'respondInformation',
  'addAgency',
  'extendDeadline',
  'clear',
  'release',
  'refer',
  'returnFromInvestigation',
  'confirmViolation',
  'recordViolation',
  'proposeSanction',
  'decideSanction',
  'serveDecision',
  'recordPayment',
  'grantPaymentRelief',
  'startEnforcement',
  'recordEnforcement',
  'close',
  'expire',
  'addNote',
  'addEvidence',
] as const;

/** The kind of an action. */
export type ActionKind = (typeof ACTION_KINDS)[number];

/** What an action of each kind says besides its kind. */
interface ActionFields {
  // 2. Held: the carrier confirms the item is physically held, with its hold record.
  confirmHold: { holdRecordRef: string };
  // 3. Notified: done by the system once routing is known.
  notify: object;
  // 4. Acknowledged: each routed agency, the lead first to take the case.
  acknowledge: object;
  // Within the lead agency: an officer takes the case ("nhận xử lý") or is given it by a colleague.
  assign: { assignee: Assignee };
  // 5. Under verification.
  startVerification: object;
  requestInformation: { question: string };
  respondInformation: { answer: string; evidence?: EvidenceRef[] };
  addAgency: { agencyId: string; reason: string; asLead?: boolean };
  extendDeadline: { clock: ClockId; extension: string; reason: string };
  // 6. Outcome of verification.
  clear: { reason: string };
  release: object;
  refer: { reason: string; investigatingBody?: string };
  returnFromInvestigation: { reason: string };
  confirmViolation: { against: ViolationParty; summary: string; violationDate?: IsoDate };
  // 7. Violation recorded (biên bản), the item seized if needed.
  recordViolation: { recordNumber: string; seized: boolean };
  // 8. Sanction proposed.
  proposeSanction: {
    offenceCode: string;
    amountVnd: number;
    violator: ViolatorKind;
    extraPenalties: string[];
    remedialMeasures?: string[];
    legalArticle: string;
  };
  // 9. Sanction decided, sent back, or not imposed.
  decideSanction:
    // a payment period longer than 10 days, when the decision states one (LHAV Art. 73(1))
    | { outcome: 'approve'; decisionNumber: string; paymentPeriodDays?: number }
    | { outcome: 'sendBack'; reason: string }
    | { outcome: 'noSanction'; reason: string };
  // 10. Served, paid or enforced.
  serveDecision: { method: ServiceMethod };
  recordPayment: { amountVnd: number; receiptRef?: string };
  // Postponed (LHAV Art. 76) or in instalments (Art. 79), on the violator's request.
  grantPaymentRelief: ReliefGrant;
  startEnforcement: { reason?: string };
  recordEnforcement: { measure: string; collectedVnd: number };
  // 11. Closed by the system: after payment or no sanction, or when a limitation passes.
  close: object;
  expire: { clock: ClockId };
  // Any time.
  addNote: { text: string };
  addEvidence: { evidence: EvidenceRef[] };
}

/** The action of a given kind. */
export type ActionOf<K extends ActionKind> = { kind: K } & ActionFields[K];

/** An action on a case, by kind. */
export type CaseAction = { [K in ActionKind]: ActionOf<K> }[ActionKind];

/** Whether a string names an action kind (for input from outside). */
export const isActionKind = (k: unknown): k is ActionKind => (ACTION_KINDS as readonly unknown[]).includes(k);
