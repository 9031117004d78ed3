// CLOCK_SCALE shrinks every limit for demos and drills, and the case says so.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { detection } from '../support/cases.js';
import { CaseDriver, eventsOf, timeSkippingWorld } from '../support/case-harness.js';
import type { Db } from '../../prisma/client.js';

let env: TestWorkflowEnvironment;
let db: Db;
let worker: Worker;
let taskQueue: string;

beforeAll(async () => ({ env, db, worker, taskQueue } = await timeSkippingWorld({ clockScale: 1440 })));
afterAll(() => env?.teardown());

it('runs the 24-hour hold clock in one minute and marks the case as a drill', () =>
  worker.runUntil(async () => {
    const c = await CaseDriver.open(env, taskQueue, detection('drill-1'));
    const view = await c.view();
    expect(view.demoClockScale).toBe(1440);
    const hold = view.deadlines.find((d) => d.clock === 'HOLD_CONFIRMATION')!;
    expect(Date.parse(hold.dueAt) - Date.parse(hold.startedAt)).toBe(60_000);

    // to 5 s before the hold is due, counted from its start (the test server's clock also runs in real time)
    await env.sleep(Math.max(0, Date.parse(hold.startedAt) + 55_000 - (await env.currentTimeMs())));
    await c.do({ id: 'key-VNP', role: 'carrier', carrierId: 'VNP' }, { kind: 'addNote', text: 'vẫn đang chờ' }); // lets the workflow observe time
    expect((await eventsOf(db, c.id)).some((e) => e.type === 'DEADLINE_ESCALATED')).toBe(false);
    await env.sleep(6_000);
    await expect
      .poll(
        async () =>
          (await eventsOf(db, c.id)).filter((e) => e.type === 'DEADLINE_ESCALATED').map((e) => (e.payload as { clock: string }).clock),
        { timeout: 10_000 },
      )
      .toContain('HOLD_CONFIRMATION');
  }));
