// A standalone API process (the scaled-out deployment); `npm start` runs the API in-process instead.
import { standaloneStart } from '../platform/standalone.js';
import { connectTemporal } from '../platform/temporal.js';
import { createDb } from '../prisma/client.js';
import { createApp } from './app.js';
import { apiTemporalConnection } from './http/temporal-deadlines.js';

const { cfg, log, databaseUrl, temporal: target } = standaloneStart('api');
const db = createDb(databaseUrl);
const temporal = await connectTemporal(target, apiTemporalConnection());
if (cfg.CLOCK_SCALE > 1) log.warn({ clockScale: cfg.CLOCK_SCALE }, 'DEMO CLOCK ON: every legal limit runs faster (CLOCK_SCALE)');
const server = createApp({
  db,
  temporal,
  taskQueue: cfg.TASK_QUEUE,
  log,
  clockScale: cfg.CLOCK_SCALE,
  rateLimitPerMinute: cfg.RATE_LIMIT_PER_MINUTE,
  authFailuresPerMinute: cfg.AUTH_FAILURES_PER_MINUTE,
  idempotencyStaleMs: cfg.IDEMPOTENCY_STALE_SECONDS * 1000,
  metricsToken: cfg.METRICS_TOKEN,
  webhooks: { allowInsecureLocalhost: cfg.WEBHOOKS_ALLOW_INSECURE_LOCALHOST },
}).listen(cfg.PORT, cfg.HOST, () => log.info({ port: cfg.PORT }, 'api listening'));
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close(async () => {
      await temporal.connection.close();
      await db.$disconnect();
      process.exit(0);
    });
  });
}
