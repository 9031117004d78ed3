/**
 * Everything anyone can do to a case, as data. An action says what is asked; case-states.ts
 * decides whether this actor may do it now and what the case becomes.
 */
import type { IsoDate } from './calendar.js';
import type { ClockId } from './clocks.js';
import type { ViolatorKind } from './fines.js';

/** Against whom a violation is recorded. */
export type ViolationParty = 'SENDER' | 'CARRIER' | 'BOTH';

/** How a sanction decision reached the violator. */
export type ServiceMethod = 'IN_PERSON' | 'POST' | 'ELECTRONIC';

/** A photo, scan or minutes stored elsewhere, referred to by the case. */
export interface EvidenceRef {
  ref: string;
  description: string;
}

/** An action on a case, by kind. */
export type CaseAction =
  // 2. Held: the carrier confirms the item is physically held, with its hold record.
  | { kind: 'confirmHold'; holdRecordRef: string }
  // 3. Notified: done by the system once routing is known.
  | { kind: 'notify' }
  // 4. Acknowledged: each routed agency, the lead first to take the case.
  | { kind: 'acknowledge' }
  // 5. Under verification.
  | { kind: 'startVerification' }
  | { kind: 'requestInformation'; question: string }
  | { kind: 'respondInformation'; answer: string; evidence?: EvidenceRef[] }
  | { kind: 'addAgency'; agencyId: string; reason: string; asLead?: boolean }
  | { kind: 'extendDeadline'; clock: ClockId; extension: string; reason: string }
  // 6. Outcome of verification.
  | { kind: 'clear'; reason: string }
  | { kind: 'release' }
  | { kind: 'refer'; reason: string; investigatingBody?: string }
  | { kind: 'returnFromInvestigation'; reason: string }
  | { kind: 'confirmViolation'; against: ViolationParty; summary: string; violationDate?: IsoDate }
  // 7. Violation recorded (biên bản), the item seized if needed.
  | { kind: 'recordViolation'; recordNumber: string; seized: boolean }
  // 8. Sanction proposed.
  | {
      kind: 'proposeSanction';
      offenceCode: string;
      amountVnd: number;
      violator: ViolatorKind;
      extraPenalties: string[];
      remedialMeasures?: string[];
      legalArticle: string;
    }
  // 9. Sanction decided, sent back, or not imposed.
  | { kind: 'decideSanction'; outcome: 'approve'; decisionNumber: string }
  | { kind: 'decideSanction'; outcome: 'sendBack'; reason: string }
  | { kind: 'decideSanction'; outcome: 'noSanction'; reason: string }
  // 10. Served, paid or enforced.
  | { kind: 'serveDecision'; method: ServiceMethod }
  | { kind: 'recordPayment'; amountVnd: number; receiptRef?: string }
  | { kind: 'startEnforcement'; reason?: string }
  | { kind: 'recordEnforcement'; measure: string; collectedVnd: number }
  // 11. Closed by the system: after payment or no sanction, or when a limitation passes.
  | { kind: 'close' }
  | { kind: 'expire'; clock: ClockId }
  // Any time.
  | { kind: 'addNote'; text: string }
  | { kind: 'addEvidence'; evidence: EvidenceRef[] };

/** The kind of an action. */
export type ActionKind = CaseAction['kind'];

/** The action of a given kind. */
export type ActionOf<K extends ActionKind> = Extract<CaseAction, { kind: K }>;

// A record keyed by kind makes the compiler insist that every kind is listed.
const IN_ORDER: Record<ActionKind, true> = {
  confirmHold: true,
  notify: true,
  acknowledge: true,
  startVerification: true,
  requestInformation: true,
  respondInformation: true,
  addAgency: true,
  extendDeadline: true,
  clear: true,
  release: true,
  refer: true,
  returnFromInvestigation: true,
  confirmViolation: true,
  recordViolation: true,
  proposeSanction: true,
  decideSanction: true,
  serveDecision: true,
  recordPayment: true,
  startEnforcement: true,
  recordEnforcement: true,
  close: true,
  expire: true,
  addNote: true,
  addEvidence: true,
};

/** Every action kind, in the order of domain.md section 4. */
export const ACTION_KINDS = Object.keys(IN_ORDER) as readonly ActionKind[];

/** Whether a string names an action kind (for input from outside). */
export const isActionKind = (k: unknown): k is ActionKind => (ACTION_KINDS as readonly unknown[]).includes(k);
