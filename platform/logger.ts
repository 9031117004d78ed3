import { pino, type Logger } from 'pino';

/** Paths that may carry secrets; pino replaces them before anything is written. */
export const REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  '*.password',
  '*.token',
  '*.apiKey',
  '*.secret',
  'headers.authorization',
];

/** pino JSON lines, or pino-pretty's readable ones when stdout is a terminal (a person watching `npm start`). */
export function createLogger(level: string, name = 'postwatch', pretty = process.stdout.isTTY === true): Logger {
  return pino({
    name,
    level,
    redact: { paths: REDACT, censor: '[redacted]' },
    ...(pretty ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' } } } : {}),
  });
}
export type { Logger };

/**
 * Sends the Temporal SDK's own log lines through pino, one level quieter:
 * its routine INFO lines (bundle built, worker state) are debug for an operator.
 */
export function temporalLogAdapter(log: Logger) {
  const child = log.child({ component: 'temporal-sdk' });
  return {
    level: 'WARN' as const,
    write(entry: { level: string; message: string; meta?: Record<string, unknown> }) {
      const level = entry.level === 'ERROR' ? 'error' : entry.level === 'WARN' ? 'warn' : 'debug';
      child[level](entry.meta ?? {}, entry.message);
    },
  };
}
