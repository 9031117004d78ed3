// Every path of domain.md section 4, run by the real workflow on the time-skipping test server
// against real PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { timeSkippingEnv } from '../support/temporal.js';
import { migratedDatabase } from '../support/db.js';
import { carrierActor, officer, seedForCases } from '../support/cases.js';
import { CaseDriver, caseWorker, eventsOf, uniqueRef } from '../support/case-harness.js';
import type { Db } from '../../prisma/client.js';
import { SYSTEM_ACTOR } from '../../domain/access.js';
import { allowedActions } from '../../workflows/definitions.js';
import {
  advance,
  awaitEvent,
  calendarDaysAfter,
  caseRow,
  DAY,
  deadlineOf,
  expectHistory,
  HOUR,
  iso,
  noticesOf,
  skipTo,
  withCaseWorker,
  yearsAfter,
  type ExpectedEvent,
} from '../support/case-steps.js';

let env: TestWorkflowEnvironment;
let db: Db;
let worker: Worker;
let taskQueue: string;

beforeAll(async () => {
  ({ db } = await migratedDatabase());
  await seedForCases(db);
  env = await timeSkippingEnv();
  ({ worker, taskQueue } = await caseWorker(env, db));
});
afterAll(async () => {
  await env?.teardown();
});

const carrier = carrierActor('VNP');
const qltt = officer('TH-QLTT', 'qltt-officer-1', 25_000_000);
const qlttChief = officer('TH-QLTT', 'qltt-chief', 50_000_000);
const dept = officer('TH-DEPT', 'dept-officer-1');

async function toVerification(ref: string) {
  const c = await CaseDriver.open(env, taskQueue, ref);
  await c.do(carrier, { kind: 'confirmHold', holdRecordRef: 'BB-1' });
  await c.do(dept, { kind: 'acknowledge' });
  await c.do(qltt, { kind: 'acknowledge' });
  await c.do(qltt, { kind: 'startVerification' });
  return c;
}

describe('case paths', () => {
  it('cleared and released', () =>
    worker.runUntil(async () => {
      const c = await toVerification(uniqueRef('clear'));
      expect((await c.do(qltt, { kind: 'clear', reason: 'Hàng chính hãng, có hóa đơn' })).status).toBe('CLEARED');
      const closed = await c.do(carrier, { kind: 'release' });
      expect(closed.status).toBe('CLOSED');
      expect(closed.outcome).toBe('CLEARED');
      expect(await c.handle.result()).toBe('CLEARED');
      const events = await eventsOf(db, c.id);
      expect(events.map((e) => e.type)).toEqual([
        'DETECTED',
        'AGENCIES_NOTIFIED',
        'HOLD_CONFIRMED',
        'ACKNOWLEDGED',
        'ACKNOWLEDGED',
        'VERIFICATION_STARTED',
        'CLEARED',
        'RELEASED',
      ]);
      expect((await db.case.findUniqueOrThrow({ where: { id: c.id } })).status).toBe('CLOSED');
    }));
});
