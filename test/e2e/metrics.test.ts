// Acceptance: GET /metrics is Prometheus text with request counts and latency by method, route
// template and status, and the case and webhook gauges read from PostgreSQL at each scrape;
// METRICS_TOKEN, when set, guards it.
import type { Server } from 'node:http';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.js';
import { createLogger } from '../../platform/logger.js';
import { apiHarness, call, detectionBody } from '../support/api.js';

let h: Awaited<ReturnType<typeof apiHarness>>;
let carrier: string;
let caseId: string;
let caseStatus: string;

const scrape = async (base = h.base, headers: Record<string, string> = {}) => {
  const res = await fetch(`${base}/metrics`, { headers });
  return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
};
/** The value of one sample, e.g. value(text, 'postwatch_cases{status="HELD"}'). */
const value = (text: string, sample: string) => {
  const line = text.split('\n').find((l) => l.startsWith(sample + ' '));
  return line === undefined ? undefined : Number(line.slice(sample.length + 1));
};

beforeAll(async () => {
  h = await apiHarness();
  carrier = (await h.principal({ name: 'VNPost', role: 'carrier', carrierId: 'VNP' })).token;
  const open = await call(h.base, carrier, 'POST', '/v1/cases', detectionBody('MET-1'), { 'idempotency-key': 'metrics-case-1' });
  expect(open.status).toBe(201);
  caseId = open.body.id;
  caseStatus = open.body.status;
});

describe('GET /metrics', () => {
  it('counts requests by method, route template and status', async () => {
    for (let i = 0; i < 3; i++) expect((await call(h.base, carrier, 'GET', `/v1/cases/${caseId}`)).status).toBe(200);
    expect((await call(h.base, carrier, 'GET', '/v1/cases/no-such-case')).status).toBe(404);
    expect((await call(h.base, null, 'GET', `/v1/cases/${caseId}/history`)).status).toBe(401);
    const m = await scrape();
    expect(m.status).toBe(200);
    expect(m.type).toMatch(/^text\/plain/);
    expect(m.text).toContain('# TYPE postwatch_http_requests_total counter');
    expect(value(m.text, 'postwatch_http_requests_total{method="GET",route="/v1/cases/:id",status="200"}')).toBe(3);
    expect(value(m.text, 'postwatch_http_requests_total{method="GET",route="/v1/cases/:id",status="404"}')).toBe(1);
    // refused before any route ran, still labelled by its template, never by the raw path
    expect(value(m.text, 'postwatch_http_requests_total{method="GET",route="/v1/cases/:id/history",status="401"}')).toBe(1);
    expect(value(m.text, 'postwatch_http_requests_total{method="POST",route="/v1/cases",status="201"}')).toBe(1);
    expect(m.text).not.toContain(caseId);
    expect(m.text).toContain('# TYPE postwatch_http_request_duration_seconds histogram');
    expect(value(m.text, 'postwatch_http_request_duration_seconds_count{method="GET",route="/v1/cases/:id",status="200"}')).toBe(3);
  });

  it('reads cases by status, overdue cases and webhook failures from PostgreSQL', async () => {
    const m = await scrape();
    expect(value(m.text, `postwatch_cases{status="${caseStatus}"}`)).toBe(1);
    expect(value(m.text, 'postwatch_cases{status="CLOSED"}')).toBe(0);
    expect(value(m.text, 'postwatch_cases_overdue')).toBe(0);
    expect(value(m.text, 'postwatch_webhook_deliveries{status="FAILED"}')).toBe(0);
    expect(value(m.text, 'postwatch_webhook_attempts_failed')).toBe(0);
    expect(value(m.text, 'postwatch_metrics_database_up')).toBe(1);

    // a second case and a failed webhook delivery, written straight to the tables
    const open = await call(h.base, carrier, 'POST', '/v1/cases', detectionBody('MET-2'), { 'idempotency-key': 'metrics-case-2' });
    expect(open.status).toBe(201);
    await h.db.case.update({ where: { id: open.body.id }, data: { overdue: true } });
    const endpoint = await h.db.webhookEndpoint.create({
      data: { ownerType: 'carrier', ownerId: 'VNP', url: 'https://example.invalid/hook', secret: 'whsec_x', createdBy: 'test' },
    });
    await h.db.webhookDelivery.create({
      data: {
        endpointId: endpoint.id,
        eventId: 1n,
        caseId,
        eventType: 'DETECTED',
        payload: {},
        status: 'FAILED',
        attempts: {
          create: [
            { statusCode: 500, durationMs: 5 },
            { statusCode: null, error: 'ECONNREFUSED', durationMs: 1 },
            { statusCode: 204, durationMs: 3 },
          ],
        },
      },
    });
    const after = await scrape();
    expect(value(after.text, `postwatch_cases{status="${caseStatus}"}`)).toBe(2);
    expect(value(after.text, 'postwatch_cases_overdue')).toBe(1);
    expect(value(after.text, 'postwatch_webhook_deliveries{status="FAILED"}')).toBe(1);
    expect(value(after.text, 'postwatch_webhook_attempts_failed')).toBe(2);
  });

  it('asks for METRICS_TOKEN when one is set', async () => {
    const app = createApp({
      db: h.db,
      temporal: { connection: h.temporal.connection, client: h.temporal.client },
      taskQueue: h.temporal.taskQueue,
      log: createLogger('silent'),
      metricsToken: 'metrics-token-0123456789',
    });
    const server: Server = await new Promise((r) => {
      const s = app.listen(0, '127.0.0.1', () => r(s));
    });
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    try {
      const anon = await scrape(base);
      expect(anon.status).toBe(401);
      expect(anon.type).toMatch(/^application\/problem\+json/);
      expect((await scrape(base, { authorization: 'Bearer wrong-token-wrong-token' })).status).toBe(401);
      const ok = await scrape(base, { authorization: 'Bearer metrics-token-0123456789' });
      expect(ok.status).toBe(200);
      expect(ok.text).toContain('postwatch_cases{status=');
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});
