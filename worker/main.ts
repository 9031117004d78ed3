// A standalone worker process (the scaled-out deployment runs several).
import { NativeConnection } from '@temporalio/worker';
import { standaloneStart } from '../platform/standalone.js';
import { connectTemporal } from '../platform/temporal.js';
import { createDb } from '../prisma/client.js';
import { createCaseWorker } from './create-worker.js';
import { keepCalendarCorrectionsGoing } from './calendar-corrections.js';
import { ensureReportSchedules } from './report-schedules.js';
import { createReportDb, reportScopes } from '../prisma/reports.js';
import { seedReportDueDates } from '../prisma/registry-admin.js';
import { installTemporalRuntime } from './runtime.js';
import { startWebhookDispatcher } from '../webhooks/dispatcher.js';

const { cfg, log, databaseUrl, temporal } = standaloneStart('worker');
installTemporalRuntime(log, { metricsAddress: cfg.WORKER_METRICS_ADDRESS });
const db = createDb(databaseUrl);
const reportDb = createReportDb(databaseUrl);
const connection = await NativeConnection.connect(temporal.connection);
// every worker makes sure the report schedules exist (idempotent: one schedule per scope and period kind)
await seedReportDueDates(db);
const scheduler = await connectTemporal(temporal); // the codec seals the schedules' arguments too
await ensureReportSchedules(scheduler.client, { taskQueue: cfg.TASK_QUEUE, scopes: await reportScopes(db) });
// calendar changes made with the admin CLI (or left by a crash) reach the running cases too
const corrections = keepCalendarCorrectionsGoing({ db, client: scheduler.client, taskQueue: cfg.TASK_QUEUE, log });
// WEBHOOKS_DELIVERY=off sends nothing (fuzzing, drills); fan-out resumes from its cursor when on again
const webhooks =
  cfg.WEBHOOKS_DELIVERY === 'on'
    ? startWebhookDispatcher({ db, log, allowInsecureLocalhost: cfg.WEBHOOKS_ALLOW_INSECURE_LOCALHOST })
    : { stop: async () => {} }; // safe in every worker: fan-out is locked, sends are claimed
try {
  const worker = await createCaseWorker({
    connection,
    namespace: temporal.namespace,
    taskQueue: cfg.TASK_QUEUE,
    deps: { db, reportDb, now: () => new Date(), clockScale: cfg.CLOCK_SCALE },
    dataConverter: temporal.dataConverter,
    bundlePath: cfg.WORKFLOW_BUNDLE_PATH,
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => worker.shutdown());
  if (cfg.CLOCK_SCALE > 1) log.warn({ clockScale: cfg.CLOCK_SCALE }, 'DEMO CLOCK ON: every legal limit runs faster (CLOCK_SCALE)');
  log.info({ taskQueue: cfg.TASK_QUEUE, metrics: cfg.WORKER_METRICS_ADDRESS ?? 'off' }, 'worker running');
  await worker.run(); // resolves once shutdown() has drained in-flight tasks
} finally {
  corrections.stop();
  await scheduler.connection.close();
  await webhooks.stop();
  await connection.close();
  await db.$disconnect();
  await reportDb.$disconnect();
}
