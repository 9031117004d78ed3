/**
 * A case opened from a carrier's report (docs/domain-model.md, "The case, step by step", step 1),
 * or by an agency (an emergency stop, an inspection finding: case-origins.ts): routed by the
 * plan, its opening clocks started, and the DETECTED event that registers it.
 */
import type { Actor } from './access.js';
import { openedCase } from './case-apply.js';
import type { EvidenceRef } from './case-actions.js';
import { clocksAtOpening } from './case-clocks.js';
import { openedAs, openingNotices, type AgencyOrigin } from './case-origins.js';
import { DETECTED, type CaseEventDraft, type CaseWrite } from './case-events.js';
import { LATEST, viewAt, withClockStarted, withLimitationFitted, type CasePlan, type CaseState, type Revisions } from './case-step.js';
import type { DetectionStage } from './case-view.js';
import { servicePointView } from './registry-standing.js';

/** What a carrier reports when it stops an item. */
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
  /** Absent: the carrier's own report. Otherwise the agency that opened the case, and how. */
  origin?: AgencyOrigin;
  /** The tip the agency's case came from (kept on the case row for agencies; never in what the carrier reads). */
  tipId?: string;
}

/** The first write of a case: creates its row and number. */
export interface CaseRegistration extends CaseWrite {
  detection: DetectionInput;
}

/** The case `id` as detected at `now` and routed by `plan`, not yet numbered, and its registration. */
export function openingStep(
  id: string,
  d: DetectionInput,
  plan: CasePlan,
  now: Date,
  revisions: Revisions = LATEST,
): { state: CaseState; registration: CaseRegistration } {
  const opening = openedCase({
    id,
    number: '',
    carrierId: d.carrierId,
    carrierRef: d.carrierRef,
    trackingNumber: d.trackingNumber,
    provinceCode: d.provinceCode,
    categoryCode: d.categoryCode,
    stage: d.stage,
    detectedAt: d.detectedAt ?? now.toISOString(),
    leadAgencyId: plan.leadAgencyId,
    agencyIds: plan.agencyIds,
    crossBorder: d.crossBorder,
    kt1: d.kt1,
    signsOfCrime: d.signsOfCrime,
    restricted: plan.restricted,
  });
  // a drill on the demo clock says so on the case itself; the registry's word on the point, once checked, too
  const view = {
    ...openedAs(opening, d.origin, d.reportedBy),
    ...(plan.clockScale > 1 ? { demoClockScale: plan.clockScale } : {}),
    ...(plan.registry ? { servicePoint: servicePointView(d.servicePoint, plan.registry) } : {}),
  };
  let state: CaseState = { view, seq: 0, plan, clocks: [] };
  for (const clock of clocksAtOpening(view.status)) state = withClockStarted(state, clock, now, revisions);
  state = withLimitationFitted(state, now, revisions);
  state = { ...state, view: viewAt(state, now), seq: 1 };
  const route = { lead: plan.leadAgencyId, agencies: plan.agencyIds };
  const { tipId: _agencyOnly, ...told } = d; // the event is read by the carrier too
  const payload = plan.registry ? { detection: told, route, registry: plan.registry } : { detection: told, route };
  const event: CaseEventDraft = { caseId: id, seq: 1, type: DETECTED, actor: d.reportedBy, at: now.toISOString(), payload, reason: null };
  return { state, registration: { detection: d, event, view: state.view, notices: openingNotices(state.view) } };
}

/** The case with the number its registration gave it. */
export const numbered = (state: CaseState, number: string): CaseState => ({ ...state, view: { ...state.view, number } });
