/**
 * Requests and answers of the report endpoints (docs/reports.md "API"), as zod schemas: the single
 * source for validation and for the OpenAPI document. The content of a report is described in
 * docs/reports.md ("Content schema") and left open here: its tables are data, not API shape.
 */
import { z } from 'zod';
import type { ReportSummary } from '../../prisma/report-lists.js';
import type { StoredReport } from '../../prisma/reports.js';
import type { ReportProgress } from '../../workflows/report-definitions.js';
import { isoDate, instant as anInstant, provinceCode } from './fields.js';

const instant = anInstant.meta({ description: 'An instant, ISO 8601 in UTC' });
const year = z.number().int().min(2000).max(2999);

export const ReportScopeSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('NATIONAL') }).strict(),
    z.object({ kind: z.literal('PROVINCE'), provinceCode }).strict(),
  ])
  .meta({ id: 'ReportScope', description: 'The whole country, or one province' });

export const ReportPeriodSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('H1'), year }).strict(),
    z.object({ kind: z.literal('YEAR'), year }).strict(),
    z.object({ kind: z.literal('RANGE'), from: isoDate, to: isoDate }).strict(),
  ])
  .meta({ id: 'ReportPeriod', description: 'The first half-year, a year, or any range of days (both included), in Hà Nội dates' });

export const Kt1ModeSchema = z
  .enum(['EXCLUDED', 'INCLUDED', 'ONLY'])
  .meta({ id: 'Kt1Mode', description: 'Whether KT1 cases are counted: not at all, with the others, or alone (the KT1 focal point)' });

const reportTrigger = z.enum(['SCHEDULE', 'API']);

/** POST /v1/reports */
export const ReportRequestBody = z
  .object({
    scope: ReportScopeSchema,
    period: ReportPeriodSchema,
    kt1: Kt1ModeSchema.optional().meta({
      description: 'Absent: the fullest report the caller may read (INCLUDED, else EXCLUDED, else ONLY)',
    }),
  })
  .strict()
  .meta({ id: 'ReportRequest' });

/** GET /v1/reports */
export const ReportListQuery = z
  .object({
    scope: z.enum(['NATIONAL', 'PROVINCE']).optional(),
    provinceCode: provinceCode.optional(),
    periodKind: z.enum(['H1', 'YEAR', 'RANGE']).optional(),
    year: z.coerce.number().int().min(2000).max(2999).optional().meta({ description: 'Reports of periods starting in this year' }),
    kt1: Kt1ModeSchema.optional(),
    asOfNow: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional()
      .meta({ description: '`false`: only reports of ended periods' }),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(500).optional().meta({ description: 'From `next` of the previous page' }),
  })
  .strict();

/** GET /v1/reports/{id} */
export const ReportReadQuery = z
  .object({
    format: z
      .enum(['json', 'csv', 'html'])
      .optional()
      .meta({ description: 'Absent: by the Accept header (text/html, text/csv, else JSON)' }),
    table: z
      .string()
      .regex(/^[A-Za-z]{1,40}$/)
      .optional()
      .meta({ description: 'CSV only: one table by its id (e.g. casesByCategory), or `info`; absent: a zip of every table' }),
    lang: z.enum(['vi', 'en']).optional().meta({ description: 'CSV headers and labels; absent: by Accept-Language, Vietnamese first' }),
  })
  .strict();

export const ReportIdParam = z.string().regex(/^rpt_[0-9a-f]{24}$/, 'a report id rpt_<24 hex digits>');
export const ReportRunIdParam = z.string().regex(/^report-[A-Za-z0-9.:_-]{1,200}$/, 'a report run id');

const reportLinks = z.object({ self: z.string(), html: z.string(), csv: z.string() }).strict();

export const ReportSummarySchema = z
  .object({
    id: z.string(),
    key: z.string().meta({ description: 'scope:period:kt1' }),
    scope: ReportScopeSchema,
    period: ReportPeriodSchema,
    from: isoDate,
    to: isoDate,
    kt1: Kt1ModeSchema,
    asOf: instant.meta({ description: 'The figures stand as the cases stood at this instant' }),
    asOfNow: z.boolean().meta({ description: 'The period had not ended: provisional figures' }),
    checksum: z.string().meta({ description: 'SHA-256 of the content’s canonical JSON' }),
    referenceVersion: z.number().int().meta({ description: 'The reference change log’s position the report read' }),
    generatedAt: instant,
    trigger: reportTrigger,
    links: reportLinks,
  })
  .strict()
  .meta({ id: 'ReportSummary' });

export const ReportPageSchema = z
  .object({ items: z.array(ReportSummarySchema), next: z.string().nullable() })
  .strict()
  .meta({ id: 'ReportPage' });

const label = z.object({ vi: z.string(), en: z.string() }).strict();

export const ReportSchema = z
  .object({
    id: z.string(),
    key: z.string(),
    checksum: z.string(),
    referenceVersion: z.number().int(),
    generatedAt: instant,
    trigger: reportTrigger,
    requestedBy: z.string(),
    content: z
      .object({ schema: z.literal('postwatch.report/1') })
      .loose()
      .meta({ description: 'The report itself: docs/reports.md "Content schema"; the checksum covers it' }),
    names: z
      .object({
        category: z.record(z.string(), label),
        carrier: z.record(z.string(), label),
        province: z.record(z.string(), label),
      })
      .strict()
      .meta({ description: 'Labels of the codes in content, from the reference data (outside the checksum)' }),
    links: reportLinks,
  })
  .strict()
  .meta({ id: 'Report' });

const generatedSchema = z
  .object({
    id: z.string(),
    key: z.string(),
    kt1: Kt1ModeSchema,
    checksum: z.string(),
    asOf: instant,
    asOfNow: z.boolean(),
    created: z.boolean().meta({ description: 'false: the same report (same parameters, same data) was stored already' }),
  })
  .strict();

export const ReportRunSchema = z
  .object({
    id: z.string().meta({ description: 'The run (a Temporal workflow id)' }),
    status: z.enum(['RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED', 'TERMINATED', 'TIMED_OUT', 'CONTINUED_AS_NEW', 'UNKNOWN']),
    scope: ReportScopeSchema,
    period: ReportPeriodSchema,
    variants: z.array(Kt1ModeSchema),
    reports: z.array(generatedSchema.extend({ links: reportLinks })).meta({ description: 'Stored so far' }),
    notified: z.boolean().meta({ description: 'The scope’s managers have been told' }),
    links: z.object({ self: z.string() }).strict(),
  })
  .strict()
  .meta({ id: 'ReportRun', description: 'A report run: poll `links.self` until `status` is COMPLETED' });

// The schemas must describe what the handlers return: these fail the build when they drift apart.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
type Links = { links: z.infer<typeof reportLinks> };
export const summaryMatches: Same<z.infer<typeof ReportSummarySchema>, ReportSummary & Links> = true;
export const reportMatches: Same<Omit<z.infer<typeof ReportSchema>, 'content'>, Omit<StoredReport, 'content'> & Links> = true;
export const progressMatches: Same<z.infer<typeof ReportRunSchema>['scope'], ReportProgress['scope']> = true;
