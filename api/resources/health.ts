import { createHash, timingSafeEqual } from 'node:crypto';
import { pingDb } from '../../prisma/client.js';
import { operation, type Operation } from '../http/operation.js';
import { sendProblem } from '../http/problems.js';
import type { Services } from '../deps.js';
import { HealthSchema, ReadySchema } from '../schemas/responses.js';

const withTimeout = <T>(p: Promise<T>, ms: number) =>
  Promise.race([p, new Promise<never>((_, rej) => setTimeout(() => rej(new Error(`no answer in ${ms} ms`)), ms).unref())]);

// the demo clock is shown wherever status is: nobody should mistake a drill for real deadlines
const demoClock = ({ clockScale }: Services) =>
  (clockScale ?? 1) > 1
    ? { demoClock: { scale: clockScale, note: 'every legal limit runs faster (CLOCK_SCALE); not for real cases' } }
    : {};

const sha256 = (s: string) => createHash('sha256').update(s).digest();

/** /healthz: the process is alive. /readyz: PostgreSQL and Temporal answer. /metrics: Prometheus. */
export const healthOperations: Operation[] = [
  operation({
    method: 'get',
    path: '/healthz',
    operationId: 'healthz',
    summary: 'Liveness: the process answers',
    tags: ['Operations'],
    access: 'public',
    responses: { 200: { description: 'Alive', schema: HealthSchema } },
    problems: [],
    handler: ({ res, deps }) => {
      res.json({ status: 'ok', ...demoClock(deps) });
    },
  }),
  operation({
    method: 'get',
    path: '/readyz',
    operationId: 'readyz',
    summary: 'Readiness: PostgreSQL and Temporal answer',
    tags: ['Operations'],
    access: 'public',
    responses: { 200: { description: 'Ready', schema: ReadySchema } },
    problems: [503],
    handler: async ({ req, res, deps }) => {
      const checks = {
        database: withTimeout(pingDb(deps.db), 2000),
        temporal: withTimeout(deps.temporal.connection.workflowService.getSystemInfo({}), 2000),
      };
      const results = await Promise.allSettled(Object.values(checks));
      const names = Object.keys(checks);
      const down = names.filter((_, i) => results[i]!.status === 'rejected');
      if (down.length === 0) {
        res.json({ status: 'ready', checks: Object.fromEntries(names.map((n) => [n, 'up'])), ...demoClock(deps) });
        return;
      }
      req.log.warn({ down }, 'not ready');
      sendProblem(res, {
        status: 503,
        type: 'not-ready',
        title: 'Service not ready',
        detail: `Unreachable: ${down.join(', ')}`,
        checks: Object.fromEntries(names.map((n) => [n, down.includes(n) ? 'down' : 'up'])),
      });
    },
  }),
  operation({
    method: 'get',
    path: '/metrics',
    operationId: 'metrics',
    summary: 'Prometheus metrics',
    description: 'Open, unless METRICS_TOKEN is set: then send it as `Authorization: Bearer <METRICS_TOKEN>`.',
    tags: ['Operations'],
    access: 'public',
    responses: { 200: { description: 'Prometheus text exposition format', contentType: 'text/plain', schema: { type: 'string' } } },
    problems: [401],
    handler: async ({ req, res, deps }) => {
      if (deps.metricsToken) {
        const m = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '');
        if (!m || !timingSafeEqual(sha256(m[1]!), sha256(deps.metricsToken))) {
          res.setHeader('WWW-Authenticate', 'Bearer realm="postwatch-metrics"');
          return sendProblem(res, {
            status: 401,
            type: 'unauthorized',
            title: 'Authentication required',
            detail: 'Send METRICS_TOKEN as "Authorization: Bearer <token>".',
          });
        }
      }
      const { contentType, text } = await deps.metrics.scrape();
      res.type(contentType).send(text);
    },
  }),
];
