/**
 * An administrator's correction of the working-day calendar reaching a running case (issue 17,
 * gap G7): the case takes the corrected calendar, and every running clock whose due instant it
 * moves is recorded as moved, old → new, in one CALENDAR_CORRECTED event. Levels already fired that
 * now lie ahead are re-armed; a clock whose new due instant has passed escalates at once, since
 * the workflow fires whatever is due after each step.
 */
import type { Actor } from './access.js';
import type { IsoDate } from './calendar.js';
import { agencyAddress, CALENDAR_CORRECTED } from './case-events.js';
import { recorded, type CaseState, type Step } from './case-step.js';
import type { ClockId } from './clocks.js';
import { deadlinesAt, rearmed, type ClockBasis } from './running-clocks.js';

/** The calendar a case counts working days with. */
export interface CaseCalendar {
  holidays: IsoDate[];
  makeUpWorkdays: IsoDate[];
}

/** What the administrator's change sends to each open case. */
export interface CalendarCorrectionRequest {
  calendar: CaseCalendar;
  actor: Actor;
  /** The change log row that made the correction. */
  changeId: string;
}

/** One running clock the correction moved. */
export interface ClockMove {
  clock: ClockId;
  oldDueAt: string;
  newDueAt: string;
}

/** The case after a correction: the moves, and the step to record (null when no running clock moved). */
export interface CalendarCorrection {
  state: CaseState;
  moves: ClockMove[];
  step: Step | null;
}

const dueTimes = (basis: ClockBasis, state: CaseState, now: Date) =>
  new Map(deadlinesAt(basis, state.clocks, now).map((d) => [d.clock, d.dueAt]));

/** The case `state` given the corrected `calendar` at `now`, by the administrator's request. */
export function correctCalendar(state: CaseState, request: CalendarCorrectionRequest, now: Date): CalendarCorrection {
  const plan = {
    ...state.plan,
    calendar: { holidays: [...request.calendar.holidays], makeUpWorkdays: [...request.calendar.makeUpWorkdays] },
  };
  const before = dueTimes(state.plan, state, now);
  const corrected: CaseState = { ...state, plan, clocks: rearmed(plan, state.clocks, now) };
  const after = dueTimes(plan, corrected, now);
  const moves = [...before]
    .filter(([clock, old]) => after.get(clock) !== old)
    .map(([clock, oldDueAt]) => ({ clock, oldDueAt, newDueAt: after.get(clock)! }));
  if (moves.length === 0) return { state: corrected, moves, step: null };
  const payload = { changeId: request.changeId, moves };
  const step = recorded(
    corrected,
    now,
    { type: CALENDAR_CORRECTED, actor: request.actor, payload, reason: 'the working-day calendar was corrected' },
    (view) =>
      (view.leadAgencyId ? [agencyAddress(view.leadAgencyId)] : []).map((recipient) => ({
        recipient,
        kind: CALENDAR_CORRECTED,
        payload: { number: view.number, moves },
      })),
  );
  return { state: step.state, moves, step };
}
