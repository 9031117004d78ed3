/**
 * One enforcement case, from detection to closure (docs/domain-model.md, "The case, step by step").
 * The carrier's report opens it; the system routes, registers and notifies; every other step is an
 * Update (./case-handlers.ts), taken by domain/case-step.ts and stored before it answers
 * (./case-keeper.ts); the workflow keeps the case's clocks until it closes.
 */
import { condition, continueAsNew, patched, workflowInfo } from '@temporalio/workflow';
import { SYSTEM_ACTOR, type Actor } from '../domain/access.js';
import type { CaseAction } from '../domain/case-actions.js';
import { numbered, openingStep } from '../domain/case-opening.js';
import { notifiedAtOpening } from '../domain/case-origins.js';
import { allowedActions, followUpOf } from '../domain/case-states.js';
import {
  escalationStep,
  isOver,
  licenceFindingStep,
  nextWakeAt,
  prescribedStep,
  takeStep,
  type DueEscalation,
} from '../domain/case-step.js';
import type { CaseOutcome } from '../domain/case-view.js';
import { licenceFindingOf } from '../domain/registry-standing.js';
import { intakeActivities, records, revisions, type Writer } from './case-activities.js';
import { registerHandlers } from './case-handlers.js';
import { CaseKeeper } from './case-keeper.js';
import { refusal } from './case-refusals.js';
import type { CaseWorkflowInput } from './definitions.js';
import { publish } from './search-attributes.js';

export async function caseWorkflow(input: CaseWorkflowInput): Promise<CaseOutcome | null> {
  const kept = new CaseKeeper(input);
  const { desk } = kept;
  registerHandlers(kept, input, take); // before the first await

  /** One step of the procedure, then the one it leads to at once (a settled fine closes the case). */
  async function take(action: CaseAction, actor: Actor, ifRefused: 'throw' | 'skip' = 'throw', via: Writer = records): Promise<void> {
    const step = takeStep(kept.opened(), action, actor, new Date(), revisions());
    if (!step.ok && ifRefused === 'skip') return;
    if (!step.ok) throw refusal(step, allowedActions(kept.opened().view, actor, Date.now()));
    await kept.record(step, via);
    const followUp = followUpOf(kept.opened().view);
    if (followUp) await take(followUp, SYSTEM_ACTOR, 'throw', via);
  }

  /** A missed deadline: recorded, the case marked overdue, the next level told — or the step the law prescribes. */
  async function escalate(e: DueEscalation): Promise<void> {
    const prescribed = prescribedStep(e);
    // v2: a missed deadline that triggers a step is recorded (and the lead agency told) first, so
    // reports count every missed clock; cases started before keep their recorded order.
    if (!prescribed || patched('record-escalation-before-prescribed-step')) await kept.record(escalationStep(kept.opened(), e, new Date()));
    if (prescribed) await take(prescribed, SYSTEM_ACTOR, 'skip');
  }

  /** 1. Detected: routed from reference data, registered and numbered before anyone is told. */
  async function open(): Promise<void> {
    const { detection } = input;
    const intake = intakeActivities();
    const plan = await desk.attempt({ activity: 'planCase', step: null }, () => intake.plan.planCase(detection, new Date().toISOString()));
    const opening = openingStep(workflowInfo().workflowId, detection, plan, new Date(), revisions());
    kept.state = opening.state;
    const registered = { activity: 'registerCase', step: { seq: 1, type: opening.registration.event.type } } as const;
    const { number } = await desk.attempt(registered, () => intake.write.registerCase(opening.registration));
    kept.state = numbered(kept.opened(), number);
    publish(plan, kept.state.view, true);
    // v7: a carrier with no licence or notification valid that day is a finding, on the case before anyone is told
    const finding = plan.registry && licenceFindingOf(detection.carrierId, plan.registry, new Date());
    if (finding && patched('licence-finding-at-detection'))
      await kept.record(licenceFindingStep(kept.opened(), finding, new Date()), intake.write);
    // 3. every routed agency at once; the hold (2) is the carrier's (an emergency stop's agencies hear once it is held)
    if (notifiedAtOpening(kept.opened().view)) await take({ kind: 'notify' }, SYSTEM_ACTOR, 'throw', intake.write);
  }

  if (!kept.state) await open();
  // 2–11. The case moves by actions; the workflow keeps the clocks until it closes.
  while (!isOver(kept.opened(), new Date())) {
    const wake = nextWakeAt(kept.opened());
    kept.changed = false;
    await condition(() => kept.changed || kept.tooLong(), wake ? Math.max(1, wake.getTime() - Date.now()) : undefined);
    for (const e of kept.dueEscalations()) await escalate(e);
    if (kept.tooLong()) {
      await kept.settled();
      return continueAsNew<typeof caseWorkflow>({ ...input, resume: kept.opened() });
    }
  }
  await kept.settled();
  return kept.opened().view.outcome;
}
