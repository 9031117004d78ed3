import type { RequestHandler } from 'express';
import type { Db } from '../../prisma/client.js';
import { takeToken } from '../../prisma/rate-limits.js';
import { problem } from './problems.js';

export interface RateLimitOptions {
  /** Requests per minute per API key; 0 turns the limit off. */
  perMinute: number;
  /** Where the buckets are kept: PostgreSQL, shared by every API instance. */
  db: Db;
  /** For tests: the clock, in milliseconds. */
  now?: () => number;
}

const WINDOW_S = 60;

/**
 * A token bucket per API key (req.keyId, so mount after authenticate): it holds `perMinute`
 * requests and refills at perMinute/60 a second, so a key may burst up to its quota and then
 * sustains perMinute a minute. The buckets are rows in PostgreSQL (prisma/rate-limits.ts), so
 * the quota holds however many API instances serve the key. Every answer carries the
 * draft-ietf-httpapi-ratelimit-headers fields; an empty bucket answers 429 with Retry-After.
 */
export function rateLimit(opts: RateLimitOptions): RequestHandler {
  const quota = opts.perMinute;
  const now = opts.now ?? Date.now;
  const perMs = quota / (WINDOW_S * 1000);
  const policy = `"default";q=${quota};w=${WINDOW_S}`;

  return async (req, res, next) => {
    if (quota <= 0) return next();
    const { allowed, tokens } = await takeToken(opts.db, req.keyId, quota, perMs, now());
    // t: seconds until the bucket is full again
    const untilFull = Math.ceil((quota - tokens) / perMs / 1000);
    res.setHeader('RateLimit-Policy', policy);
    res.setHeader('RateLimit', `"default";r=${Math.floor(tokens)};t=${untilFull}`);
    if (allowed) return next();
    const retryAfter = Math.max(1, Math.ceil((1 - tokens) / perMs / 1000));
    res.setHeader('Retry-After', String(retryAfter));
    throw problem(429, 'rate-limited', 'Too many requests', `This API key may make ${quota} requests a minute; retry in ${retryAfter} s.`);
  };
}
