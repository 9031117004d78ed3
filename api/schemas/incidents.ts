/**
 * Incidents: the query of their list and the resource the API answers with, as zod schemas for
 * validation and the OpenAPI document.
 */
import { z } from 'zod';
import { instant } from './fields.js';

/** GET /v1/incidents */
export const IncidentListQuery = z
  .object({
    state: z.enum(['open', 'resolved', 'all']).default('open'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

export const IncidentSchema = z
  .object({
    id: z.string(),
    caseId: z.string().meta({ description: 'The case’s id; a case whose registration was refused has no record yet' }),
    state: z.enum(['open', 'resolved']),
    activity: z.enum(['planCase', 'registerCase', 'recordEvent']).meta({ description: 'What failed' }),
    step: z
      .object({ seq: z.number().int(), type: z.string() })
      .strict()
      .nullable()
      .meta({ description: 'The audit event that could not be written (null: the case could not be planned)' }),
    error: z
      .object({ type: z.string(), sqlState: z.string().nullable(), message: z.string() })
      .strict()
      .meta({ description: 'DataRejected (PostgreSQL refused the data; its SQLSTATE) or RoutingError (reference data missing)' }),
    openedAt: instant,
    lastFailedAt: instant,
    failures: z.number().int().min(1).meta({ description: 'Refused attempts: the first, and each retry refused again' }),
    retriedAt: instant.nullable(),
    retriedBy: z.string().nullable(),
    resolvedAt: instant.nullable(),
    links: z.object({ self: z.string(), case: z.string(), retry: z.string() }).strict(),
  })
  .strict()
  .meta({ id: 'Incident', description: 'A write of a case the database refused for good; the case waits for an administrator’s retry' });

export const IncidentListSchema = z
  .object({ items: z.array(IncidentSchema) })
  .strict()
  .meta({ id: 'IncidentList' });
