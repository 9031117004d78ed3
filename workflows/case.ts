/**
 * One enforcement case, from detection to closure (docs/domain-model.md, "The case, step by step").
 * The carrier's report opens it; the system routes, registers and notifies; every other step is an
 * Update, refused by the same pure rule the API shows before anything is written. Each step is
 * taken by domain/case-step.ts and stored as a chained audit event before its Update answers; a
 * write PostgreSQL refuses for good holds the case in an incident until an administrator retries it.
 */
import {
  allHandlersFinished,
  condition,
  continueAsNew,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { CaseActivities } from '../activities/index.js';
import { SYSTEM_ACTOR, type Actor } from '../domain/access.js';
import type { CaseAction } from '../domain/case-actions.js';
import { numbered, openingStep } from '../domain/case-opening.js';
import { licenceFindingOf } from '../domain/registry-standing.js';
import { allowedActions as allowedFor, FOLLOW_UPS } from '../domain/case-states.js';
import * as steps from '../domain/case-step.js';
import type { CaseOutcome } from '../domain/case-view.js';
import { notReady, refusal, validateRequest } from './case-refusals.js';
import { correctCalendar as calendarCorrected } from '../domain/calendar-correction.js';
import {
  allowedActions,
  act,
  correctCalendar,
  getCase,
  getIncident,
  openCase,
  retryIncident,
  type CalendarCorrectionRequest,
  type CaseWorkflowInput,
} from './definitions.js';
import { incidentDesk } from './incidents.js';
import { publish } from './search-attributes.js';

// Every attempt is retried without limit — a database outage must not lose a step — soon after the
// database is back (at most 2 s apart); what PostgreSQL refuses for good is not retried but held
// in an incident (./incidents.ts). Windows: docs/incidents.md, "Activity timeouts and retries".
const retry = { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '2 seconds' };
// One transaction each, milliseconds of work: an attempt lost with its worker is retried after 5 s.
const records = proxyActivities<CaseActivities>({ startToCloseTimeout: '5 seconds', retry });
// Reads the whole reference snapshot once per case: a little more room.
const planning = proxyActivities<CaseActivities>({ startToCloseTimeout: '10 seconds', retry });
// The intake's writes run inside the workflow task that took the update-with-start: one round trip
// through Temporal where scheduled activities took four (issue 18). Each is idempotent, and the
// task completes (and the intake answers) only once they have returned.
const local = proxyLocalActivities<CaseActivities>({ startToCloseTimeout: '10 seconds', retry });
type Writer = Pick<CaseActivities, 'recordEvent'>;

// v3: import/export-related goods start with the 2-year sanctioning limitation.
// v5: the limitation follows the field of the offence (domain/sanctioning-limitation.ts).
const revisions = (): steps.Revisions => ({
  importExportLimitation: patched('import-export-limitation'),
  offenceFieldLimitation: patched('offence-field-limitation'),
});

export async function caseWorkflow(input: CaseWorkflowInput): Promise<CaseOutcome | null> {
  let state: steps.CaseState | null = input.resume ?? null;
  let writes: Promise<unknown> = Promise.resolve(); // events are written one at a time, in sequence order
  let changed = false;
  const opened = (): steps.CaseState => state ?? notReady();
  const { detection } = input;
  const desk = incidentDesk(records, workflowInfo().workflowId, () => {
    const v = state?.view;
    return v
      ? { carrierId: v.carrierId, provinceCode: v.provinceCode, agencyIds: v.agencyIds, restricted: v.flags.restricted }
      : { carrierId: detection.carrierId, provinceCode: detection.provinceCode, agencyIds: [], restricted: detection.kt1 };
  });

  // Handlers first: an update-with-start must find them before the first await.
  setHandler(getCase, (asOf) => steps.viewAt(opened(), asOf ? new Date(Math.max(Date.parse(asOf), Date.now())) : new Date()));
  setHandler(allowedActions, (actor) => (state && !desk.open ? allowedFor(state.view, actor, Date.now()) : []));
  setHandler(getIncident, () => desk.open);
  setHandler(openCase, async () => {
    // numbered and notified, or held by an incident on the way
    await desk.settledOrHeld(condition(() => state !== null && state.view.status !== 'DETECTED').then(() => writes));
    return { view: opened().view, openedBy: input.intake ?? null };
  });
  // the Update answers with what the caller may do next: no second call that could fail after the step is taken
  setHandler(
    act,
    async ({ action, actor }) => {
      await desk.settledOrHeld(take(action, actor));
      return { view: opened().view, allowedActions: desk.open ? [] : allowedFor(opened().view, actor, Date.now()) };
    },
    { validator: ({ action, actor }) => validateRequest(state, action, actor, Date.now(), desk.open) },
  );
  setHandler(retryIncident, ({ by }) => desk.retryWrite(by), { validator: ({ incidentId }) => desk.validateRetry(incidentId) });

  // v5: calendar corrections reach the running case (issue 17, gap G7); the marker dates the first.
  setHandler(
    correctCalendar,
    async (request) => {
      const correction = patched('calendar-corrections') ? calendarCorrected(opened(), request, new Date()) : null;
      if (!correction) return [];
      if (correction.step) await record(correction.step, records);
      else state = correction.state;
      return correction.moves;
    },
    { validator: (_request: CalendarCorrectionRequest) => void opened() },
  );

  /** Records a step's event and notices after those before it, and waits until they are stored. */
  function record(step: steps.Step, via: Writer): Promise<unknown> {
    state = step.state;
    const { seq, type } = step.write.event;
    writes = writes.then(() => desk.attempt({ activity: 'recordEvent', step: { seq, type } }, () => via.recordEvent(step.write)));
    publish(state.plan, step.write.view);
    changed = true;
    return writes;
  }

  /** One step of the procedure, then the one it leads to at once (a settled fine closes the case). */
  async function take(action: CaseAction, actor: Actor, ifRefused: 'throw' | 'skip' = 'throw', via: Writer = records): Promise<void> {
    const step = steps.takeStep(opened(), action, actor, new Date(), revisions());
    if (!step.ok && ifRefused === 'skip') return;
    if (!step.ok) throw refusal(step, allowedFor(opened().view, actor, Date.now()));
    await record(step, via);
    const followUp = FOLLOW_UPS[opened().view.status];
    if (followUp) await take(followUp, SYSTEM_ACTOR, 'throw', via);
  }

  /** A missed deadline: recorded, the case marked overdue, the next level told — or the step the law prescribes. */
  async function escalate(e: steps.DueEscalation): Promise<void> {
    const prescribed = steps.prescribedStep(e);
    // v2: a missed deadline that triggers a step is recorded (and the lead agency told) first, so
    // reports count every missed clock; cases started before keep their recorded order.
    if (!prescribed || patched('record-escalation-before-prescribed-step'))
      await record(steps.escalationStep(opened(), e, new Date()), records);
    if (prescribed) await take(prescribed, SYSTEM_ACTOR, 'skip');
  }

  /** 1. Detected: routed from reference data, registered and numbered before anyone is told. */
  async function open(): Promise<void> {
    // v6: plan, register and notify as local activities; cases opened before ran them as activities
    const intake = patched('intake-local-activities') ? { plan: local, write: local } : { plan: planning, write: records };
    const plan = await desk.attempt({ activity: 'planCase', step: null }, () => intake.plan.planCase(detection, new Date().toISOString()));
    const opening = openingStep(workflowInfo().workflowId, detection, plan, new Date(), revisions());
    state = opening.state;
    const registered = { activity: 'registerCase', step: { seq: 1, type: opening.registration.event.type } } as const;
    const { number } = await desk.attempt(registered, () => intake.write.registerCase(opening.registration));
    state = numbered(state, number);
    publish(plan, state.view, true);
    // v7: a carrier with no licence or notification valid that day is a finding, on the case before anyone is told
    const finding = plan.registry && licenceFindingOf(detection.carrierId, plan.registry, new Date());
    if (finding && patched('licence-finding-at-detection'))
      await record(steps.licenceFindingStep(opened(), finding, new Date()), intake.write);
    await take({ kind: 'notify' }, SYSTEM_ACTOR, 'throw', intake.write); // 3. every routed agency at once; the hold (2) is the carrier's
  }

  const tooLong = () => workflowInfo().continueAsNewSuggested || workflowInfo().historyLength > (input.historyLimit ?? Infinity);
  const settled = () => condition(allHandlersFinished).then(() => writes);

  if (!state) await open();
  // 2–11. The case moves by actions; the workflow keeps the clocks until it closes.
  while (!steps.isOver(opened(), new Date())) {
    const wake = steps.nextWakeAt(opened());
    changed = false;
    await condition(() => changed || tooLong(), wake ? Math.max(1, wake.getTime() - Date.now()) : undefined);
    const { state: fired, due } = steps.dueEscalations(opened(), new Date());
    state = fired;
    for (const e of due) await escalate(e);
    if (tooLong()) {
      await settled();
      return continueAsNew<typeof caseWorkflow>({ ...input, resume: opened() });
    }
  }
  await settled();
  return opened().view.outcome;
}
