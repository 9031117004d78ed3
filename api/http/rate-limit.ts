import type { RequestHandler } from 'express';
import { problem } from './problems.js';

export interface RateLimitOptions {
  /** Requests per minute per API key; 0 turns the limit off. */
  perMinute: number;
  /** For tests: the clock, in milliseconds. */
  now?: () => number;
}

interface Bucket {
  tokens: number;
  at: number; // when `tokens` was last computed
}

const WINDOW_S = 60;

/**
 * A token bucket per API key (req.keyId, so mount after authenticate): it holds `perMinute`
 * requests and refills at perMinute/60 a second, so a key may burst up to its quota and then
 * sustains perMinute a minute. Every answer carries the draft-ietf-httpapi-ratelimit-headers
 * fields; an empty bucket answers 429 with Retry-After.
 *
 * In-process: each API instance keeps its own buckets, so a deployment of N API instances
 * behind a load balancer lets a key make up to N × perMinute requests a minute.
 */
export function rateLimit(opts: RateLimitOptions): RequestHandler {
  const quota = opts.perMinute;
  const now = opts.now ?? Date.now;
  const perMs = quota / (WINDOW_S * 1000);
  const buckets = new Map<string, Bucket>();
  const policy = `"default";q=${quota};w=${WINDOW_S}`;
  let lastSweep = now();

  // buckets that have refilled completely carry no information: drop them once a minute
  const sweep = (t: number) => {
    if (t - lastSweep < WINDOW_S * 1000) return;
    lastSweep = t;
    for (const [k, b] of buckets) if (b.tokens + (t - b.at) * perMs >= quota) buckets.delete(k);
  };

  return (req, res, next) => {
    if (quota <= 0) return next();
    const t = now();
    sweep(t);
    const id = req.keyId;
    const b = buckets.get(id) ?? { tokens: quota, at: t };
    b.tokens = Math.min(quota, b.tokens + (t - b.at) * perMs);
    b.at = t;
    buckets.set(id, b);
    const allowed = b.tokens >= 1;
    if (allowed) b.tokens -= 1;
    // t: seconds until the bucket is full again
    const untilFull = Math.ceil((quota - b.tokens) / perMs / 1000);
    res.setHeader('RateLimit-Policy', policy);
    res.setHeader('RateLimit', `"default";r=${Math.floor(b.tokens)};t=${untilFull}`);
    if (allowed) return next();
    const retryAfter = Math.max(1, Math.ceil((1 - b.tokens) / perMs / 1000));
    res.setHeader('Retry-After', String(retryAfter));
    throw problem(429, 'rate-limited', 'Too many requests', `This API key may make ${quota} requests a minute; retry in ${retryAfter} s.`);
  };
}
