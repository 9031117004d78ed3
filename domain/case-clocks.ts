/**
 * Which clocks a step starts and stops, so the workflow's timers follow the state machine
 * instead of a second copy of it. Start instants come from the policy's `startsAt`.
 */
import { startOfDateVN } from './calendar.js';
import type { ClockId, ClockStart } from './clocks.js';
import type { CaseAction } from './case-actions.js';
import type { CaseStatus } from './case-states.js';
import type { CaseView } from './case-view.js';

/** Clocks to start and stop as a step is applied. */
export interface ClockChanges {
  start: ClockId[];
  stop: ClockId[];
}

/** Clocks that start when a case is opened at detection. */
export const CLOCKS_AT_DETECTION: readonly ClockId[] = ['HOLD_CONFIRMATION', 'SANCTIONING_LIMITATION'];

// Entering a status starts these, unless already running (a sent-back proposal returns to
// VIOLATION_RECORDED without restarting the decision clock, which the law counts from the record).
const STARTS_ON_ENTERING: Partial<Record<CaseStatus, readonly ClockId[]>> = {
  NOTIFIED: ['AGENCY_ACKNOWLEDGEMENT'],
  ACKNOWLEDGED: ['VERIFICATION'],
  // A case back from investigators is again subject to the sanctioning limitation.
  VIOLATION_CONFIRMED: ['VIOLATION_RECORD', 'SANCTIONING_LIMITATION'],
  VIOLATION_RECORDED: ['SANCTION_DECISION'],
  DECIDED: ['SERVE_DECISION', 'ENFORCEMENT_LIMITATION'],
  DECISION_SERVED: ['PAYMENT'],
};

// A running clock stops as soon as the case leaves these statuses.
const RUNS_IN: Record<ClockId, readonly CaseStatus[]> = {
  HOLD_CONFIRMATION: ['DETECTED', 'NOTIFIED', 'ACKNOWLEDGED', 'UNDER_VERIFICATION'],
  AGENCY_ACKNOWLEDGEMENT: ['NOTIFIED', 'ACKNOWLEDGED', 'UNDER_VERIFICATION'],
  VERIFICATION: ['ACKNOWLEDGED', 'UNDER_VERIFICATION'],
  VIOLATION_RECORD: ['VIOLATION_CONFIRMED'],
  SANCTION_DECISION: ['VIOLATION_RECORDED', 'SANCTION_PROPOSED'],
  SERVE_DECISION: ['DECIDED'],
  PAYMENT: ['DECISION_SERVED'],
  ENFORCEMENT_LIMITATION: ['DECIDED', 'DECISION_SERVED', 'ENFORCEMENT'],
  SANCTIONING_LIMITATION: [
    'DETECTED',
    'HELD',
    'NOTIFIED',
    'ACKNOWLEDGED',
    'UNDER_VERIFICATION',
    'VIOLATION_CONFIRMED',
    'VIOLATION_RECORDED',
    'SANCTION_PROPOSED',
  ],
  TEMPORARY_SEIZURE: ['VIOLATION_RECORDED', 'SANCTION_PROPOSED'],
};

function allAcknowledgedAfter(view: CaseView, agencyId: string | null | undefined): boolean {
  const acked = new Set(view.acknowledgements.map((a) => a.agencyId));
  if (agencyId) acked.add(agencyId);
  return view.agencyIds.every((id) => acked.has(id));
}

/**
 * The clocks that `action`, taken by an actor of `actorAgencyId`, starts and stops when it moves
 * the case to `next` (as returned by checkAction). Agencies added later are covered by the
 * acknowledgement clock if it is still running, and restart it otherwise.
 */
export function clockChanges(view: CaseView, action: CaseAction, next: CaseStatus, actorAgencyId?: string | null): ClockChanges {
  const running = new Set(view.deadlines.map((d) => d.clock));
  const stop = [...running].filter((clock) => {
    if (!RUNS_IN[clock].includes(next)) return true;
    if (clock === 'HOLD_CONFIRMATION') return action.kind === 'confirmHold';
    if (clock === 'AGENCY_ACKNOWLEDGEMENT') return action.kind === 'acknowledge' && allAcknowledgedAfter(view, actorAgencyId);
    return false;
  });
  const candidates = [...(next !== view.status ? (STARTS_ON_ENTERING[next] ?? []) : [])];
  if (action.kind === 'recordViolation' && action.seized) candidates.push('TEMPORARY_SEIZURE');
  if (action.kind === 'addAgency') candidates.push('AGENCY_ACKNOWLEDGEMENT');
  const start = candidates.filter((clock) => !running.has(clock));
  // A violation date stated on confirmation re-bases the sanctioning limitation, which has run
  // from detection until now: LHAV Art. 6 counts it from the violation (stopped, then started).
  if (action.kind === 'confirmViolation' && action.violationDate !== undefined && running.has('SANCTIONING_LIMITATION')) {
    return { start: [...start, 'SANCTIONING_LIMITATION'], stop: [...stop, 'SANCTIONING_LIMITATION'] };
  }
  return { start, stop };
}

/**
 * The instant a clock counts from, given the event that starts it. A violation counts from its
 * date (start of that VN day), or from detection when no date has been stated; every other
 * event is the step being applied now.
 */
export function clockStartInstant(startsAt: ClockStart, view: CaseView, now: Date): Date {
  if (startsAt === 'DETECTION') return new Date(view.detectedAt);
  if (startsAt !== 'VIOLATION') return now;
  const date = view.violation?.violationDate;
  return date ? startOfDateVN(date) : new Date(view.detectedAt);
}

/** Categories whose goods are import/export-related: the longer sanctioning limitation applies. */
export const IMPORT_EXPORT_CATEGORIES: ReadonlySet<string> = new Set(['IMPORT_EXPORT_BANNED', 'SMUGGLED']);

/**
 * Extensions a clock starts with because of what the case is, not because an officer asked:
 * LHAV Art. 6(1)(a) gives 2 years instead of 1 where the goods are import/export-related (a
 * cross-border item, or a category above). Only codes the policy offers are applied.
 */
export function extensionsAtStart(clock: ClockId, view: CaseView, offered: readonly string[]): string[] {
  const longer = clock === 'SANCTIONING_LIMITATION' && (view.flags.crossBorder || IMPORT_EXPORT_CATEGORIES.has(view.categoryCode));
  return longer && offered.includes('TWO_YEAR_FIELD') ? ['TWO_YEAR_FIELD'] : [];
}
