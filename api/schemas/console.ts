/**
 * Requests and answers of the console's own endpoints (sign-in, passwords, notifications), as zod
 * schemas: they validate the input and are the OpenAPI document's (api/openapi.ts) for these routes.
 */
import { z } from 'zod';
import { PASSWORD_MAX, PASSWORD_MIN } from '../../platform/passwords.js';

const instant = z.iso.datetime().meta({ description: 'An instant, ISO 8601 in UTC' });
const username = z
  .string()
  .trim()
  .min(3)
  .max(64)
  .regex(/^[\p{L}\p{N}._@-]+$/u, 'letters, digits, dot, underscore, @ or dash');

/** POST /v1/session */
export const SignInBody = z
  .object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(PASSWORD_MAX) })
  .strict()
  .meta({ id: 'SignIn' });

/** PUT /v1/principals/{id}/password */
export const PasswordBody = z
  .object({
    username: username.meta({ description: 'The name the person signs in with (compared without case)' }),
    password: z
      .string()
      .min(PASSWORD_MIN)
      .max(PASSWORD_MAX)
      .meta({ description: `At least ${PASSWORD_MIN} characters; a pass phrase is best` }),
  })
  .strict()
  .meta({ id: 'PasswordSet' });

export const SessionSchema = z
  .object({
    principal: z.object({
      id: z.string(),
      name: z.string(),
      role: z.enum(['officer', 'manager', 'admin']),
      agencyId: z.string().nullable(),
      provinceCode: z.string().nullable(),
      title: z.string().nullable(),
    }),
    csrfToken: z.string().meta({ description: 'Send it back as X-CSRF-Token on every POST, PUT, PATCH and DELETE' }),
    expiresAt: instant.meta({ description: 'The session ends then at the latest, however active' }),
    idleTimeoutSeconds: z.number().int().min(1).meta({ description: 'The session ends after this long without a request' }),
  })
  .meta({ id: 'ConsoleSession', description: 'A signed-in person (the cookie itself is HttpOnly)' });

export const PasswordSetSchema = z
  .object({ principalId: z.string(), username: z.string(), setAt: instant, endedSessions: z.number().int().min(0) })
  .meta({ id: 'PasswordSetResult' });

/** GET /v1/notifications */
export const NotificationListQuery = z
  .object({
    unread: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional()
      .meta({ description: 'true: only the notices the caller has not read' }),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    cursor: z.string().max(500).optional(),
  })
  .strict();

export const NotificationSchema = z
  .object({
    id: z.string(),
    caseId: z.string(),
    caseNumber: z.string().nullable(),
    seq: z.number().int().min(0),
    recipient: z.string().meta({ description: 'agency:<id>, agency:<id>/managers, carrier:<id> or principal:<id>' }),
    kind: z.string().meta({ description: 'The case event the notice is about, e.g. AGENCIES_NOTIFIED' }),
    payload: z.unknown(),
    createdAt: instant,
    readAt: instant.nullable().meta({ description: 'When the caller read it; null while unread' }),
    links: z.object({ case: z.string() }),
  })
  .meta({ id: 'Notification' });

export const NotificationPageSchema = z
  .object({
    items: z.array(NotificationSchema),
    unreadCount: z.number().int().min(0).meta({ description: 'Every unread notice of the caller, not only this page' }),
    next: z.string().nullable(),
  })
  .meta({ id: 'NotificationPage', description: 'The caller’s and its agency’s notices, newest first' });

export const MarkedReadSchema = z
  .object({ marked: z.number().int().min(0), unreadCount: z.number().int().min(0) })
  .meta({ id: 'MarkedRead' });
