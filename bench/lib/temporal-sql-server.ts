/**
 * The scaled-out Temporal of docker-compose.yml, without Docker: the `temporal-server` binary
 * with PostgreSQL persistence and visibility (plugin postgres12) on the run's own PostgreSQL,
 * its schemas set up by `temporal-sql-tool` from the schemas built into it, the compose
 * stack's dynamic config, and the namespace and search attributes temporal-setup creates.
 * Both binaries come from the Go module go.temporal.io/server (bench/install-temporal-server.sh).
 */
import { execFile, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time.js';
import { ensureSearchAttributes } from '../../platform/temporal.js';
import { isPortFree } from '../../scripts/lib/ports.js';
import { findBinary } from '../../scripts/lib/temporal-cli.js';
import type { Stack, TemporalServer } from './stack.js';

const run = promisify(execFile);
const DYNAMIC_CONFIG = fileURLToPath(new URL('../../deploy/temporal/dynamicconfig/postwatch.yaml', import.meta.url));
export const HISTORY_SHARDS = 4; // as the server image's default configuration

export interface SqlTemporalBinaries {
  server: string;
  sqlTool: string;
}

/** The two binaries, or why they cannot be had. */
export function findSqlTemporal(): SqlTemporalBinaries | { missing: string } {
  const server = findBinary('temporal-server', process.env.TEMPORAL_SERVER_PATH);
  const sqlTool = findBinary('temporal-sql-tool', process.env.TEMPORAL_SQL_TOOL_PATH);
  if (server && sqlTool) return { server, sqlTool };
  return {
    missing:
      `${[!server && '`temporal-server`', !sqlTool && '`temporal-sql-tool`'].filter(Boolean).join(' and ')} not found ` +
      '(TEMPORAL_SERVER_PATH / TEMPORAL_SQL_TOOL_PATH, PATH, .tools/bin): `bash bench/install-temporal-server.sh` builds both from the Go module go.temporal.io/server',
  };
}

async function setUpSchemas(stack: Stack, sqlTool: string, log: (m: string) => void): Promise<void> {
  const conn = ['--plugin', 'postgres12', '--ep', '127.0.0.1', '-p', String(stack.pg.port), '-u', 'postgres', '--pw', stack.pg.password];
  for (const [db, schema] of [
    ['temporal', 'postgresql/v12/temporal'],
    ['temporal_visibility', 'postgresql/v12/visibility'],
  ] as const) {
    await stack.createDatabase(db);
    await run(sqlTool, [...conn, '--db', db, 'setup-schema', '-v', '0.0']);
    await run(sqlTool, [...conn, '--db', db, 'update-schema', '--schema-name', schema]);
    log(`scaled: schema ${schema} set up`);
  }
}

function config(
  stack: Stack,
  p: Record<'grpc' | 'http' | 'metrics' | 'frontendM' | 'history' | 'historyM' | 'matching' | 'matchingM' | 'worker' | 'workerM', number>,
) {
  const store = (db: string, conns: number) => `
      sql:
        pluginName: postgres12
        databaseName: ${db}
        connectAddr: 127.0.0.1:${stack.pg.port}
        connectProtocol: tcp
        user: postgres
        password: "${stack.pg.password}"
        maxConns: ${conns}
        maxIdleConns: ${conns}
        maxConnLifetime: 1h`;
  const service = (grpc: number, membership: number, extra = '') => `
    rpc:
      grpcPort: ${grpc}
      membershipPort: ${membership}
      bindOnLocalHost: true${extra}`;
  return `log:
  stdout: true
  level: warn
persistence:
  defaultStore: default
  visibilityStore: visibility
  numHistoryShards: ${HISTORY_SHARDS}
  datastores:
    default:${store('temporal', 20)}
    visibility:${store('temporal_visibility', 10)}
global:
  membership:
    maxJoinDuration: 30s
    broadcastAddress: 127.0.0.1
  metrics:
    prometheus:
      framework: tally
      timerType: histogram
      listenAddress: 127.0.0.1:${p.metrics}
services:
  frontend:${service(p.grpc, p.frontendM, `\n      httpPort: ${p.http}`)}
  history:${service(p.history, p.historyM)}
  matching:${service(p.matching, p.matchingM)}
  worker:${service(p.worker, p.workerM)}
clusterMetadata:
  enableGlobalNamespace: false
  failoverVersionIncrement: 10
  masterClusterName: active
  currentClusterName: active
  clusterInformation:
    active:
      enabled: true
      initialFailoverVersion: 1
      rpcName: frontend
      rpcAddress: 127.0.0.1:${p.grpc}
dcRedirectionPolicy:
  policy: noop
dynamicConfigClient:
  filepath: ${DYNAMIC_CONFIG}
  pollInterval: 10s
`;
}

/** A free port below 32768: the server stores membership ports in a smallint column. */
async function lowFreePort(taken: Set<number>): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (!taken.has(port) && (await isPortFree(port))) return (taken.add(port), port);
  }
}

/** Until the namespace answers a visibility query (the frontend's namespace cache refreshes on its own schedule). */
async function untilNamespaceReady(address: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const connection = await Connection.connect({ address });
  try {
    for (;;) {
      try {
        await connection.workflowService.listWorkflowExecutions({ namespace: 'default', pageSize: 1 });
        return;
      } catch (e) {
        if (Date.now() > deadline) throw new Error(`namespace default not ready on ${address}: ${(e as Error).message}`, { cause: e });
        await sleep(500);
      }
    }
  } finally {
    await connection.close();
  }
}

export async function startSqlTemporal(stack: Stack, bins: SqlTemporalBinaries, log: (m: string) => void): Promise<TemporalServer> {
  await setUpSchemas(stack, bins.sqlTool, log);
  const names = ['grpc', 'http', 'metrics', 'frontendM', 'history', 'historyM', 'matching', 'matchingM', 'worker', 'workerM'] as const;
  const taken = new Set<number>();
  const ports = {} as Record<(typeof names)[number], number>;
  for (const n of names) ports[n] = await lowFreePort(taken);
  const dir = join(stack.dir, 'temporal-sql');
  mkdirSync(dir, { recursive: true });
  const configFile = join(dir, 'config.yaml');
  writeFileSync(configFile, config(stack, ports));
  const child = spawn(bins.server, ['--config-file', configFile, '--allow-no-auth', 'start'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = ''; // its log (warnings and errors), for the message when it fails to start
  const keep = (b: Buffer) => (output = (output + b.toString()).slice(-4000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
      child.once('exit', () => (clearTimeout(kill), resolve()));
      child.kill('SIGTERM');
    });
  const address = `127.0.0.1:${ports.grpc}`;
  try {
    const deadline = Date.now() + 90_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`temporal-server exited with code ${child.exitCode}: ${output.slice(-1500)}`);
      try {
        const c = await Connection.connect({ address, connectTimeout: 1000 });
        await c.workflowService.getSystemInfo({});
        await c.close();
        break;
      } catch {
        if (Date.now() > deadline) throw new Error(`temporal-server did not answer on ${address} within 90 s: ${output.slice(-1500)}`);
        await sleep(500);
      }
    }
    const connection = await Connection.connect({ address });
    try {
      await connection.workflowService.registerNamespace({ namespace: 'default', workflowExecutionRetentionPeriod: msToTs('3 days') });
      await untilNamespaceReady(address);
      await ensureSearchAttributes(connection, 'default');
      const info = await connection.workflowService.getSystemInfo({});
      log(`scaled: temporal-server ${info.serverVersion} serving on ${address}`);
      const version = (await run(bins.server, ['--version']).catch(() => ({ stdout: '' }))).stdout.trim();
      return {
        address,
        pid: child.pid,
        metricsUrl: `http://127.0.0.1:${ports.metrics}/metrics`,
        describe: `${info.serverVersion || version} (\`temporal-server\`, PostgreSQL ${stack.pg.version} persistence and visibility, ${HISTORY_SHARDS} history shards)`,
        stop,
      };
    } finally {
      await connection.close();
    }
  } catch (e) {
    await stop();
    throw e;
  }
}
