import type { Client, Connection } from '@temporalio/client';
import type { Db } from '../prisma/client.js';
import type { Logger } from '../platform/logger.js';
import type { Metrics } from './http/metrics.js';
import type { ConsoleOptions } from './http/session-policy.js';

export interface WebhookApiOptions {
  /** Accept http://localhost and http://127.0.0.1 receivers: tests and local development only. */
  allowInsecureLocalhost?: boolean;
}

/** What the API is built from (createApp); tests pass real ones. */
export interface ApiDeps {
  db: Db;
  temporal: { connection: Connection; client: Client };
  taskQueue: string;
  log: Logger;
  /** Demo clock factor (CLOCK_SCALE), shown in health responses when on. */
  clockScale?: number;
  /** How long an Idempotency-Key may stay in flight before a retry may take it over (IDEMPOTENCY_STALE_SECONDS, default 30 s). */
  idempotencyStaleMs?: number;
  /** Failure injection for tests (e.g. a crash right after a case's workflow started). */
  faults?: { afterCaseStarted?: () => void; afterActionTaken?: () => void };
  /** Requests a minute per API key (RATE_LIMIT_PER_MINUTE, default 600); 0 turns the limit off. */
  rateLimitPerMinute?: number;
  /** Failed authentications a minute per client address before it must wait (default 20); 0 turns the throttle off. */
  authFailuresPerMinute?: number;
  /** When set, GET /metrics asks for it as a bearer token (METRICS_TOKEN). */
  metricsToken?: string;
  /** Webhook registration policy (WEBHOOKS_ALLOW_INSECURE_LOCALHOST for local development). */
  webhooks?: WebhookApiOptions;
  /** Console sessions (timeouts, sign-in limits) and where its build is. */
  console?: ConsoleOptions;
}

/** What every handler is given: the dependencies, and what createApp builds from the operation table. */
export interface Services extends ApiDeps {
  /** The app's metrics registry (GET /metrics). */
  metrics: Metrics;
  /** The OpenAPI document of the operation table (GET /v1/openapi.json). */
  document: () => Record<string, unknown>;
}
