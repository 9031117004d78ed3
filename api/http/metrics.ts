import type { RequestHandler } from 'express';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { openIncidentCount } from '../../prisma/incidents.js';
import type { Db } from '../../prisma/client.js';
import { pipelineCounts } from '../../prisma/gauges.js';
import type { Logger } from '../../platform/logger.js';
import { CASE_STATUSES } from '../../domain/case-states.js';
import { DELIVERY_STATUSES } from '../schemas/webhooks.js';

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** Route template of a request (`/v1/cases/:id`), never its raw path, so label values stay few. */
function routeMatcher(templates: readonly string[]): (path: string) => string {
  const compiled = [...new Set(templates)].map((template) => ({
    template,
    re: new RegExp('^' + template.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:\w+/g, '[^/]+') + '/?$'),
  }));
  return (path) => {
    if (path.startsWith('/docs/assets/')) return '/docs/assets/*';
    return compiled.find((c) => c.re.test(path))?.template ?? 'unmatched';
  };
}

export interface Metrics {
  registry: Registry;
  /** First middleware: counts and times every request. */
  middleware: RequestHandler;
  /** Reads the gauges from PostgreSQL and renders every metric (GET /metrics). */
  scrape: () => Promise<{ contentType: string; text: string }>;
}

/**
 * Prometheus metrics: HTTP requests by method, route template and status (count and latency),
 * and, read from PostgreSQL at each scrape, cases by status, overdue open cases and webhook
 * delivery failures — so they are right whichever process did the work. One registry per app.
 * `routes` are the Express templates of the operations: a request refused before its route ran
 * (no key, say) is still labelled by its template.
 */
export function createMetrics(deps: { db: Db; log: Logger; routes: readonly string[] }): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const labelNames = ['method', 'route', 'status'] as const;
  const requests = new Counter({
    name: 'postwatch_http_requests_total',
    help: 'HTTP requests answered',
    labelNames,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'postwatch_http_request_duration_seconds',
    help: 'HTTP request latency, from arrival to the last byte of the answer',
    labelNames,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const cases = new Gauge({ name: 'postwatch_cases', help: 'Cases by status', labelNames: ['status'], registers: [registry] });
  const overdue = new Gauge({ name: 'postwatch_cases_overdue', help: 'Open cases with a missed deadline', registers: [registry] });
  const deliveries = new Gauge({
    name: 'postwatch_webhook_deliveries',
    help: 'Webhook deliveries by status (FAILED: given up after every retry)',
    labelNames: ['status'],
    registers: [registry],
  });
  const failedAttempts = new Gauge({
    name: 'postwatch_webhook_attempts_failed',
    help: 'Webhook delivery attempts answered with a non-2xx status or not answered at all',
    registers: [registry],
  });
  const incidents = new Gauge({
    name: 'postwatch_incidents_open',
    help: 'Case writes the database refused for good, waiting for an administrator’s retry (GET /v1/incidents)',
    registers: [registry],
  });
  const dbUp = new Gauge({
    name: 'postwatch_metrics_database_up',
    help: '1 if the last scrape could read PostgreSQL',
    registers: [registry],
  });

  const template = routeMatcher(deps.routes);
  const middleware: RequestHandler = (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = req.route?.path && typeof req.route.path === 'string' ? req.baseUrl + req.route.path : template(req.path);
      const labels = { method: METHODS.has(req.method) ? req.method : 'OTHER', route, status: String(res.statusCode) };
      requests.inc(labels);
      latency.observe(labels, seconds);
    });
    next();
  };

  const refresh = async () => {
    try {
      const counts = await pipelineCounts(deps.db);
      cases.reset();
      for (const s of CASE_STATUSES) cases.set({ status: s }, 0);
      for (const r of counts.casesByStatus) cases.set({ status: r.status }, r.n);
      overdue.set(counts.overdueOpenCases);
      deliveries.reset();
      for (const s of DELIVERY_STATUSES) deliveries.set({ status: s }, 0);
      for (const r of counts.deliveriesByStatus) deliveries.set({ status: r.status }, r.n);
      failedAttempts.set(counts.failedAttempts);
      incidents.set(await openIncidentCount(deps.db));
      dbUp.set(1);
    } catch (err) {
      deps.log.warn({ err }, 'metrics: could not read PostgreSQL');
      dbUp.set(0);
    }
  };

  const scrape = async () => {
    await refresh();
    return { contentType: registry.contentType, text: await registry.metrics() };
  };
  return { registry, middleware, scrape };
}
