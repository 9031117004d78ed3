import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { bundleWorkflowCode } from '@temporalio/worker';
import { startEmbeddedPostgres } from '../../scripts/lib/embedded-postgres.js';
import { freePort } from '../../scripts/lib/ports.js';
import { findBinary } from '../../scripts/lib/temporal-cli.js';
import { startTemporalDevServer } from '../../scripts/lib/temporal-dev-server.js';
import { WORKFLOWS_PATH } from '../../worker/create-worker.js';
import { connectTemporal, ensureSearchAttributes } from '../../platform/temporal.js';
import { embeddedTemporalTarget } from '../../platform/temporal-target.js';
import { testDataConverter } from './payload-codec.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    temporalAddress: string;
    workflowBundlePath: string;
  }
}

/**
 * Once per run: one PostgreSQL server (each test file makes its own database),
 * one Temporal dev server (each file uses its own task queue) and one workflow bundle.
 */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'postwatch-test-'));
  // as root the server runs as `postgres`, which must be able to enter this folder
  chmodSync(dir, 0o755);
  const stops: (() => Promise<void>)[] = [];

  const [pgUrl, temporal, bundle] = await Promise.all([
    (async () => {
      if (process.env.TEST_DATABASE_URL) return process.env.TEST_DATABASE_URL;
      const cluster = await startEmbeddedPostgres({ dir: join(dir, 'pg'), port: await freePort(), persistent: false });
      stops.push(() => cluster.stop());
      return cluster.adminUrl;
    })(),
    (async () => {
      const cli = findBinary('temporal', process.env.TEMPORAL_CLI_PATH);
      if (!cli) throw new Error('temporal CLI not found: run `bash scripts/install-temporal.sh --test` (npm test does)');
      const server = await startTemporalDevServer({ cli, port: await freePort(), namespace: 'default' });
      stops.push(() => server.stop());
      const { connection } = await connectTemporal(embeddedTemporalTarget(server.address, 'default', testDataConverter));
      await ensureSearchAttributes(connection, 'default');
      await connection.close();
      return server.address;
    })(),
    bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, logger: quietLogger }).then(({ code }) => {
      const path = join(dir, 'workflow-bundle.js');
      writeFileSync(path, code);
      return path;
    }),
  ]);
  project.provide('pgAdminUrl', pgUrl);
  project.provide('temporalAddress', temporal);
  project.provide('workflowBundlePath', bundle);
  return async () => {
    await Promise.all(stops.map((s) => s()));
    rmSync(dir, { recursive: true, force: true });
  };
}

const noop = () => {};
const quietLogger = { log: noop, trace: noop, debug: noop, info: noop, warn: noop, error: console.error };
