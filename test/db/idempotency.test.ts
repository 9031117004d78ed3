// prisma/idempotency.ts: the stored side of Idempotency-Key, claimed concurrently on a real PostgreSQL.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../prisma/client.js';
import { claimIdempotencyKey, releaseIdempotencyKey, storeIdempotentResponse } from '../../prisma/idempotency.js';
import { createPrincipal } from '../../prisma/principals.js';
import { migratedDatabase } from '../support/db.js';

let db: Db;
let principalId: string;
beforeAll(async () => {
  ({ db } = await migratedDatabase());
  principalId = (await createPrincipal(db, { name: 'c', role: 'admin' }, 'k')).principal.id;
}, 120_000);

const MINUTE = 60_000;

describe('idempotency keys', () => {
  it('lets one of many concurrent requests run; the others find it in flight', async () => {
    const id = { principalId, key: 'concurrent' };
    const claims = await Promise.all(Array.from({ length: 10 }, () => claimIdempotencyKey(db, id, 'fp', MINUTE)));
    expect(claims.filter((c) => c.kind === 'first')).toHaveLength(1);
    expect(claims.filter((c) => c.kind === 'in-flight')).toHaveLength(9);
  });

  it('answers a repeat with the stored response, and another request with the key as another request', async () => {
    const id = { principalId, key: 'answered' };
    expect(await claimIdempotencyKey(db, id, 'fp', MINUTE)).toEqual({ kind: 'first' });
    await storeIdempotentResponse(db, id, { status: 201, body: { id: 'case:1', tên: 'vụ việc' } });
    expect(await claimIdempotencyKey(db, id, 'fp', MINUTE)).toEqual({
      kind: 'answered',
      response: { status: 201, body: { id: 'case:1', tên: 'vụ việc' } },
    });
    expect(await claimIdempotencyKey(db, id, 'other', MINUTE)).toEqual({ kind: 'other-request' });
  });

  it('hands a request that stayed in flight past staleMs to its retry, once', async () => {
    const id = { principalId, key: 'stale' };
    const t0 = new Date();
    expect(await claimIdempotencyKey(db, id, 'fp', MINUTE, t0)).toEqual({ kind: 'first' });
    expect(await claimIdempotencyKey(db, id, 'fp', MINUTE, new Date(t0.getTime() + 1000))).toMatchObject({ kind: 'in-flight' });
    const later = new Date(t0.getTime() + 2 * MINUTE);
    const [a, b] = await Promise.all([claimIdempotencyKey(db, id, 'fp', MINUTE, later), claimIdempotencyKey(db, id, 'fp', MINUTE, later)]);
    expect([a!.kind, b!.kind].sort()).toEqual(['in-flight', 'takeover']);
  });

  it('lets a retry take a released key over at once', async () => {
    const id = { principalId, key: 'released' };
    expect(await claimIdempotencyKey(db, id, 'fp', MINUTE)).toEqual({ kind: 'first' });
    await releaseIdempotencyKey(db, id);
    expect(await claimIdempotencyKey(db, id, 'fp', MINUTE)).toEqual({ kind: 'takeover' });
  });
});
