// An administrator's calendar correction reaches the running cases (issue 17, gap G7): the clocks
// it moves are recomputed and recorded on the case, the change log names the cases, and a clock
// whose corrected due instant has already passed escalates at once.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Actor } from '../../domain/access.js';
import type { Db } from '../../prisma/client.js';
import { deleteCalendarDay, putCalendarDay } from '../../prisma/reference/calendar.js';
import { listReferenceChanges } from '../../prisma/reference/change-log.js';
import { reachingRunningCases } from '../../api/resources/calendar-corrections.js';
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
const temporal = () => ({ client: env.client, connection: env.connection });

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
    const added = await reachingRunningCases(
      { db, temporal: temporal() },
      admin,
      await putCalendarDay(db, admin.id, holiday, { name: 'Ngày Văn hóa Việt Nam', kind: 'HOLIDAY' }),
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
    const [logged] = (await listReferenceChanges(db, { table: 'Holiday', key: holiday, limit: 1 })).items;
    expect(logged!.casesMoved).toEqual(added.change!.casesMoved);

    const corrected = (await eventsOf(db, verifying.id)).filter((e) => e.type === 'CALENDAR_CORRECTED');
    expect(corrected).toHaveLength(1);
    expect(corrected[0]).toMatchObject({ actorId: admin.id, actorRole: 'admin', payload: { changeId: String(added.change!.id), moves } });
    expect((await verifying.view()).deadlines.find((d) => d.clock === 'VERIFICATION')!.dueAt).toBe(iso(newDue));

    // past the old due instant, before the new one: nothing escalates
    await skipTo(env, oldDue + HOUR);
    expect(await escalationsOf(db, verifying.id, 'VERIFICATION')).toHaveLength(0);

    // the holiday withdrawn: the clock is due where it was, already past, and escalates at once
    const removed = await reachingRunningCases({ db, temporal: temporal() }, admin, await deleteCalendarDay(db, admin.id, holiday));
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
