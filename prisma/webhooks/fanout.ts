/**
 * The stored side of the webhook fan-out: new CaseEvent rows in id order, and the deliveries they
 * become, written with the Cursor row `webhook-fanout` (the last CaseEvent id handled) in one
 * transaction, so a crash never skips an event nor (thanks to the unique (endpointId, eventId))
 * delivers one twice as a new message. Which endpoint gets which event is the caller's rule.
 */
import type { Db } from '../client.js';
import type { Case, CaseEvent, Notification, Prisma } from '../generated/client.js';
import { cursorPosition, moveCursor } from '../cursors.js';
import { noticesOfEvents } from '../notifications.js';
import { activeEndpoints, type WebhookEndpointRow } from './endpoints.js';

export const FANOUT_CURSOR = 'webhook-fanout';
const FANOUT_LOCK = 'postwatch:webhook-fanout';

/** A batch of events with what deciding their deliveries reads: active endpoints, the cases as they stand now, their notices. */
export interface FanoutBatch {
  events: CaseEvent[];
  endpoints: WebhookEndpointRow[];
  cases: Map<string, Case>;
  notices: Notification[];
}

/** One delivery to write: an event's message for one endpoint. */
export interface DeliveryDraft {
  endpointId: string;
  eventId: bigint;
  caseId: string;
  eventType: string;
  payload: unknown;
}

export type FanoutBatchResult =
  | { kind: 'locked' } // another process is fanning out
  | { kind: 'gap' } // the next id is missing and may still commit
  | { kind: 'done'; events: number; deliveries: number; more: boolean };

/**
 * Every CaseEvent id up to the returned one is final: no transaction still running can commit
 * one below it (waits out running writers).
 */
export async function finalEventHorizon(db: Db): Promise<bigint> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SET LOCAL lock_timeout = '5s'`;
      // SHARE conflicts with the ROW EXCLUSIVE lock every INSERT holds until commit: once granted, no
      // transaction that drew an id from the sequence is still open. Held for one SELECT only.
      await tx.$executeRaw`LOCK TABLE "CaseEvent" IN SHARE MODE`;
      const rows = await tx.$queryRaw<{ max: bigint | null }[]>`SELECT max(id) AS max FROM "CaseEvent"`;
      return rows[0]?.max ?? 0n;
    },
    { maxWait: 10_000, timeout: 15_000 },
  );
}

/**
 * Fans out the next batch of events after the cursor, one at a time across every process.
 * Ids come from a sequence, so a writer that started earlier may commit a lower id after a higher
 * one is visible: events are taken while they follow without a gap, or lie at or below
 * `finalUpTo`, where gaps are known to be final.
 */
export async function fanOutBatch(
  db: Db,
  o: { finalUpTo: bigint; batchSize: number; deliveries: (batch: FanoutBatch) => DeliveryDraft[] },
): Promise<FanoutBatchResult> {
  return db.$transaction(
    async (tx) => {
      const [lock] = await tx.$queryRaw<{ ok: boolean }[]>`SELECT pg_try_advisory_xact_lock(hashtext(${FANOUT_LOCK})) AS ok`;
      if (!lock?.ok) return { kind: 'locked' };
      const cursor = await cursorPosition(tx, FANOUT_CURSOR);
      const candidates = await tx.caseEvent.findMany({ where: { id: { gt: cursor } }, orderBy: { id: 'asc' }, take: o.batchSize });
      const events: CaseEvent[] = [];
      let expected = cursor + 1n;
      for (const e of candidates) {
        if (e.id !== expected && e.id > o.finalUpTo) break;
        events.push(e);
        expected = e.id + 1n;
      }
      if (events.length === 0) return candidates.length ? { kind: 'gap' } : { kind: 'done', events: 0, deliveries: 0, more: false };

      const [endpoints, cases, notices] = await Promise.all([
        activeEndpoints(tx),
        tx.case.findMany({ where: { id: { in: [...new Set(events.map((e) => e.caseId))] } } }),
        noticesOfEvents(tx, events),
      ]);
      const drafts = o.deliveries({ events, endpoints, cases: new Map(cases.map((c) => [c.id, c])), notices });
      const now = new Date(); // set here, not by column defaults: the sender compares in UTC
      const rows: Prisma.WebhookDeliveryCreateManyInput[] = drafts.map((d) => ({
        ...d,
        payload: d.payload as Prisma.InputJsonValue,
        status: 'PENDING',
        nextAttemptAt: now,
        createdAt: now,
      }));
      if (rows.length) await tx.webhookDelivery.createMany({ data: rows, skipDuplicates: true });
      await moveCursor(tx, FANOUT_CURSOR, events.at(-1)!.id);
      return {
        kind: 'done',
        events: events.length,
        deliveries: rows.length,
        more: events.length < candidates.length || candidates.length === o.batchSize,
      };
    },
    { maxWait: 10_000, timeout: 30_000 },
  );
}
