import type { RequestHandler } from 'express';
import { problem } from './problems.js';

export interface AuthThrottleOptions {
  /** Failed key lookups an address may make in a minute before it must wait; 0 turns the throttle off. */
  failuresPerMinute: number;
  /** For tests: the clock, in milliseconds. */
  now?: () => number;
}

const WINDOW_MS = 60_000;

/**
 * Failed authentications throttled per client address (mount before authenticate): a request that
 * presented a key and was answered 401 counts against its address; an address with
 * `failuresPerMinute` failures in the current minute is answered 429 until the minute ends,
 * without its key being looked up. Requests without a key cost no lookup and do not count.
 * In-process, like the per-key rate limit.
 */
export function authThrottle(opts: AuthThrottleOptions): RequestHandler {
  if (opts.failuresPerMinute === 0) return (_req, _res, next) => next();
  const now = opts.now ?? Date.now;
  const windows = new Map<string, { from: number; failures: number }>();
  const current = (address: string, t: number) => {
    const w = windows.get(address);
    if (w && t - w.from < WINDOW_MS) return w;
    if (windows.size > 10_000) for (const [a, old] of windows) if (t - old.from >= WINDOW_MS) windows.delete(a);
    const fresh = { from: t, failures: 0 };
    windows.set(address, fresh);
    return fresh;
  };
  return (req, res, next) => {
    const address = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    const t = now();
    const w = current(address, t);
    if (w.failures >= opts.failuresPerMinute) {
      const retryAfter = Math.max(1, Math.ceil((w.from + WINDOW_MS - t) / 1000));
      res.setHeader('Retry-After', String(retryAfter));
      throw problem(
        429,
        'authentication-throttled',
        'Too many failed authentications',
        `This address sent ${w.failures} unknown or revoked keys in a minute; retry in ${retryAfter} s.`,
      );
    }
    if (req.get('authorization'))
      res.on('finish', () => {
        if (res.statusCode === 401) current(address, now()).failures += 1;
      });
    next();
  };
}
