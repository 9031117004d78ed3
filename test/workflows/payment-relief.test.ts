// Payment relief in the running case (LHAV Art. 76, 79): the lead agency postpones the fine on the
// violator's request; the payment clock moves to the postponed date, and enforcement waits for it.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { CaseAction } from '../../domain/case-actions.js';
import type { Db } from '../../prisma/client.js';
import { eventsOf, timeSkippingWorldWithoutWorker, uniqueRef } from '../support/case-harness.js';
import {
  advance,
  awaitEvent,
  DAY,
  endOfVnDate,
  proposal,
  qltt,
  qlttChief,
  skipTo,
  vnDateOf,
  withCaseWorker,
} from '../support/case-steps.js';

let env: TestWorkflowEnvironment;
let db: Db;
beforeAll(async () => ({ env, db } = await timeSkippingWorldWithoutWorker()));
afterAll(() => env?.teardown());

it('LHAV Art. 76: a postponement moves the payment clock to its date, interest-free, and enforcement starts only after it', () =>
  withCaseWorker(env, db, async (s) => {
    const c = await s.open(uniqueRef('relief'));
    await advance(c, 'VIOLATION_RECORDED');
    await c.do(qltt, proposal(7_500_000, 'INDIVIDUAL'));
    await c.do(qlttChief, { kind: 'decideSanction', outcome: 'approve', decisionNumber: 'QĐ-HOAN-01' });
    const served = await c.do(qltt, { kind: 'serveDecision', method: 'IN_PERSON' });
    const periodEnd = Date.parse(served.fine!.dueAt!);
    const until = vnDateOf(periodEnd + 20 * DAY);
    const grant: CaseAction = {
      kind: 'grantPaymentRelief',
      relief: 'postponement',
      until,
      requestRef: 'ĐƠN-HOÃN-01',
      reason: 'Khó khăn đặc biệt',
    };

    const postponed = await c.do(qltt, grant);
    const clock = postponed.deadlines.find((d) => d.clock === 'PAYMENT')!;
    expect(Date.parse(clock.dueAt)).toBeGreaterThanOrEqual(endOfVnDate(until)); // a day off runs on to the next working day
    expect(postponed.fine).toMatchObject({ dueAt: served.fine!.dueAt, relief: [{ kind: 'POSTPONEMENT', until, basis: 'LHAV Art. 76' }] });
    const event = (await eventsOf(db, c.id)).at(-1)!;
    expect(event).toMatchObject({ type: 'PAYMENT_RELIEF_GRANTED', actorId: qltt.id });

    // the 10 days are over, the postponement is not: no enforcement, no interest
    await skipTo(env, periodEnd + 5 * DAY);
    const waiting = await c.view(periodEnd + 5 * DAY);
    expect(waiting).toMatchObject({ status: 'DECISION_SERVED', fine: { interestVnd: 0, outstandingVnd: 7_500_000 } });

    await skipTo(env, Date.parse(clock.dueAt) + 1000);
    const enforced = await awaitEvent(db, c.id, 'ENFORCEMENT_STARTED');
    expect(enforced.at.getTime()).toBeGreaterThanOrEqual(Date.parse(clock.dueAt));
  }));
