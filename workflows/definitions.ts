/**
 * The names both sides use: task queue, workflow ids, messages, search
 * attributes, and the shapes that cross the workflow boundary. Imported by
 * the API, the worker and tests; imports nothing but types and the SDK's
 * definition helpers.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import { defineSearchAttributeKey } from '@temporalio/common';
import type { Actor } from '../domain/access.js';
import type { ActionKind, CaseAction, EvidenceRef } from '../domain/case-actions.js';
import type { CaseView, DetectionStage } from '../domain/case-view.js';
import type { ClockId, DeadlinePolicy, DeadlineView } from '../domain/clocks.js';
import type { FineRule } from '../domain/fines.js';
import type { IsoDate } from '../domain/calendar.js';

export const TASK_QUEUE = 'enforcement-cases';

/** Deterministic: the same carrier reference always finds the same case. */
export const caseWorkflowId = (carrierId: string, carrierRef: string) => `case-${carrierId}-${carrierRef}`;

export const SEARCH_ATTRIBUTES = [
  defineSearchAttributeKey('CaseStatus', 'KEYWORD'),
  defineSearchAttributeKey('CaseProvince', 'KEYWORD'),
  defineSearchAttributeKey('CaseLeadAgency', 'KEYWORD'),
  defineSearchAttributeKey('CaseCategory', 'KEYWORD'),
  defineSearchAttributeKey('CaseOverdue', 'BOOL'),
  defineSearchAttributeKey('CaseNextDeadline', 'DATETIME'),
] as const;
export const [CaseStatusKey, CaseProvinceKey, CaseLeadAgencyKey, CaseCategoryKey, CaseOverdueKey, CaseNextDeadlineKey] = SEARCH_ATTRIBUTES;

/** What a carrier reports when it stops an item (domain.md section 4, step 1). */
export interface DetectionInput {
  carrierId: string;
  carrierRef: string;
  trackingNumber: string;
  servicePoint: string;
  provinceCode: string;
  stage: DetectionStage;
  categoryCode: string;
  description: string;
  crossBorder: boolean;
  kt1: boolean;
  signsOfCrime: boolean;
  evidence: EvidenceRef[];
  reportedBy: Actor;
  /** When the carrier found the item; the case opens at workflow time if absent. */
  detectedAt?: string;
}

/** What the case needs from reference data, read once when it opens (activities/plan.ts). */
export interface CasePlan {
  leadAgencyId: string;
  agencyIds: string[];
  /** The province's department for post: escalations of several clocks go there. */
  deptAgencyId: string;
  restricted: boolean;
  policies: DeadlinePolicy[];
  calendar: { holidays: IsoDate[]; makeUpWorkdays: IsoDate[] };
  fineSchedule: FineRule[];
  /** Demo clock: every limit runs this many times faster (1 = real time). */
  clockScale: number;
  /** Whether the namespace has the case search attributes (the time-skipping test server cannot register them). */
  searchAttributes: boolean;
}

/** A clock running in the case, kept in workflow state so timers survive restarts. */
export interface RunningClock {
  clock: ClockId;
  startedAt: string;
  extensions: string[];
  /** Escalation levels already fired. */
  firedLevel: number;
}

/** Everything a later run needs to carry on after continue-as-new. */
export interface CaseCarryOver {
  view: CaseView;
  seq: number;
  plan: CasePlan;
  clocks: RunningClock[];
}

export interface CaseWorkflowInput {
  detection: DetectionInput;
  resume?: CaseCarryOver;
  /** Continue as new past this many history events (tests lower it); the server's suggestion applies too. */
  historyLimit?: number;
}

/** An action and who takes it; the API fills `actor` from the authenticated principal. */
export interface ActionRequest {
  action: CaseAction;
  actor: Actor;
}

/** Details of a refused action (ApplicationFailure type `CaseActionRefused`). */
export interface RefusalDetails {
  code: string;
  reason: string;
  allowed: ActionKind[];
}
export const REFUSED = 'CaseActionRefused';

/** One event of the audit log as the workflow hands it to the activities. */
export interface CaseEventDraft {
  caseId: string;
  seq: number;
  type: string;
  actor: Actor;
  at: string; // ISO instant, workflow time
  payload: unknown;
  reason?: string | null;
}

/** A notice to one recipient address (see domain/case-events.ts). */
export interface Notice {
  recipient: string;
  kind: string;
  payload: unknown;
}

/** An event, the case as it stands after it, and who must be told. */
export interface CaseWrite {
  event: CaseEventDraft;
  view: CaseView;
  notices: Notice[];
}

/** The first write of a case: creates its row and number. */
export interface CaseRegistration extends CaseWrite {
  detection: DetectionInput;
}

export type { CaseView, Actor, CaseAction, ActionKind, DeadlineView };

/**
 * The case as it stands at `asOf` (ISO instant). Pass the caller's clock: a query runs at the
 * workflow's last activation time, so clocks and late interest would otherwise lag.
 */
export const getCase = defineQuery<CaseView, [asOf?: string]>('getCase');
export const allowedActions = defineQuery<ActionKind[], [Actor]>('allowedActions');
/** Sent with update-with-start: returns once the case is registered and numbered. */
export const openCase = defineUpdate<CaseView, []>('openCase');
/** Every officer, carrier and manager action; the validator refuses before anything is written. */
export const act = defineUpdate<CaseView, [ActionRequest]>('act');
