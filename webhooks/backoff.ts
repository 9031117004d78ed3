/** When a failed delivery is tried again: exponential, capped, with ±20 % jitter. */
export interface Backoff {
  /** Delay after the first failed attempt. */
  baseMs: number;
  /** Each further failure multiplies the delay by this. */
  factor: number;
  /** No delay exceeds this. */
  maxMs: number;
}

/**
 * 5 s, 20 s, 80 s, 5 min, 21 min, 85 min, then 6 h: with the default 10 attempts a
 * receiver that stays down is tried for about 20 hours before the delivery fails.
 */
export const DEFAULT_BACKOFF: Backoff = { baseMs: 5_000, factor: 4, maxMs: 6 * 3600_000 };
export const DEFAULT_MAX_ATTEMPTS = 10;

/** The delay before attempt `failedAttempts + 1`, given `failedAttempts` ≥ 1 failures so far. */
export function retryDelayMs(failedAttempts: number, b: Backoff, random: () => number = Math.random): number {
  const exp = Math.min(b.maxMs, b.baseMs * b.factor ** Math.max(0, failedAttempts - 1));
  return Math.round(exp * (0.8 + 0.4 * random()));
}
