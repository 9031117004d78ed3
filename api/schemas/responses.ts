/**
 * What the API answers, as zod schemas: the OpenAPI document's response bodies. They mirror the
 * TypeScript types the handlers return (domain/case-view.ts, api/resources/case-responses.ts); the
 * type checks at the end of this file fail the build when the two drift apart. Objects are strict
 * (`additionalProperties: false` in the document), so the Schemathesis run also catches drift.
 */
import { z } from 'zod';
import { IncidentSchema } from './incidents.js';
import type { CaseResource, recordSummary } from '../resources/case-responses.js';
import { instant as anInstant, isoDate } from './fields.js';
import {
  actionKind,
  caseStatus,
  clockId,
  inspectionFinding,
  originKind,
  outcome,
  principalRole,
  serviceMethod,
  stage,
  violationParty,
  violator,
} from './vocabulary.js';

const instant = anInstant.meta({ description: 'An instant, ISO 8601 in UTC' });
const vnd = z.number().int().min(0);

export const CaseStatusSchema = caseStatus.meta({ id: 'CaseStatus' });
export const ActionKindSchema = actionKind.meta({ id: 'ActionKind' });

export const DeadlineSchema = z
  .object({
    clock: clockId,
    startedAt: instant,
    dueAt: instant,
    overdue: z.boolean(),
    escalationLevel: z.number().int().min(0),
    nextEscalationAt: instant.nullable(),
    extensions: z.array(z.string()),
    availableExtensions: z.array(z.string()),
  })
  .meta({ id: 'Deadline', description: 'A running legal or policy clock' });

/** How an agency opened the case (domain/case-origins.ts). */
export const CaseOriginSchema = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('EMERGENCY_STOP'),
      agencyId: z.string(),
      reason: z.string(),
      legalBasis: z.string(),
    }),
    z.object({
      kind: z.literal('INSPECTION'),
      agencyId: z.string(),
      finding: inspectionFinding,
      legalBasis: z.string(),
      violationDate: isoDate.optional(),
    }),
  ])
  .meta({
    id: 'CaseOrigin',
    description:
      'An agency opened the case: an emergency stop (TH §7(b)) or an inspection finding (CT 28 §3, §5, §8); absent: the carrier’s report',
  });

export const CaseLinksSchema = z.object({ self: z.string(), history: z.string() }).meta({ id: 'CaseLinks' });

/** CaseView (domain/case-view.ts) + allowedActions + links. */
const ActionLinkSchema = z
  .object({
    action: ActionKindSchema,
    method: z.literal('POST'),
    path: z.string().meta({ example: '/v1/cases/case:VNP:VN-2026-000123/verification' }),
    body: z
      .record(z.string(), z.string())
      .optional()
      .meta({ description: 'Fields the body must carry to select this action, e.g. {"outcome":"started"}' }),
  })
  .strict()
  .meta({ id: 'ActionLink' });

export const CaseResourceSchema = z
  .object({
    id: z.string(),
    number: z.string().meta({ description: 'Case number, e.g. TH-2026-000001' }),
    status: CaseStatusSchema,
    carrierId: z.string(),
    carrierRef: z.string(),
    trackingNumber: z.string(),
    provinceCode: z.string(),
    categoryCode: z.string(),
    stage,
    detectedAt: instant,
    leadAgencyId: z.string().nullable(),
    agencyIds: z.array(z.string()).meta({ description: 'Routed agencies, lead first' }),
    acknowledgements: z.array(z.object({ agencyId: z.string(), by: z.string(), at: instant })),
    assignee: z
      .object({ id: z.string(), name: z.string(), at: instant, by: z.string() })
      .nullable()
      .meta({ description: 'The lead agency’s officer handling the case; null until assigned' }),
    flags: z.object({
      crossBorder: z.boolean(),
      kt1: z.boolean(),
      signsOfCrime: z.boolean(),
      restricted: z.boolean(),
      holdConfirmed: z.boolean(),
      informationRequested: z.boolean(),
      overdue: z.boolean(),
    }),
    violation: z
      .object({
        confirmedAt: instant,
        against: violationParty,
        violationDate: isoDate,
        recordNumber: z.string().nullable(),
        recordedAt: instant.nullable(),
        seized: z.boolean(),
      })
      .nullable(),
    proposal: z
      .object({
        by: z.string(),
        agencyId: z.string(),
        at: instant,
        offenceCode: z.string(),
        amountVnd: vnd,
        violator,
        extraPenalties: z.array(z.string()),
        remedialMeasures: z.array(z.string()),
        legalArticle: z.string(),
      })
      .nullable(),
    decision: z
      .object({
        by: z.string(),
        at: instant,
        outcome: z.enum(['approve', 'sendBack', 'noSanction']),
        reason: z.string().nullable(),
        decisionNumber: z.string().nullable(),
      })
      .nullable(),
    fine: z
      .object({
        amountVnd: vnd,
        violator,
        servedAt: instant.nullable(),
        serviceMethod: serviceMethod.nullable(),
        dueAt: instant.nullable(),
        paidVnd: vnd,
        interestVnd: vnd,
        outstandingVnd: vnd,
      })
      .nullable(),
    payments: z.array(z.object({ amountVnd: vnd, at: instant, by: z.string(), receiptRef: z.string().nullable() })),
    deadlines: z.array(DeadlineSchema).meta({ description: 'Running clocks only' }),
    outcome: outcome.nullable(),
    closedAt: instant.nullable(),
    servicePoint: z
      .object({
        given: z.string().meta({ description: 'What the carrier reported: a registered code, or free text' }),
        registered: z
          .object({ code: z.string(), name: z.string(), provinceCode: z.string(), communeLevel: z.boolean(), remote: z.boolean() })
          .nullable()
          .meta({ description: 'The carrier’s point registered under that code, open on the day of detection; null: not registered' }),
      })
      .optional(),
    licenceFinding: z
      .object({ kind: z.literal('NO_VALID_LICENCE'), carrierId: z.string(), on: isoDate, recordedAt: instant })
      .optional()
      .meta({ description: 'The carrier held no licence or notification of postal activity valid on the day of detection' }),
    origin: CaseOriginSchema.optional(),
    allowedActions: z.array(ActionKindSchema).meta({ description: 'What the caller may do to the case now' }),
    actions: z.array(ActionLinkSchema).meta({
      description: 'The request that takes each allowed action, in the same order: method, path, and the body fields that select it',
    }),
    links: CaseLinksSchema,
    incident: IncidentSchema.optional().meta({
      description: 'Managers and administrators: the incident that holds the case’s steps, while one is open',
    }),
  })
  .meta({ id: 'Case', description: 'A case as its workflow holds it, with what the caller may do next' });

/** The stored case row (lists; a case whose workflow history is no longer retained). */
export const CaseSummarySchema = z
  .object({
    id: z.string(),
    number: z.string(),
    status: CaseStatusSchema,
    carrierId: z.string(),
    carrierRef: z.string(),
    trackingNumber: z.string(),
    servicePoint: z.string(),
    provinceCode: z.string(),
    categoryCode: z.string(),
    stage,
    leadAgencyId: z.string().nullable(),
    agencyIds: z.array(z.string()),
    assignee: z
      .object({ id: z.string(), name: z.string() })
      .nullable()
      .meta({ description: 'The lead agency’s officer handling the case' }),
    flags: z.object({ crossBorder: z.boolean(), kt1: z.boolean(), signsOfCrime: z.boolean(), overdue: z.boolean() }),
    nextDeadlineAt: instant.nullable(),
    deadlines: z.array(DeadlineSchema),
    fineVnd: vnd.nullable(),
    paidVnd: vnd,
    interestVnd: vnd,
    outcome: outcome.nullable(),
    origin: originKind.meta({ description: 'How the case began: the carrier’s report, an agency’s emergency stop, an inspection finding' }),
    detectedAt: instant,
    closedAt: instant.nullable(),
    updatedAt: instant,
    links: CaseLinksSchema,
  })
  .meta({ id: 'CaseSummary', description: 'A case as stored for lists and reports' });

export const CasePageSchema = z
  .object({
    items: z.array(CaseSummarySchema),
    next: z.string().nullable().meta({ description: 'The next page, or null on the last one' }),
  })
  .meta({ id: 'CasePage' });

export const HistoryEventSchema = z
  .object({
    seq: z.number().int().min(1),
    at: instant,
    type: z.string(),
    actor: z.object({ id: z.string().nullable(), role: z.string(), agencyId: z.string().nullable() }),
    from: z.string().nullable(),
    to: z.string().nullable(),
    changes: z.record(z.string(), z.object({ old: z.unknown(), new: z.unknown() })).meta({ description: 'Field → old and new value' }),
    reason: z.string().nullable(),
    payload: z.unknown(),
    hash: z.string().meta({ description: 'This event’s link in the case’s hash chain' }),
  })
  .meta({ id: 'HistoryEvent' });

export const HistoryPageSchema = z
  .object({
    caseId: z.string(),
    number: z.string(),
    events: z.array(HistoryEventSchema),
    next: z.string().nullable(),
  })
  .meta({ id: 'HistoryPage', description: 'The case’s audit log, oldest first' });

export const TemporalHistorySchema = z
  .object({
    caseId: z.string(),
    number: z.string(),
    runs: z.array(
      z.object({
        runId: z.string(),
        status: z.string(),
        startTime: instant,
        events: z.array(z.looseObject({})).meta({ description: 'Temporal history events as the SDK returns them' }),
      }),
    ),
  })
  .meta({ id: 'TemporalHistory', description: 'The workflow’s own event history, run by run (managers only)' });

export const KeySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string().meta({ description: 'Recognises the key in lists: pw_<prefix>_…' }),
    createdAt: instant,
    lastUsedAt: instant.nullable(),
    revokedAt: instant.nullable(),
  })
  .meta({ id: 'ApiKey' });

const principalFields = {
  id: z.string(),
  name: z.string(),
  role: principalRole,
  carrierId: z.string().nullable(),
  agencyId: z.string().nullable(),
  provinceCode: z.string().nullable(),
  title: z.string().nullable(),
  createdAt: instant,
  disabledAt: instant.nullable(),
};

export const PrincipalSchema = z.object({ ...principalFields, keys: z.array(KeySchema) }).meta({ id: 'Principal' });

export const PrincipalListSchema = z.object({ items: z.array(PrincipalSchema) }).meta({ id: 'PrincipalList' });

export const CreatedPrincipalSchema = z
  .object({
    ...principalFields,
    key: z.object({ id: z.string(), token: z.string().meta({ description: 'The bearer key; shown once' }), note: z.string() }),
  })
  .meta({ id: 'CreatedPrincipal' });

export const CreatedKeySchema = KeySchema.extend({
  token: z.string().meta({ description: 'The bearer key; shown once' }),
  note: z.string(),
}).meta({
  id: 'CreatedKey',
});

export const CarrierSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kt1: z.boolean(),
    licenceNumber: z.string().nullable(),
    licenceValidTo: isoDate.nullable(),
    complianceContact: z.string().nullable(),
    createdAt: instant,
  })
  .meta({ id: 'Carrier' });

export const CarrierListSchema = z.object({ items: z.array(CarrierSchema) }).meta({ id: 'CarrierList' });

export const HealthSchema = z.object({ status: z.literal('ok') });
export const ReadySchema = z.object({ status: z.literal('ready'), checks: z.record(z.string(), z.literal('up')) });

// ---- drift checks: the schemas and the handlers' types must describe the same JSON ----
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const assertSame = <T extends true>(_: T) => {};
type Resource = Omit<z.infer<typeof CaseResourceSchema>, 'allowedActions'>;
assertSame<Same<Resource, Omit<CaseResource, 'allowedActions'>>>(true);
// the stored row types status, stage and outcome as plain strings: compare the fields
assertSame<Same<keyof z.infer<typeof CaseSummarySchema>, keyof ReturnType<typeof recordSummary>>>(true);
assertSame<Same<keyof z.infer<typeof CaseSummarySchema>['flags'], keyof ReturnType<typeof recordSummary>['flags']>>(true);
