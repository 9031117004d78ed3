/**
 * One step of a case, whole and pure (docs/domain-model.md, "A step"): the state machine's check,
 * the reducer, the clocks the step starts, stops and extends, the event to record and whom to
 * tell. The workflow runs these functions and persists what they return; the unit tests run the
 * same functions.
 */
import { SYSTEM_ACTOR, type Actor } from './access.js';
import type { IsoDate } from './calendar.js';
import type { CaseAction } from './case-actions.js';
import { applyAction, changes, settleFine } from './case-apply.js';
import { CLOCK_RULES, clockChanges, clockStartInstant, ESCALATION_RULES, extensionsAtStart } from './case-clocks.js';
import {
  DEADLINE_ESCALATED,
  eventTypeOf,
  LICENCE_FINDING,
  managersAddress,
  reasonOf,
  recipientsOf,
  type CaseEventType,
  type CaseWrite,
  type Notice,
} from './case-events.js';
import { violationDate } from './case-guards.js';
import { checkAction, FINAL_STATUSES, type CaseRules } from './case-states.js';
import type { CaseView } from './case-view.js';
import { CLOCK_IDS, type ClockId } from './clocks.js';
import type { FineRule } from './fines.js';
import type { Refusal } from './refusals.js';
import type { AgencyKind } from './routing.js';
import { fitLimitation, type LimitationFacts } from './sanctioning-limitation.js';
import { limitEndingOn } from './payment-relief.js';
import type { LicenceFinding, RegistryStanding } from './registry-standing.js';
import {
  clockDueAt,
  deadlinesAt,
  fireDue,
  nextEscalationAt,
  plainDueAt,
  policyOf,
  extendClock,
  refitClock,
  startClock,
  stopClocks,
  type ClockBasis,
  type DueEscalation,
  type RunningClock,
} from './running-clocks.js';

export type { DueEscalation };

/** What the case needs from reference data, read once when it opens (activities/plan.ts). */
export interface CasePlan extends ClockBasis {
  leadAgencyId: string;
  agencyIds: string[];
  /** The province's department for post: escalations of several clocks go there. */
  deptAgencyId: string;
  restricted: boolean;
  /** Kinds of the agencies routed (v5; absent in plans recorded before). */
  agencyKinds?: AgencyKind[];
  calendar: { holidays: IsoDate[]; makeUpWorkdays: IsoDate[] };
  fineSchedule: FineRule[];
  /** Whether the namespace has the case search attributes (the time-skipping test server cannot register them). */
  searchAttributes: boolean;
  /** The carrier registry on the day of detection (cases planned before the registry check: absent). */
  registry?: RegistryStanding;
}

/** Everything one case's workflow holds, and carries over to its next run. */
export interface CaseState {
  view: CaseView;
  /** The last audit event's sequence number. */
  seq: number;
  plan: CasePlan;
  clocks: RunningClock[];
}

/**
 * Behaviour changed while cases were running: the workflow says which a run has (a Temporal
 * patch each, docs/workflow-versioning.md); everyone else takes the latest.
 */
export interface Revisions {
  /** v3: import/export-related goods start with the 2-year sanctioning limitation. */
  importExportLimitation: boolean;
  /** v5: the sanctioning limitation follows the field of the offence (sanctioning-limitation.ts). */
  offenceFieldLimitation?: boolean;
}
export const LATEST: Revisions = { importExportLimitation: true, offenceFieldLimitation: true };

/** A step taken: the case after it, and what to record. */
export interface Step {
  ok: true;
  state: CaseState;
  write: CaseWrite;
}

/** When the sanctioning limitation would end if it counted from `from`, with the extensions the case starts it with. */
function limitationEndFrom(plan: CasePlan, view: CaseView, from: Date): Date {
  const clock = 'SANCTIONING_LIMITATION';
  const extensions = extensionsAtStart(
    clock,
    view,
    policyOf(plan, clock).extensions.map((e) => e.code),
  );
  const limit = CLOCK_RULES[clock].limitAtStart?.(view); // as withClockStarted counts it
  return clockDueAt(plan, startClock([], clock, from, extensions, limit), clock)!;
}

/** The reference data the state machine's rules read, from the case's snapshot. */
export const rulesOf = (plan: CasePlan): CaseRules => ({
  fineSchedule: plan.fineSchedule,
  basis: plan,
  limitationEndFrom: (view, from) => limitationEndFrom(plan, view, from),
});

/** The case as it stands at `now`: clocks, the overdue flag and the fine's late interest brought up to date. */
export function viewAt(state: CaseState, now: Date): CaseView {
  const { view, plan, clocks } = state;
  const deadlines = deadlinesAt(plan, clocks, now);
  const overdue = deadlines.some((d) => d.escalationLevel > 0);
  const fine = view.fine && settleFine(view.fine, view.payments, now);
  return { ...view, deadlines, fine, flags: { ...view.flags, overdue } };
}

/** Starts a clock from the event that starts it, with the extensions the case itself carries; a running clock runs on. */
export function withClockStarted(state: CaseState, clock: ClockId, now: Date, revisions: Revisions): CaseState {
  if (state.clocks.some((r) => r.clock === clock)) return state;
  const policy = policyOf(state.plan, clock);
  const offered = policy.extensions.map((e) => e.code);
  const extensions = revisions.importExportLimitation ? extensionsAtStart(clock, state.view, offered) : [];
  const limit = CLOCK_RULES[clock].limitAtStart?.(state.view);
  const clocks = startClock(state.clocks, clock, clockStartInstant(policy.startsAt, state.view, now), extensions, limit);
  const onStart = CLOCK_RULES[clock].onStart;
  return { ...state, clocks, view: onStart ? onStart(state.view, clockDueAt(state.plan, clocks, clock)!) : state.view };
}

/** The running clocks with `clock` ending on `date` (a postponement, instalments). */
function clocksEndingOn(state: CaseState, clock: ClockId, date: IsoDate, now: Date): RunningClock[] {
  const running = state.clocks.find((r) => r.clock === clock)!;
  return refitClock(state.plan, state.clocks, clock, { limit: limitEndingOn(new Date(running.startedAt), date) }, now);
}

/** The limitation fitted to the offence proposed, or to the longest of a field that may still apply (v5). */
export function withLimitationFitted(state: CaseState, now: Date, revisions: Revisions): CaseState {
  if (!revisions.offenceFieldLimitation) return state;
  const { view, plan } = state;
  const facts: LimitationFacts = {
    proposedOffence: view.status === 'SANCTION_PROPOSED' ? (view.proposal?.offenceCode ?? null) : null,
    violationDate: violationDate(view),
    ...(plan.agencyKinds ? { agencyKinds: plan.agencyKinds } : {}),
    fineSchedule: plan.fineSchedule,
  };
  return { ...state, clocks: fitLimitation(plan, state.clocks, facts, now) };
}

/** The next audit event on a case brought up to `now`, with its notices. */
export function recorded(
  state: CaseState,
  now: Date,
  event: { type: CaseEventType; actor: Actor; payload: unknown; reason: string | null },
  notices: (view: CaseView) => Notice[],
): Step {
  const view = viewAt(state, now);
  const seq = state.seq + 1;
  const { type, actor, payload, reason } = event;
  return {
    ok: true,
    state: { ...state, view, seq },
    write: { event: { caseId: view.id, seq, type, actor, at: now.toISOString(), payload, reason }, view, notices: notices(view) },
  };
}

/**
 * `actor` takes `action` on the case at `now`: refused as checkAction says, or applied, with the
 * clocks it starts, stops and extends, and its event (old → new) and notices.
 */
export function takeStep(state: CaseState, action: CaseAction, actor: Actor, now: Date, revisions = LATEST): Step | Refusal {
  const check = checkAction(state.view, action, actor, now, rulesOf(state.plan));
  if (!check.ok) return check;
  const before = state.view;
  const moves = clockChanges(before, action, check.next, actor.agencyId);
  let next: CaseState = {
    ...state,
    view: applyAction(before, action, actor, check.next, now),
    clocks: stopClocks(state.clocks, moves.stop),
  };
  for (const clock of moves.start) next = withClockStarted(next, clock, now, revisions);
  if (moves.extend) next = { ...next, clocks: extendClock(next.plan, next.clocks, moves.extend.clock, moves.extend.extension, now) };
  if (moves.endOn) next = { ...next, clocks: clocksEndingOn(next, moves.endOn.clock, moves.endOn.date, now) };
  next = withLimitationFitted(next, now, revisions);
  const type = eventTypeOf(action);
  const after = viewAt(next, now);
  return recorded(
    next,
    now,
    { type, actor, payload: { action, from: before.status, to: after.status, changes: changes(before, after) }, reason: reasonOf(action) },
    (view) =>
      recipientsOf(action, view).map((recipient) => ({ recipient, kind: type, payload: { number: view.number, status: view.status } })),
  );
}

/** The escalations whose time has come by `now`, and the case with them marked as fired. */
export function dueEscalations(state: CaseState, now: Date): { state: CaseState; due: DueEscalation[] } {
  const { clocks, due } = fireDue(state.plan, state.clocks, now);
  return { state: { ...state, clocks }, due };
}

/** The step a missed deadline prescribes (enforcement, expiry), or null when it only tells someone. */
export const prescribedStep = (e: DueEscalation): CaseAction | null => ESCALATION_RULES[e.target].step?.(e.clock) ?? null;

/** A missed deadline recorded at `now`: the case marked overdue, the escalation target told. */
export function escalationStep(state: CaseState, e: DueEscalation, now: Date): Step {
  const tell = (view: CaseView) => ESCALATION_RULES[e.target].tell(view, state.plan.deptAgencyId);
  const payload = { clock: e.clock, level: e.level, target: e.target, dueAt: e.dueAt, recipients: tell(viewAt(state, now)) };
  return recorded(state, now, { type: DEADLINE_ESCALATED, actor: SYSTEM_ACTOR, payload, reason: `${e.clock} deadline missed` }, (view) =>
    payload.recipients.map((recipient) => ({ recipient, kind: DEADLINE_ESCALATED, payload: { number: view.number, ...payload } })),
  );
}

/**
 * 1a. The carrier held no licence or notification valid on the day of detection: recorded on the
 * case for the agencies to see, and the province's department (which licenses and inspects
 * carriers) is told.
 */
export function licenceFindingStep(state: CaseState, finding: LicenceFinding, now: Date): Step {
  const payload = { finding, changes: { licenceFinding: { old: null, new: finding } } };
  const next = { ...state, view: { ...state.view, licenceFinding: finding } };
  return recorded(
    next,
    now,
    { type: LICENCE_FINDING, actor: SYSTEM_ACTOR, payload, reason: 'no valid postal licence or notification' },
    (view) => [{ recipient: managersAddress(state.plan.deptAgencyId), kind: LICENCE_FINDING, payload: { number: view.number, finding } }],
  );
}

/** Until when the case waits in a status that a clock bounds (a referral: until the limitation would have passed). */
function waitedOutUntil(state: CaseState): Date | null {
  const { view, plan } = state;
  const clock = CLOCK_IDS.find((c) => CLOCK_RULES[c].waitedOutIn?.includes(view.status));
  if (!clock) return null;
  const policy = policyOf(plan, clock);
  return plainDueAt(plan, clock, clockStartInstant(policy.startsAt, view, new Date(view.detectedAt)));
}

/** The earliest instant the case needs the workflow without anyone acting: an escalation, or the end of a wait. */
export const nextWakeAt = (state: CaseState): Date | null => nextEscalationAt(state.plan, state.clocks) ?? waitedOutUntil(state);

/** Whether the case is over at `now`: closed for good, or its wait has run out. */
export function isOver(state: CaseState, now: Date): boolean {
  const until = waitedOutUntil(state);
  return FINAL_STATUSES.has(state.view.status) || (!!until && now.getTime() >= until.getTime());
}
