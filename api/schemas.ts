/**
 * Every request body and query the API accepts, as zod schemas: the single source for
 * validation and for the OpenAPI document. Objects are strict: unknown fields are refused.
 */
import { z } from 'zod';
import { CASE_STATUSES } from '../domain/case-states.js';

const text = (max: number) => z.string().trim().min(1).max(max);
const code = z.string().regex(/^[A-Z0-9_]{1,64}$/, 'an upper-case code like COUNTERFEIT');
export const carrierRefSchema = z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, '1-64 letters, digits, dot, dash or underscore');
const vnd = z.number().int().min(0).max(9_000_000_000_000);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');
const evidence = z.object({ ref: text(500), description: text(1000) }).strict();

/** POST /v1/cases: what a carrier reports (domain.md section 4, step 1). */
export const DetectionBody = z
  .object({
    carrierRef: carrierRefSchema.meta({ description: "The carrier's own reference; unique per carrier" }),
    trackingNumber: text(64),
    servicePoint: text(200),
    provinceCode: z.string().regex(/^[A-Z]{2,3}$/),
    stage: z.enum(['ACCEPTANCE', 'SORTING', 'TRANSIT', 'DELIVERY']),
    categoryCode: code,
    description: text(4000),
    crossBorder: z.boolean().default(false),
    kt1: z.boolean().default(false),
    signsOfCrime: z.boolean().default(false),
    evidence: z.array(evidence).max(50).default([]),
    detectedAt: z.iso.datetime({ offset: true }).optional(),
  })
  .strict()
  .meta({ id: 'Detection' });

/** The action endpoints: path segment → body schema → the workflow action it sends. */
export const ACTION_BODIES = {
  'hold-confirmation': z.object({ holdRecordRef: text(200) }).strict(),
  acknowledgement: z.object({}).strict(),
  'information-requests': z.object({ question: text(4000) }).strict(),
  'information-responses': z.object({ answer: text(4000), evidence: z.array(evidence).max(50).optional() }).strict(),
  verification: z.discriminatedUnion('outcome', [
    z.object({ outcome: z.literal('started') }).strict(),
    z.object({ outcome: z.literal('cleared'), reason: text(4000) }).strict(),
    z
      .object({
        outcome: z.literal('violation'),
        against: z.enum(['SENDER', 'CARRIER', 'BOTH']),
        summary: text(4000),
        violationDate: isoDate.optional(),
      })
      .strict(),
  ]),
  routing: z.object({ agencyId: text(64), reason: text(2000), asLead: z.boolean().optional() }).strict(),
  'deadline-extensions': z.object({ clock: code, extension: text(64), reason: text(2000) }).strict(),
  'violation-record': z.object({ recordNumber: text(64), seized: z.boolean() }).strict(),
  'sanction-proposal': z
    .object({
      offenceCode: code,
      amountVnd: vnd,
      violator: z.enum(['ORGANISATION', 'INDIVIDUAL']),
      extraPenalties: z.array(code).max(10).default([]),
      remedialMeasures: z.array(text(500)).max(10).optional(),
      legalArticle: text(200),
    })
    .strict(),
  'sanction-decision': z.discriminatedUnion('outcome', [
    z.object({ outcome: z.literal('approve'), decisionNumber: text(64) }).strict(),
    z.object({ outcome: z.literal('sendBack'), reason: text(2000) }).strict(),
    z.object({ outcome: z.literal('noSanction'), reason: text(2000) }).strict(),
  ]),
  'decision-service': z.object({ method: z.enum(['IN_PERSON', 'POST', 'ELECTRONIC']) }).strict(),
  payments: z.object({ amountVnd: vnd.min(1), receiptRef: text(100).optional() }).strict(),
  enforcement: z.discriminatedUnion('step', [
    z.object({ step: z.literal('start'), reason: text(2000).optional() }).strict(),
    z.object({ step: z.literal('completed'), measure: text(500), collectedVnd: vnd }).strict(),
  ]),
  release: z.object({}).strict(),
  referral: z.object({ reason: text(4000), investigatingBody: text(200).optional() }).strict(),
  'referral-return': z.object({ reason: text(4000) }).strict(),
  notes: z.object({ text: text(4000) }).strict(),
  evidence: z.object({ evidence: z.array(evidence).min(1).max(50) }).strict(),
} as const;
export type ActionEndpoint = keyof typeof ACTION_BODIES;

const boolQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

/** GET /v1/cases */
export const CaseListQuery = z
  .object({
    status: z.enum(CASE_STATUSES).optional(),
    province: z
      .string()
      .regex(/^[A-Z]{2,3}$/)
      .optional(),
    category: code.optional(),
    leadAgency: text(64).optional(),
    carrier: text(64).optional(),
    overdue: boolQuery.optional(),
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
    role: z.enum(['carrier', 'officer', 'manager', 'admin']),
    carrierId: text(64).optional(),
    agencyId: text(64).optional(),
    provinceCode: z
      .string()
      .regex(/^[A-Z]{2,3}$/)
      .optional(),
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
