/**
 * The request bodies, queries and headers of cases, principals and carriers, as zod schemas: the
 * single source for validation and for the OpenAPI document. Objects are strict: unknown fields
 * are refused. (The action bodies are rows of api/resources/case-action-table.ts.)
 */
import { z } from 'zod';
import { detectionInstant, isoDate, provinceCode, text, upperCode, evidence } from './fields.js';
import { caseStatus, clockId, principalRole, stage } from './vocabulary.js';

const code = upperCode('COUNTERFEIT');
export const carrierRefSchema = z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, '1-64 letters, digits, dot, dash or underscore');

/** POST /v1/cases: what a carrier reports (docs/domain-model.md, "The case, step by step"). */
export const DetectionBody = z
  .object({
    carrierRef: carrierRefSchema.meta({ description: "The carrier's own reference; unique per carrier" }),
    trackingNumber: text(64),
    servicePoint: text(200).meta({
      description:
        'The code of one of the carrier’s registered service points (GET /v1/reference/service-points), or free text for a point not registered yet (counted as unregistered)',
    }),
    provinceCode,
    stage,
    categoryCode: code,
    description: text(4000),
    crossBorder: z.boolean().default(false),
    kt1: z.boolean().default(false),
    signsOfCrime: z.boolean().default(false),
    evidence: z.array(evidence).max(50).default([]),
    detectedAt: detectionInstant
      .optional()
      .meta({ description: 'When the item was found: not in the future (5 minutes of clock skew allowed), at most 30 days back' }),
  })
  .strict()
  .meta({ id: 'Detection' });

const boolQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

/** GET /v1/cases */
export const CaseListQuery = z
  .object({
    status: caseStatus.optional(),
    province: provinceCode.optional(),
    category: code.optional(),
    leadAgency: text(64).optional(),
    carrier: text(64).optional(),
    overdue: boolQuery.optional(),
    open: boolQuery.optional().meta({ description: 'true: only cases not yet closed' }),
    clock: clockId.optional().meta({ description: 'Only cases where this clock is running' }),
    assignedToMe: boolQuery.optional().meta({ description: 'true: only cases assigned to the caller' }),
    detectedFrom: z.iso.datetime({ offset: true }).optional(),
    detectedTo: z.iso.datetime({ offset: true }).optional(),
    q: text(64).optional().meta({ description: 'Tracking number or case number (prefix match)' }),
    sort: z.enum(['detectedAt', '-detectedAt', 'nextDeadlineAt', '-nextDeadlineAt', 'number', '-number']).default('-detectedAt'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(500).optional(),
  })
  .strict();

/** GET /v1/cases/{id}/history */
export const HistoryQuery = z
  .object({
    format: z.enum(['json', 'csv']).default('json'),
    source: z.enum(['domain', 'temporal']).default('domain'),
    limit: z.coerce.number().int().min(1).max(1000).default(200),
    after: z.coerce.number().int().min(0).max(2_147_483_647).default(0).meta({ description: 'Return events after this sequence number' }),
  })
  .strict();

export const IdempotencyKeyHeader = z.string().regex(/^[A-Za-z0-9._:-]{8,128}$/, '8-128 characters: letters, digits, . _ : -');

/** POST /v1/principals */
export const PrincipalBody = z
  .object({
    name: text(200),
    role: principalRole,
    carrierId: text(64).optional(),
    agencyId: text(64).optional(),
    provinceCode: provinceCode.optional(),
    title: code.optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.role === 'carrier' && !p.carrierId)
      ctx.addIssue({ code: 'custom', path: ['carrierId'], message: 'a carrier principal is bound to one carrier' });
    if (p.role === 'officer' && !p.agencyId)
      ctx.addIssue({ code: 'custom', path: ['agencyId'], message: 'an officer is bound to one agency' });
    if (p.role !== 'carrier' && p.carrierId)
      ctx.addIssue({ code: 'custom', path: ['carrierId'], message: 'only carrier principals have a carrier' });
  });

/** POST /v1/principals/{id}/keys */
export const KeyBody = z.object({ name: text(100) }).strict();

/** POST /v1/carriers: the carriers whose systems open cases (licence details are optional). */
export const CarrierBody = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, '1-32 letters, digits, - or _'),
    name: text(200),
    kt1: z.boolean().default(false),
    licenceNumber: text(64).optional(),
    licenceValidTo: isoDate.optional(),
    complianceContact: text(200).optional(),
  })
  .strict();
