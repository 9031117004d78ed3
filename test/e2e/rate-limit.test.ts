// Acceptance: every authenticated answer carries the RateLimit-Policy and RateLimit headers
// (draft-ietf-httpapi-ratelimit-headers); past the quota a key gets 429 problem+json with
// Retry-After, other keys are unaffected, the bucket refills with time, and the quota holds across
// API instances (issue 14: the buckets are in PostgreSQL).
import type { Server } from 'node:http';
import express from 'express';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.js';
import { errorHandler } from '../../api/http/problems.js';
import { createLogger } from '../../platform/logger.js';
import { rateLimit } from '../../api/http/rate-limit.js';
import { apiHarness, call } from '../support/api.js';

let h: Awaited<ReturnType<typeof apiHarness>>;
let a: string;
let b: string;

beforeAll(async () => {
  h = await apiHarness({ rateLimitPerMinute: 3 });
  a = (await h.principal({ name: 'A', role: 'manager' })).token;
  b = (await h.principal({ name: 'B', role: 'manager' })).token;
});

describe('per-key rate limit over HTTP', () => {
  it('announces the policy and what is left, then answers 429 with Retry-After', async () => {
    const remaining: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await call(h.base, a, 'GET', '/v1/cases');
      expect(r.status).toBe(200);
      expect(r.headers.get('ratelimit-policy')).toBe('"default";q=3;w=60');
      remaining.push(r.headers.get('ratelimit')!);
    }
    expect(remaining.map((v) => /^"default";r=(\d+);t=(\d+)$/.exec(v)?.[1])).toEqual(['2', '1', '0']);

    const refused = await call(h.base, a, 'GET', '/v1/cases');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({ status: 429, type: 'https://postwatch.dev/problems/rate-limited', title: 'Too many requests' });
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(20); // one token of 3 a minute: at most 20 s away
    expect(refused.headers.get('ratelimit')).toMatch(/^"default";r=0;t=\d+$/);
    expect(refused.headers.get('ratelimit-policy')).toBe('"default";q=3;w=60');

    // writes are limited too, and refused before the body is looked at
    expect((await call(h.base, a, 'POST', '/v1/cases', { not: 'valid' })).status).toBe(429);
  });

  it('keeps a bucket per key', async () => {
    const other = await call(h.base, b, 'GET', '/v1/cases');
    expect(other.status).toBe(200);
    expect(other.headers.get('ratelimit')).toMatch(/^"default";r=2;/);
  });

  it('holds across API instances: a second instance on the same database spends the same bucket', async () => {
    const c = (await h.principal({ name: 'C', role: 'manager' })).token;
    const second = createApp({
      db: h.db,
      temporal: { connection: h.temporal.connection, client: h.temporal.client },
      taskQueue: h.temporal.taskQueue,
      log: createLogger('silent'),
      rateLimitPerMinute: 3,
    });
    const server: Server = await new Promise((r) => {
      const s = second.listen(0, '127.0.0.1', () => r(s));
    });
    const other = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    try {
      const statuses = [];
      for (const base of [h.base, other, h.base, other]) statuses.push((await call(base, c, 'GET', '/v1/cases')).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect((await call(h.base, c, 'GET', '/v1/cases')).status).toBe(429);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it('does not limit or label unauthenticated answers and the public documents', async () => {
    const anon = await call(h.base, null, 'GET', '/v1/cases');
    expect(anon.status).toBe(401);
    expect(anon.headers.get('ratelimit')).toBeNull();
    for (let i = 0; i < 5; i++) expect((await call(h.base, null, 'GET', '/v1/openapi.json')).status).toBe(200);
  });
});

describe('the token bucket', () => {
  it('refills at quota/60 a second, up to the quota', async () => {
    let now = 1_000_000;
    const app = express();
    app.use((req, _res, next) => {
      req.keyId = String(req.headers['x-key']);
      next();
    });
    app.use(rateLimit({ perMinute: 60, db: h.db, now: () => now }));
    app.get('/', (_req, res) => {
      res.send('ok');
    });
    app.use(errorHandler);
    const server = await new Promise<import('node:http').Server>((r) => {
      const s = app.listen(0, '127.0.0.1', () => r(s));
    });
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    const hit = (key = 'k') => fetch(base, { headers: { 'x-key': key } });
    try {
      for (let i = 0; i < 60; i++) expect((await hit()).status).toBe(200);
      const empty = await hit();
      expect(empty.status).toBe(429);
      expect(empty.headers.get('retry-after')).toBe('1');
      now += 1000; // one token back
      const one = await hit();
      expect(one.status).toBe(200);
      expect(one.headers.get('ratelimit')).toBe('"default";r=0;t=60');
      expect((await hit()).status).toBe(429);
      now += 10 * 60_000; // long idle: full again, never above the quota
      const full = await hit();
      expect(full.headers.get('ratelimit')).toBe('"default";r=59;t=1');
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it('is off with a quota of 0: no headers, no refusals', async () => {
    const mw = rateLimit({ perMinute: 0, db: h.db });
    const headers: Record<string, string> = {};
    let passed = 0;
    for (let i = 0; i < 1000; i++)
      mw({ keyId: 'k' } as never, { setHeader: (k: string, v: string) => (headers[k] = v) } as never, () => {
        passed++;
      });
    expect(passed).toBe(1000);
    expect(headers).toEqual({});
  });
});
