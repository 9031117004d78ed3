import { createHash, timingSafeEqual } from 'node:crypto';
import { pingDb } from '../../prisma/client.js';
import proto from '@temporalio/proto';
import { operation, type Operation } from '../http/operation.js';
import { sendProblem } from '../http/problems.js';
import { RETRY_AFTER_S } from '../http/unavailable.js';
import type { Services } from '../deps.js';
import { HealthSchema, ReadySchema } from '../schemas/responses.js';

const withTimeout = <T>(p: Promise<T>, ms: number) =>
  Promise.race([p, new Promise<never>((_, rej) => setTimeout(() => rej(new Error(`no answer in ${ms} ms`)), ms).unref())]);

// An idle worker's long poll lasts up to a minute and Temporal lists a poller minutes after it
// died, so a worker counts while it polled within the last long poll and a margin.
const POLLED_WITHIN_S = 70;

/** Resolves when a worker polls the case task queue (DescribeTaskQueue pollers), rejects otherwise. */
async function workerPolls({ temporal, taskQueue }: Services): Promise<void> {
  const { pollers } = await temporal.connection.workflowService.describeTaskQueue({
    namespace: temporal.client.options.namespace,
    taskQueue: { name: taskQueue },
    taskQueueType: temporalEnums.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
  });
  const since = Date.now() / 1000 - POLLED_WITHIN_S;
  if (!pollers?.some((p) => Number(p.lastAccessTime?.seconds ?? 0) >= since)) throw new Error(`no worker polls ${taskQueue}`);
}

// the demo clock is shown wherever status is: nobody should mistake a drill for real deadlines
const demoClock = ({ clockScale }: Services) =>
  (clockScale ?? 1) > 1
    ? { demoClock: { scale: clockScale, note: 'every legal limit runs faster (CLOCK_SCALE); not for real cases' } }
    : {};

const temporalEnums = proto.temporal.api.enums.v1; // CommonJS package: no named ESM imports

const sha256 = (s: string) => createHash('sha256').update(s).digest();

/** /healthz: the process is alive. /readyz: PostgreSQL and Temporal answer, a worker polls. /metrics: Prometheus. */
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
    summary: 'Readiness: PostgreSQL and Temporal answer, and a worker polls the case task queue',
    tags: ['Operations'],
    access: 'public',
    responses: { 200: { description: 'Ready', schema: ReadySchema } },
    problems: [503],
    handler: async ({ req, res, deps }) => {
      const checks = {
        database: withTimeout(pingDb(deps.db), 2000),
        temporal: withTimeout(deps.temporal.connection.workflowService.getSystemInfo({}), 2000),
        worker: withTimeout(workerPolls(deps), 2000),
      };
      const results = await Promise.allSettled(Object.values(checks));
      const names = Object.keys(checks);
      const down = names.filter((_, i) => results[i]!.status === 'rejected');
      if (down.length === 0) {
        res.json({ status: 'ready', checks: Object.fromEntries(names.map((n) => [n, 'up'])), ...demoClock(deps) });
        return;
      }
      req.log.warn({ down }, 'not ready');
      res.setHeader('Retry-After', String(RETRY_AFTER_S));
      sendProblem(res, {
        status: 503,
        type: 'not-ready',
        title: 'Service not ready',
        detail: `Not ready: ${down.join(', ')} (PostgreSQL, Temporal, a worker polling ${deps.taskQueue})`,
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
