import { Router } from 'express';
import type { Connection } from '@temporalio/client';
import type { Db } from '../../prisma/client.js';
import { sendProblem } from '../problems.js';

const withTimeout = <T>(p: Promise<T>, ms: number) =>
  Promise.race([p, new Promise<never>((_, rej) => setTimeout(() => rej(new Error(`no answer in ${ms} ms`)), ms).unref())]);

/** /healthz: the process is alive. /readyz: PostgreSQL and Temporal answer. */
export function healthRoutes(deps: { db: Db; temporal: Connection; clockScale?: number }): Router {
  // the demo clock is shown wherever status is: nobody should mistake a drill for real deadlines
  const demo =
    (deps.clockScale ?? 1) > 1
      ? { demoClock: { scale: deps.clockScale, note: 'every legal limit runs faster (CLOCK_SCALE); not for real cases' } }
      : {};
  const r = Router();
  r.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', ...demo });
  });
  r.get('/readyz', async (req, res) => {
    const checks = {
      database: withTimeout(deps.db.$queryRaw`SELECT 1`, 2000),
      temporal: withTimeout(deps.temporal.workflowService.getSystemInfo({}), 2000),
    };
    const results = await Promise.allSettled(Object.values(checks));
    const names = Object.keys(checks);
    const down = names.filter((_, i) => results[i]!.status === 'rejected');
    if (down.length === 0) {
      res.json({ status: 'ready', checks: Object.fromEntries(names.map((n) => [n, 'up'])), ...demo });
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
  });
  return r;
}
