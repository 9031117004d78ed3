import { ConfigError, loadConfig, type Config } from './config.js';
import { createLogger, type Logger } from './logger.js';
import { caseDataConverter, standaloneCodecKeys } from './payload-keys.js';
import { externalTemporalTarget, type TemporalTarget } from './temporal-target.js';

/**
 * The start of a process of the scaled-out deployment (API, worker): the configuration, its
 * logger, its database and its Temporal; a missing or bad setting stops it with one line.
 */
export function standaloneStart(role: 'api' | 'worker'): { cfg: Config; log: Logger; databaseUrl: string; temporal: TemporalTarget } {
  let cfg: Config;
  try {
    cfg = loadConfig();
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    console.error(`postwatch ${role}: ${e.message}`);
    process.exit(1);
  }
  const log = createLogger(cfg.LOG_LEVEL, role);
  const fail = (message: string): never => {
    log.fatal(message);
    process.exit(1);
  };
  if (!cfg.DATABASE_URL || !cfg.TEMPORAL_ADDRESS)
    fail(`DATABASE_URL and TEMPORAL_ADDRESS are required for a standalone ${role} (npm start runs everything embedded)`);
  try {
    const temporal = externalTemporalTarget(cfg, caseDataConverter(standaloneCodecKeys(cfg)));
    return { cfg, log, databaseUrl: cfg.DATABASE_URL!, temporal };
  } catch (e) {
    return fail((e as Error).message);
  }
}
