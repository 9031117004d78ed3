// Postwatch as the scaled-out deployment runs it, for the fault drills: its own PostgreSQL server
// and Temporal dev server (so either can be stopped, frozen or restarted without touching the rest
// of the test run), and api/server.ts and worker/main.ts as separate processes that can be killed.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { appendFileSync, chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pgClient from 'pg';
import { inject } from 'vitest';
import { startEmbeddedPostgres, type EmbeddedCluster } from '../../../scripts/lib/embedded-postgres.js';
import { freePort } from '../../../scripts/lib/ports.js';
import { findBinary } from '../../../scripts/lib/temporal-cli.js';
import { startTemporalDevServer, type DevServer } from '../../../scripts/lib/temporal-dev-server.js';
import { connectTemporal, ensureSearchAttributes } from '../../../platform/temporal.js';
import { embeddedTemporalTarget } from '../../../platform/temporal-target.js';
import { createDb, type Db } from '../../../prisma/client.js';
import { applyMigrations } from '../../../prisma/migrate.js';
import { principalToken } from '../../support/api.js';
import { seedForCases } from '../../support/cases.js';
import { TEST_CODEC_KEYS_ENV, testDataConverter } from '../../support/payload-codec.js';

const ROOT = resolve(import.meta.dirname, '../../..');

/** One of the application's processes (api/server.ts, worker/main.ts), restartable on the same settings. */
class Role {
  private child: ChildProcess | null = null;
  private out = '';
  constructor(
    private readonly entry: string,
    private readonly ready: string,
    private readonly env: Record<string, string>,
    private readonly logFile: string,
  ) {}

  async start(): Promise<void> {
    this.out = '';
    const child = spawn(process.execPath, ['--import', 'tsx', this.entry], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'info', ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    // kept whole in .ci-results/faults-<role>.log, for what a drill's failure needs explained
    const keep = (b: Buffer) => {
      this.out = (this.out + b.toString()).slice(-20_000);
      appendFileSync(this.logFile, b);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    const deadline = Date.now() + 120_000;
    while (!this.out.includes(this.ready)) {
      if (child.exitCode !== null) throw new Error(`${this.entry} exited (${child.exitCode}):\n${this.out}`);
      if (Date.now() > deadline) throw new Error(`${this.entry}: no "${this.ready}" within 120 s:\n${this.out}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** SIGKILL: the process dies with whatever it had in flight. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill(signal);
    await exited;
  }
}

/** Every process of a PostgreSQL server: the postmaster and its backends (SIGSTOP must reach all). */
function postgresProcesses(postmaster: number): number[] {
  const kids = execFileSync('ps', ['-o', 'pid=', '--ppid', String(postmaster)])
    .toString()
    .split('\n')
    .map(Number)
    .filter(Boolean);
  return [postmaster, ...kids];
}

export interface Cluster {
  base: string;
  /** A direct client of the drill's database, for the checks afterwards. */
  db: Db;
  tokens: { carrier: string; dept: string; qltt: string };
  api: Role;
  worker: Role;
  postgres: { stop(): Promise<void>; start(): Promise<void>; freeze(): void; thaw(): void };
  temporal: { stop(): Promise<void>; start(): Promise<void> };
  close(): Promise<void>;
}

export async function startCluster(opts: { idempotencyStaleSeconds: number }): Promise<Cluster> {
  const dir = mkdtempSync(join(tmpdir(), 'postwatch-faults-'));
  chmodSync(dir, 0o755); // as root, PostgreSQL runs as `postgres`
  const pgPort = await freePort();
  let pg: EmbeddedCluster = await startEmbeddedPostgres({ dir: join(dir, 'pg'), port: pgPort, persistent: true });
  const startPg = async () => {
    pg = await startEmbeddedPostgres({ dir: join(dir, 'pg'), port: pgPort, persistent: true });
  };
  const admin = new pgClient.Client({ connectionString: pg.adminUrl });
  await admin.connect();
  await admin.query('CREATE DATABASE postwatch').finally(() => admin.end());
  const url = pg.url('postwatch');
  await applyMigrations(url, { log: () => {} });
  const db = createDb(url);
  await seedForCases(db);

  const cli = findBinary('temporal', process.env.TEMPORAL_CLI_PATH);
  if (!cli) throw new Error('temporal CLI not found: run `bash scripts/install-temporal.sh --test`');
  const temporalPort = await freePort();
  const serverOpts = { cli, port: temporalPort, namespace: 'default', dbFile: join(dir, 'temporal.db') };
  let server: DevServer = await startTemporalDevServer(serverOpts);
  const { connection } = await connectTemporal(embeddedTemporalTarget(server.address, 'default', testDataConverter));
  await ensureSearchAttributes(connection, 'default');
  await connection.close();

  const port = await freePort();
  const env = {
    DATABASE_URL: url,
    TEMPORAL_ADDRESS: server.address,
    TASK_QUEUE: 'faults',
    PAYLOAD_CODEC_KEYS: TEST_CODEC_KEYS_ENV,
    WORKFLOW_BUNDLE_PATH: inject('workflowBundlePath'),
    WEBHOOKS_DELIVERY: 'off',
    RATE_LIMIT_PER_MINUTE: '0',
    IDEMPOTENCY_STALE_SECONDS: String(opts.idempotencyStaleSeconds),
    PORT: String(port),
    HOST: '127.0.0.1',
  };
  mkdirSync('.ci-results', { recursive: true });
  const api = new Role('api/server.ts', 'api listening', env, '.ci-results/faults-api.log');
  const worker = new Role('worker/main.ts', 'worker running', env, '.ci-results/faults-worker.log');
  for (const f of ['.ci-results/faults-api.log', '.ci-results/faults-worker.log']) writeFileSync(f, '');
  await Promise.all([api.start(), worker.start()]);

  const tokens = {
    carrier: (await principalToken(db, { name: 'VNPost', role: 'carrier', carrierId: 'VNP' })).token,
    dept: (await principalToken(db, { name: 'Sở', role: 'officer', agencyId: 'TH-DEPT', provinceCode: 'TH' })).token,
    qltt: (await principalToken(db, { name: 'QLTT', role: 'officer', agencyId: 'TH-QLTT', provinceCode: 'TH', title: 'TEAM_LEAD' })).token,
  };
  return {
    base: `http://127.0.0.1:${port}`,
    db,
    tokens,
    api,
    worker,
    postgres: {
      stop: () => pg.stop(),
      start: startPg,
      freeze: () => postgresProcesses(pg.pid).forEach((p) => process.kill(p, 'SIGSTOP')),
      thaw: () => postgresProcesses(pg.pid).forEach((p) => process.kill(p, 'SIGCONT')),
    },
    temporal: {
      stop: () => server.stop(),
      start: async () => {
        server = await startTemporalDevServer(serverOpts);
      },
    },
    async close() {
      await Promise.all([api.kill(), worker.kill()]);
      await db.$disconnect();
      await server.stop();
      await pg.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
