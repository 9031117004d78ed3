/** The delivery log as owners read it: pages newest event first, one delivery with its attempts, and replay. */
import type { Db } from '../client.js';
import type { Prisma, WebhookAttempt, WebhookDelivery, WebhookEndpoint } from '../generated/client.js';
import { canManageWebhooksOf, type Actor } from '../../domain/access.js';
import { endpointOwner, managedEndpointsWhere } from './endpoints.js';

export type WebhookDeliveryRow = WebhookDelivery & { attempts: WebhookAttempt[] };

const withAttempts = { attempts: { orderBy: { id: 'asc' } } } as const;

export interface DeliveryFilter {
  endpointId?: string;
  caseId?: string;
  status?: string;
}

/** Where the previous page ended: keyset over (eventId desc, id desc), the newest case event first whatever order the fan-out wrote rows in. */
export interface DeliveryCursor {
  eventId: bigint;
  id: string;
}

/** One page of the deliveries of the endpoints an actor manages; `next` is null on the last page. */
export async function managedDeliveryPage(
  db: Db,
  actor: Actor,
  filter: DeliveryFilter,
  page: { after: DeliveryCursor | null; limit: number },
): Promise<{ rows: WebhookDeliveryRow[]; next: DeliveryCursor | null }> {
  const c = page.after;
  const where: Prisma.WebhookDeliveryWhereInput[] = [
    { endpoint: managedEndpointsWhere(actor) },
    ...(filter.endpointId ? [{ endpointId: filter.endpointId }] : []),
    ...(filter.caseId ? [{ caseId: filter.caseId }] : []),
    ...(filter.status ? [{ status: filter.status }] : []),
    ...(c ? [{ OR: [{ eventId: { lt: c.eventId } }, { eventId: c.eventId, id: { lt: c.id } }] }] : []),
  ];
  const rows = await db.webhookDelivery.findMany({
    where: { AND: where },
    include: withAttempts,
    orderBy: [{ eventId: 'desc' }, { id: 'desc' }],
    take: page.limit + 1,
  });
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);
  return { rows: items, next: rows.length > page.limit && last ? { eventId: last.eventId, id: last.id } : null };
}

/** A delivery of an endpoint the actor manages, with its attempts and endpoint; null for a foreign one. */
export async function managedDelivery(
  db: Db,
  actor: Actor,
  id: string,
): Promise<(WebhookDeliveryRow & { endpoint: WebhookEndpoint }) | null> {
  const d = await db.webhookDelivery.findUnique({ where: { id }, include: { ...withAttempts, endpoint: true } });
  return d && canManageWebhooksOf(actor, endpointOwner(d.endpoint)) ? d : null;
}

/** Queues the same message again (same webhook-id) for a fresh round of attempts. */
export function replayDelivery(db: Db, id: string): Promise<WebhookDeliveryRow> {
  return db.webhookDelivery.update({
    where: { id },
    data: { status: 'PENDING', attemptCount: 0, nextAttemptAt: new Date() },
    include: withAttempts,
  });
}
