/**
 * Token buckets in PostgreSQL, one per API key, so that every API instance spends the same bucket
 * (api/http/rate-limit.ts holds the policy). The function "RateLimitBucket_take" (migration
 * 20261201104538_rate_limit_buckets) refills and takes a token under the row's lock, in one round trip.
 */
import type { Db } from './client.js';

export interface BucketState {
  /** Whether this request took a token. */
  allowed: boolean;
  /** Tokens left after it. */
  tokens: number;
}

/** Refills the bucket of `keyId` (`perMs` tokens a millisecond, up to `capacity`) as of `nowMs`, then takes a token if there is one. */
export async function takeToken(db: Db, keyId: string, capacity: number, perMs: number, nowMs: number): Promise<BucketState> {
  const [row] = await db.$queryRaw<BucketState[]>`
    SELECT "tokens", "allowed" FROM "RateLimitBucket_take"(${keyId}, ${capacity}::float8, ${perMs}::float8, ${Math.round(nowMs)}::bigint)`;
  return row!;
}
