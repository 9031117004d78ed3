/**
 * The servers of one benchmark run, all ours and all thrown away at the end: an embedded
 * PostgreSQL 18 and a Temporal dev server (SQLite in a file, as `npm start` runs it) in a
 * temporary folder, and the two workflow bundles the workers load.
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Connection } from '@temporalio/client';
import { bundleWorkflowCode } from '@temporalio/worker';
import pg from 'pg';
import { ensureSearchAttributes } from '../../platform/temporal.js';
import { startEmbeddedPostgres } from '../../scripts/lib/embedded-postgres.js';
import { freePort } from '../../scripts/lib/ports.js';
import { findBinary } from '../../scripts/lib/temporal-cli.js';
import { startTemporalDevServer } from '../../scripts/lib/temporal-dev-server.js';
import { WORKFLOWS_PATH } from '../../worker/create-worker.js';

export const BARE_WORKFLOWS_PATH = fileURLToPath(new URL('../bare/workflows.ts', import.meta.url));

/** A Temporal frontend the benchmarks talk to, with what the document says about it. */
export interface TemporalServer {
  address: string;
  pid: number | undefined;
  /** Its own Prometheus endpoint. */
  metricsUrl: string;
  /** e.g. "1.32.0 (dev server, SQLite file)". */
  describe: string;
  stop(): Promise<void>;
}

export interface Stack {
  dir: string;
  pg: { adminUrl: string; port: number; password: string; version: string; pid(): number | undefined };
  temporal: TemporalServer;
  bundles: { cases: string; bare: string };
  /** A new, empty database on the cluster; its URL. */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

const noop = () => {};
const quietLogger = { log: noop, trace: noop, debug: noop, info: noop, warn: noop, error: console.error };

export async function startStack(opts: { keep: boolean; log: (m: string) => void }): Promise<Stack> {
  const dir = mkdtempSync(join(tmpdir(), 'postwatch-bench-'));
  chmodSync(dir, 0o755); // as root, PostgreSQL runs as `postgres` and must enter it
  const undo: (() => Promise<void>)[] = [
    async () => void (opts.keep ? opts.log(`kept ${dir}`) : rmSync(dir, { recursive: true, force: true })),
  ];
  const stop = async () => {
    for (const u of undo.reverse()) await u().catch((e: Error) => opts.log(`stop: ${e.message}`));
    undo.length = 0;
  };
  try {
    const cli = findBinary('temporal', process.env.TEMPORAL_CLI_PATH);
    if (!cli) throw new Error('temporal CLI not found: run `bash scripts/install-temporal.sh` (npm start and npm test do)');
    opts.log(`servers in ${dir}`);
    const pgPort = await freePort();
    const [cluster, temporal, bundles] = await Promise.all([
      startEmbeddedPostgres({ dir: join(dir, 'pg'), port: pgPort, persistent: false }),
      startDevServer(cli, dir),
      bundleAll(dir),
    ]);
    undo.push(() => cluster.stop());
    undo.push(() => temporal.stop());
    const admin = new pg.Client({ connectionString: cluster.adminUrl });
    await admin.connect();
    const version = (await admin.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version;
    await admin.end();
    const pidFile = join(dir, 'pg', 'postmaster.pid');
    return {
      dir,
      pg: {
        adminUrl: cluster.adminUrl,
        port: pgPort,
        password: decodeURIComponent(new URL(cluster.adminUrl).password),
        version,
        pid: () => Number(readFileSync(pidFile, 'utf8').split('\n')[0]) || undefined,
      },
      temporal,
      bundles,
      async createDatabase(name) {
        const c = new pg.Client({ connectionString: cluster.adminUrl });
        await c.connect();
        try {
          await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
          await c.query(`CREATE DATABASE "${name}"`);
        } finally {
          await c.end();
        }
        return cluster.url(name);
      },
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}

async function startDevServer(cli: string, dir: string): Promise<TemporalServer> {
  const metricsPort = await freePort();
  const server = await startTemporalDevServer({
    cli,
    port: await freePort(),
    namespace: 'default',
    dbFile: join(dir, 'temporal.db'),
    extraArgs: ['--metrics-port', String(metricsPort)],
  });
  const connection = await Connection.connect({ address: server.address });
  await ensureSearchAttributes(connection, 'default');
  const info = await connection.workflowService.getSystemInfo({});
  await connection.close();
  return {
    address: server.address,
    pid: server.pid,
    metricsUrl: `http://127.0.0.1:${metricsPort}/metrics`,
    describe: `${info.serverVersion} (dev server \`temporal server start-dev\`, SQLite file)`,
    stop: server.stop,
  };
}

/** Both workflow bundles, built once per run as production workers load them. */
async function bundleAll(dir: string): Promise<Stack['bundles']> {
  const write = async (name: string, workflowsPath: string) => {
    const { code } = await bundleWorkflowCode({ workflowsPath, logger: quietLogger });
    const path = join(dir, `${name}-bundle.js`);
    writeFileSync(path, code);
    return path;
  };
  const [cases, bare] = await Promise.all([write('cases', WORKFLOWS_PATH), write('bare', BARE_WORKFLOWS_PATH)]);
  return { cases, bare };
}
