import { WithStartWorkflowOperation, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { canOpenCases } from '../../domain/access.js';
import { visibleCasePage, type CaseSortField } from '../../prisma/cases/lists.js';
import { caseExists } from '../../prisma/cases/visibility.js';
import { categoryExists, provinceExists } from '../../prisma/reference/reads.js';
import { routingInput, routingRefusal } from '../../prisma/reference/routing.js';
import { caseWorkflowId, openCase, type DetectionInput } from '../../workflows/definitions.js';
import type { caseWorkflow } from '../../workflows/case.js';
import { idempotent, requestFingerprint } from '../http/idempotency.js';
import { allow, location, operation, type Operation } from '../http/operation.js';
import { decodeCursor, encodeCursor, nextPageLink } from '../http/pagination.js';
import { problem } from '../http/problems.js';
import { CaseListQuery, DetectionBody, IdempotencyKeyHeader } from '../schemas/requests.js';
import { CasePageSchema, CaseResourceSchema, CaseSummarySchema } from '../schemas/responses.js';
import { caseIdParam, findVisibleCase } from './case-lookup.js';
import { caseResource, liveCase, recordSummary } from './case-responses.js';

const exampleDetection = {
  carrierRef: 'VN-2026-000123',
  trackingNumber: 'EE123456789VN',
  servicePoint: 'Bưu cục Hoằng Hóa',
  provinceCode: 'TH',
  stage: 'ACCEPTANCE',
  categoryCode: 'COUNTERFEIT',
  description: '20 túi xách giả nhãn hiệu',
  evidence: [{ ref: 'photo-1.jpg', description: 'Ảnh kiện hàng' }],
};

/** Intake, the list of visible cases, and one case live from its workflow. */
export const caseOperations: Operation[] = [
  operation({
    method: 'post',
    path: '/v1/cases',
    operationId: 'openCase',
    summary: 'Open a case (carrier intake)',
    description:
      'Registers what a carrier stopped and starts the case: returns once the case is numbered and its agencies notified. ' +
      'Idempotent per Idempotency-Key: a repeat with the same body gets the first answer (`Idempotent-Replayed: true`), with another body 422.',
    tags: ['Cases'],
    access: allow(canOpenCases, 'open cases'),
    headers: {
      'Idempotency-Key': { schema: IdempotencyKeyHeader, required: true, description: 'A unique key per intake; retry with the same key' },
    },
    body: { schema: DetectionBody, required: true, example: exampleDetection },
    responses: {
      201: {
        description: 'The case was opened (or, on a replay, had been)',
        schema: CaseResourceSchema,
        headers: {
          ...location('The case'),
          'Idempotent-Replayed': {
            description: '`true` when this is the stored answer to an earlier request with the same key',
            schema: { type: 'string', enum: ['true'] },
          },
        },
      },
    },
    problems: [400, 403, 409, 413, 415, 422],
    // update-with-start returns once the case is numbered and its agencies notified
    handler: async ({ headers, body, req, res, deps }) => {
      const { db, temporal } = deps;
      const key = headers['Idempotency-Key'];
      const actor = req.actor;
      const carrierId = actor.carrierId!;
      const result = await idempotent(
        db,
        { principalId: actor.id, key, fingerprint: requestFingerprint('POST', '/v1/cases', body), staleMs: deps.idempotencyStaleMs },
        async (takeover) => {
          const workflowId = caseWorkflowId(carrierId, body.carrierRef);
          // the checks read at once, then answer in order: unknown references, unroutable, duplicate (issue 18)
          const [category, province, unroutable, exists] = await Promise.all([
            categoryExists(db, body.categoryCode),
            provinceExists(db, body.provinceCode),
            routingRefusal(db, routingInput(body), body.detectedAt ? new Date(body.detectedAt) : new Date()),
            takeover ? false : caseExists(db, workflowId),
          ]);
          if (!category || !province)
            throw problem(
              422,
              'unknown-reference',
              'Unknown category or province',
              `${!category ? `categoryCode ${body.categoryCode}` : `provinceCode ${body.provinceCode}`} is not in the reference data.`,
            );
          // the agencies are administered data: a gap or an overlap (a reorganisation half done) is refused here, not left to fail the case
          if (unroutable)
            throw problem(
              422,
              'unroutable',
              'No agency to route the case to',
              `The reference data cannot route this case: ${unroutable}. An administrator must correct the agencies.`,
            );
          if (exists)
            throw problem(
              409,
              'duplicate-carrier-reference',
              'Carrier reference already used',
              `A case with carrierRef ${body.carrierRef} exists.`,
              { case: `/v1/cases/${workflowId}` },
            );
          const detection: DetectionInput = { ...body, carrierId, reportedBy: actor };
          const startWorkflowOperation = new WithStartWorkflowOperation<typeof caseWorkflow>('caseWorkflow', {
            workflowId,
            taskQueue: deps.taskQueue,
            args: [{ detection }],
            workflowIdConflictPolicy: 'USE_EXISTING',
            workflowIdReusePolicy: 'REJECT_DUPLICATE', // a closed case's reference is never reused
          });
          let view;
          try {
            view = await temporal.client.workflow.executeUpdateWithStart(openCase, { args: [], startWorkflowOperation });
          } catch (e) {
            if (e instanceof WorkflowExecutionAlreadyStartedError)
              throw problem(
                409,
                'duplicate-carrier-reference',
                'Carrier reference already used',
                `The case with carrierRef ${body.carrierRef} is closed.`,
                { case: `/v1/cases/${workflowId}` },
              );
            throw e;
          }
          deps.faults?.afterCaseStarted?.();
          return { status: 201, body: caseResource(view, []) };
        },
      );
      if (result.replayed) res.setHeader('Idempotent-Replayed', 'true');
      res
        .status(result.status)
        .location(`/v1/cases/${(result.body as { id: string }).id}`)
        .json(result.body);
    },
  }),
  operation({
    method: 'get',
    path: '/v1/cases',
    operationId: 'listCases',
    summary: 'List the cases visible to the caller',
    description: 'Keyset-paginated; follow `next` for the following page.',
    tags: ['Cases'],
    access: 'key',
    query: CaseListQuery,
    responses: { 200: { description: 'A page of cases', schema: CasePageSchema } },
    problems: [400],
    handler: async ({ query: q, req, res, deps }) => {
      const { sort, limit, cursor, assignedToMe, ...filter } = q;
      const page = await visibleCasePage(
        deps.db,
        req.actor,
        { ...filter, assigneeId: assignedToMe ? req.actor.id : undefined },
        {
          field: sort.replace('-', '') as CaseSortField,
          desc: sort.startsWith('-'),
          after: cursor ? decodeCursor(cursor, sort) : null,
          limit,
        },
      );
      const next = page.next ? encodeCursor(sort, page.next) : null;
      res.json({
        items: page.rows.map(recordSummary),
        next: next ? nextPageLink('/v1/cases', req.query, 'cursor', next) : null,
      });
    },
  }),
  operation({
    method: 'get',
    path: '/v1/cases/{id}',
    operationId: 'getCase',
    summary: 'A case, live from its workflow',
    tags: ['Cases'],
    access: 'key',
    params: { id: caseIdParam },
    responses: {
      200: {
        description: 'The case with what the caller may do next; a case whose workflow is no longer retained comes from its stored record',
        schema: { anyOf: [CaseResourceSchema, CaseSummarySchema] },
      },
    },
    problems: [400, 404],
    handler: async ({ params, req, res, deps }) => {
      const row = await findVisibleCase(deps.db, req.actor, params.id);
      res.json(await liveCase(deps.temporal.client, row, req.actor));
    },
  }),
];
