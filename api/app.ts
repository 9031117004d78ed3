import express, { type Express } from 'express';
import type { Client, Connection } from '@temporalio/client';
import type { Db } from '../prisma/client.js';
import type { Logger } from '../platform/logger.js';
import { authenticate } from './auth.js';
import { docsRoutes } from './docs.js';
import { createMetrics } from './metrics.js';
import { errorHandler, notFound } from './problems.js';
import { rateLimit } from './rate-limit.js';
import { refuseNul } from './validate.js';
import { requestContext } from './request-context.js';
import { caseActionRoutes } from './routes/case-actions.js';
import { caseRoutes } from './routes/cases.js';
import { healthRoutes } from './routes/health.js';
import { historyRoutes } from './routes/history.js';
import { principalRoutes } from './routes/principals.js';
import { carrierRoutes } from './routes/carriers.js';
import { referenceRoutes } from './routes/reference.js';
import { webhookRoutes, type WebhookApiOptions } from './routes/webhooks.js';

export interface ApiDeps {
  db: Db;
  temporal: { connection: Connection; client: Client };
  taskQueue: string;
  log: Logger;
  /** Demo clock factor (CLOCK_SCALE), shown in health responses when on. */
  clockScale?: number;
  /** How long an Idempotency-Key may stay in flight before a retry may take it over. */
  idempotencyStaleMs?: number;
  /** Failure injection for tests (e.g. a crash right after a case's workflow started). */
  faults?: { afterCaseStarted?: () => void };
  /** Requests a minute per API key (RATE_LIMIT_PER_MINUTE, default 600); 0 turns the limit off. */
  rateLimitPerMinute?: number;
  /** When set, GET /metrics asks for it as a bearer token (METRICS_TOKEN). */
  metricsToken?: string;
  /** Webhook registration policy (WEBHOOKS_ALLOW_INSECURE_LOCALHOST for local development). */
  webhooks?: WebhookApiOptions;
}

/** The HTTP API; tests call this with real dependencies and listen on port 0. */
export function createApp(deps: ApiDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.set('query parser', 'simple');
  const metrics = createMetrics({ db: deps.db, log: deps.log, token: deps.metricsToken });
  app.use(requestContext(deps.log));
  app.use(metrics.middleware);
  app.use(healthRoutes({ db: deps.db, temporal: deps.temporal.connection, clockScale: deps.clockScale }));
  app.use(metrics.routes); // GET /metrics
  app.use(docsRoutes()); // GET /v1/openapi.json and /docs: no key needed
  // who (key), how often (per-key bucket), then the body: nothing is parsed for an unknown caller
  app.use(
    '/v1',
    authenticate(deps.db),
    rateLimit({ perMinute: deps.rateLimitPerMinute ?? 600 }),
    express.json({ limit: '256kb', strict: true }),
    refuseNul, // PostgreSQL stores no NUL: refused in path, query and body alike
  );
  app.use(caseRoutes(deps));
  app.use(caseActionRoutes(deps));
  app.use(historyRoutes(deps));
  app.use(principalRoutes(deps));
  app.use(carrierRoutes(deps));
  app.use(referenceRoutes(deps));
  app.use(webhookRoutes(deps));
  app.use(notFound);
  app.use(errorHandler);
  return app;
}
