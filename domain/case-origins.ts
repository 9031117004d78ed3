/**
 * The ways into the pipeline besides a carrier's report (docs/domain-model.md, "Ways in"): an
 * agency's emergency stop (Thanh Hóa directive §7(b)) and a finding of an inspection of a carrier
 * (Directive 28 §3, §5, §8; Thanh Hóa §1(b), §2(b)). Both open a case of the same state machine:
 * a stop waits in DETECTED for the carrier's hold, then follows the procedure with the requesting
 * agency as lead; an inspection finding opens at VIOLATION_CONFIRMED with the carrier as violator.
 */
import { vnDate, type IsoDate } from './calendar.js';
import type { Actor } from './access.js';
import type { CaseView } from './case-view.js';
import { agencyAddress, carrierAddress, DETECTED, type Notice } from './case-events.js';
import type { AgencyKind } from './routing.js';

/** How a case began; a case without an origin is a carrier's report. */
export const CASE_ORIGIN_KINDS = ['CARRIER_REPORT', 'EMERGENCY_STOP', 'INSPECTION'] as const;
export type CaseOriginKind = (typeof CASE_ORIGIN_KINDS)[number];

/** What an inspection found a carrier or its service point failing to do (Directive 28 §1; Law on Post). */
export const INSPECTION_FINDINGS = ['NOT_INSPECTED', 'NOT_SUSPENDED', 'NOT_NOTIFIED', 'UNLICENSED', 'OTHER'] as const;
export type InspectionFinding = (typeof INSPECTION_FINDINGS)[number];

/** TH §7(b): an agency asks the carrier to hold a named item. */
export interface EmergencyStopOrigin {
  kind: 'EMERGENCY_STOP';
  /** The requesting agency: the case's lead. */
  agencyId: string;
  reason: string;
  legalBasis: string;
}

/** CT 28 §3, §5, §8: a violation found while inspecting a carrier or one of its service points. */
export interface InspectionOrigin {
  kind: 'INSPECTION';
  /** The inspecting agency: the case's lead. */
  agencyId: string;
  finding: InspectionFinding;
  legalBasis: string;
  /** When the violation was committed, if the inspection established it; else the day of the inspection. */
  violationDate?: IsoDate;
}

export type AgencyOrigin = EmergencyStopOrigin | InspectionOrigin;

/** The origin kind of a case. */
export const originKindOf = (view: Pick<CaseView, 'origin'>): CaseOriginKind => view.origin?.kind ?? 'CARRIER_REPORT';

/** The routing of a case with an agency origin: the agency leads; a stop keeps the item's agencies, an inspection the department. */
export function routedByOrigin<R extends { leadAgencyId: string; agencyIds: string[]; deptAgencyId: string; agencyKinds?: AgencyKind[] }>(
  route: R,
  origin: AgencyOrigin | undefined,
  kindOf: (agencyId: string) => AgencyKind | undefined,
): R {
  if (!origin) return route;
  const others = origin.kind === 'EMERGENCY_STOP' ? route.agencyIds : [route.deptAgencyId];
  const agencyIds = [...new Set([origin.agencyId, ...others])];
  const agencyKinds = [...new Set(agencyIds.map(kindOf).filter((k): k is AgencyKind => !!k))];
  return { ...route, leadAgencyId: origin.agencyId, agencyIds, restricted: false, agencyKinds };
}

/**
 * The case at its opening as its origin makes it: an inspection finding is a confirmed violation
 * of the carrier, taken by the inspecting agency (its acknowledgement is the opening itself).
 */
export function openedAs(view: CaseView, origin: AgencyOrigin | undefined, openedBy: Actor): CaseView {
  if (!origin) return view;
  if (origin.kind === 'EMERGENCY_STOP') return { ...view, origin };
  const at = view.detectedAt;
  return {
    ...view,
    origin,
    status: 'VIOLATION_CONFIRMED',
    acknowledgements: [{ agencyId: origin.agencyId, by: openedBy.id, at }],
    violation: {
      confirmedAt: at,
      against: 'CARRIER',
      violationDate: origin.violationDate ?? vnDate(new Date(at)),
      recordNumber: null,
      recordedAt: null,
      seized: false,
    },
  };
}

/** Who is told when an agency opens a case: the carrier (notice and webhook), and for an inspection the other routed agencies. */
export function openingNotices(view: CaseView): Notice[] {
  const origin = view.origin;
  if (!origin) return [];
  const payload =
    origin.kind === 'EMERGENCY_STOP'
      ? {
          origin: origin.kind,
          status: view.status,
          trackingNumber: view.trackingNumber,
          reason: origin.reason,
          legalBasis: origin.legalBasis,
        }
      : { origin: origin.kind, status: view.status, finding: origin.finding, legalBasis: origin.legalBasis };
  const agencies = origin.kind === 'INSPECTION' ? view.agencyIds.filter((id) => id !== origin.agencyId).map(agencyAddress) : [];
  return [carrierAddress(view.carrierId), ...agencies].map((recipient) => ({ recipient, kind: DETECTED, payload }));
}

/** Whether the routed agencies are notified as the case opens: a stop's are told once the carrier holds the item, an inspection's at once. */
export const notifiedAtOpening = (view: CaseView): boolean => !view.origin;

/** Whether the case's opening is over: numbered and, for a carrier's report, its agencies notified. */
export const openingDone = (view: CaseView): boolean => (view.origin ? view.number !== '' : view.status !== 'DETECTED');
