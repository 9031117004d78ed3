// A standalone worker process (the scaled-out deployment runs several).
import { NativeConnection } from '@temporalio/worker';
import { Client, Connection } from '@temporalio/client';
import { loadConfig } from '../platform/config.js';
import { createLogger } from '../platform/logger.js';
import { createDb } from '../prisma/client.js';
import { createCaseWorker } from './create-worker.js';
import { ensureReportSchedules } from './report-schedules.js';
import { reportScopes } from '../prisma/reports.js';
import { seedReportDueDates } from '../prisma/registry-admin.js';
import { installTemporalRuntime } from './runtime.js';
import { startWebhookDispatcher } from '../webhooks/dispatcher.js';

const cfg = loadConfig();
const log = createLogger(cfg.LOG_LEVEL, 'worker');
if (!cfg.DATABASE_URL || !cfg.TEMPORAL_ADDRESS) {
  log.fatal('DATABASE_URL and TEMPORAL_ADDRESS are required for a standalone worker (npm start runs everything embedded)');
  process.exit(1);
}
installTemporalRuntime(log);
const db = createDb(cfg.DATABASE_URL);
const connection = await NativeConnection.connect({ address: cfg.TEMPORAL_ADDRESS });
// every worker makes sure the report schedules exist (idempotent: one schedule per scope and period kind)
await seedReportDueDates(db);
const clientConnection = await Connection.connect({ address: cfg.TEMPORAL_ADDRESS });
const client = new Client({ connection: clientConnection, namespace: cfg.TEMPORAL_NAMESPACE });
await ensureReportSchedules(client, { taskQueue: cfg.TASK_QUEUE, scopes: await reportScopes(db) });
await clientConnection.close();
// WEBHOOKS_DELIVERY=off sends nothing (fuzzing, drills); fan-out resumes from its cursor when on again
const webhooks =
  cfg.WEBHOOKS_DELIVERY === 'on'
    ? startWebhookDispatcher({ db, log, allowInsecureLocalhost: cfg.WEBHOOKS_ALLOW_INSECURE_LOCALHOST })
    : { stop: async () => {} }; // safe in every worker: fan-out is locked, sends are claimed
try {
  const worker = await createCaseWorker({
    connection,
    namespace: cfg.TEMPORAL_NAMESPACE,
    taskQueue: cfg.TASK_QUEUE,
    deps: { db, now: () => new Date(), clockScale: cfg.CLOCK_SCALE },
    bundlePath: cfg.WORKFLOW_BUNDLE_PATH,
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => worker.shutdown());
  log.info({ taskQueue: cfg.TASK_QUEUE }, 'worker running');
  await worker.run(); // resolves once shutdown() has drained in-flight tasks
} finally {
  await webhooks.stop();
  await connection.close();
  await db.$disconnect();
}
