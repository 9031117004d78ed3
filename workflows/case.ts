/**
 * One enforcement case, from detection to closure (domain.md section 4).
 *
 * The carrier's report opens it; the system routes it, holds it to the clocks
 * of section 5 and notifies the agencies; everything else is an action sent as
 * an Update by a carrier, officer or manager, checked by the same pure rule the
 * API shows (domain/case-states.ts) before anything is written. Every step is
 * persisted as a chained audit event before its Update answers.
 */
import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  patched,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { CaseActivities } from '../activities/index.js';
import { SYSTEM_ACTOR, type Actor } from '../domain/access.js';
import { applyAction, changes, openedCase } from '../domain/case-apply.js';
import type { CaseAction } from '../domain/case-actions.js';
import { CLOCKS_AT_DETECTION, clockChanges, clockStartInstant, extensionsAtStart } from '../domain/case-clocks.js';
import type { ClockId } from '../domain/clocks.js';
import {
  agencyAddress,
  DEADLINE_ESCALATED,
  DETECTED,
  escalationRecipients,
  eventTypeOf,
  reasonOf,
  recipientsOf,
} from '../domain/case-events.js';
import { allowedActions as allowedFor, checkAction } from '../domain/case-states.js';
import type { CaseOutcome, CaseView } from '../domain/case-view.js';
import { CaseRun, type DueEscalation } from './case-run.js';
import {
  act,
  allowedActions,
  CaseCategoryKey,
  CaseLeadAgencyKey,
  CaseNextDeadlineKey,
  CaseOverdueKey,
  CaseProvinceKey,
  CaseStatusKey,
  getCase,
  openCase,
  REFUSED,
  type CaseWorkflowInput,
  type Notice,
  type RefusalDetails,
} from './definitions.js';

const acts = proxyActivities<CaseActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' }, // forever: a database outage must not lose a step
});

/** Statuses after which nothing more can happen to the case. */
const FINAL = new Set(['CLOSED', 'EXPIRED']);

export async function caseWorkflow(input: CaseWorkflowInput): Promise<CaseOutcome | null> {
  let run: CaseRun | null = input.resume ? new CaseRun(input.resume) : null;
  let writes: Promise<unknown> = Promise.resolve(); // events are written one at a time, in sequence order
  let changed = false;

  // Handlers first: an update-with-start must find them before the first await.
  setHandler(getCase, (asOf) => requireRun().viewAt(asOf ? new Date(Math.max(Date.parse(asOf), Date.now())) : new Date()));
  setHandler(allowedActions, (actor) => (run ? allowedFor(run.view, actor, Date.now()) : []));
  setHandler(openCase, async () => {
    await condition(() => run !== null && run.view.status !== 'DETECTED'); // numbered and notified
    await writes;
    return run!.view;
  });
  setHandler(
    act,
    async ({ action, actor }) => {
      await step(action, actor);
      return run!.view;
    },
    {
      validator: ({ action, actor }) => {
        if (!run) throw refusal('NOT_READY', 'the case is still being opened; try again', []);
        if (actor.role === 'system') throw refusal('ROLE_NOT_ALLOWED', 'the system role is not for callers', []);
        const check = checkAction(run.view, action, actor, Date.now(), run.rules);
        if (!check.ok) throw refusal(check.code, check.reason, allowedFor(run.view, actor, Date.now()));
      },
    },
  );

  function requireRun(): CaseRun {
    if (!run) throw ApplicationFailure.nonRetryable('the case is still being opened', 'NotReady');
    return run;
  }

  /** Appends an event (and its notices), moving the case row forward; waits until it is stored. */
  function persist(type: string, actor: Actor, payload: unknown, reason: string | null, notices: Notice[]): Promise<unknown> {
    const r = requireRun();
    const event = r.event(type, actor, new Date(), payload, reason);
    const view = r.view;
    writes = writes.then(() => acts.recordEvent({ event, view, notices }));
    publish(r, view);
    changed = true;
    return writes;
  }

  /** One step of the procedure: check, apply, move the clocks, record. */
  async function step(action: CaseAction, actor: Actor): Promise<void> {
    const r = requireRun();
    const now = new Date();
    const check = checkAction(r.view, action, actor, now, r.rules);
    if (!check.ok) throw refusal(check.code, check.reason, allowedFor(r.view, actor, now));
    const before = r.view;
    r.view = applyAction(before, action, actor, check.next, now);
    const moves = clockChanges(before, action, check.next, actor.agencyId);
    for (const clock of moves.stop) r.stop(clock);
    for (const clock of moves.start) startClock(r, clock, now);
    if (action.kind === 'extendDeadline') r.extend(action.clock, action.extension, now);
    if (action.kind === 'serveDecision') r.view = { ...r.view, fine: { ...r.view.fine!, dueAt: r.dueAt('PAYMENT')!.toISOString() } };
    r.refresh(now);
    const notices = recipientsOf(action, r.view).map((recipient) => ({
      recipient,
      kind: eventTypeOf(action),
      payload: { number: r.view.number, status: r.view.status },
    }));
    await persist(
      eventTypeOf(action),
      actor,
      { action, from: before.status, to: r.view.status, changes: changes(before, r.view) },
      reasonOf(action),
      notices,
    );
    // a settled fine closes the case at once
    if (r.view.status === 'PAID') await step({ kind: 'close' }, SYSTEM_ACTOR);
  }

  /** A missed deadline: recorded, the case marked overdue, the next level told — or the step the law prescribes. */
  async function escalate(e: DueEscalation): Promise<void> {
    const r = requireRun();
    const prescribed: CaseAction | null =
      e.target === 'ENFORCEMENT'
        ? { kind: 'startEnforcement', reason: `${e.clock} missed` }
        : e.target === 'CLOSE_EXPIRED'
          ? { kind: 'expire', clock: e.clock }
          : null;
    // v2: a missed deadline that triggers a step is recorded (and the lead agency told) first, so
    // reports count every missed clock; cases started before keep their recorded order.
    if (!prescribed || patched('record-escalation-before-prescribed-step')) {
      r.refresh(new Date());
      const recipients = prescribed
        ? r.view.leadAgencyId
          ? [agencyAddress(r.view.leadAgencyId)]
          : []
        : escalationRecipients(e.target, r.view, r.plan.deptAgencyId);
      const payload = { clock: e.clock, level: e.level, target: e.target, dueAt: e.dueAt, recipients };
      const notices = recipients.map((recipient) => ({
        recipient,
        kind: DEADLINE_ESCALATED,
        payload: { number: r.view.number, ...payload },
      }));
      await persist(DEADLINE_ESCALATED, SYSTEM_ACTOR, payload, `${e.clock} deadline missed`, notices);
    }
    if (prescribed) await stepIfAllowed(prescribed);
  }

  async function stepIfAllowed(action: CaseAction): Promise<void> {
    if (checkAction(requireRun().view, action, SYSTEM_ACTOR, Date.now(), requireRun().rules).ok) await step(action, SYSTEM_ACTOR);
  }

  // 1. Detected: routed from reference data, registered and numbered before anyone is told.
  if (!run) {
    const d = input.detection;
    const plan = await acts.planCase(d);
    const now = new Date();
    const opening = openedCase({
      id: workflowInfo().workflowId,
      number: '',
      carrierId: d.carrierId,
      carrierRef: d.carrierRef,
      trackingNumber: d.trackingNumber,
      provinceCode: d.provinceCode,
      categoryCode: d.categoryCode,
      stage: d.stage,
      detectedAt: d.detectedAt ?? now.toISOString(),
      leadAgencyId: plan.leadAgencyId,
      agencyIds: plan.agencyIds,
      crossBorder: d.crossBorder,
      kt1: d.kt1,
      signsOfCrime: d.signsOfCrime,
      restricted: plan.restricted,
    });
    run = new CaseRun({ view: plan.clockScale > 1 ? { ...opening, demoClockScale: plan.clockScale } : opening, seq: 0, plan, clocks: [] });
    for (const clock of CLOCKS_AT_DETECTION) startClock(run, clock, now);
    run.refresh(now);
    const event = run.event(DETECTED, d.reportedBy, now, { detection: d, route: { lead: plan.leadAgencyId, agencies: plan.agencyIds } });
    const { number } = await acts.registerCase({ detection: d, event, view: run.view, notices: [] });
    run.view = { ...run.view, number };
    publish(run, run.view, true);
    // 3. Every routed agency notified at once (the hold, step 2, is the carrier's to confirm).
    await step({ kind: 'notify' }, SYSTEM_ACTOR);
  }

  // 2–11. The case moves by actions; the workflow keeps the clocks until it closes.
  const r = run;
  const limit = input.historyLimit ?? Infinity;
  while (!FINAL.has(r.view.status) && !referralLapsed(r)) {
    const wake = r.nextWakeAt() ?? referralWake(r);
    changed = false;
    await condition(() => changed || tooLong(), wake ? Math.max(1, wake.getTime() - Date.now()) : undefined);
    for (const e of r.takeDueEscalations(new Date())) await escalate(e);
    if (tooLong()) {
      await condition(allHandlersFinished);
      await writes;
      return continueAsNew<typeof caseWorkflow>({ detection: input.detection, resume: r.carryOver(), historyLimit: input.historyLimit });
    }
  }
  await condition(allHandlersFinished);
  await writes;
  return r.view.outcome;

  function tooLong(): boolean {
    const info = workflowInfo();
    return info.continueAsNewSuggested || info.historyLength > limit;
  }
}

/** Starts a clock from the event that starts it, with the extensions the case itself carries. */
function startClock(r: CaseRun, clock: ClockId, now: Date): void {
  // v3: import/export-related goods get the 2-year sanctioning limitation without an officer's extension
  const extensions = patched('import-export-limitation') ? extensionsAtStart(clock, r.view, r.extensionsOffered(clock)) : [];
  r.start(clock, clockStartInstant(r.startsAtOf(clock), r.view, now), extensions);
}

/** A referred case waits for the investigators until the sanctioning limitation would have passed. */
function referralWake(r: CaseRun): Date | null {
  return r.view.status === 'REFERRED' ? r.limitationEnd('SANCTIONING_LIMITATION') : null;
}
function referralLapsed(r: CaseRun): boolean {
  const wake = referralWake(r);
  return !!wake && Date.now() >= wake.getTime();
}

function refusal(code: string, reason: string, allowed: RefusalDetails['allowed']): ApplicationFailure {
  const details: RefusalDetails = { code, reason, allowed };
  return ApplicationFailure.create({ message: reason, type: REFUSED, nonRetryable: true, details: [details] });
}

/** Keeps Temporal UI's filters in step with the case. */
function publish(r: CaseRun, view: CaseView, first = false): void {
  if (!r.plan.searchAttributes) return;
  const next = view.deadlines.map((d) => d.dueAt).sort()[0];
  upsertSearchAttributes([
    { key: CaseStatusKey, value: view.status },
    { key: CaseLeadAgencyKey, value: view.leadAgencyId ?? '' },
    { key: CaseOverdueKey, value: view.flags.overdue },
    { key: CaseNextDeadlineKey, value: next ? new Date(next) : null },
    ...(first
      ? [
          { key: CaseProvinceKey, value: view.provinceCode },
          { key: CaseCategoryKey, value: view.categoryCode },
        ]
      : []),
  ] as never);
}
