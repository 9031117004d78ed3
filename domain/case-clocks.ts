/**
 * How each clock follows the case (docs/domain-model.md, "Clocks"): which step starts it, which
 * stops or restarts it, what its start sets on the case and what missing it prescribes. The
 * limits, escalation chains and extensions are data (reference/deadlines.ts, snapshotted in the
 * case's plan); everything else a deadline does is a row of the tables below.
 */
import { startOfDateVN, type IsoDate } from './calendar.js';
import { CLOCK_IDS, type ClockId, type ClockLimit, type ClockStart, type EscalationTarget } from './clocks.js';
import { statedPaymentPeriod, untilOf } from './payment-relief.js';
import type { CaseAction } from './case-actions.js';
import type { CaseStatus } from './case-states.js';
import type { CaseView } from './case-view.js';
import { agencyAddress, carrierAddress, managersAddress } from './case-events.js';

/** One clock's behaviour in a case. */
export interface ClockRule {
  /** Statuses the clock runs in: a step that leaves them stops it. */
  runsIn: readonly CaseStatus[];
  /** The clock starts with the case, at detection. */
  startsAtDetection?: true;
  /** Entering one of these statuses starts it, unless it already runs. */
  startsOnEntering?: readonly CaseStatus[];
  /** A step that starts it whatever the status does, unless it already runs. */
  startedBy?: (a: CaseAction) => boolean;
  /** A step that meets it while the case stays where it runs (`agencyId`: the actor's agency). */
  metBy?: (a: CaseAction, before: CaseView, agencyId: string | null | undefined) => boolean;
  /** A step that counts it afresh from its start instant: stopped, then started. */
  restartedBy?: (a: CaseAction) => boolean;
  /** Extensions it starts with because of what the case is, not because an officer asked. */
  startsWith?: (view: CaseView) => readonly string[];
  /** A limit the case sets for it when it starts (a payment period the decision states). */
  limitAtStart?: (view: CaseView) => ClockLimit | null;
  /** A step that makes it end on a date (a postponement, instalments). */
  endsOnBy?: (a: CaseAction) => IsoDate | null;
  /** What starting it sets on the case, given its due instant. */
  onStart?: (view: CaseView, dueAt: Date) => CaseView;
  /** The step a miss prescribes: its escalation chain must end with it (reference-rules.ts). */
  missedStep?: StepTarget;
  /** While the case is in one of these statuses, it waits until the clock would have ended. */
  waitedOutIn?: readonly CaseStatus[];
}

/** Escalation targets that are steps of the case rather than notices. */
export type StepTarget = Extract<EscalationTarget, 'ENFORCEMENT' | 'CLOSE_EXPIRED'>;

/** Categories whose goods are import/export-related: the longer sanctioning limitation applies. */
export const IMPORT_EXPORT_CATEGORIES: ReadonlySet<string> = new Set(['IMPORT_EXPORT_BANNED', 'SMUGGLED']);

const allAcknowledgedAfter = (view: CaseView, agencyId: string | null | undefined): boolean => {
  const acked = new Set(view.acknowledgements.map((a) => a.agencyId));
  if (agencyId) acked.add(agencyId);
  return view.agencyIds.every((id) => acked.has(id));
};

/** The clock table, one row per clock; a clock's limit and escalation chain are its deadline policy. */
export const CLOCK_RULES: Readonly<Record<ClockId, ClockRule>> = {
  HOLD_CONFIRMATION: {
    startsAtDetection: true,
    runsIn: ['DETECTED', 'NOTIFIED', 'ACKNOWLEDGED', 'UNDER_VERIFICATION'],
    metBy: (a) => a.kind === 'confirmHold',
  },
  AGENCY_ACKNOWLEDGEMENT: {
    startsOnEntering: ['NOTIFIED'],
    // an agency added later is covered by the clock if it still runs, and restarts it otherwise
    startedBy: (a) => a.kind === 'addAgency',
    runsIn: ['NOTIFIED', 'ACKNOWLEDGED', 'UNDER_VERIFICATION'],
    metBy: (a, before, agencyId) => a.kind === 'acknowledge' && allAcknowledgedAfter(before, agencyId),
  },
  VERIFICATION: { startsOnEntering: ['ACKNOWLEDGED'], runsIn: ['ACKNOWLEDGED', 'UNDER_VERIFICATION'] },
  VIOLATION_RECORD: { startsOnEntering: ['VIOLATION_CONFIRMED'], runsIn: ['VIOLATION_CONFIRMED'] },
  // A sent-back proposal returns to VIOLATION_RECORDED without restarting it: the law counts from the record.
  SANCTION_DECISION: { startsOnEntering: ['VIOLATION_RECORDED'], runsIn: ['VIOLATION_RECORDED', 'SANCTION_PROPOSED'] },
  SERVE_DECISION: { startsOnEntering: ['DECIDED'], runsIn: ['DECIDED'] },
  // Service starts the payment period, and its end is the fine's due date (late interest runs after it).
  PAYMENT: {
    startsOnEntering: ['DECISION_SERVED'],
    runsIn: ['DECISION_SERVED'],
    limitAtStart: (view) => statedPaymentPeriod(view.fine?.paymentPeriodDays),
    endsOnBy: (a) => (a.kind === 'grantPaymentRelief' ? untilOf(a) : null),
    onStart: (view, dueAt) => ({ ...view, fine: { ...view.fine!, dueAt: dueAt.toISOString() } }),
    missedStep: 'ENFORCEMENT',
  },
  ENFORCEMENT_LIMITATION: {
    startsOnEntering: ['DECIDED'],
    runsIn: ['DECIDED', 'DECISION_SERVED', 'ENFORCEMENT'],
    missedStep: 'CLOSE_EXPIRED',
  },
  SANCTIONING_LIMITATION: {
    startsAtDetection: true,
    // a case back from investigators is again subject to it
    startsOnEntering: ['VIOLATION_CONFIRMED'],
    runsIn: [
      'DETECTED',
      'HELD',
      'NOTIFIED',
      'ACKNOWLEDGED',
      'UNDER_VERIFICATION',
      'VIOLATION_CONFIRMED',
      'VIOLATION_RECORDED',
      'SANCTION_PROPOSED',
    ],
    // A violation date stated on confirmation re-bases it: LHAV Art. 6 counts from the violation.
    restartedBy: (a) => a.kind === 'confirmViolation' && a.violationDate !== undefined,
    // LHAV Art. 6(1)(a): 2 years instead of 1 where the goods are import/export-related.
    startsWith: (view) => (view.flags.crossBorder || IMPORT_EXPORT_CATEGORIES.has(view.categoryCode) ? ['TWO_YEAR_FIELD'] : []),
    missedStep: 'CLOSE_EXPIRED',
    // investigators who never return the case leave it referred once it could no longer be sanctioned
    waitedOutIn: ['REFERRED'],
  },
  TEMPORARY_SEIZURE: {
    startedBy: (a) => a.kind === 'recordViolation' && a.seized,
    runsIn: ['VIOLATION_RECORDED', 'SANCTION_PROPOSED'],
  },
};

/** Clocks that start when a case is opened at detection. */
export const CLOCKS_AT_DETECTION: readonly ClockId[] = CLOCK_IDS.filter((c) => CLOCK_RULES[c].startsAtDetection);

/**
 * Clocks that start when a case opens in `status`: at DETECTED those of detection; a case an
 * inspection opens at VIOLATION_CONFIRMED has no parcel to hold, so only those running there.
 */
export const clocksAtOpening = (status: CaseStatus): readonly ClockId[] =>
  status === 'DETECTED'
    ? CLOCKS_AT_DETECTION
    : CLOCK_IDS.filter((c) => {
        const rule = CLOCK_RULES[c];
        return (rule.startsAtDetection && rule.runsIn.includes(status)) || !!rule.startsOnEntering?.includes(status);
      });

/** What a step does to the running clocks. */
export interface ClockChanges {
  start: ClockId[];
  stop: ClockId[];
  /** An officer's extension of a running clock. */
  extend?: { clock: ClockId; extension: string };
  /** A running clock made to end on a date. */
  endOn?: { clock: ClockId; date: IsoDate };
}

/**
 * The clocks that `action`, taken by an actor of `actorAgencyId`, starts, stops and extends when
 * it moves the case from `before` to `next` (as returned by checkAction).
 */
export function clockChanges(before: CaseView, action: CaseAction, next: CaseStatus, actorAgencyId?: string | null): ClockChanges {
  const running = new Set(before.deadlines.map((d) => d.clock));
  const entered = next !== before.status;
  const stop = [...running].filter((clock) => {
    const rule = CLOCK_RULES[clock];
    return !rule.runsIn.includes(next) || !!rule.metBy?.(action, before, actorAgencyId);
  });
  const start = CLOCK_IDS.filter((clock) => {
    const rule = CLOCK_RULES[clock];
    return !running.has(clock) && ((entered && !!rule.startsOnEntering?.includes(next)) || !!rule.startedBy?.(action));
  });
  const restart = [...running].filter((clock) => !stop.includes(clock) && CLOCK_RULES[clock].restartedBy?.(action));
  const extend = action.kind === 'extendDeadline' ? { clock: action.clock, extension: action.extension } : undefined;
  const endsOn = [...running].filter((clock) => !stop.includes(clock) && CLOCK_RULES[clock].endsOnBy?.(action));
  const endOn = endsOn.map((clock) => ({ clock, date: CLOCK_RULES[clock].endsOnBy!(action)! }))[0];
  return { start: [...start, ...restart], stop: [...stop, ...restart], ...(extend ? { extend } : {}), ...(endOn ? { endOn } : {}) };
}

/** The instant each kind of start counts from: the violation from its VN date, else detection; other events from the step itself. */
const COUNTS_FROM: Readonly<Record<ClockStart, (view: CaseView, now: Date) => Date>> = {
  DETECTION: (view) => new Date(view.detectedAt),
  VIOLATION: (view) => {
    const date = view.violation?.violationDate;
    return date ? startOfDateVN(date) : new Date(view.detectedAt);
  },
  NOTIFICATION: (_, now) => now,
  ACKNOWLEDGEMENT: (_, now) => now,
  VIOLATION_CONFIRMED: (_, now) => now,
  VIOLATION_RECORD: (_, now) => now,
  DECISION: (_, now) => now,
  DECISION_SERVED: (_, now) => now,
  SEIZURE: (_, now) => now,
};

/** The instant a clock counts from, given the event that starts it and the step applied `now`. */
export const clockStartInstant = (startsAt: ClockStart, view: CaseView, now: Date): Date => COUNTS_FROM[startsAt](view, now);

/** Extensions a clock starts with because of what the case is; only codes its policy offers. */
export function extensionsAtStart(clock: ClockId, view: CaseView, offered: readonly string[]): string[] {
  return (CLOCK_RULES[clock].startsWith?.(view) ?? []).filter((code) => offered.includes(code));
}

// ---- escalation: who is told when a clock is missed, and which misses are steps ----

/** One escalation target: whom a miss tells, and for a step target the step it prescribes. */
export interface EscalationRule {
  tell: (view: CaseView, deptAgencyId: string) => string[];
  step?: (clock: ClockId) => CaseAction;
}

const leadOr = (view: CaseView, deptAgencyId: string): string => view.leadAgencyId ?? deptAgencyId;
// A step tells the lead agency that the system took it; before a lead exists there is no one to tell.
const leadIfAny = (view: CaseView): string[] => (view.leadAgencyId ? [agencyAddress(view.leadAgencyId)] : []);

/** The escalation table, one row per target of an escalation chain. */
export const ESCALATION_RULES: Readonly<Record<EscalationTarget, EscalationRule>> = {
  CARRIER_COMPLIANCE: { tell: (view) => [carrierAddress(view.carrierId)] },
  DEPT: { tell: (_, dept) => [agencyAddress(dept)] },
  DEPT_DUTY_OFFICER: { tell: (_, dept) => [agencyAddress(dept)] },
  DEPT_MANAGER: { tell: (_, dept) => [managersAddress(dept)] },
  LEAD_AGENCY: { tell: (view, dept) => [agencyAddress(leadOr(view, dept))] },
  LEAD_AGENCY_MANAGER: { tell: (view, dept) => [managersAddress(leadOr(view, dept))] },
  APPROVER_SUPERIOR: { tell: (view, dept) => [managersAddress(leadOr(view, dept))] },
  // An unpaid fine goes to enforcement (LHAV Art. 86).
  ENFORCEMENT: {
    tell: leadIfAny,
    step: (clock) => ({ kind: 'startEnforcement', reason: `${clock} missed` }),
  },
  // A passed limitation closes the case as expired (LHAV Art. 6, 74).
  CLOSE_EXPIRED: {
    tell: leadIfAny,
    step: (clock) => ({ kind: 'expire', clock }),
  },
};

/** The step a missed deadline prescribes (enforcement, expiry), or null when it only tells someone. */
export const prescribedStep = (target: EscalationTarget, clock: ClockId): CaseAction | null =>
  ESCALATION_RULES[target].step?.(clock) ?? null;
