/** Webhook endpoints of carriers and agencies: registration, the ones an actor manages, and the ones that receive. */
import type { Db, Tx } from '../client.js';
import type { Prisma, WebhookEndpoint } from '../generated/client.js';
import { canManageWebhooksOf, webhookOwnersOf, type Actor, type WebhookOwner } from '../../domain/access.js';
import { carrierExists } from '../carriers.js';
import { agencyExists } from '../reference/reads.js';

export type WebhookEndpointRow = WebhookEndpoint;

export const endpointOwner = (e: WebhookEndpointRow): WebhookOwner => ({ type: e.ownerType as WebhookOwner['type'], id: e.ownerId });

/** The endpoints an actor manages, as a database filter mirroring canManageWebhooksOf. */
export function managedEndpointsWhere(actor: Actor): Prisma.WebhookEndpointWhereInput {
  const owners = webhookOwnersOf(actor);
  if (owners === 'all') return {};
  if (owners.length === 0) return { id: { in: [] } };
  return { OR: owners.map((o) => ({ ownerType: o.type, ownerId: o.id })) };
}

/** An endpoint the actor manages; null for a foreign one, as if it did not exist. */
export async function managedEndpoint(db: Db, actor: Actor, id: string): Promise<WebhookEndpointRow | null> {
  const e = await db.webhookEndpoint.findUnique({ where: { id } });
  return e && canManageWebhooksOf(actor, endpointOwner(e)) ? e : null;
}

export function listManagedEndpoints(db: Db, actor: Actor): Promise<WebhookEndpointRow[]> {
  return db.webhookEndpoint.findMany({ where: managedEndpointsWhere(actor), orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
}

/** Whether the carrier or agency that would own an endpoint is registered. */
export const ownerExists = (db: Db, owner: WebhookOwner): Promise<boolean> =>
  owner.type === 'carrier' ? carrierExists(db, owner.id) : agencyExists(db, owner.id);

export interface NewEndpoint {
  owner: WebhookOwner;
  url: string;
  /** The signing secret (whsec_…), shown to the caller once. */
  secret: string;
  /** Empty: every event the owner may see. */
  eventTypes: string[];
  createdBy: string;
}

export function createEndpoint(db: Db, e: NewEndpoint): Promise<WebhookEndpointRow> {
  const { owner, ...rest } = e;
  return db.webhookEndpoint.create({ data: { ownerType: owner.type, ownerId: owner.id, ...rest } });
}

/** Disables an endpoint (its log stays readable) and cancels its pending deliveries; false when it already was. */
export async function disableEndpoint(db: Db, e: WebhookEndpointRow): Promise<boolean> {
  if (e.disabledAt) return false;
  await db.$transaction([
    db.webhookEndpoint.update({ where: { id: e.id }, data: { disabledAt: new Date() } }),
    db.webhookDelivery.updateMany({ where: { endpointId: e.id, status: 'PENDING' }, data: { status: 'CANCELLED' } }),
  ]);
  return true;
}

/** The endpoints that receive new events. */
export const activeEndpoints = (tx: Tx): Promise<WebhookEndpointRow[]> => tx.webhookEndpoint.findMany({ where: { disabledAt: null } });

export const endpointsByIds = (db: Db, ids: string[]): Promise<WebhookEndpointRow[]> =>
  db.webhookEndpoint.findMany({ where: { id: { in: [...new Set(ids)] } } });
