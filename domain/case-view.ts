/**
 * One case as API callers receive it and its workflow holds it (docs/domain-model.md, "The case,
 * step by step"; the workflow keeps its running clocks beside it, case-step.ts). JSON-safe by
 * design: instants are ISO strings, VND are whole numbers, so the same object crosses Temporal
 * payloads, HTTP and the database unchanged.
 */
import type { PaymentRelief } from './payment-relief.js';
import type { IsoDate } from './calendar.js';
import type { DeadlineView } from './clocks.js';
import type { ViolatorKind } from './fines.js';
import type { DecisionOutcome, ServiceMethod, ViolationParty } from './case-actions.js';
import type { CaseStatus } from './case-states.js';
import type { LicenceFinding, ServicePointView } from './registry-standing.js';
import type { AgencyOrigin } from './case-origins.js';

/** An instant as an ISO-8601 string in UTC, e.g. '2026-03-02T03:15:00.000Z'. */
export type IsoInstant = string;

/** Where in the postal chain the item was found. */
export const DETECTION_STAGES = ['ACCEPTANCE', 'SORTING', 'TRANSIT', 'DELIVERY'] as const;
export type DetectionStage = (typeof DETECTION_STAGES)[number];

/** How a closed case ended. */
export const CASE_OUTCOMES = ['CLEARED', 'REFERRED', 'PAID', 'ENFORCED', 'NO_SANCTION', 'EXPIRED'] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];

/** What the carrier reported and what has happened since, as booleans. */
export interface CaseFlags {
  crossBorder: boolean;
  kt1: boolean;
  signsOfCrime: boolean;
  /** Visible only to routed agencies, department managers and admins (KT1 cases). */
  restricted: boolean;
  holdConfirmed: boolean;
  /** An agency asked the carrier for information that has not been answered yet. */
  informationRequested: boolean;
  /** Some running deadline was missed. */
  overdue: boolean;
}

/** An agency's acknowledgement. */
export interface Acknowledgement {
  agencyId: string;
  by: string;
  at: IsoInstant;
}

/** The violation once confirmed, and its record (biên bản) once made. */
export interface ViolationView {
  confirmedAt: IsoInstant;
  against: ViolationParty;
  /** Picks the decree in force; the detection date unless the officer states another. */
  violationDate: IsoDate;
  recordNumber: string | null;
  recordedAt: IsoInstant | null;
  seized: boolean;
}

/** The officer's sanction proposal. */
export interface ProposalView {
  by: string;
  agencyId: string;
  at: IsoInstant;
  offenceCode: string;
  amountVnd: number;
  violator: ViolatorKind;
  extraPenalties: string[];
  remedialMeasures: string[];
  legalArticle: string;
}

/** The latest decision on the proposal. */
export interface DecisionView {
  by: string;
  at: IsoInstant;
  outcome: DecisionOutcome;
  reason: string | null;
  decisionNumber: string | null;
}

/** The fine once decided: service, due date and balance at the time of the view. */
export interface FineView {
  amountVnd: number;
  violator: ViolatorKind;
  servedAt: IsoInstant | null;
  serviceMethod: ServiceMethod | null;
  /** End of the payment period; late interest accrues after it. */
  dueAt: IsoInstant | null;
  paidVnd: number;
  interestVnd: number;
  outstandingVnd: number;
  /** The payment period the decision stated, when longer than 10 days (LHAV Art. 73(1)). */
  paymentPeriodDays?: number;
  /** Postponement (LHAV Art. 76) or instalments (Art. 79) granted on the violator's request. */
  relief?: PaymentRelief[];
}

/** A payment recorded against the fine. */
export interface PaymentView {
  amountVnd: number;
  at: IsoInstant;
  by: string;
  receiptRef: string | null;
}

/** Who in the lead agency handles the case, since when, and who gave it to them. */
export interface AssignmentView {
  id: string;
  name: string;
  at: IsoInstant;
  by: string;
}

/** One case. */
export interface CaseView {
  id: string;
  number: string;
  status: CaseStatus;
  carrierId: string;
  carrierRef: string;
  trackingNumber: string;
  provinceCode: string;
  categoryCode: string;
  stage: DetectionStage;
  detectedAt: IsoInstant;
  leadAgencyId: string | null;
  /** Routed agencies, lead first. */
  agencyIds: string[];
  acknowledgements: Acknowledgement[];
  /** Absent on cases never assigned (and on those opened before assignment existed). */
  assignee?: AssignmentView | null;
  flags: CaseFlags;
  violation: ViolationView | null;
  proposal: ProposalView | null;
  decision: DecisionView | null;
  fine: FineView | null;
  payments: PaymentView[];
  /** Running clocks only; a clock leaves the list when met or stopped. */
  deadlines: DeadlineView[];
  outcome: CaseOutcome | null;
  closedAt: IsoInstant | null;
  /** Present when the demo clock (CLOCK_SCALE) runs this case's limits faster: a drill, not a real case. */
  demoClockScale?: number;
  /** Where the item was stopped and whether the registry knows the point (cases opened before the registry check: absent). */
  servicePoint?: ServicePointView;
  /** The carrier held no licence or notification valid on the day of detection (absent: none found, or opened before the check). */
  licenceFinding?: LicenceFinding;
  /** An agency opened the case: an emergency stop or an inspection finding (absent: the carrier's report). */
  origin?: AgencyOrigin;
}
