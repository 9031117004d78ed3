import { randomBytes } from 'node:crypto';
import type { Interceptor } from '@grpc/grpc-js';
import { inject } from 'vitest';
import { NativeConnection, Runtime, DefaultLogger, type Worker } from '@temporalio/worker';
import { Client, Connection } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { findBinary } from '../../scripts/lib/temporal-cli.js';
import { createCaseWorker } from '../../worker/create-worker.js';
import { apiTemporalConnection } from '../../api/http/temporal-deadlines.js';
import type { ActivityDeps } from '../../activities/index.js';
import { testDataConverter } from './payload-codec.js';

let runtimeInstalled = false;
function quietRuntime() {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  Runtime.install({ logger: new DefaultLogger('ERROR') });
}

/**
 * A client and a case worker on the run's dev server, on a task queue of this file's own. The
 * client's connection is the API's (apiTemporalConnection); `interceptors` go in front of it
 * (test/support/grpc-faults.ts: answers lost in transit).
 */
export async function devServerHarness(deps: ActivityDeps, opts: { interceptors?: Interceptor[]; taskQueue?: string } = {}) {
  quietRuntime();
  const address = inject('temporalAddress');
  const taskQueue = opts.taskQueue ?? `test-${randomBytes(4).toString('hex')}`;
  const nativeConnection = await NativeConnection.connect({ address });
  const api = apiTemporalConnection();
  const connection = await Connection.connect({ address, interceptors: [...(opts.interceptors ?? []), ...api.interceptors!] });
  const client = new Client({ connection, namespace: 'default', dataConverter: testDataConverter });
  const worker = await createCaseWorker({
    connection: nativeConnection,
    namespace: 'default',
    taskQueue,
    deps,
    dataConverter: testDataConverter,
    bundlePath: inject('workflowBundlePath'),
  });
  const running = worker.run();
  return {
    client,
    connection,
    taskQueue,
    worker,
    async close() {
      worker.shutdown();
      await running;
      await nativeConnection.close();
      await connection.close();
    },
  };
}

/** The time-skipping test server (its clock is global to it: one per file, tests inside run serially). */
export async function timeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  quietRuntime();
  const path = findBinary('temporal-test-server', process.env.TEMPORAL_TEST_SERVER_PATH);
  if (!path) throw new Error('temporal-test-server not found: run `bash scripts/install-temporal.sh --test`');
  return TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path } },
    client: { dataConverter: testDataConverter },
  });
}

export type { Worker };
