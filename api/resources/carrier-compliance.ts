import { z } from 'zod';
import { canReadCompliance } from '../../domain/report-access.js';
import { periodBounds, periodViolations, reportAsOf } from '../../domain/report-period.js';
import { carrierExists } from '../../prisma/carriers.js';
import { complianceSummary } from '../../prisma/carrier-compliance.js';
import { operation, type Operation } from '../http/operation.js';
import { problem } from '../http/problems.js';
import { isoDate } from '../schemas/fields.js';
import { LicenceSchema } from '../schemas/registry.js';

const ComplianceQuery = z
  .object({
    from: isoDate.optional().meta({ description: 'First day (Hà Nội); default 1 January of this year' }),
    to: isoDate.optional().meta({ description: 'Last day, included; default today' }),
  })
  .strict();

const count = z.number().int().min(0);
export const ComplianceSummarySchema = z
  .object({
    carrierId: z.string(),
    from: isoDate,
    to: isoDate,
    asOf: z.iso.datetime().meta({ description: 'The figures stand as the cases stood at this instant' }),
    detected: count.meta({ description: 'Cases it reported in the period' }),
    holdsConfirmed: count,
    holdsConfirmedOnTime: count.meta({ description: 'Confirmed before the hold-confirmation clock was missed' }),
    holdsMissed: count.meta({ description: 'Holds whose confirmation clock was missed' }),
    licenceFindings: count.meta({ description: 'Cases that found it without a valid licence or notification' }),
    validLicences: z.array(LicenceSchema).meta({ description: 'Valid on the last day' }),
  })
  .strict()
  .meta({ id: 'ComplianceSummary' });

const today = (now: Date) => new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10); // Hà Nội has no DST

/** A carrier's own compliance summary: its cases, holds on time, licence findings. */
export const carrierComplianceOperations: Operation[] = [
  operation({
    method: 'get',
    path: '/v1/carriers/{id}/compliance',
    operationId: 'getCarrierCompliance',
    summary: 'A carrier’s compliance summary: its cases, holds confirmed on time, licence findings',
    description: 'Read by the carrier itself, national managers and administrators; for anyone else the carrier is 404.',
    tags: ['Reports'],
    access: 'key',
    params: { id: { description: 'Carrier id' } },
    query: ComplianceQuery,
    responses: { 200: { description: 'The summary', schema: ComplianceSummarySchema } },
    problems: [400, 404],
    handler: async ({ params, query, req, res, deps }) => {
      if (!canReadCompliance(req.actor, params.id) || !(await carrierExists(deps.db, params.id)))
        throw problem(404, 'not-found', 'Carrier not found', `No carrier ${params.id} whose summary you may read.`);
      const now = new Date();
      const to = query.to ?? today(now);
      const period = { kind: 'RANGE' as const, from: query.from ?? `${to.slice(0, 4)}-01-01`, to };
      const violations = periodViolations(period);
      if (violations.length)
        throw problem(400, 'validation', 'Invalid request', `${violations.length} field(s) failed validation in the query.`, {
          errors: violations.map((v) => ({
            in: 'query',
            field: v.field.replace('period.', ''),
            message: v.message,
            code: 'invalid_value',
          })),
        });
      const { startsAt } = periodBounds(period);
      const { asOf } = reportAsOf(period, now);
      res.json(await complianceSummary(deps.db, { carrierId: params.id, from: period.from, to, startsAt, asOf }));
    },
  }),
];
