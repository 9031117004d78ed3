/**
 * The case workflow's queries and Updates (declared in ./definitions.ts). Every step is an Update,
 * refused by the same pure rule the API shows before anything is written; registered before the
 * first await, because an update-with-start must find them there.
 */
import { condition, patched, setHandler } from '@temporalio/workflow';
import type { Actor } from '../domain/access.js';
import type { CaseAction } from '../domain/case-actions.js';
import { correctCalendar as calendarCorrected } from '../domain/calendar-correction.js';
import { openingDone } from '../domain/case-origins.js';
import { allowedActions as allowedFor } from '../domain/case-states.js';
import { viewAt } from '../domain/case-step.js';
import type { CaseKeeper } from './case-keeper.js';
import { validateRequest } from './case-refusals.js';
import {
  act,
  allowedActions,
  correctCalendar,
  getCase,
  getIncident,
  openCase,
  retryIncident,
  type CalendarCorrectionRequest,
  type CaseWorkflowInput,
} from './definitions.js';

/** Takes one step of the procedure (the workflow's `take`). */
export type Take = (action: CaseAction, actor: Actor) => Promise<void>;

export function registerHandlers(kept: CaseKeeper, input: CaseWorkflowInput, take: Take): void {
  const { desk } = kept;
  setHandler(getCase, (asOf) => viewAt(kept.opened(), asOf ? new Date(Math.max(Date.parse(asOf), Date.now())) : new Date()));
  setHandler(allowedActions, (actor) => (kept.state && !desk.open ? allowedFor(kept.state.view, actor, Date.now()) : []));
  setHandler(getIncident, () => desk.open);
  setHandler(openCase, async () => {
    // numbered and notified, or held by an incident on the way
    await desk.settledOrHeld(condition(() => kept.state !== null && openingDone(kept.state.view)).then(() => kept.stored()));
    return { view: kept.opened().view, openedBy: input.intake ?? null };
  });
  // the Update answers with what the caller may do next: no second call that could fail after the step is taken
  setHandler(
    act,
    async ({ action, actor }) => {
      await desk.settledOrHeld(take(action, actor));
      return { view: kept.opened().view, allowedActions: desk.open ? [] : allowedFor(kept.opened().view, actor, Date.now()) };
    },
    { validator: ({ action, actor }) => validateRequest(kept.state, action, actor, Date.now(), desk.open) },
  );
  setHandler(retryIncident, ({ by }) => desk.retryWrite(by), { validator: ({ incidentId }) => desk.validateRetry(incidentId) });
  // v5: calendar corrections reach the running case (issue 17, gap G7); the marker dates the first.
  setHandler(
    correctCalendar,
    async (request) => {
      const correction = patched('calendar-corrections') ? calendarCorrected(kept.opened(), request, new Date()) : null;
      if (!correction) return [];
      if (correction.step) await kept.record(correction.step);
      else kept.state = correction.state;
      return correction.moves;
    },
    { validator: (_request: CalendarCorrectionRequest) => void kept.opened() },
  );
}
