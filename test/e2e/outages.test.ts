// Issue 14, defect 3: outages are answered 503 problem+json with Retry-After within the API's
// deadlines — PostgreSQL or Temporal down (connections refused) or hanging (connections accepted,
// nothing answered), and no worker taking a case's step — never 500, never a hang; /readyz says
// not ready while no worker polls. The servers are real; a TCP proxy takes them away.
import type { Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../../api/app.js';
import { apiTemporalConnection } from '../../api/http/temporal-deadlines.js';
import { createLogger } from '../../platform/logger.js';
import { connectTemporal } from '../../platform/temporal.js';
import { embeddedTemporalTarget } from '../../platform/temporal-target.js';
import { createDb, type Db } from '../../prisma/client.js';
import { actionKey, call, detectionBody, principalToken } from '../support/api.js';
import { seedForCases } from '../support/cases.js';
import { migratedDatabase } from '../support/db.js';
import { testDataConverter } from '../support/payload-codec.js';
import { tcpProxy, type TcpProxy } from '../support/tcp-proxy.js';
import { devServerHarness } from '../support/temporal.js';

/** The longest an outage may take to be answered: the 5 s deadline, and a margin for a loaded machine. */
const DEADLINE_MS = 7_000;
const PROBLEM = 'https://postwatch.dev/problems/';

let db: Db; // direct, for the test's own reads and writes
let pgProxy: TcpProxy;
let temporalProxy: TcpProxy;
let worker: Awaited<ReturnType<typeof devServerHarness>>;
let carrier: string;
let dept: string;
let caseId: string;
const servers: Server[] = [];
const closers: (() => Promise<unknown>)[] = [];

/** An API over the proxies, as its own process would be configured, on `taskQueue`. */
async function apiOverProxies(taskQueue: string): Promise<string> {
  const url = new URL(dbUrl);
  url.host = pgProxy.address;
  const apiDb = createDb(url.toString(), { max: 5 });
  const temporal = await connectTemporal(
    embeddedTemporalTarget(temporalProxy.address, 'default', testDataConverter),
    apiTemporalConnection(),
  );
  closers.push(
    () => apiDb.$disconnect(),
    () => temporal.connection.close(),
  );
  const app = createApp({ db: apiDb, temporal, taskQueue, log: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent') });
  const server: Server = await new Promise((r) => {
    const s = app.listen(0, '127.0.0.1', () => r(s));
  });
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}

let dbUrl: string;
let base: string; // served by a worker
let unpolled: string; // on a task queue no worker polls (until the last test starts one)
const unpolledQueue = `nobody-${randomBytes(4).toString('hex')}`;

beforeAll(async () => {
  ({ db, url: dbUrl } = await migratedDatabase());
  await seedForCases(db);
  worker = await devServerHarness({ db, now: () => new Date() });
  const pg = new URL(dbUrl);
  pgProxy = await tcpProxy({ host: pg.hostname, port: Number(pg.port) });
  const [host, port] = inject('temporalAddress').split(':');
  temporalProxy = await tcpProxy({ host: host!, port: Number(port) });
  base = await apiOverProxies(worker.taskQueue);
  unpolled = await apiOverProxies(unpolledQueue);
  carrier = (await principalToken(db, { name: 'VNPost', role: 'carrier', carrierId: 'VNP' })).token;
  dept = (await principalToken(db, { name: 'Sở', role: 'officer', agencyId: 'TH-DEPT', provinceCode: 'TH' })).token;
  const r = await call(base, carrier, 'POST', '/v1/cases', detectionBody(`OUT-${randomBytes(3).toString('hex')}`), {
    'idempotency-key': `outage-open-${randomBytes(4).toString('hex')}`,
  });
  expect(r.status, r.text).toBe(201);
  caseId = r.body.id;
});

afterAll(async () => {
  for (const s of servers) await new Promise((r) => s.close(r));
  for (const c of closers) await c().catch(() => {});
  await pgProxy?.close();
  await temporalProxy?.close();
  await worker?.close();
});

/** A request that must be refused for an outage: 503 problem+json, Retry-After, within DEADLINE_MS. */
async function refused(on: string, token: string | null, method: string, path: string, body?: unknown, headers?: Record<string, string>) {
  const started = Date.now();
  const r = await call(on, token, method, path, body, headers);
  const ms = Date.now() - started;
  expect(r.status, `${method} ${path}: ${r.text}`).toBe(503);
  expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(Number(r.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  expect(ms, `${method} ${path} took ${ms} ms`).toBeLessThan(DEADLINE_MS);
  return { ...r, ms };
}

const requests = () =>
  [
    ['GET', '/v1/cases'],
    ['GET', `/v1/cases/${caseId}`],
    ['POST', `/v1/cases/${caseId}/notes`, { text: 'Ghi chú trong lúc gián đoạn' }, actionKey()],
  ] as const;

describe('PostgreSQL', () => {
  it('down: every /v1 request, authentication included, is answered 503 at once', async () => {
    await pgProxy.stop();
    try {
      for (const [method, path, body, headers] of requests()) {
        const r = await refused(base, dept, method, path, body, headers);
        expect(r.body.type).toBe(`${PROBLEM}database-unavailable`);
        expect(r.ms).toBeLessThan(3_000);
      }
      const ready = await refused(base, null, 'GET', '/readyz');
      expect(ready.body.checks).toMatchObject({ database: 'down', temporal: 'up', worker: 'up' });
    } finally {
      await pgProxy.restore();
    }
    expect((await call(base, dept, 'GET', '/v1/cases')).status).toBe(200);
  });

  it('hanging: answered 503 within the deadline, not held for as long as it hangs', async () => {
    expect((await call(base, dept, 'GET', '/v1/cases')).status).toBe(200); // a pooled connection exists
    pgProxy.freeze();
    try {
      for (const [method, path, body, headers] of requests())
        expect((await refused(base, dept, method, path, body, headers)).body.type).toBe(`${PROBLEM}database-unavailable`);
    } finally {
      await pgProxy.restore();
    }
    await expect.poll(async () => (await call(base, dept, 'GET', '/v1/cases')).status, { timeout: 15_000 }).toBe(200);
  });
});

describe('Temporal', () => {
  it('down: a case, an action and an intake are answered 503 at once', async () => {
    await temporalProxy.stop();
    try {
      for (const [method, path, body, headers] of [
        ...requests().slice(1),
        [
          'POST',
          '/v1/cases',
          detectionBody(`OUT-DOWN-${randomBytes(3).toString('hex')}`),
          { 'idempotency-key': `outage-${randomBytes(4).toString('hex')}` },
        ],
      ] as const) {
        const r = await refused(base, method === 'POST' && path === '/v1/cases' ? carrier : dept, method, path, body, headers);
        expect(r.body.type).toBe(`${PROBLEM}workflow-unavailable`);
        expect(r.ms).toBeLessThan(3_000);
      }
      expect((await refused(base, null, 'GET', '/readyz')).body.checks).toMatchObject({ database: 'up', temporal: 'down' });
    } finally {
      await temporalProxy.restore();
    }
    await expect.poll(async () => (await call(base, dept, 'GET', `/v1/cases/${caseId}`)).status, { timeout: 15_000 }).toBe(200);
  });

  it('hanging: answered 503 within the deadline', async () => {
    temporalProxy.freeze();
    try {
      for (const [method, path, body, headers] of requests().slice(1))
        expect((await refused(base, dept, method, path, body, headers)).body.type).toBe(`${PROBLEM}workflow-unavailable`);
    } finally {
      await temporalProxy.restore();
    }
    await expect.poll(async () => (await call(base, dept, 'GET', `/v1/cases/${caseId}`)).status, { timeout: 15_000 }).toBe(200);
  });
});

describe('no worker', () => {
  it('/readyz says not ready while no worker polls the task queue', async () => {
    const r = await refused(unpolled, null, 'GET', '/readyz');
    expect(r.body.checks).toEqual({ database: 'up', temporal: 'up', worker: 'down' });
    expect((await call(base, null, 'GET', '/readyz')).status).toBe(200);
  });

  it('an intake no worker takes is answered 503 within the deadline; its retry with the same key opens the case once a worker runs', async () => {
    const ref = `OUT-NOWORKER-${randomBytes(3).toString('hex')}`;
    const key = { 'idempotency-key': `outage-noworker-${randomBytes(4).toString('hex')}` };
    const r = await refused(unpolled, carrier, 'POST', '/v1/cases', detectionBody(ref), key);
    expect(r.body.type).toBe(`${PROBLEM}workflow-unavailable`);
    expect(await db.case.count({ where: { carrierRef: ref } })).toBe(0);

    const late = await devServerHarness({ db, now: () => new Date() }, { taskQueue: unpolledQueue });
    closers.push(() => late.close());
    const retry = await call(unpolled, carrier, 'POST', '/v1/cases', detectionBody(ref), key);
    expect(retry.status, retry.text).toBe(201);
    expect(await db.case.count({ where: { carrierRef: ref } })).toBe(1);
    expect(await db.caseEvent.count({ where: { caseId: retry.body.id, type: 'DETECTED' } })).toBe(1);
  });
});
