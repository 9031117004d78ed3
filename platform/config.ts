import { z } from 'zod';
import { parseCodecKeys } from './payload-codec.js';

/**
 * Every setting Postwatch reads, validated once at start. A bad value stops
 * start-up with a message naming the variable (README lists them all).
 */
const postgresUrl = z.string().refine((v) => {
  try {
    const u = new URL(v);
    return (u.protocol === 'postgresql:' || u.protocol === 'postgres:') && !!u.hostname && u.pathname.length > 1;
  } catch {
    return false;
  }
}, 'must be a URL like postgresql://user:password@host:5432/database');

const hostPort = z.string().regex(/^[A-Za-z0-9.\-[\]:]+:\d{1,5}$/, 'must be host:port, e.g. localhost:7233');
const port = z.coerce.number().int().min(0).max(65535);
const flag = z
  .enum(['true', 'false'])
  .default('false')
  .transform((v) => v === 'true');
const codecKeys = z.string().transform((v, ctx) => {
  try {
    return parseCodecKeys(v);
  } catch (e) {
    ctx.addIssue({ code: 'custom', message: (e as Error).message });
    return z.NEVER;
  }
});

const schema = z.object({
  DATABASE_URL: postgresUrl.optional(),
  TEMPORAL_ADDRESS: hostPort.optional(),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_CLI_PATH: z.string().min(1).optional(),
  TEMPORAL_PORT: port.default(7233),
  TEMPORAL_UI_PORT: port.default(8233),
  TASK_QUEUE: z.string().min(1).default('enforcement-cases'),
  PORT: port.default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ADMIN_TOKEN: z.string().min(24, 'must be at least 24 characters').optional(),
  CLOCK_SCALE: z.coerce.number().min(1).max(100_000).default(1),
  WORKFLOW_BUNDLE_PATH: z.string().min(1).optional(),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).default(600),
  AUTH_FAILURES_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).default(20),
  IDEMPOTENCY_STALE_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  WEBHOOKS_DELIVERY: z.enum(['on', 'off']).default('on'),
  WEBHOOKS_ALLOW_INSECURE_LOCALHOST: flag,
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  PAYLOAD_CODEC_KEYS: codecKeys.optional(),
  WORKER_METRICS_ADDRESS: hostPort.optional(),
  // an external Temporal, read as the SDK's environment configuration reads them (platform/temporal-target.ts)
  TEMPORAL_API_KEY: z.string().min(1).optional(),
  TEMPORAL_TLS: z.enum(['true', 'false']).optional(),
  TEMPORAL_TLS_CLIENT_CERT_PATH: z.string().min(1).optional(),
  TEMPORAL_TLS_CLIENT_CERT_DATA: z.string().min(1).optional(),
  TEMPORAL_TLS_CLIENT_KEY_PATH: z.string().min(1).optional(),
  TEMPORAL_TLS_CLIENT_KEY_DATA: z.string().min(1).optional(),
  TEMPORAL_TLS_SERVER_CA_CERT_PATH: z.string().min(1).optional(),
  TEMPORAL_TLS_SERVER_CA_CERT_DATA: z.string().min(1).optional(),
  TEMPORAL_TLS_SERVER_NAME: z.string().min(1).optional(),
  TEMPORAL_PROFILE: z.string().min(1).optional(),
  TEMPORAL_CONFIG_FILE: z.string().min(1).optional(),
});

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {}

/** Parses the environment; throws ConfigError naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid configuration: ${lines.join('; ')}`);
  }
  return parsed.data;
}
