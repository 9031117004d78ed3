import express, { type Express } from 'express';
import type { Client, Connection } from '@temporalio/client';
import type { Db } from '../prisma/client.js';
import type { Logger } from '../platform/logger.js';
import { errorHandler, notFound } from './problems.js';
import { requestContext } from './request-context.js';
import { healthRoutes } from './routes/health.js';

export interface ApiDeps {
  db: Db;
  temporal: { connection: Connection; client: Client };
  taskQueue: string;
  log: Logger;
}

/** The HTTP API; tests call this with real dependencies and listen on port 0. */
export function createApp(deps: ApiDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(requestContext(deps.log));
  app.use(express.json({ limit: '256kb', strict: true }));
  app.use(healthRoutes({ db: deps.db, temporal: deps.temporal.connection }));
  app.use(notFound);
  app.use(errorHandler);
  return app;
}
