/**
 * Fan-out: every new CaseEvent becomes one WebhookDelivery per active endpoint whose owner may
 * see the case (domain/access.ts) and whose event-type filter matches. Progress is the Cursor
 * row `webhook-fanout` (the last CaseEvent id handled), moved in the same transaction as the
 * deliveries it covers, so a crash never skips an event nor (thanks to the unique
 * (endpointId, eventId)) delivers one twice as a new message.
 */
import { accessView } from '../prisma/case-access.js';
import { canView, webhookOwnerActor, type WebhookOwner } from '../domain/access.js';
import { agencyAddress, carrierAddress, managersAddress } from '../domain/case-events.js';
import type { Db } from '../prisma/client.js';
import type { CaseEvent, Prisma, WebhookEndpoint } from '../prisma/generated/client.js';

export const FANOUT_CURSOR = 'webhook-fanout';
const FANOUT_LOCK = 'postwatch:webhook-fanout';

/** What one process remembers between passes. */
export interface FanoutState {
  /**
   * Every CaseEvent id up to here is final: no transaction still running can commit one. Ids come
   * from a sequence, so a writer that started earlier may commit a lower id after a higher one is
   * visible; a gap above the cursor is therefore only skipped once it lies at or below this horizon.
   */
  finalUpTo: bigint;
}

export const newFanoutState = (): FanoutState => ({ finalUpTo: 0n });

/** The message body of one event (Standard Webhooks payload: type, timestamp, data). */
export function eventMessage(
  ev: Pick<CaseEvent, 'caseId' | 'seq' | 'type' | 'at' | 'actorId' | 'actorRole' | 'actorAgencyId' | 'reason' | 'payload'>,
  caseNumber: string,
  notices: { kind: string; payload: unknown }[],
) {
  return {
    type: `case.${ev.type.toLowerCase()}`,
    timestamp: ev.at.toISOString(),
    data: {
      caseId: ev.caseId,
      caseNumber,
      seq: ev.seq,
      eventType: ev.type,
      at: ev.at.toISOString(),
      actor: { id: ev.actorId, role: ev.actorRole, agencyId: ev.actorAgencyId },
      reason: ev.reason,
      payload: ev.payload,
      /** The notices of the workflow's notification log addressed to this endpoint's owner. */
      notices,
    },
  };
}

/** Notification-log addresses that belong to an owner. */
const addressesOf = (o: WebhookOwner): string[] =>
  o.type === 'carrier' ? [carrierAddress(o.id)] : [agencyAddress(o.id), managersAddress(o.id)];

const ownerOf = (e: WebhookEndpoint): WebhookOwner => ({ type: e.ownerType as WebhookOwner['type'], id: e.ownerId });

/** Ids of CaseEvent that can no longer appear below the current maximum (waits out running writers). */
async function finalHorizon(db: Db): Promise<bigint> {
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

type BatchResult = { kind: 'locked' } | { kind: 'gap' } | { kind: 'done'; events: number; deliveries: number; more: boolean };

async function fanOutBatch(db: Db, state: FanoutState, batchSize: number): Promise<BatchResult> {
  return db.$transaction(
    async (tx) => {
      // one fan-out at a time across every process; the others skip this pass
      const [lock] = await tx.$queryRaw<{ ok: boolean }[]>`SELECT pg_try_advisory_xact_lock(hashtext(${FANOUT_LOCK})) AS ok`;
      if (!lock?.ok) return { kind: 'locked' };
      const cursor = (await tx.cursor.findUnique({ where: { name: FANOUT_CURSOR } }))?.position ?? 0n;
      const candidates = await tx.caseEvent.findMany({ where: { id: { gt: cursor } }, orderBy: { id: 'asc' }, take: batchSize });
      // take events while they follow without a gap, or lie where gaps are known to be final
      const events: CaseEvent[] = [];
      let expected = cursor + 1n;
      for (const e of candidates) {
        if (e.id !== expected && e.id > state.finalUpTo) break;
        events.push(e);
        expected = e.id + 1n;
      }
      if (events.length === 0) return candidates.length ? { kind: 'gap' } : { kind: 'done', events: 0, deliveries: 0, more: false };

      const caseIds = [...new Set(events.map((e) => e.caseId))];
      const [endpoints, cases, notices] = await Promise.all([
        tx.webhookEndpoint.findMany({ where: { disabledAt: null } }),
        tx.case.findMany({ where: { id: { in: caseIds } } }),
        tx.notification.findMany({ where: { caseId: { in: caseIds }, seq: { in: [...new Set(events.map((e) => e.seq))] } } }),
      ]);
      const caseById = new Map(cases.map((c) => [c.id, c]));
      const now = new Date(); // set here, not by column defaults: the sender compares in UTC
      const rows: Prisma.WebhookDeliveryCreateManyInput[] = [];
      for (const ev of events) {
        const row = caseById.get(ev.caseId);
        if (!row) continue;
        // the case row as it stands now: the same rule the API applies to GET /v1/cases/{id}/history
        const view = accessView(row);
        for (const ep of endpoints) {
          if (ep.eventTypes.length > 0 && !ep.eventTypes.includes(ev.type)) continue;
          const owner = ownerOf(ep);
          if (!canView(view, webhookOwnerActor(owner))) continue;
          const addresses = addressesOf(owner);
          const own = notices.filter((n) => n.caseId === ev.caseId && n.seq === ev.seq && addresses.includes(n.recipient));
          rows.push({
            endpointId: ep.id,
            eventId: ev.id,
            caseId: ev.caseId,
            eventType: ev.type,
            payload: eventMessage(
              ev,
              row.number,
              own.map((n) => ({ kind: n.kind, payload: n.payload })),
            ) as Prisma.InputJsonValue,
            status: 'PENDING',
            nextAttemptAt: now,
            createdAt: now,
          });
        }
      }
      if (rows.length) await tx.webhookDelivery.createMany({ data: rows, skipDuplicates: true });
      const position = events.at(-1)!.id;
      await tx.cursor.upsert({ where: { name: FANOUT_CURSOR }, create: { name: FANOUT_CURSOR, position }, update: { position } });
      return {
        kind: 'done',
        events: events.length,
        deliveries: rows.length,
        more: events.length < candidates.length || candidates.length === batchSize,
      };
    },
    { maxWait: 10_000, timeout: 30_000 },
  );
}

/** Fans out every event committed so far (in batches); returns how many events and deliveries. */
export async function fanOut(db: Db, state: FanoutState, batchSize = 500): Promise<{ events: number; deliveries: number }> {
  const total = { events: 0, deliveries: 0 };
  let horizons = 0;
  for (;;) {
    const r = await fanOutBatch(db, state, batchSize);
    if (r.kind === 'locked') return total;
    if (r.kind === 'gap') {
      // a writer may still be committing the missing id (or it was rolled back): wait it out once
      if (horizons++ >= 2) return total;
      state.finalUpTo = await finalHorizon(db);
      continue;
    }
    total.events += r.events;
    total.deliveries += r.deliveries;
    if (!r.more) return total;
  }
}
