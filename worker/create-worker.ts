import { fileURLToPath } from 'node:url';
import type { DataConverter } from '@temporalio/common';
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { createActivities, type ActivityDeps } from '../activities/index.js';

export const WORKFLOWS_PATH = fileURLToPath(new URL('../workflows/index.ts', import.meta.url));

/** A case worker; with `bundlePath` it loads the prebuilt workflow bundle instead of bundling at start. */
export function createCaseWorker(opts: {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  deps: ActivityDeps;
  /** The payload codec of every client of this namespace (platform/payload-keys.ts): required, so no worker writes in clear. */
  dataConverter: DataConverter;
  bundlePath?: string;
  extra?: Partial<WorkerOptions>;
}): Promise<Worker> {
  return Worker.create({
    connection: opts.connection,
    namespace: opts.namespace,
    taskQueue: opts.taskQueue,
    ...(opts.bundlePath ? { workflowBundle: { codePath: opts.bundlePath } } : { workflowsPath: WORKFLOWS_PATH }),
    activities: createActivities(opts.deps),
    dataConverter: opts.dataConverter,
    ...opts.extra,
  });
}
