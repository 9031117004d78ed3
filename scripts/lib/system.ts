import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Server } from 'node:http';
import { NativeConnection, type Worker } from '@temporalio/worker';
import pg from 'pg';
import type { Config } from '../../platform/config.js';
import type { Logger } from '../../platform/logger.js';
import { caseDataConverter, embeddedCodecKeys } from '../../platform/payload-keys.js';
import { connectTemporal, ensureSearchAttributes } from '../../platform/temporal.js';
import { embeddedTemporalTarget, externalTemporalTarget } from '../../platform/temporal-target.js';
import { createDb, type Db } from '../../prisma/client.js';
import { applyMigrations } from '../../prisma/migrate.js';
import { createReportDb, reportScopes } from '../../prisma/reports.js';
import { createApp } from '../../api/app.js';
import { apiTemporalConnection } from '../../api/http/temporal-deadlines.js';
import { keepCalendarCorrectionsGoing } from '../../worker/calendar-corrections.js';
import { createCaseWorker } from '../../worker/create-worker.js';
import { ensureReportSchedules } from '../../worker/report-schedules.js';
import { installTemporalRuntime } from '../../worker/runtime.js';
import { startWebhookDispatcher } from '../../webhooks/dispatcher.js';
import { claimDataDir, DataDirInUse, TEMPORAL_PID_FILE } from './data-dir-claim.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { freePort, isPortFree } from './ports.js';
import { prepareDatabase } from './prepare-database.js';
import { POSTGRES_STOP, TEMPORAL_STOP } from './process-stop.js';
import { tetherToThisProcess } from './tether.js';
import { findBinary } from './temporal-cli.js';
import { startTemporalDevServer } from './temporal-dev-server.js';

/** The SDK's own dev server (it downloads the CLI): used only when no binary is on this machine. */
async function downloadedDevServer(o: { port: number; uiPort: number; dbFile: string; namespace: string }) {
  const { TestWorkflowEnvironment } = await import('@temporalio/testing');
  const env = await TestWorkflowEnvironment.createLocal({
    server: { ip: '127.0.0.1', port: o.port, ui: true, uiPort: o.uiPort, dbFilename: o.dbFile, namespace: o.namespace },
  }).catch((e: Error) => {
    throw new StartError(
      `the temporal CLI was not found (TEMPORAL_CLI_PATH, PATH, .tools/bin) and the SDK could not download it (${e.message.split('\n')[0]}): ` +
        'run `bash scripts/install-temporal.sh` or set TEMPORAL_ADDRESS',
    );
  });
  return { address: `127.0.0.1:${o.port}`, uiUrl: `http://localhost:${o.uiPort}`, stop: () => env.teardown() };
}

/** A start-up problem the operator can fix; printed as one line, no stack. */
export class StartError extends Error {}

export interface RunningSystem {
  apiUrl: string;
  temporalUiUrl: string | null;
  postgres: 'embedded' | 'external';
  temporal: 'embedded' | 'external';
  adminToken: string | null;
  stop(): Promise<void>;
}

async function requireFreePort(port: number, variable: string, what: string) {
  if (port !== 0 && !(await isPortFree(port)))
    throw new StartError(`port ${port} (${what}) is already in use: stop what listens there or set ${variable} to another port`);
}

async function checkDatabaseReachable(url: string) {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 4000 });
  try {
    await c.connect();
  } catch (e) {
    throw new StartError(`DATABASE_URL: cannot connect to ${new URL(url).host} (${(e as Error).message})`);
  } finally {
    await c.end().catch(() => {});
  }
}

/**
 * Brings up Postwatch in this process tree: PostgreSQL and Temporal (external
 * when configured, embedded otherwise), migrations, the worker and the API.
 * Stops in reverse order; each step registers its own undo.
 */
export async function startSystem(cfg: Config, log: Logger): Promise<RunningSystem> {
  const undo: (() => Promise<unknown>)[] = [];
  // each step gets a bounded time, so one stuck server never keeps the others running
  const bounded = (p: Promise<unknown>) =>
    Promise.race([p, new Promise((_, rej) => setTimeout(() => rej(new Error('timed out after 20 s')), 20_000).unref())]);
  const stop = async () => {
    for (const u of undo.reverse()) await bounded(u()).catch((e) => log.warn({ err: e }, 'stop step failed'));
    undo.length = 0;
  };
  try {
    installTemporalRuntime(log, { metricsAddress: cfg.WORKER_METRICS_ADDRESS });
    const dataDir = resolve(cfg.DATA_DIR);
    mkdirSync(dataDir, { recursive: true });
    await requireFreePort(cfg.PORT, 'PORT', 'API');
    // servers an earlier start left running on this folder are stopped before anything starts
    const claim = await claimDataDir(dataDir).catch((e: Error) => {
      throw e instanceof DataDirInUse ? new StartError(e.message) : e;
    });
    undo.push(async () => claim.release());
    if (claim.stopped.length)
      log.warn(`stopped ${claim.stopped.join(' and ')}, left running on ${dataDir} by an earlier start that did not stop cleanly`);
    const embedded = !cfg.DATABASE_URL || !cfg.TEMPORAL_ADDRESS ? tetherToThisProcess() : null; // they die with us
    const dataConverter = caseDataConverter(embeddedCodecKeys(cfg, dataDir));

    // PostgreSQL, the system of record
    let databaseUrl = cfg.DATABASE_URL;
    if (!databaseUrl) {
      log.info('starting embedded PostgreSQL');
      const cluster = await startEmbeddedPostgres({
        dir: join(dataDir, 'pg'),
        port: await freePort(),
        persistent: true,
        onLog: (l) => log.debug({ pg: l }),
      }).catch((e: Error) => {
        throw new StartError(`embedded PostgreSQL did not start: ${e.message}`);
      });
      undo.push(() => cluster.stop());
      embedded!.add({ pid: cluster.pid, command: 'postgres', steps: POSTGRES_STOP });
      const admin = new pg.Client({ connectionString: cluster.adminUrl });
      await admin.connect();
      const exists = await admin.query(`SELECT 1 FROM pg_database WHERE datname = 'postwatch'`);
      if (exists.rowCount === 0) await admin.query('CREATE DATABASE postwatch');
      await admin.end();
      databaseUrl = cluster.url('postwatch');
    } else {
      await checkDatabaseReachable(databaseUrl);
    }

    // Temporal, the orchestrator
    let temporalAddress = cfg.TEMPORAL_ADDRESS;
    let temporalUiUrl: string | null = null;
    if (!temporalAddress) {
      await requireFreePort(cfg.TEMPORAL_PORT, 'TEMPORAL_PORT', 'Temporal frontend');
      await requireFreePort(cfg.TEMPORAL_UI_PORT, 'TEMPORAL_UI_PORT', 'Temporal web UI');
      const cli = findBinary('temporal', cfg.TEMPORAL_CLI_PATH);
      const devServer = {
        port: cfg.TEMPORAL_PORT,
        uiPort: cfg.TEMPORAL_UI_PORT,
        dbFile: join(dataDir, 'temporal.db'),
        namespace: cfg.TEMPORAL_NAMESPACE,
        log: (l: string) => log.debug({ temporal: l }),
      };
      log.info({ cli: cli ?? 'SDK download' }, 'starting Temporal dev server');
      // last resort, where the internet is reachable: the SDK downloads the CLI itself
      const server = cli ? await startTemporalDevServer({ cli, ...devServer }) : await downloadedDevServer(devServer);
      const pidFile = join(dataDir, TEMPORAL_PID_FILE);
      undo.push(async () => {
        await server.stop();
        rmSync(pidFile, { force: true });
      });
      if ('pid' in server) {
        writeFileSync(pidFile, `${server.pid}\n`);
        embedded!.add({ pid: server.pid, command: 'start-dev', steps: TEMPORAL_STOP });
      }
      temporalAddress = server.address;
      temporalUiUrl = server.uiUrl;
    }
    const target = cfg.TEMPORAL_ADDRESS
      ? externalTemporalTarget(cfg, dataConverter)
      : embeddedTemporalTarget(temporalAddress, cfg.TEMPORAL_NAMESPACE, dataConverter);
    const temporal = await connectTemporal(target, apiTemporalConnection()).catch((e: Error) => {
      throw new StartError(`TEMPORAL_ADDRESS: cannot connect to ${temporalAddress} (${e.message})`);
    });
    undo.push(() => temporal.connection.close());
    await ensureSearchAttributes(temporal.connection, target.namespace);

    const { applied } = await applyMigrations(databaseUrl, { log: (m) => log.info(m) });
    if (applied.length) log.info({ applied }, 'migrations applied');
    const db: Db = createDb(databaseUrl);
    undo.push(() => db.$disconnect());
    const reportDb: Db = createReportDb(databaseUrl);
    undo.push(() => reportDb.$disconnect());
    const admin = await prepareDatabase(databaseUrl, cfg.ADMIN_TOKEN);
    if (admin.seeded.applied.length) log.info({ corrected: admin.seeded.applied }, 'reference data corrected');
    if (admin.seeded.kept.length || admin.seeded.notSeeded.length)
      log.warn({ kept: admin.seeded.kept, notSeeded: admin.seeded.notSeeded }, 'reference corrections left to an administrator');

    // the worker, in this process
    const nativeConnection = await NativeConnection.connect(target.connection);
    undo.push(() => nativeConnection.close());
    const worker: Worker = await createCaseWorker({
      connection: nativeConnection,
      namespace: target.namespace,
      taskQueue: cfg.TASK_QUEUE,
      deps: { db, reportDb, now: () => new Date(), clockScale: cfg.CLOCK_SCALE },
      dataConverter,
      bundlePath: cfg.WORKFLOW_BUNDLE_PATH,
      extra: { shutdownGraceTime: '10 seconds' },
    });
    const workerDone = worker.run();
    undo.push(async () => {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await workerDone;
    });
    await ensureReportSchedules(temporal.client, { taskQueue: cfg.TASK_QUEUE, scopes: await reportScopes(db) });
    // calendar changes made with the admin CLI (or left by a crash) reach the running cases too
    const corrections = keepCalendarCorrectionsGoing({ db, client: temporal.client, taskQueue: cfg.TASK_QUEUE, log });
    undo.push(async () => corrections.stop());

    // webhooks: case events to the endpoints of carriers and agencies (stopped before the database closes)
    // WEBHOOKS_DELIVERY=off sends nothing (fuzzing, drills); fan-out resumes from its cursor when on again
    const webhooks =
      cfg.WEBHOOKS_DELIVERY === 'on'
        ? startWebhookDispatcher({ db, log, allowInsecureLocalhost: cfg.WEBHOOKS_ALLOW_INSECURE_LOCALHOST })
        : { stop: async () => {} };
    undo.push(() => webhooks.stop());

    // the API
    const app = createApp({
      db,
      temporal,
      taskQueue: cfg.TASK_QUEUE,
      log,
      clockScale: cfg.CLOCK_SCALE,
      rateLimitPerMinute: cfg.RATE_LIMIT_PER_MINUTE,
      authFailuresPerMinute: cfg.AUTH_FAILURES_PER_MINUTE,
      idempotencyStaleMs: cfg.IDEMPOTENCY_STALE_SECONDS * 1000,
      metricsToken: cfg.METRICS_TOKEN,
      webhooks: { allowInsecureLocalhost: cfg.WEBHOOKS_ALLOW_INSECURE_LOCALHOST },
    });
    const server: Server = await new Promise((res, rej) => {
      const s = app.listen(cfg.PORT, cfg.HOST, () => res(s));
      s.once('error', rej);
    });
    undo.push(() => new Promise((r) => server.close(() => r(undefined))));
    const addr = server.address();
    const port = typeof addr === 'object' && addr ? addr.port : cfg.PORT;

    return {
      apiUrl: `http://localhost:${port}`,
      temporalUiUrl,
      postgres: cfg.DATABASE_URL ? 'external' : 'embedded',
      temporal: cfg.TEMPORAL_ADDRESS ? 'external' : 'embedded',
      adminToken: admin.adminToken,
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}
