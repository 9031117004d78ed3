import { createHash } from 'node:crypto';
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { z } from 'zod';
import type { Actor } from '../../domain/access.js';
import { canReadReport, canReadReports, defaultKt1Mode, readableKt1Modes } from '../../domain/report-access.js';
import { periodViolations, reportAsOf, type ReportRequest } from '../../domain/report-period.js';
import type { Db } from '../../prisma/client.js';
import { provinceExists } from '../../prisma/reference/reads.js';
import { reportProgress, requestedReportWorkflowId, type ReportWorkflowInput } from '../../workflows/report-definitions.js';
import type { reportWorkflow } from '../../workflows/report.js';
import { allow, location, operation, type Operation } from '../http/operation.js';
import { problem } from '../http/problems.js';
import { IdempotencyKeyHeader } from '../schemas/requests.js';
import { ReportRequestBody, ReportRunIdParam, ReportRunSchema } from '../schemas/reports.js';
import { reportLinks } from './report-lookup.js';

const readers = allow(canReadReports, 'generate reports (a carrier reads its compliance summary)');
const runLink = (id: string) => `/v1/reports/runs/${encodeURIComponent(id)}`;
const runNotFound = (id: string) => problem(404, 'not-found', 'Report run not found', `No report run ${id} is readable by you.`);

/** The run as the API shows it: its status from Temporal, its progress from the run's query. */
async function runView(client: Client, id: string, actor: Actor) {
  const handle = client.workflow.getHandle(id);
  let description;
  try {
    description = await handle.describe();
  } catch (e) {
    if (e instanceof WorkflowNotFoundError) throw runNotFound(id);
    throw e;
  }
  if (description.type !== 'reportWorkflow') throw runNotFound(id);
  const progress = await handle.query(reportProgress);
  // a run is the caller's to see when every report it stores is
  if (!progress.variants.every((kt1) => canReadReport(actor, progress.scope, kt1))) throw runNotFound(id);
  return {
    id,
    status: description.status.name === 'UNSPECIFIED' || description.status.name === 'PAUSED' ? 'RUNNING' : description.status.name,
    ...progress,
    reports: progress.reports.map((r) => ({ ...r, links: reportLinks(r.id) })),
    links: { self: runLink(id) },
  };
}

/** Which report a request asks for, checked against the rules before anything starts. */
async function requestOf(actor: Actor, body: z.infer<typeof ReportRequestBody>, db: Db): Promise<ReportRequest> {
  const violations = periodViolations(body.period);
  if (violations.length)
    throw problem(400, 'validation', 'Invalid request', `${violations.length} field(s) failed validation in the body.`, {
      errors: violations.map((v) => ({ in: 'body', field: v.field, message: v.message, code: 'invalid_value' })),
    });
  if (body.scope.kind === 'PROVINCE' && !(await provinceExists(db, body.scope.provinceCode)))
    throw problem(422, 'unknown-reference', 'Unknown province', `provinceCode ${body.scope.provinceCode} is not in the reference data.`);
  const kt1 = body.kt1 ?? defaultKt1Mode(actor, body.scope);
  if (!kt1 || !readableKt1Modes(actor, body.scope).includes(kt1))
    throw problem(
      403,
      'forbidden',
      'Forbidden',
      kt1 ? `You may not read the ${kt1} KT1 variant of reports of this scope.` : 'You may not read reports of this scope.',
    );
  return { scope: body.scope, period: body.period, kt1 };
}

/** Generating a report on demand, and following its run. */
export const reportRunOperations: Operation[] = [
  operation({
    method: 'post',
    path: '/v1/reports',
    operationId: 'generateReport',
    summary: 'Generate a report now',
    description:
      'Starts a report run and answers at once with it (202); poll `links.self` until COMPLETED, then read the report from `reports[].links`. ' +
      'Idempotent: for an ended period every request for the same scope, period and KT1 mode finds the same run and the same stored report; ' +
      'a period not over yet is reported as of the request, one run per Idempotency-Key. The scope’s managers are notified when it is ready.',
    tags: ['Reports'],
    access: readers,
    headers: {
      'Idempotency-Key': { schema: IdempotencyKeyHeader, required: true, description: 'A unique key per request; retry with the same key' },
    },
    body: {
      schema: ReportRequestBody,
      required: true,
      example: { scope: { kind: 'PROVINCE', provinceCode: 'TH' }, period: { kind: 'YEAR', year: 2026 } },
    },
    responses: { 202: { description: 'The run, started or found', schema: ReportRunSchema, headers: location('The run') } },
    problems: [400, 403, 413, 415, 422],
    handler: async ({ headers, body, req, res, deps }) => {
      const request = await requestOf(req.actor, body, deps.db);
      const { asOfNow } = reportAsOf(request.period, new Date());
      const nowKey = asOfNow
        ? createHash('sha256').update(`${req.actor.id}\n${headers['Idempotency-Key']}`).digest('hex').slice(0, 16)
        : null;
      const workflowId = requestedReportWorkflowId(request, nowKey);
      const input: ReportWorkflowInput = { ...request, variants: [request.kt1], trigger: 'API', requestedBy: req.actor.id };
      try {
        await deps.temporal.client.workflow.start<typeof reportWorkflow>('reportWorkflow', {
          workflowId,
          taskQueue: deps.taskQueue,
          args: [input],
          workflowIdConflictPolicy: 'USE_EXISTING',
          workflowIdReusePolicy: 'ALLOW_DUPLICATE_FAILED_ONLY', // a failed run may be run again; a completed one is the answer
        });
      } catch (e) {
        if (!(e instanceof WorkflowExecutionAlreadyStartedError)) throw e;
      }
      res
        .status(202)
        .location(runLink(workflowId))
        .json(await runView(deps.temporal.client, workflowId, req.actor));
    },
  }),
  operation({
    method: 'get',
    path: '/v1/reports/runs/{id}',
    operationId: 'getReportRun',
    summary: 'A report run: its status and the reports it stored so far',
    tags: ['Reports'],
    access: readers,
    params: { id: { description: 'The run id from `POST /v1/reports`', schema: ReportRunIdParam } },
    responses: { 200: { description: 'The run', schema: ReportRunSchema } },
    problems: [400, 403, 404],
    handler: async ({ params, req, res, deps }) => {
      res.json(await runView(deps.temporal.client, params.id, req.actor));
    },
  }),
];
