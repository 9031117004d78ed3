// Shared fixtures for the state-machine tests: a case in Thanh Hóa, the people who act on it,
// and `apply`, which takes a step with the workflow's own pure step (domain/case-step.ts).
import { expect } from 'vitest';
import type { Actor } from '../../domain/access.js';
import type { ActionOf, CaseAction } from '../../domain/case-actions.js';
import { numbered, openingStep, type DetectionInput } from '../../domain/case-opening.js';
import { checkAction } from '../../domain/case-states.js';
import { takeStep, type CasePlan, type CaseState } from '../../domain/case-step.js';
import type { CaseView } from '../../domain/case-view.js';
import type { RefusalCode } from '../../domain/refusals.js';
import { DEADLINE_POLICIES, FINE_SCHEDULE, HOLIDAYS, MAKE_UP_WORKDAYS } from '../../domain/reference-data.js';

/** Monday 2 March 2026, 10:00 in Hà Nội time. */
export const T0 = new Date('2026-03-02T03:00:00.000Z');
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const later = (from: Date, ms: number): Date => new Date(from.getTime() + ms);

import {
  admin,
  carrier,
  deptManager,
  deptOfficer,
  nationalManager,
  otherCarrier,
  policeOfficer,
  qlttOfficer,
  qlttTeamLead,
  system,
} from '../support/actors.js';

export { admin, carrier, deptManager, deptOfficer, nationalManager, otherCarrier, policeOfficer, qlttOfficer, qlttTeamLead, system };

/** The seed reference data as a case's plan: QLTT leads, DEPT is notified. */
export const PLAN: CasePlan = {
  leadAgencyId: 'TH-QLTT',
  agencyIds: ['TH-QLTT', 'TH-DEPT'],
  deptAgencyId: 'TH-DEPT',
  restricted: false,
  policies: DEADLINE_POLICIES,
  calendar: { holidays: HOLIDAYS.map((h) => h.date), makeUpWorkdays: MAKE_UP_WORKDAYS.map((h) => h.date) },
  fineSchedule: [...FINE_SCHEDULE],
  clockScale: 1,
  searchAttributes: false,
};

/** What the carrier reports at T0. */
export const DETECTION: DetectionInput = {
  carrierId: 'VNP',
  carrierRef: 'VNP-REF-1',
  trackingNumber: 'EE123456789VN',
  servicePoint: 'Bưu cục Hoằng Hóa',
  provinceCode: 'TH',
  stage: 'ACCEPTANCE',
  categoryCode: 'COUNTERFEIT',
  description: 'counterfeit watches',
  crossBorder: false,
  kt1: false,
  signsOfCrime: false,
  evidence: [],
  reportedBy: carrier,
  detectedAt: T0.toISOString(),
};

/** The case just opened, registered and numbered, as its workflow holds it. */
export const openedState = (detection = DETECTION, plan = PLAN): CaseState =>
  numbered(openingStep('case-1', detection, plan, T0).state, 'TH-2026-000001');

/** A counterfeit-goods case just detected in Thanh Hóa: QLTT leads, DEPT is notified. */
export function detectedCase(overrides: Partial<CaseView> = {}): CaseView {
  return { ...openedState().view, ...overrides };
}

/** The state a workflow would hold for a case seen as `view`: its running clocks are its deadlines. */
export function stateOf(view: CaseView): CaseState {
  const clocks = view.deadlines.map((d) => ({
    clock: d.clock,
    startedAt: d.startedAt,
    extensions: [...d.extensions],
    firedLevel: d.escalationLevel,
  }));
  return { view, seq: 0, plan: PLAN, clocks };
}

/** Takes a step, fails the test if it is refused, and returns the case after it. */
export function apply(view: CaseView, action: CaseAction, actor: Actor, now: Date): CaseView {
  const step = takeStep(stateOf(view), action, actor, now);
  if (!step.ok) expect.fail(`${action.kind} by ${actor.id} refused: ${step.code} (${step.reason})`);
  return step.state.view;
}

/** Applies steps in order, each one hour after the previous. */
export function applyAll(view: CaseView, steps: [CaseAction, Actor][], from: Date): { view: CaseView; now: Date } {
  let now = from;
  for (const [action, actor] of steps) {
    now = later(now, HOUR);
    view = apply(view, action, actor, now);
  }
  return { view, now };
}

/** Expects a refusal with the given code. */
export function expectRefused(view: CaseView, action: CaseAction, actor: Actor, now: Date, code: RefusalCode): void {
  const result = checkAction(view, action, actor, now);
  expect(result.ok ? 'ok' : result.code, result.ok ? `${action.kind} was allowed` : result.reason).toBe(code);
}

/** The steps that take a new case to UNDER_VERIFICATION. */
export const TO_VERIFICATION: [CaseAction, Actor][] = [
  [{ kind: 'confirmHold', holdRecordRef: 'BB-001' }, carrier],
  [{ kind: 'notify' }, system],
  [{ kind: 'acknowledge' }, deptOfficer],
  [{ kind: 'acknowledge' }, qlttOfficer],
  [{ kind: 'startVerification' }, qlttOfficer],
];

/** A proposal of 15 m VND against an organisation for the default offence. */
export const PROPOSAL: ActionOf<'proposeSanction'> = {
  kind: 'proposeSanction',
  offenceCode: 'POST_PROHIBITED_ITEM',
  amountVnd: 15_000_000,
  violator: 'ORGANISATION',
  extraPenalties: ['CONFISCATION'],
  legalArticle: 'Decree 15/2020/NĐ-CP (verify article)',
};

/** The steps from UNDER_VERIFICATION to SANCTION_PROPOSED. */
export const TO_PROPOSAL: [CaseAction, Actor][] = [
  [{ kind: 'confirmViolation', against: 'SENDER', summary: 'counterfeit watches' }, qlttOfficer],
  [{ kind: 'recordViolation', recordNumber: 'BB-VPHC-01', seized: true }, qlttOfficer],
  [PROPOSAL, qlttOfficer],
];

/** The case at a given point of the happy path. */
export function caseAt(steps: [CaseAction, Actor][]): { view: CaseView; now: Date } {
  return applyAll(detectedCase(), steps, T0);
}
