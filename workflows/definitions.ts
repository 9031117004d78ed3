/**
 * The names both sides use: task queue, workflow ids, messages, search
 * attributes. Imported by the API, the worker and tests; never imports them.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import { defineSearchAttributeKey } from '@temporalio/common';

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
export const [CaseStatusKey, CaseProvinceKey, CaseLeadAgencyKey, CaseCategoryKey, CaseOverdueKey, CaseNextDeadlineKey] =
  SEARCH_ATTRIBUTES;

/** Who did something; `system` is the workflow itself (timers, escalations). */
export interface Actor {
  id: string | null;
  role: 'carrier' | 'officer' | 'manager' | 'admin' | 'system';
  agencyId?: string | null;
}

/** What a carrier reports when it stops an item (domain.md section 4, step 1). */
export interface DetectionInput {
  carrierId: string;
  carrierRef: string;
  trackingNumber: string;
  servicePoint: string;
  provinceCode: string;
  stage: 'ACCEPTANCE' | 'SORTING' | 'TRANSIT' | 'DELIVERY';
  categoryCode: string;
  description: string;
  crossBorder: boolean;
  kt1: boolean;
  signsOfCrime: boolean;
  evidence: { kind: string; ref: string }[];
  reportedBy: Actor;
}

/** The columns of the case view that move as the case moves. */
export interface CaseSnapshot {
  status: string;
  leadAgencyId: string | null;
  agencyIds: string[];
  overdue: boolean;
  nextDeadlineAt: string | null;
  deadlines: unknown[];
  fineVnd: number | null;
  paidVnd: number;
  interestVnd: number;
  outcome: string | null;
  closedAt: string | null;
}

export interface CaseEventDraft {
  caseId: string;
  seq: number;
  type: string;
  actor: Actor;
  at: string; // ISO instant, workflow time
  payload: unknown;
  reason?: string | null;
}

export interface CaseRegistration {
  caseId: string;
  carrierId: string;
  carrierRef: string;
  trackingNumber: string;
  provinceCode: string;
  categoryCode: string;
  stage: string;
  crossBorder: boolean;
  kt1: boolean;
  signsOfCrime: boolean;
  event: CaseEventDraft;
  snapshot: CaseSnapshot;
}

export interface CaseView extends CaseSnapshot {
  id: string;
  number: string | null;
  carrierId: string;
  carrierRef: string;
  provinceCode: string;
  categoryCode: string;
  lastSeq: number;
}

export const getCase = defineQuery<CaseView>('getCase');
/** Sent with update-with-start: returns once the case is registered and numbered. */
export const openCase = defineUpdate<CaseView, [DetectionInput]>('openCase');
