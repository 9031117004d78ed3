/**
 * Fan-out: every new CaseEvent becomes one WebhookDelivery per active endpoint whose owner may
 * see the case (domain/access.ts) and whose event-type filter matches. The batches, their cursor
 * and the gaps in the id sequence are prisma/webhooks/fanout.ts; the rule and the message are here.
 */
import { webhookOwnerActor, type WebhookOwner } from '../domain/access.js';
import { agencyAddress, carrierAddress, managersAddress } from '../domain/case-events.js';
import type { Db } from '../prisma/client.js';
import type { CaseEventRow } from '../prisma/case-events/history.js';
import { canSeeCase } from '../prisma/cases/rows.js';
import { endpointOwner } from '../prisma/webhooks/endpoints.js';
import { fanOutBatch, finalEventHorizon, type DeliveryDraft, type FanoutBatch } from '../prisma/webhooks/fanout.js';

/** What one process remembers between passes. */
export interface FanoutState {
  /** Every CaseEvent id up to here is final: a gap above the cursor is only skipped once it lies at or below it. */
  finalUpTo: bigint;
}

export const newFanoutState = (): FanoutState => ({ finalUpTo: 0n });

/** The message body of one event (Standard Webhooks payload: type, timestamp, data). */
export function eventMessage(
  ev: Pick<CaseEventRow, 'caseId' | 'seq' | 'type' | 'at' | 'actorId' | 'actorRole' | 'actorAgencyId' | 'reason' | 'payload'>,
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

/** The deliveries a batch of events makes, in event order. */
export function deliveriesFor({ events, endpoints, cases, notices }: FanoutBatch): DeliveryDraft[] {
  const drafts: DeliveryDraft[] = [];
  for (const ev of events) {
    const row = cases.get(ev.caseId);
    if (!row) continue;
    for (const ep of endpoints) {
      if (ep.eventTypes.length > 0 && !ep.eventTypes.includes(ev.type)) continue;
      const owner = endpointOwner(ep);
      // the case row as it stands now: the same rule the API applies to GET /v1/cases/{id}/history
      if (!canSeeCase(row, webhookOwnerActor(owner))) continue;
      const addresses = addressesOf(owner);
      const own = notices.filter((n) => n.caseId === ev.caseId && n.seq === ev.seq && addresses.includes(n.recipient));
      drafts.push({
        endpointId: ep.id,
        eventId: ev.id,
        caseId: ev.caseId,
        eventType: ev.type,
        payload: eventMessage(
          ev,
          row.number,
          own.map((n) => ({ kind: n.kind, payload: n.payload })),
        ),
      });
    }
  }
  return drafts;
}

/** Fans out every event committed so far (in batches); returns how many events and deliveries. */
export async function fanOut(db: Db, state: FanoutState, batchSize = 500): Promise<{ events: number; deliveries: number }> {
  const total = { events: 0, deliveries: 0 };
  let horizons = 0;
  for (;;) {
    const r = await fanOutBatch(db, { finalUpTo: state.finalUpTo, batchSize, deliveries: deliveriesFor });
    if (r.kind === 'locked') return total;
    if (r.kind === 'gap') {
      // a writer may still be committing the missing id (or it was rolled back): wait it out once
      if (horizons++ >= 2) return total;
      state.finalUpTo = await finalEventHorizon(db);
      continue;
    }
    total.events += r.events;
    total.deliveries += r.deliveries;
    if (!r.more) return total;
  }
}
