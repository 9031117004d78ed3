import express, { type Express } from 'express';
import type { Client, Connection } from '@temporalio/client';
import type { Db } from '../prisma/client.js';
import type { Logger } from '../platform/logger.js';
import { authenticate } from './auth.js';
import { errorHandler, notFound } from './problems.js';
import { requestContext } from './request-context.js';
import { caseActionRoutes } from './routes/case-actions.js';
import { caseRoutes } from './routes/cases.js';
import { healthRoutes } from './routes/health.js';
import { historyRoutes } from './routes/history.js';
import { principalRoutes } from './routes/principals.js';
import { carrierRoutes } from './routes/carriers.js';

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
}

/** The HTTP API; tests call this with real dependencies and listen on port 0. */
export function createApp(deps: ApiDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.set('query parser', 'simple');
  app.use(requestContext(deps.log));
  app.use(healthRoutes({ db: deps.db, temporal: deps.temporal.connection, clockScale: deps.clockScale }));
  app.use('/v1', express.json({ limit: '256kb', strict: true }), authenticate(deps.db));
  app.use(caseRoutes(deps));
  app.use(caseActionRoutes(deps));
  app.use(historyRoutes(deps));
  app.use(principalRoutes(deps));
  app.use(carrierRoutes(deps));
  app.use(notFound);
  app.use(errorHandler);
  return app;
}
