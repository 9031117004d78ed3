import express, { type Express } from 'express';
import type { ApiDeps, Services } from './deps.js';
import { consoleAssets } from './http/console-assets.js';
import { createMetrics } from './http/metrics.js';
import { mount } from './http/mount.js';
import { expressPath } from './http/operation.js';
import { requestContext } from './http/request-context.js';
import { securityHeaders } from './http/security-headers.js';
import { apiDocument, OPERATIONS } from './operations.js';
import { docsAssets } from './resources/docs.js';

/** The HTTP API; tests call this with real dependencies and listen on port 0. */
export function createApp(deps: ApiDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.set('query parser', 'simple');
  const metrics = createMetrics({ db: deps.db, log: deps.log, routes: OPERATIONS.map((op) => expressPath(op.path)) });
  let document: Record<string, unknown> | undefined; // the schemas are static: built once, on first request
  const services: Services = { ...deps, metrics, document: () => (document ??= apiDocument()) };
  app.use(requestContext(deps.log));
  app.use(securityHeaders);
  app.use(metrics.middleware);
  app.use(docsAssets()); // what /docs loads: no key needed
  app.use('/console', consoleAssets(deps.console?.distDir)); // the console's pages: no key needed
  mount(app, OPERATIONS, services);
  return app;
}
