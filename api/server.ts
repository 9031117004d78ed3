// A standalone API process (the scaled-out deployment); `npm start` runs the API in-process instead.
import { loadConfig } from '../platform/config.js';
import { createLogger } from '../platform/logger.js';
import { connectTemporal } from '../platform/temporal.js';
import { createDb } from '../prisma/client.js';
import { createApp } from './app.js';

const cfg = loadConfig();
const log = createLogger(cfg.LOG_LEVEL, 'api');
if (!cfg.DATABASE_URL || !cfg.TEMPORAL_ADDRESS) {
  log.fatal('DATABASE_URL and TEMPORAL_ADDRESS are required for a standalone API (npm start runs everything embedded)');
  process.exit(1);
}
const db = createDb(cfg.DATABASE_URL);
const temporal = await connectTemporal(cfg.TEMPORAL_ADDRESS, cfg.TEMPORAL_NAMESPACE);
const server = createApp({
  db,
  temporal,
  taskQueue: cfg.TASK_QUEUE,
  log,
  rateLimitPerMinute: cfg.RATE_LIMIT_PER_MINUTE,
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
