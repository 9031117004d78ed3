/**
 * The names both sides use: task queue, workflow ids, messages, search
 * attributes, and the shapes that cross the workflow boundary. Imported by
 * the API, the worker and tests; imports nothing but types and the SDK's
 * definition helpers.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import { defineSearchAttributeKey } from '@temporalio/common';
import type { Actor } from '../domain/access.js';
import type { ActionKind, CaseAction } from '../domain/case-actions.js';
import type { CalendarCorrectionRequest, ClockMove } from '../domain/calendar-correction.js';
import type { CaseEventDraft, CaseWrite, Notice } from '../domain/case-events.js';
import type { CaseRegistration, DetectionInput } from '../domain/case-opening.js';
import type { CasePlan, CaseState } from '../domain/case-step.js';
import type { CaseView } from '../domain/case-view.js';
import type { DeadlineView } from '../domain/clocks.js';
import type { RunningClock } from '../domain/running-clocks.js';

export const TASK_QUEUE = 'enforcement-cases';

/**
 * Deterministic: the same carrier reference always finds the same case, and two carriers'
 * references never meet in one id: each part is percent-encoded, so the `:` between them occurs in
 * neither. Cases opened before this form keep their `case-<carrierId>-<carrierRef>` ids (ambiguous
 * when a part holds `-`); every lookup reads the id a case has, never rebuilds it.
 */
export const caseWorkflowId = (carrierId: string, carrierRef: string) =>
  `case:${encodeURIComponent(carrierId)}:${encodeURIComponent(carrierRef)}`;

export const SEARCH_ATTRIBUTES = [
  defineSearchAttributeKey('CaseStatus', 'KEYWORD'),
  defineSearchAttributeKey('CaseProvince', 'KEYWORD'),
  defineSearchAttributeKey('CaseLeadAgency', 'KEYWORD'),
  defineSearchAttributeKey('CaseCategory', 'KEYWORD'),
  defineSearchAttributeKey('CaseOverdue', 'BOOL'),
  defineSearchAttributeKey('CaseNextDeadline', 'DATETIME'),
] as const;
export const [CaseStatusKey, CaseProvinceKey, CaseLeadAgencyKey, CaseCategoryKey, CaseOverdueKey, CaseNextDeadlineKey] = SEARCH_ATTRIBUTES;

/** Everything a later run needs to carry on after continue-as-new (docs/workflow-versioning.md). */
export type CaseCarryOver = CaseState;

export interface CaseWorkflowInput {
  detection: DetectionInput;
  /** The intake that started the case (IntakeId); absent on cases started before it was carried. */
  intake?: string;
  resume?: CaseCarryOver;
  /** Continue as new past this many history events (tests lower it); the server's suggestion applies too. */
  historyLimit?: number;
}

/** An action and who takes it; the API fills `actor` from the authenticated principal. */
export interface ActionRequest {
  action: CaseAction;
  actor: Actor;
}

/**
 * One intake request, opaque: a digest of the principal and its Idempotency-Key. The intake that
 * starts a case passes it in the workflow input; every intake of the carrier reference learns from
 * `openCase` which one that was, so only the opener's is answered 201 however they interleave.
 */
export type IntakeId = string;

/** What `openCase` answers: the case, and which intake opened it (null: a case started before intakes were carried). */
export interface OpenedCase {
  view: CaseView;
  openedBy: IntakeId | null;
}

/** What `act` answers: the case after the action, and what the actor may do next. */
export interface ActionResult {
  view: CaseView;
  allowedActions: ActionKind[];
}

/** Details of a refused action (ApplicationFailure type `CaseActionRefused`). */
export interface RefusalDetails {
  code: string;
  reason: string;
  allowed: ActionKind[];
  /** The action's field the refusal is about, when it is one (a date that cannot be true). */
  field?: string;
}
export const REFUSED = 'CaseActionRefused';

/** An activity failure of this type is PostgreSQL refusing a write for good (activities/data-errors.ts). */
export const DATA_REJECTED = 'DataRejected';
/** An Update whose step is taken but held by an open incident fails with this type; details: [CaseIncident]. */
export const HELD_BY_INCIDENT = 'CaseIncidentOpen';
/** A retry asked of a case that has no such open incident. */
export const NO_OPEN_INCIDENT = 'NoOpenIncident';

/** The activities whose refused writes hold a case in an incident. */
export type IncidentActivity = 'planCase' | 'registerCase' | 'recordEvent';

/**
 * A write of a case that was refused for good (docs/incidents.md): what failed, at
 * which step, since when, with what error. The case holds its steps until an administrator's
 * retry (the `retryIncident` Update) stores it; `scope` is what domain/access.ts canView reads.
 */
export interface CaseIncident {
  id: string;
  caseId: string;
  activity: IncidentActivity;
  /** The audit event that could not be written; null when planning failed, before the first. */
  step: { seq: number; type: string } | null;
  error: { type: string; sqlState: string | null; message: string };
  openedAt: string;
  lastFailedAt: string;
  /** Refused attempts: the first, and each retry refused again. */
  failures: number;
  retriedAt: string | null;
  retriedBy: string | null;
  resolvedAt: string | null;
  scope: { carrierId: string; provinceCode: string; agencyIds: string[]; restricted: boolean };
}

export type { CaseView, Actor, CaseAction, ActionKind, DeadlineView };
export type { CalendarCorrectionRequest, ClockMove };
export type { CasePlan, CaseState, DetectionInput, CaseRegistration, RunningClock, CaseEventDraft, CaseWrite, Notice };

/**
 * The case as it stands at `asOf` (ISO instant). Pass the caller's clock: a query runs at the
 * workflow's last activation time, so clocks and late interest would otherwise lag.
 */
export const getCase = defineQuery<CaseView, [asOf?: string]>('getCase');
export const allowedActions = defineQuery<ActionKind[], [Actor]>('allowedActions');
/** Sent with update-with-start: returns once the case is registered and numbered, with the intake that opened it. */
export const openCase = defineUpdate<OpenedCase, []>('openCase');
/**
 * Every officer, carrier and manager action; the validator refuses before anything is written.
 * Answers with the case after it and the actor's next actions, so the caller needs no query.
 */
export const act = defineUpdate<ActionResult, [ActionRequest]>('act');
/**
 * An administrator's correction of the working-day calendar, sent to every open case: returns the
 * running clocks it moved (none: nothing recorded). Cases started before it know no such update.
 */
export const correctCalendar = defineUpdate<ClockMove[], [CalendarCorrectionRequest]>('correctCalendar');
/** The case's open incident, or null. */
export const getIncident = defineQuery<CaseIncident | null>('getIncident');
/**
 * An administrator retries the write an incident holds (after fixing its cause): answers once the
 * write is stored (`resolvedAt` set) or refused again (`failures` one more).
 */
export const retryIncident = defineUpdate<CaseIncident, [{ incidentId: string; by: string }]>('retryIncident');
