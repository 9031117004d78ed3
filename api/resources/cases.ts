import { WithStartWorkflowOperation, WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { canOpenCases } from '../../domain/access.js';
import { allowedActions as allowedFor } from '../../domain/case-states.js';
import { openingDone } from '../../domain/case-origins.js';
import { visibleCasePage, type CaseSortField } from '../../prisma/cases/lists.js';
import { caseIdOfCarrierRef } from '../../prisma/cases/visibility.js';
import { categoryExists, provinceExists } from '../../prisma/reference/reads.js';
import { routingInput, routingRefusal } from '../../prisma/reference/routing.js';
import { caseWorkflowId, getCase, getIncident, openCase, type DetectionInput, type OpenedCase } from '../../workflows/definitions.js';
import type { caseWorkflow } from '../../workflows/case.js';
import { idempotent, requestFingerprint } from '../http/idempotency.js';
import { keyedId } from '../http/keyed-ids.js';
import { allow, location, operation, type Operation } from '../http/operation.js';
import { decodeCursor, encodeCursor, nextPageLink } from '../http/pagination.js';
import { problem } from '../http/problems.js';
import { updateResult } from '../http/temporal-deadlines.js';
import { CaseListQuery, DetectionBody, IdempotencyKeyHeader } from '../schemas/requests.js';
import { CasePageSchema, CaseResourceSchema, CaseSummarySchema } from '../schemas/responses.js';
import { caseIdParam, findVisibleCase } from './case-lookup.js';
import { caseResource, liveCase, recordSummary, replayedHeader } from './case-responses.js';
import { incidentProblem } from './incidents.js';

/** The case an intake held by an incident opened, once that incident is resolved; null while it is not. */
export async function openedSinceIncident(client: Client, workflowId: string, intake: string): Promise<OpenedCase | null> {
  const handle = client.workflow.getHandle(workflowId);
  if (await handle.query(getIncident)) return null;
  const view = await handle.query(getCase);
  return openingDone(view) ? { view, openedBy: intake } : null;
}

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
          'Idempotent-Replayed': replayedHeader,
        },
      },
    },
    problems: [400, 403, 409, 413, 415, 422, 503],
    // update-with-start returns once the case is numbered and its agencies notified
    handler: async ({ headers, body, req, res, deps }) => {
      const { db, temporal } = deps;
      const key = headers['Idempotency-Key'];
      const actor = req.actor;
      const carrierId = actor.carrierId!;
      const intake = keyedId('intake', actor.id, key);
      const result = await idempotent(
        db,
        { principalId: actor.id, key, fingerprint: requestFingerprint('POST', '/v1/cases', body), staleMs: deps.idempotencyStaleMs },
        async (takeover) => {
          const workflowId = caseWorkflowId(carrierId, body.carrierRef);
          // the checks read at once, then answer in order: unknown references, unroutable, duplicate (issue 18)
          const [category, province, unroutable, existing] = await Promise.all([
            categoryExists(db, body.categoryCode),
            provinceExists(db, body.provinceCode),
            routingRefusal(db, routingInput(body), body.detectedAt ? new Date(body.detectedAt) : new Date()),
            caseIdOfCarrierRef(db, carrierId, body.carrierRef), // by the carrier's own reference: the older id form is found too
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
          const duplicate = (detail: string, id = workflowId) =>
            problem(409, 'duplicate-carrier-reference', 'Carrier reference already used', detail, { case: `/v1/cases/${id}` });
          // a later intake of a used reference is refused here, without an Update on the case
          if (existing && (!takeover || existing !== workflowId))
            throw duplicate(`A case with carrierRef ${body.carrierRef} exists.`, existing);
          const detection: DetectionInput = { ...body, carrierId, reportedBy: actor };
          const startWorkflowOperation = new WithStartWorkflowOperation<typeof caseWorkflow>('caseWorkflow', {
            workflowId,
            taskQueue: deps.taskQueue,
            args: [{ detection, intake }],
            workflowIdConflictPolicy: 'USE_EXISTING',
            workflowIdReusePolicy: 'REJECT_DUPLICATE', // a closed case's reference is never reused
          });
          let opened: OpenedCase;
          try {
            opened = await updateResult(
              temporal.connection,
              temporal.client.workflow.startUpdateWithStart(openCase, {
                startWorkflowOperation,
                waitForStage: 'ACCEPTED',
                updateId: intake,
              }),
            );
          } catch (e) {
            if (e instanceof WorkflowExecutionAlreadyStartedError)
              throw duplicate(`The case with carrierRef ${body.carrierRef} is closed.`);
            const held = incidentProblem(e, res, 'intake');
            if (!held) throw e;
            // this intake's Update was held by an incident; once an administrator's retry has stored
            // the step the case is open, and the Update's id (ours) answers with the old refusal
            const resumed = await openedSinceIncident(temporal.client, workflowId, intake);
            if (!resumed) throw held;
            opened = resumed;
          }
          deps.faults?.afterCaseStarted?.();
          // Temporal starts one workflow per reference, with the input of the intake that came first:
          // that intake is answered 201 and every other 409, however they interleave. A case started
          // before intakes were carried knows no opener: only a retry of a crashed intake is its opener.
          const ours = opened.openedBy === null ? takeover : opened.openedBy === intake;
          if (!ours) throw duplicate(`A case with carrierRef ${body.carrierRef} exists.`);
          return { status: 201, body: caseResource(opened.view, allowedFor(opened.view, actor, Date.now())) }; // the carrier's next steps (the hold)
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
