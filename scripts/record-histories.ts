// Records the Temporal histories of complete cases into test/fixtures/histories/<version>/, for the
// replay test. After a versioned (patched) change of the workflow: `npm run record-histories -- v3`.
// Older versions stay: they prove that cases started before the change still replay.
// Uses a temporary embedded PostgreSQL (or TEST_DATABASE_URL) and the time-skipping test server.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import pg from 'pg';
import { createDb } from '../prisma/client.js';
import { applyMigrations } from '../prisma/migrate.js';
import { createCaseWorker } from '../worker/create-worker.js';
import { findBinary } from './lib/temporal-cli.js';
import { startEmbeddedPostgres } from './lib/embedded-postgres.js';
import { freePort } from './lib/ports.js';
import { seedForCases } from '../test/support/cases.js';
import { SCENARIOS } from '../test/replay/scenarios.js';
import { testDataConverter } from '../test/support/payload-codec.js';

const version = process.argv[2];
if (!version || !/^v\d+$/.test(version)) {
  console.error('usage: npm run record-histories -- v<N>   (a new folder; existing versions are kept)');
  process.exit(2);
}
const OUT = resolve(import.meta.dirname, '../test/fixtures/histories', version);
Runtime.install({ logger: new DefaultLogger('ERROR') });

const tmp = mkdtempSync(join(tmpdir(), 'postwatch-record-'));
chmodSync(tmp, 0o755);
const cluster = process.env.TEST_DATABASE_URL
  ? null
  : await startEmbeddedPostgres({ dir: join(tmp, 'pg'), port: await freePort(), persistent: false });
const adminUrl = process.env.TEST_DATABASE_URL ?? cluster!.adminUrl;
const dbName = `record_${Date.now()}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${dbName}`);
const url = Object.assign(new URL(adminUrl), { pathname: `/${dbName}` }).toString();
await applyMigrations(url);
const db = createDb(url);
await seedForCases(db);

const testServer = findBinary('temporal-test-server', process.env.TEMPORAL_TEST_SERVER_PATH);
if (!testServer) throw new Error('temporal-test-server not found: run `bash scripts/install-temporal.sh --test`');
// sealed with the tests' fixed key, as every history of a deployment is sealed with its own
const env = await TestWorkflowEnvironment.createTimeSkipping({
  server: { executable: { type: 'existing-path', path: testServer } },
  client: { dataConverter: testDataConverter },
});
const taskQueue = 'record';
const worker = await createCaseWorker({
  connection: env.nativeConnection,
  namespace: 'default',
  taskQueue,
  deps: { db, now: () => new Date(), searchAttributes: false },
  dataConverter: testDataConverter,
});
mkdirSync(OUT, { recursive: true });
try {
  await worker.runUntil(async () => {
    for (const [name, scenario] of Object.entries(SCENARIOS)) {
      const handle = await scenario(env, taskQueue, db);
      const history = await handle.fetchHistory();
      writeFileSync(join(OUT, `${name}.json`), historyToJSON(history) + '\n');
      console.log(`recorded ${name}: ${history.events?.length} events`);
    }
  });
} finally {
  await env.teardown();
  await db.$disconnect();
  await admin.query(`DROP DATABASE ${dbName} WITH (FORCE)`);
  await admin.end();
  await cluster?.stop();
  rmSync(tmp, { recursive: true, force: true });
}
