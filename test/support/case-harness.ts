import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import type { Db } from '../../prisma/client.js';
import { createCaseWorker } from '../../worker/create-worker.js';
import { migratedDatabase } from './db.js';
import { seedForCases } from './cases.js';
import { timeSkippingEnv } from './temporal.js';
import { testDataConverter } from './payload-codec.js';
export { CaseDriver } from './case-driver.js';

/** A case worker on a time-skipping (or any) test environment, sharing the run's workflow bundle. */
export async function caseWorker(
  env: TestWorkflowEnvironment,
  db: Db,
  opts: { clockScale?: number } = {},
): Promise<{ worker: Worker; taskQueue: string }> {
  const taskQueue = `cases-${randomBytes(4).toString('hex')}`;
  const worker = await createCaseWorker({
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    taskQueue,
    deps: { db, now: () => new Date(), clockScale: opts.clockScale, searchAttributes: false },
    dataConverter: testDataConverter,
    bundlePath: inject('workflowBundlePath'),
  });
  return { worker, taskQueue };
}

/** Events of a case as stored, in order. */
export async function eventsOf(db: Db, caseId: string) {
  return db.caseEvent.findMany({ where: { caseId }, orderBy: { seq: 'asc' } });
}

export const uniqueRef = (prefix: string) => `${prefix}-${randomBytes(3).toString('hex')}`;

/** A test file's own world: a migrated, seeded database and a time-skipping server (teardown is the caller's). */
export async function timeSkippingWorld(opts: { clockScale?: number } = {}) {
  const { db } = await migratedDatabase();
  await seedForCases(db);
  const env = await timeSkippingEnv();
  return { env, db, ...(await caseWorker(env, db, opts)) };
}

/** The same without a shared worker, for files that start one per test. */
export async function timeSkippingWorldWithoutWorker() {
  const { db } = await migratedDatabase();
  await seedForCases(db);
  return { env: await timeSkippingEnv(), db };
}
