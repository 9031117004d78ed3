/**
 * The steps a report times and the clocks it checks (docs/domain-model.md "Clocks"), read off the audit
 * log: each step ends with an event and is timed from the latest event before it that started
 * its clock; the step is "met" when no level-1 escalation of that clock lies between the two.
 * An event "enters" a status when its payload moves the case into it from another one (an event
 * that leaves the status as it was enters nothing).
 */
import type { CaseStatus } from './case-states.js';
import { CLOCK_IDS, type ClockId } from './clocks.js';
import { CASE_OUTCOMES, DETECTION_STAGES } from './case-view.js';

/** An event of the audit log: by type, or by the status it moves the case into (optionally only from some). */
export type EventMatch = { type: string } | { enters: readonly CaseStatus[]; from?: readonly CaseStatus[] };

/** One timed step and the clock that holds it. */
export interface ReportStep {
  clock: ClockId;
  starts: EventMatch;
  ends: EventMatch;
}

/** Every clock, in the order of the deadline table. */
export const REPORT_CLOCKS = CLOCK_IDS;

/**
 * The steps, one per clock that waits for a step (the limitation and seizure clocks wait for
 * none: they are only missed or not). Starts mirror STARTS_ON_ENTERING in case-clocks.ts: a
 * proposal sent back re-enters VIOLATION_RECORDED without restarting the decision clock, so only
 * an entry from VIOLATION_CONFIRMED starts it.
 */
export const REPORT_STEPS: readonly ReportStep[] = [
  { clock: 'HOLD_CONFIRMATION', starts: { type: 'DETECTED' }, ends: { type: 'HOLD_CONFIRMED' } },
  { clock: 'AGENCY_ACKNOWLEDGEMENT', starts: { type: 'AGENCIES_NOTIFIED' }, ends: { enters: ['ACKNOWLEDGED'] } },
  {
    clock: 'VERIFICATION',
    starts: { enters: ['ACKNOWLEDGED'] },
    ends: { enters: ['CLEARED', 'VIOLATION_CONFIRMED', 'REFERRED'], from: ['ACKNOWLEDGED', 'UNDER_VERIFICATION'] },
  },
  { clock: 'VIOLATION_RECORD', starts: { enters: ['VIOLATION_CONFIRMED'] }, ends: { enters: ['VIOLATION_RECORDED'] } },
  {
    clock: 'SANCTION_DECISION',
    starts: { enters: ['VIOLATION_RECORDED'], from: ['VIOLATION_CONFIRMED'] },
    ends: { enters: ['DECIDED', 'NO_SANCTION'] },
  },
  { clock: 'SERVE_DECISION', starts: { enters: ['DECIDED'] }, ends: { enters: ['DECISION_SERVED'] } },
  { clock: 'PAYMENT', starts: { enters: ['DECISION_SERVED'] }, ends: { enters: ['PAID'] } },
];

/** Where a case ended up, as the report counts it; OPEN while it has no outcome. */
export const REPORT_OUTCOMES = ['OPEN', ...CASE_OUTCOMES] as const;

/** Stages of detection, in the order of the postal chain. */
export const REPORT_STAGES = DETECTION_STAGES;

/**
 * How a case's service point stands in the registry on the day of detection: a point of the
 * carrier's registered under that code (of which commune-level, of which remote), or not.
 */
export const SERVICE_POINT_CLASSES = ['REGISTERED', 'COMMUNE_LEVEL', 'REMOTE', 'UNREGISTERED'] as const;
