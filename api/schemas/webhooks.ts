/**
 * Webhooks: the request bodies and queries the API accepts (strict objects: unknown fields are
 * refused) and the resources it answers with, as zod schemas for validation and the OpenAPI document.
 */
import { z } from 'zod';
import { instant, text } from './fields.js';

const eventType = z.string().regex(/^[A-Z0-9_]{1,64}$/, 'an upper-case event type like HOLD_CONFIRMED');

export const WebhookOwnerSchema = z
  .object({ type: z.enum(['carrier', 'agency']), id: text(64) })
  .strict()
  .meta({ id: 'WebhookOwner', description: 'Whose endpoint this is; it receives the events of the cases its owner may see' });

/** POST /v1/webhook-endpoints */
export const WebhookEndpointBody = z
  .object({
    url: z.string().trim().min(1).max(2000).meta({ description: 'https URL that receives the events' }),
    eventTypes: z
      .array(eventType)
      .max(64)
      .default([])
      .refine((a) => new Set(a).size === a.length, 'event types must not repeat')
      .meta({ description: 'Only these event types (as in the case history); empty: every event' }),
    owner: WebhookOwnerSchema.optional().meta({
      description: "Defaults to the caller's carrier (carrier keys) or agency (officers, managers); administrators must name it",
    }),
  })
  .strict()
  .meta({ id: 'WebhookEndpointInput' });

export const DELIVERY_STATUSES = ['PENDING', 'DELIVERED', 'FAILED', 'CANCELLED'] as const;

/** GET /v1/webhook-deliveries */
export const WebhookDeliveryListQuery = z
  .object({
    endpointId: z.string().min(1).max(64).optional(),
    caseId: z.string().min(1).max(200).optional(),
    status: z.enum(DELIVERY_STATUSES).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(500).optional(),
  })
  .strict();

// ---- responses ----

export const WebhookEndpointSchema = z
  .object({
    id: z.string(),
    owner: WebhookOwnerSchema,
    url: z.string(),
    eventTypes: z.array(z.string()),
    createdBy: z.string(),
    createdAt: instant,
    disabledAt: instant.nullable(),
  })
  .strict()
  .meta({ id: 'WebhookEndpoint' });

export const WebhookEndpointCreatedSchema = WebhookEndpointSchema.extend({
  secret: z
    .string()
    .regex(/^whsec_[A-Za-z0-9+/=]+$/)
    .meta({ description: 'Standard Webhooks signing secret; shown once' }),
  note: z.string(),
})
  .strict()
  .meta({ id: 'WebhookEndpointCreated' });

export const WebhookEndpointListSchema = z
  .object({ items: z.array(WebhookEndpointSchema) })
  .strict()
  .meta({ id: 'WebhookEndpointList' });

/** The JSON body a receiver gets (signed with the webhook-id, webhook-timestamp and webhook-signature headers). */
export const WebhookMessageSchema = z
  .object({
    type: z.string().meta({ description: 'case.<event type in lower case>, e.g. case.hold_confirmed' }),
    timestamp: instant,
    data: z
      .object({
        caseId: z.string(),
        caseNumber: z.string(),
        seq: z.number().int(),
        eventType: z.string(),
        at: instant,
        actor: z.object({ id: z.string().nullable(), role: z.string(), agencyId: z.string().nullable() }).strict(),
        reason: z.string().nullable(),
        payload: z.unknown(),
        notices: z.array(z.object({ kind: z.string(), payload: z.unknown() }).strict()),
      })
      .strict(),
  })
  .strict()
  .meta({ id: 'WebhookMessage' });

export const WebhookAttemptSchema = z
  .object({
    at: instant,
    statusCode: z.number().int().nullable(),
    error: z.string().nullable(),
    durationMs: z.number().int(),
  })
  .strict()
  .meta({ id: 'WebhookAttempt' });

export const WebhookDeliverySchema = z
  .object({
    id: z.string().meta({ description: 'Also the webhook-id header: the same on every attempt and replay' }),
    endpointId: z.string(),
    caseId: z.string(),
    eventType: z.string(),
    seq: z.number().int().nullable(),
    status: z.enum(DELIVERY_STATUSES),
    attemptCount: z.number().int().meta({ description: 'Attempts since the delivery was created or last replayed' }),
    nextAttemptAt: instant.nullable(),
    deliveredAt: instant.nullable(),
    createdAt: instant,
    attempts: z.array(WebhookAttemptSchema).meta({ description: 'Every attempt, oldest first' }),
    payload: WebhookMessageSchema,
  })
  .strict()
  .meta({ id: 'WebhookDelivery' });

export const WebhookDeliveryPageSchema = z
  .object({ items: z.array(WebhookDeliverySchema), next: z.string().nullable() })
  .strict()
  .meta({ id: 'WebhookDeliveryPage', description: 'Newest case event first' });
