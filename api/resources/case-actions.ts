import { ServiceError, WorkflowUpdateFailedError, WorkflowNotFoundError, isGrpcServiceError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { Response } from 'express';
import type { z } from 'zod';
import { canAct } from '../../domain/access.js';
import { refusalConcern } from '../../domain/refusals.js';
import { act, allowedActions, REFUSED, type RefusalDetails } from '../../workflows/definitions.js';
import { allow, operation, type Operation } from '../http/operation.js';
import { problem } from '../http/problems.js';
import { IdempotencyKeyHeader } from '../schemas/requests.js';
import { CaseResourceSchema } from '../schemas/responses.js';
import { CASE_ACTIONS } from './case-action-table.js';
import { caseIdParam, findVisibleCase } from './case-lookup.js';
import { caseResource } from './case-responses.js';

const camel = (s: string) => s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** An action body that accepts `{}` may be sent without a body. */
const acceptsEmpty = (s: z.ZodType) => s.safeParse({}).success;

/** One endpoint per workflow action (api/resources/case-action-table.ts), each sent as the `act` Update and answered with the new case. */
export const caseActionOperations: Operation[] = Object.entries(CASE_ACTIONS).map(([endpoint, { summary, body, action }]) =>
  operation({
    method: 'post',
    path: `/v1/cases/{id}/${endpoint}`,
    operationId: camel(endpoint),
    summary,
    description:
      'Refused when the case’s state or the caller’s role does not allow it: 403 (who) or 409 (state, values), with `code` and `allowedActions`.',
    tags: ['Actions'],
    access: allow(canAct, 'act on cases'),
    params: { id: caseIdParam },
    headers: {
      'Idempotency-Key': {
        schema: IdempotencyKeyHeader,
        required: false,
        description: 'Makes a retry safe: a repeat answers with the first result',
      },
    },
    body: { schema: body, required: !acceptsEmpty(body) },
    responses: { 200: { description: 'The case after the action', schema: CaseResourceSchema } },
    problems: [400, 403, 404, 409, 413, 415, 422],
    handler: async ({ params, headers, body: validBody, req, res, deps }) => {
      const row = await findVisibleCase(deps.db, req.actor, params.id);
      const key = headers['Idempotency-Key'];
      const handle = deps.temporal.client.workflow.getHandle(row.id);
      try {
        // an Idempotency-Key becomes the Update id: Temporal answers a repeat with the first result
        const view = await handle.executeUpdate(act, {
          args: [{ action: await action(validBody, { actor: req.actor, db: deps.db }), actor: req.actor }],
          ...(key ? { updateId: key } : {}),
        });
        res.json(caseResource(view, await handle.query(allowedActions, req.actor)));
      } catch (e) {
        throw actionProblem(e, res) ?? e;
      }
    },
  }),
);

/** The problem a failed `act` Update answers with; undefined when it is not the case's to explain. */
function actionProblem(e: unknown, res: Response) {
  if (e instanceof WorkflowUpdateFailedError && e.cause instanceof ApplicationFailure && e.cause.type === REFUSED) {
    const d = e.cause.details?.[0] as RefusalDetails;
    const status = refusalConcern(d.code) === 'caller' ? 403 : 409;
    return problem(status, 'action-refused', 'Action refused', d.reason, { code: d.code, allowedActions: d.allowed });
  }
  // Temporal admits 10 updates in flight per workflow; more at once on one case is a "retry shortly"
  if (e instanceof ServiceError && isGrpcServiceError(e.cause) && e.cause.code === 8 /* RESOURCE_EXHAUSTED */) {
    res.setHeader('Retry-After', '1');
    return problem(429, 'case-busy', 'Case busy', 'Too many actions on this case are in progress at once; retry shortly.');
  }
  if (e instanceof WorkflowNotFoundError || /already completed/i.test(String((e as Error).message)))
    return problem(409, 'case-closed', 'Case closed', 'The case is closed; no further action is possible.', {
      code: 'CASE_CLOSED',
      allowedActions: [],
    });
  return undefined;
}
