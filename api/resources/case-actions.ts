import { WorkflowUpdateFailedError, WorkflowNotFoundError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { z } from 'zod';
import { canAct } from '../../domain/access.js';
import { refusalConcern, type RefusalConcern } from '../../domain/refusals.js';
import { act, REFUSED, type RefusalDetails } from '../../workflows/definitions.js';
import { idempotent, requestFingerprint } from '../http/idempotency.js';
import { keyedId } from '../http/keyed-ids.js';
import { allow, operation, type Operation } from '../http/operation.js';
import { problem } from '../http/problems.js';
import { updateResult } from '../http/temporal-deadlines.js';
import { IdempotencyKeyHeader } from '../schemas/requests.js';
import { CaseResourceSchema } from '../schemas/responses.js';
import { CASE_ACTIONS } from './case-action-table.js';
import { caseIdParam, findVisibleCase } from './case-lookup.js';
import { caseResource, replayedHeader } from './case-responses.js';
import { incidentProblem } from './incidents.js';

const camel = (s: string) => s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** An action body that accepts `{}` may be sent without a body. */
const acceptsEmpty = (s: z.ZodType) => s.safeParse({}).success;

/**
 * One endpoint per workflow action (api/resources/case-action-table.ts), each sent as the `act`
 * Update and answered from the Update's own result: the case after the action and what the caller
 * may do next. The Idempotency-Key is required: a repeat gets the first answer, and a retry of a
 * request whose answer was lost (a crash, a 503) finds the same Update, so no step is recorded twice.
 * A key derived from the request could not tell a retry from a second identical action (two
 * instalments of one amount, two notes of one text), so the caller names each action once.
 */
export const caseActionOperations: Operation[] = Object.entries(CASE_ACTIONS).map(([endpoint, { summary, body, action }]) =>
  operation({
    method: 'post',
    path: `/v1/cases/{id}/${endpoint}`,
    operationId: camel(endpoint),
    summary,
    description:
      'Refused when the case’s state or the caller’s role does not allow it: 403 (who), 409 (state, values) or 422 (a value that cannot be true, such as a date; `errors` names the field), with `code` and `allowedActions`. ' +
      'Needs an Idempotency-Key, one per action: a repeat with the same body gets the first answer, with another body 422, and a retry after a 503 or a lost answer never takes the step twice.',
    tags: ['Actions'],
    access: allow(canAct, 'act on cases'),
    params: { id: caseIdParam },
    headers: {
      'Idempotency-Key': {
        schema: IdempotencyKeyHeader,
        required: true,
        description: 'A unique key per action; retry with the same key',
      },
    },
    body: { schema: body, required: !acceptsEmpty(body) },
    responses: {
      200: {
        description: 'The case after the action (or, on a replay, after it was taken)',
        schema: CaseResourceSchema,
        headers: { 'Idempotent-Replayed': replayedHeader },
      },
    },
    problems: [400, 403, 404, 409, 413, 415, 422],
    handler: async ({ params, headers, body: validBody, req, res, deps }) => {
      const row = await findVisibleCase(deps.db, req.actor, params.id);
      const key = headers['Idempotency-Key'];
      const { connection, client } = deps.temporal;
      const fingerprint = requestFingerprint('POST', `/v1/cases/${row.id}/${endpoint}`, validBody);
      const result = await idempotent(
        deps.db,
        { principalId: req.actor.id, key, fingerprint, staleMs: deps.idempotencyStaleMs },
        async () => {
          try {
            const { view, allowedActions } = await updateResult(
              connection,
              client.workflow.getHandle(row.id).startUpdate(act, {
                args: [{ action: await action(validBody, { actor: req.actor, db: deps.db }), actor: req.actor }],
                waitForStage: 'ACCEPTED',
                updateId: keyedId('act', req.actor.id, key), // a retry finds the Update it repeats
              }),
            );
            deps.faults?.afterActionTaken?.();
            return { status: 200, body: caseResource(view, allowedActions) };
          } catch (e) {
            throw actionProblem(e) ?? incidentProblem(e, res, 'action') ?? e;
          }
        },
      );
      if (result.replayed) res.setHeader('Idempotent-Replayed', 'true');
      res.status(result.status).json(result.body);
    },
  }),
);

/** Who a refusal concerns (domain/refusals.ts) decides its status: who you are, the case's state, or a value that cannot be true. */
const REFUSAL_STATUS: Record<RefusalConcern, number> = { caller: 403, case: 409, input: 422 };

/** The problem a failed `act` Update answers with; undefined when it is not the case's to explain. */
function actionProblem(e: unknown) {
  if (e instanceof WorkflowUpdateFailedError && e.cause instanceof ApplicationFailure && e.cause.type === REFUSED) {
    const d = e.cause.details?.[0] as RefusalDetails;
    const status = REFUSAL_STATUS[refusalConcern(d.code)];
    const errors = d.field ? { errors: [{ in: 'body', field: d.field, message: d.reason, code: 'implausible' }] } : {};
    return problem(status, 'action-refused', 'Action refused', d.reason, { code: d.code, allowedActions: d.allowed, ...errors });
  }
  if (e instanceof WorkflowNotFoundError || /already completed/i.test(String((e as Error).message)))
    return problem(409, 'case-closed', 'Case closed', 'The case is closed; no further action is possible.', {
      code: 'CASE_CLOSED',
      allowedActions: [],
    });
  return undefined;
}
