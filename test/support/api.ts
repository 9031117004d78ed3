import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { Interceptor } from '@grpc/grpc-js';
import { afterAll } from 'vitest';
import { createApp } from '../../api/app.js';
import type { ApiDeps } from '../../api/deps.js';
import { createLogger } from '../../platform/logger.js';
import { createPrincipal, type NewPrincipal } from '../../prisma/principals.js';
import type { Db } from '../../prisma/client.js';
import { migratedDatabase } from './db.js';
import { detection, seedForCases } from './cases.js';
import { devServerHarness } from './temporal.js';

/**
 * The API on port 0 over a fresh database, the run's Temporal dev server and a case worker;
 * `temporalInterceptors` sit on the API's Temporal connection (faults in transit).
 */
export async function apiHarness(
  opts: Partial<
    Pick<ApiDeps, 'idempotencyStaleMs' | 'faults' | 'rateLimitPerMinute' | 'metricsToken' | 'console' | 'log' | 'authFailuresPerMinute'>
  > & {
    temporalInterceptors?: Interceptor[];
  } = {},
) {
  const { temporalInterceptors, ...deps } = opts;
  const { db, url } = await migratedDatabase();
  await seedForCases(db);
  const temporal = await devServerHarness({ db, now: () => new Date() }, { interceptors: temporalInterceptors });
  const app = createApp({
    db,
    temporal: { connection: temporal.connection, client: temporal.client },
    taskQueue: temporal.taskQueue,
    log: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'),
    ...deps,
  });
  const server: Server = await new Promise((r) => {
    const s = app.listen(0, '127.0.0.1', () => r(s));
  });
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await temporal.close();
  });
  return { base, db, url, temporal, principal: (p: NewPrincipal) => principalToken(db, p) };
}

export async function principalToken(db: Db, p: NewPrincipal): Promise<{ id: string; token: string }> {
  const { principal, token } = await createPrincipal(db, p, 'test');
  return { id: principal.id, token };
}

/** fetch with a bearer key and a JSON body; returns status, headers and parsed body. */
export async function call(
  base: string,
  token: string | null,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const res = await fetch(base + path, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json: any;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  return { status: res.status, headers: res.headers, body: json, text };
}

/** A fresh Idempotency-Key header, as a client sends with each action (actions require one). */
export const actionKey = (): Record<string, string> => ({ 'idempotency-key': `act-${randomBytes(8).toString('hex')}` });

/** Takes an action on a case (POST /v1/cases/{caseId}/{endpoint}) as a client does: with an Idempotency-Key, a fresh one unless given. */
export const act = (
  h: { base: string },
  token: string | null,
  caseId: string,
  endpoint: string,
  body: unknown = {},
  key: Record<string, string> = actionKey(),
) => call(h.base, token, 'POST', `/v1/cases/${caseId}/${endpoint}`, body, key);

/** A POST /v1/cases body: the detection the workflow tests use, less what the API fills in itself. */
export function detectionBody(carrierRef: string, over: Record<string, unknown> = {}) {
  const { carrierId: _carrier, reportedBy: _reporter, ...body } = detection(carrierRef);
  return { ...body, ...over };
}
