// Long-lived cases keep a bounded history: the workflow continues as new at a step boundary,
// carrying the case, its sequence and its running clocks.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { carrierActor, detection, officer } from '../support/cases.js';
import { CaseDriver, eventsOf, timeSkippingWorld } from '../support/case-harness.js';
import type { Db } from '../../prisma/client.js';

let env: TestWorkflowEnvironment;
let db: Db;
let worker: Worker;
let taskQueue: string;

beforeAll(async () => ({ env, db, worker, taskQueue } = await timeSkippingWorld()));
afterAll(() => env?.teardown());

it('continues as new when the history grows past the limit, losing nothing', () =>
  worker.runUntil(async () => {
    const carrier = carrierActor();
    const qltt = officer('TH-QLTT', 'qltt-1');
    const c = await CaseDriver.open(env, taskQueue, detection('long-lived'), { historyLimit: 40 });
    const firstRun = (await c.handle.describe()).runId;
    await c.do(carrier, { kind: 'confirmHold', holdRecordRef: 'BB-9' });
    for (let i = 1; i <= 12; i++) await c.do(carrier, { kind: 'addNote', text: `ghi chú ${i}` });

    // a later action lands on the new run and sees everything the old one knew
    await expect.poll(async () => (await c.handle.describe()).runId, { timeout: 10_000 }).not.toBe(firstRun);
    const old = await env.client.workflow.getHandle(c.id, firstRun).describe();
    expect(old.status.name).toBe('CONTINUED_AS_NEW');
    const view = await c.do(officer('TH-DEPT', 'dept-1'), { kind: 'acknowledge' });
    expect(view.flags.holdConfirmed).toBe(true);
    expect(view.acknowledgements.map((a) => a.agencyId)).toEqual(['TH-DEPT']);
    expect(view.deadlines.map((d) => d.clock)).toContain('AGENCY_ACKNOWLEDGEMENT');
    await c.do(qltt, { kind: 'acknowledge' });

    const events = await eventsOf(db, c.id);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1)); // contiguous: none lost, none twice
    expect(events.filter((e) => e.type === 'NOTE_ADDED')).toHaveLength(12);
    expect(events.at(-1)!.type).toBe('ACKNOWLEDGED');
    // the new run's history is short again
    expect((await c.handle.describe()).historyLength).toBeLessThan(40);
  }));
