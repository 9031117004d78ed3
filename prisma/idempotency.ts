/**
 * The stored side of Idempotency-Key (draft-ietf-httpapi-idempotency-key-header): one record per
 * principal and key, IN_FLIGHT while its request runs, DONE with the response once answered.
 * What each outcome means to the caller (replay, 409, 422) is the API's.
 */
import { isUniqueViolation, type Db } from './client.js';
import type { Prisma } from './generated/client.js';

export interface IdempotencyKey {
  principalId: string;
  key: string;
}

export interface StoredResponse {
  status: number;
  body: unknown;
}

/** What claiming a key found. */
export type IdempotencyClaim =
  | { kind: 'first' } // no request had this key: this one runs
  | { kind: 'takeover' } // a request with it died in flight: this one runs again, so the work must be safe to repeat
  | { kind: 'answered'; response: StoredResponse } // answered before: repeat the answer
  | { kind: 'other-request' } // the key came with another request
  | { kind: 'in-flight'; since: Date }; // its request is still running (or died less than staleMs ago), last claimed at `since`

/** Claims a key for a request; a record left in flight for `staleMs` is taken to have died with its process. */
export async function claimIdempotencyKey(
  db: Db,
  id: IdempotencyKey,
  fingerprint: string,
  staleMs: number,
  now = new Date(),
): Promise<IdempotencyClaim> {
  try {
    await db.idempotencyRecord.create({ data: { ...id, requestHash: fingerprint, state: 'IN_FLIGHT' } });
    return { kind: 'first' };
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
  }
  const rec = await db.idempotencyRecord.findUniqueOrThrow({ where: { principalId_key: id } });
  if (rec.requestHash !== fingerprint) return { kind: 'other-request' };
  if (rec.state === 'DONE') return { kind: 'answered', response: { status: rec.responseStatus!, body: rec.responseBody } };
  const claimed = await db.idempotencyRecord.updateMany({
    where: { ...id, state: 'IN_FLIGHT', updatedAt: { lt: new Date(now.getTime() - staleMs) } },
    data: { updatedAt: now },
  });
  return claimed.count === 0 ? { kind: 'in-flight', since: rec.updatedAt } : { kind: 'takeover' };
}

/** Stores the answer that repeats of the key get. */
export async function storeIdempotentResponse(db: Db, id: IdempotencyKey, response: StoredResponse): Promise<void> {
  await db.idempotencyRecord.update({
    where: { principalId_key: id },
    data: { state: 'DONE', responseStatus: response.status, responseBody: response.body as Prisma.InputJsonValue },
  });
}

/** Leaves a key in flight but stale at once, so a retry takes it over without waiting. */
export async function releaseIdempotencyKey(db: Db, id: IdempotencyKey): Promise<void> {
  await db.idempotencyRecord.updateMany({ where: { ...id, state: 'IN_FLIGHT' }, data: { updatedAt: new Date(0) } });
}
