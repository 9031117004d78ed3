/**
 * The sender's side of the delivery log: due deliveries are claimed with FOR UPDATE SKIP LOCKED
 * and leased by pushing nextAttemptAt ahead, so several processes send without sending one twice
 * at once; each attempt is recorded with the delivery's new state in one transaction.
 */
import type { Db } from '../client.js';

export interface ClaimedDelivery {
  id: string;
  endpointId: string;
  attemptCount: number;
  payload: unknown;
}

/** Claims up to `n` due PENDING deliveries for `leaseMs`; a process that dies leaves the lease to expire. */
export function claimDueDeliveries(db: Db, n: number, leaseMs: number): Promise<ClaimedDelivery[]> {
  // timestamps are stored as UTC without a zone (Prisma's convention): compare in UTC
  return db.$queryRaw<ClaimedDelivery[]>`
    WITH due AS (
      SELECT d.id FROM "WebhookDelivery" d
      WHERE d.status = 'PENDING' AND d."nextAttemptAt" <= (now() AT TIME ZONE 'UTC')
      ORDER BY d."nextAttemptAt"
      LIMIT ${n}
      FOR UPDATE SKIP LOCKED
    )
    UPDATE "WebhookDelivery" w
       SET "nextAttemptAt" = (now() AT TIME ZONE 'UTC') + make_interval(secs => ${leaseMs / 1000})
      FROM due WHERE w.id = due.id
    RETURNING w.id, w."endpointId", w."attemptCount", w.payload`;
}

/** Cancels a pending delivery whose endpoint is gone or disabled. */
export async function cancelDelivery(db: Db, id: string): Promise<void> {
  await db.webhookDelivery.updateMany({ where: { id, status: 'PENDING' }, data: { status: 'CANCELLED' } });
}

/** Hands a claimed delivery straight back (shutting down: not the receiver's fault, not an attempt). */
export async function handBackDelivery(db: Db, id: string): Promise<void> {
  await db.webhookDelivery.updateMany({ where: { id, status: 'PENDING' }, data: { nextAttemptAt: new Date() } });
}

export interface Attempt {
  at: Date;
  /** Null: no answer (refused URL, network error, timeout). */
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

/** The delivery after an attempt: delivered, or still pending until `nextAttemptAt`, or failed for good. */
export type AttemptOutcome =
  { delivered: true; attemptCount: number } | { delivered: false; attemptCount: number; failed: boolean; nextAttemptAt: Date };

export async function recordAttempt(db: Db, deliveryId: string, a: Attempt, o: AttemptOutcome): Promise<void> {
  await db.$transaction([
    db.webhookAttempt.create({ data: { deliveryId, ...a } }),
    o.delivered
      ? db.webhookDelivery.update({
          where: { id: deliveryId },
          data: { status: 'DELIVERED', deliveredAt: new Date(), attemptCount: o.attemptCount },
        })
      : db.webhookDelivery.updateMany({
          where: { id: deliveryId, status: 'PENDING' }, // never undo a delivery or a cancellation made meanwhile
          data: { attemptCount: o.attemptCount, status: o.failed ? 'FAILED' : 'PENDING', nextAttemptAt: o.nextAttemptAt },
        }),
  ]);
}
