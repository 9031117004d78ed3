// Issue 14, defect 7: one pino-http line per request with its duration — `request completed`
// (a 5xx at error), and `request aborted` at warn when the client gave up before the answer, so
// hangs show in the logs. Intake here runs on a task queue no worker polls: it waits out its deadline.
import type { Server } from 'node:http';
import { Writable } from 'node:stream';
import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../../api/app.js';
import { apiTemporalConnection } from '../../api/http/temporal-deadlines.js';
import { REDACT } from '../../platform/logger.js';
import { connectTemporal } from '../../platform/temporal.js';
import { embeddedTemporalTarget } from '../../platform/temporal-target.js';
import { call, detectionBody, principalToken } from '../support/api.js';
import { seedForCases } from '../support/cases.js';
import { migratedDatabase } from '../support/db.js';
import { testDataConverter } from '../support/payload-codec.js';

type Line = Record<string, any>;
const lines: Line[] = [];
const sink = new Writable({
  write(chunk, _enc, done) {
    for (const l of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(l));
    done();
  },
});
let base: string;
let server: Server;
let carrier: string;
let close: () => Promise<void>;

beforeAll(async () => {
  const { db } = await migratedDatabase();
  await seedForCases(db);
  const temporal = await connectTemporal(
    embeddedTemporalTarget(inject('temporalAddress'), 'default', testDataConverter),
    apiTemporalConnection(),
  );
  const log = pino({ level: 'info', redact: { paths: REDACT, censor: '[redacted]' } }, sink);
  const app = createApp({ db, temporal, taskQueue: `unpolled-${randomBytes(4).toString('hex')}`, log });
  server = await new Promise((r) => {
    const s = app.listen(0, '127.0.0.1', () => r(s));
  });
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  carrier = (await principalToken(db, { name: 'VNPost', role: 'carrier', carrierId: 'VNP' })).token;
  close = () => temporal.connection.close();
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  await close();
});

const requestLines = (reqId: string) => lines.filter((l) => l.reqId === reqId && /^request /.test(l.msg));
const intake = () => detectionBody(`LOG-${randomBytes(3).toString('hex')}`);

describe('request logs', () => {
  it('log a completed request once, with its id, caller, status and duration, and no credentials', async () => {
    const r = await call(base, carrier, 'GET', '/v1/cases', undefined, { 'x-request-id': 'log-completed-1' });
    expect(r.status).toBe(200);
    await expect.poll(() => requestLines('log-completed-1').length).toBe(1);
    const [line] = requestLines('log-completed-1');
    expect(line).toMatchObject({
      level: 30,
      msg: 'request completed',
      req: { method: 'GET', url: '/v1/cases' },
      res: { statusCode: 200 },
      role: 'carrier',
    });
    expect(line!.ms).toBeGreaterThanOrEqual(0);
    expect(JSON.stringify(lines)).not.toContain(carrier);
  });

  it('log a request the client gave up on as aborted, at warn, with how long it had run', async () => {
    const started = Date.now();
    await expect(
      fetch(`${base}/v1/cases`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${carrier}`,
          'content-type': 'application/json',
          'idempotency-key': `log-abort-${randomBytes(4).toString('hex')}`,
          'x-request-id': 'log-aborted-1',
        },
        body: JSON.stringify(intake()),
        signal: AbortSignal.timeout(800),
      }),
    ).rejects.toThrow();
    await expect.poll(() => requestLines('log-aborted-1').length, { timeout: 5_000 }).toBe(1);
    const [line] = requestLines('log-aborted-1');
    expect(line).toMatchObject({ level: 40, msg: 'request aborted', req: { method: 'POST', url: '/v1/cases' } });
    expect(line!.ms).toBeGreaterThanOrEqual(700);
    expect(line!.ms).toBeLessThan(Date.now() - started + 100);
  });

  it('log a 5xx at error', async () => {
    const r = await call(base, carrier, 'POST', '/v1/cases', intake(), {
      'idempotency-key': `log-503-${randomBytes(4).toString('hex')}`,
      'x-request-id': 'log-503-1',
    });
    expect(r.status).toBe(503);
    await expect.poll(() => requestLines('log-503-1').length).toBe(1);
    expect(requestLines('log-503-1')[0]).toMatchObject({ level: 50, msg: 'request failed', res: { statusCode: 503 } });
  });
});
