import type { z } from 'zod';
import { canManageWebhooksOf, webhookOwnersOf, type Actor } from '../../domain/access.js';
import type { Db } from '../../prisma/client.js';
import {
  managedDelivery,
  managedDeliveryPage,
  replayDelivery,
  type DeliveryCursor,
  type WebhookDeliveryRow,
} from '../../prisma/webhooks/deliveries.js';
import {
  createEndpoint,
  disableEndpoint,
  endpointOwner,
  listManagedEndpoints,
  managedEndpoint,
  ownerExists,
  type WebhookEndpointRow,
} from '../../prisma/webhooks/endpoints.js';
import { newSigningSecret } from '../../webhooks/signing.js';
import { urlRefusal } from '../../webhooks/urls.js';
import { location, operation, type Operation } from '../http/operation.js';
import { nextPageLink } from '../http/pagination.js';
import { problem } from '../http/problems.js';
import {
  WebhookDeliveryListQuery,
  WebhookDeliveryPageSchema,
  WebhookDeliverySchema,
  WebhookEndpointBody,
  WebhookEndpointCreatedSchema,
  WebhookEndpointListSchema,
  WebhookEndpointSchema,
  type WebhookMessageSchema,
} from '../schemas/webhooks.js';

const endpointNotFound = (id: string) => problem(404, 'not-found', 'Webhook endpoint not found', `No webhook endpoint ${id} is yours.`);
const deliveryNotFound = (id: string) => problem(404, 'not-found', 'Webhook delivery not found', `No webhook delivery ${id} is yours.`);

/** An endpoint the actor manages; a foreign one is 404, as if it did not exist. */
async function ownEndpoint(db: Db, actor: Actor, id: string): Promise<WebhookEndpointRow> {
  const e = await managedEndpoint(db, actor, id);
  if (!e) throw endpointNotFound(id);
  return e;
}

/** A delivery to an endpoint the actor manages, with its attempts; a foreign one is 404. */
async function ownDelivery(db: Db, actor: Actor, id: string) {
  const d = await managedDelivery(db, actor, id);
  if (!d) throw deliveryNotFound(id);
  return d;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

function endpointJson(e: WebhookEndpointRow): z.infer<typeof WebhookEndpointSchema> {
  return {
    id: e.id,
    owner: endpointOwner(e),
    url: e.url,
    eventTypes: e.eventTypes,
    createdBy: e.createdBy,
    createdAt: e.createdAt.toISOString(),
    disabledAt: iso(e.disabledAt),
  };
}

function deliveryJson(d: WebhookDeliveryRow): z.infer<typeof WebhookDeliverySchema> {
  const payload = d.payload as z.infer<typeof WebhookMessageSchema>;
  return {
    id: d.id,
    endpointId: d.endpointId,
    caseId: d.caseId,
    eventType: d.eventType,
    seq: payload?.data?.seq ?? null,
    status: d.status as z.infer<typeof WebhookDeliverySchema>['status'],
    attemptCount: d.attemptCount,
    nextAttemptAt: d.status === 'PENDING' ? d.nextAttemptAt.toISOString() : null,
    deliveredAt: iso(d.deliveredAt),
    createdAt: d.createdAt.toISOString(),
    attempts: d.attempts.map((a) => ({ at: a.at.toISOString(), statusCode: a.statusCode, error: a.error, durationMs: a.durationMs })),
    payload,
  };
}

// where a page of the delivery log ended (prisma/webhooks/deliveries.ts), as an opaque string
const encodeCursor = (c: DeliveryCursor) => Buffer.from(JSON.stringify({ e: c.eventId.toString(), id: c.id })).toString('base64url');
function decodeCursor(raw: string): DeliveryCursor {
  try {
    const c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (typeof c.id === 'string' && typeof c.e === 'string' && /^\d{1,19}$/.test(c.e)) return { eventId: BigInt(c.e), id: c.id };
  } catch {
    /* fall through */
  }
  throw problem(400, 'invalid-cursor', 'Invalid cursor', 'The cursor is malformed; start again without it.');
}

const invalidBody = (field: string, message: string) =>
  problem(400, 'validation', 'Invalid request', '1 field(s) failed validation in the body.', { errors: [{ in: 'body', field, message }] });

const tags = ['Webhooks'];

/**
 * Webhook endpoints of carriers and agencies, and the delivery log with replay. Who manages which
 * endpoints is domain/access.ts (canManageWebhooksOf); another owner's endpoints and deliveries are 404.
 */
export const webhookOperations: Operation[] = [
  operation({
    method: 'post',
    path: '/v1/webhook-endpoints',
    operationId: 'createWebhookEndpoint',
    summary: 'Register a webhook endpoint (carrier, agency officers and managers, admins naming the owner)',
    description: 'Events are signed per Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature); the secret is shown once.',
    tags,
    access: 'key',
    body: { schema: WebhookEndpointBody, required: true, example: { url: 'https://carrier.example/postwatch-events', eventTypes: [] } },
    responses: {
      201: {
        description: 'Registered; the signing secret is shown this once',
        schema: WebhookEndpointCreatedSchema,
        headers: location('The endpoint'),
      },
    },
    problems: [400, 403, 413, 415, 422],
    handler: async ({ body, req, res, deps }) => {
      const { db } = deps;
      const owners = webhookOwnersOf(req.actor);
      const owner = body.owner ?? (owners === 'all' ? undefined : owners[0]);
      if (!owner) {
        if (owners === 'all') throw invalidBody('owner', 'an administrator names the carrier or agency that owns the endpoint');
        throw problem(403, 'forbidden', 'Forbidden', `A ${req.actor.role} without a carrier or agency has no webhooks to manage.`);
      }
      if (!canManageWebhooksOf(req.actor, owner))
        throw problem(403, 'forbidden', 'Forbidden', `You may not manage the webhooks of ${owner.type} ${owner.id}.`);
      const refusal = urlRefusal(body.url, { allowInsecureLocalhost: deps.webhooks?.allowInsecureLocalhost ?? false });
      if (refusal) throw invalidBody('url', refusal);
      if (!(await ownerExists(db, owner)))
        throw problem(422, 'unknown-reference', `Unknown ${owner.type}`, `No ${owner.type} ${owner.id}.`);
      const secret = newSigningSecret();
      const e = await createEndpoint(db, { owner, url: body.url, secret, eventTypes: body.eventTypes, createdBy: req.actor.id });
      req.log.info({ endpointId: e.id, owner }, 'webhook endpoint registered');
      const created: z.infer<typeof WebhookEndpointCreatedSchema> = {
        ...endpointJson(e),
        secret,
        note: 'Shown once; store it now. It verifies the webhook-signature header.',
      };
      res.status(201).location(`/v1/webhook-endpoints/${e.id}`).json(created);
    },
  }),
  operation({
    method: 'get',
    path: '/v1/webhook-endpoints',
    operationId: 'listWebhookEndpoints',
    summary: 'The webhook endpoints the caller manages',
    tags,
    access: 'key',
    responses: { 200: { description: 'Endpoints, oldest first', schema: WebhookEndpointListSchema } },
    problems: [400],
    handler: async ({ req, res, deps: { db } }) => {
      const rows = await listManagedEndpoints(db, req.actor);
      res.json({ items: rows.map(endpointJson) });
    },
  }),
  operation({
    method: 'get',
    path: '/v1/webhook-endpoints/{id}',
    operationId: 'getWebhookEndpoint',
    summary: 'A webhook endpoint',
    tags,
    access: 'key',
    params: { id: { description: 'Endpoint id' } },
    responses: { 200: { description: 'The endpoint', schema: WebhookEndpointSchema } },
    problems: [400, 404],
    handler: async ({ params, req, res, deps: { db } }) => {
      res.json(endpointJson(await ownEndpoint(db, req.actor, params.id)));
    },
  }),
  operation({
    method: 'delete',
    path: '/v1/webhook-endpoints/{id}',
    operationId: 'disableWebhookEndpoint',
    summary: 'Disable a webhook endpoint; its pending deliveries are cancelled, its log stays readable',
    tags,
    access: 'key',
    params: { id: { description: 'Endpoint id' } },
    responses: { 204: { description: 'Disabled' } },
    problems: [400, 404],
    handler: async ({ params, req, res, deps: { db } }) => {
      const e = await ownEndpoint(db, req.actor, params.id);
      if (await disableEndpoint(db, e)) req.log.info({ endpointId: e.id }, 'webhook endpoint disabled');
      res.status(204).end();
    },
  }),
  operation({
    method: 'get',
    path: '/v1/webhook-deliveries',
    operationId: 'listWebhookDeliveries',
    summary: 'The delivery log of the caller’s endpoints, newest first',
    tags,
    access: 'key',
    query: WebhookDeliveryListQuery,
    responses: { 200: { description: 'A page of deliveries', schema: WebhookDeliveryPageSchema } },
    problems: [400, 404],
    handler: async ({ query: q, req, res, deps: { db } }) => {
      if (q.endpointId) await ownEndpoint(db, req.actor, q.endpointId);
      const page = await managedDeliveryPage(
        db,
        req.actor,
        { endpointId: q.endpointId, caseId: q.caseId, status: q.status },
        { after: q.cursor ? decodeCursor(q.cursor) : null, limit: q.limit },
      );
      const next = page.next ? encodeCursor(page.next) : null;
      const body: z.infer<typeof WebhookDeliveryPageSchema> = {
        items: page.rows.map(deliveryJson),
        next: next ? nextPageLink('/v1/webhook-deliveries', req.query, 'cursor', next) : null,
      };
      res.json(body);
    },
  }),
  operation({
    method: 'get',
    path: '/v1/webhook-deliveries/{id}',
    operationId: 'getWebhookDelivery',
    summary: 'A delivery with every attempt',
    tags,
    access: 'key',
    params: { id: { description: 'Delivery id (also the webhook-id header)' } },
    responses: { 200: { description: 'The delivery', schema: WebhookDeliverySchema } },
    problems: [400, 404],
    handler: async ({ params, req, res, deps: { db } }) => {
      res.json(deliveryJson(await ownDelivery(db, req.actor, params.id)));
    },
  }),
  operation({
    method: 'post',
    path: '/v1/webhook-deliveries/{id}/replay',
    operationId: 'replayWebhookDelivery',
    summary: 'Send a delivery again (same webhook-id), with a fresh round of attempts',
    tags,
    access: 'key',
    params: { id: { description: 'Delivery id' } },
    responses: { 202: { description: 'Queued for delivery', schema: WebhookDeliverySchema, headers: location('The delivery') } },
    problems: [400, 404, 409],
    handler: async ({ params, req, res, deps: { db } }) => {
      const d = await ownDelivery(db, req.actor, params.id);
      if (d.endpoint.disabledAt)
        throw problem(
          409,
          'endpoint-disabled',
          'Endpoint disabled',
          `The endpoint ${d.endpointId} is disabled; its deliveries are not sent.`,
        );
      const updated = await replayDelivery(db, d.id);
      req.log.info({ deliveryId: d.id, endpointId: d.endpointId }, 'webhook delivery replay requested');
      res.status(202).location(`/v1/webhook-deliveries/${d.id}`).json(deliveryJson(updated));
    },
  }),
];
