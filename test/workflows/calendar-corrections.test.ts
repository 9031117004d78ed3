// An administrator's calendar correction reaches the running cases (issue 17, gap G7): the clocks
// it moves are recomputed and recorded on the case, the change log names the cases, and a clock
// whose corrected due instant has already passed escalates at once.
import { pino } from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Actor } from '../../domain/access.js';
import type { Db } from '../../prisma/client.js';
import { deleteCalendarDay, putCalendarDay } from '../../prisma/reference/calendar.js';
import { calendarChangesUnsettled, listReferenceChanges } from '../../prisma/reference/change-log.js';
import { keepCalendarCorrectionsGoing } from '../../worker/calendar-corrections.js';
import { reachingRunningCases } from '../../api/resources/calendar-corrections.js';
import { calendarCorrectionWorkflowId } from '../../workflows/calendar-correction-definitions.js';
import { eventsOf, timeSkippingWorldWithoutWorker, uniqueRef } from '../support/case-harness.js';
import {
  addHolidayDates,
  advance,
  awaitEscalations,
  escalationsOf,
  HOUR,
  iso,
  isWorkingDate,
  removeHolidayDates,
  skipTo,
  vnDateOf,
  withCaseWorker,
  workingDaysAfter,
} from '../support/case-steps.js';

let env: TestWorkflowEnvironment;
let db: Db;
beforeAll(async () => ({ env, db } = await timeSkippingWorldWithoutWorker()));
afterAll(() => env?.teardown());

const admin: Actor = { id: 'admin-calendar', role: 'admin' };

/** Changes the calendar as the API does, then waits for the correction run: the change as the log shows it, cases named. */
async function calendarChanged(taskQueue: string, date: string, change: () => ReturnType<typeof putCalendarDay>) {
  const outcome = await reachingRunningCases({ db, temporal: { client: env.client }, taskQueue }, admin, date, change);
  const progress = await env.client.workflow.getHandle(calendarCorrectionWorkflowId(outcome.change!)).result();
  expect(progress).toMatchObject({ changeId: String(outcome.change!.id), done: true });
  const [logged] = (await listReferenceChanges(db, { table: 'Holiday', key: date, limit: 1 })).items;
  expect(logged!.id).toBe(outcome.change!.id);
  return { ...outcome, change: logged! };
}

/** The first working VN date after the one of `ms`. */
function nextWorkingDate(ms: number): string {
  let at = ms;
  do at += 24 * HOUR;
  while (!isWorkingDate(vnDateOf(at)));
  return vnDateOf(at);
}

it('a holiday added while a case runs moves its clock (CALENDAR_CORRECTED), the change log names the case, and removing it again escalates the clock at once', () =>
  withCaseWorker(env, db, async (s) => {
    const verifying = await s.open(uniqueRef('cal-verify'));
    await advance(verifying, 'UNDER_VERIFICATION');
    const notified = await s.open(uniqueRef('cal-ack')); // waits for the agencies' acknowledgement, 1 working day
    const ackStartedAt = Date.parse((await notified.view()).deadlines.find((d) => d.clock === 'AGENCY_ACKNOWLEDGEMENT')!.startedAt);
    const ackOldDue = workingDaysAfter(ackStartedAt, 1);
    const clock = (await verifying.view()).deadlines.find((d) => d.clock === 'VERIFICATION')!;
    const startedAt = Date.parse(clock.startedAt);
    const oldDue = workingDaysAfter(startedAt, 5);
    expect(clock.dueAt).toBe(iso(oldDue));

    // Ngày Văn hóa Việt Nam (or a corrected Tết) lands inside the 5 working days
    const holiday = nextWorkingDate(startedAt);
    const added = await calendarChanged(s.taskQueue, holiday, () =>
      putCalendarDay(db, admin.id, holiday, { name: 'Ngày Văn hóa Việt Nam', kind: 'HOLIDAY' }),
    );
    addHolidayDates([holiday]);
    const newDue = workingDaysAfter(startedAt, 5);
    expect(newDue).toBeGreaterThan(oldDue);

    const ackNewDue = workingDaysAfter(ackStartedAt, 1);
    const number = (await verifying.view()).number;
    const moves = [{ clock: 'VERIFICATION', oldDueAt: iso(oldDue), newDueAt: iso(newDue) }];
    // both clocks span the added day: the case in verification and the one awaiting acknowledgement
    expect(added.change!.casesMoved).toEqual([
      { caseId: verifying.id, number, moves },
      {
        caseId: notified.id,
        number: (await notified.view()).number,
        moves: [{ clock: 'AGENCY_ACKNOWLEDGEMENT', oldDueAt: iso(ackOldDue), newDueAt: iso(ackNewDue) }],
      },
    ]);

    const corrected = (await eventsOf(db, verifying.id)).filter((e) => e.type === 'CALENDAR_CORRECTED');
    expect(corrected).toHaveLength(1);
    expect(corrected[0]).toMatchObject({ actorId: admin.id, actorRole: 'admin', payload: { changeId: String(added.change!.id), moves } });
    expect((await verifying.view()).deadlines.find((d) => d.clock === 'VERIFICATION')!.dueAt).toBe(iso(newDue));

    // past the old due instant, before the new one: nothing escalates
    await skipTo(env, oldDue + HOUR);
    expect(await escalationsOf(db, verifying.id, 'VERIFICATION')).toHaveLength(0);

    // the holiday withdrawn: the clock is due where it was, already past, and escalates at once
    const removed = await calendarChanged(s.taskQueue, holiday, () => deleteCalendarDay(db, admin.id, holiday));
    removeHolidayDates([holiday]);
    expect(removed.change!.casesMoved).toContainEqual({
      caseId: verifying.id,
      number,
      moves: [{ clock: 'VERIFICATION', oldDueAt: iso(newDue), newDueAt: iso(oldDue) }],
    });
    const [escalation] = await awaitEscalations(db, verifying.id, 'VERIFICATION', 1);
    expect(escalation!.payload).toMatchObject({ clock: 'VERIFICATION', level: 1, dueAt: iso(oldDue) });
    expect(escalation!.at.getTime()).toBeLessThan(oldDue + 2 * HOUR);
  }));

it('a calendar change saved where no run was started (the admin CLI, a request that found Temporal down) reaches every running case, page by page', () =>
  withCaseWorker(env, db, async (s) => {
    const cases = [];
    for (let i = 0; i < 5; i++) cases.push(await s.open(uniqueRef(`cal-sweep-${i}`)));
    const ackStartedAt = Date.parse((await cases[0]!.view()).deadlines.find((d) => d.clock === 'AGENCY_ACKNOWLEDGEMENT')!.startedAt);
    const holiday = nextWorkingDate(ackStartedAt);
    // saved as the CLI saves it: nothing sent to the cases yet
    const saved = await putCalendarDay(db, admin.id, holiday, { name: 'Ngày nghỉ bù (kiểm thử)', kind: 'HOLIDAY' });
    expect(saved.change!.casesMoved).toBeNull();
    addHolidayDates([holiday]);
    expect((await calendarChangesUnsettled(db)).map((c) => c.id)).toContain(saved.change!.id);

    // the worker's sweep starts the change's run; its pages of two cases reach all five
    const handle = env.client.workflow.getHandle(calendarCorrectionWorkflowId(saved.change!));
    const sweep = keepCalendarCorrectionsGoing({
      db,
      client: env.client,
      taskQueue: s.taskQueue,
      log: pino({ level: 'silent' }),
      everyMs: 200,
      pageSize: 2,
    });
    try {
      await expect
        .poll(async () => (await calendarChangesUnsettled(db)).map((c) => c.id), { timeout: 30_000 })
        .not.toContain(saved.change!.id);
    } finally {
      sweep.stop();
    }
    expect(await handle.result()).toMatchObject({ done: true, moved: 5 });
    const [logged] = (await listReferenceChanges(db, { table: 'Holiday', key: holiday, limit: 1 })).items;
    expect((logged!.casesMoved ?? []).map((c) => c.caseId).sort()).toEqual(cases.map((c) => c.id).sort());
    for (const c of cases) expect((await eventsOf(db, c.id)).filter((e) => e.type === 'CALENDAR_CORRECTED')).toHaveLength(1);

    // repeated as the API repeats it (unchanged): the run is done, so nothing is sent twice
    await reachingRunningCases({ db, temporal: { client: env.client }, taskQueue: s.taskQueue }, admin, holiday, () =>
      putCalendarDay(db, admin.id, holiday, { name: 'Ngày nghỉ bù (kiểm thử)', kind: 'HOLIDAY' }),
    );
    for (const c of cases) expect((await eventsOf(db, c.id)).filter((e) => e.type === 'CALENDAR_CORRECTED')).toHaveLength(1);
    await calendarChanged(s.taskQueue, holiday, () => deleteCalendarDay(db, admin.id, holiday));
    removeHolidayDates([holiday]);
  }));
