import { Router } from 'express';
import { ServiceError, WorkflowUpdateFailedError, WorkflowNotFoundError, isGrpcServiceError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { canAct } from '../../domain/access.js';
import { refusalConcern } from '../../domain/refusals.js';
import { act, REFUSED, type RefusalDetails } from '../../workflows/definitions.js';
import type { ApiDeps } from '../app.js';
import { allow } from '../auth.js';
import { findVisibleCase } from '../case-lookup.js';
import { caseResource } from '../case-responses.js';
import { ACTION_ENDPOINTS, TO_ACTION } from '../actions.js';
import { problem } from '../problems.js';
import { ACTION_BODIES, IdempotencyKeyHeader } from '../schemas.js';
import { parse } from '../validate.js';
import { allowedActions } from '../../workflows/definitions.js';

/** One endpoint per workflow action, each sent as the `act` Update and answered with the new case. */
export function caseActionRoutes(deps: ApiDeps): Router {
  const r = Router();
  for (const endpoint of ACTION_ENDPOINTS) {
    r.post(`/v1/cases/:id/${endpoint}`, allow(canAct, 'act on cases'), async (req, res) => {
      const row = await findVisibleCase(deps.db, req.actor, req.params.id as string);
      const body = parse(ACTION_BODIES[endpoint], req.body ?? {}, 'body');
      const action = (TO_ACTION[endpoint] as (b: unknown) => ReturnType<(typeof TO_ACTION)[typeof endpoint]>)(body);
      const key = req.get('idempotency-key');
      const handle = deps.temporal.client.workflow.getHandle(row.id);
      try {
        // an Idempotency-Key becomes the Update id: Temporal answers a repeat with the first result
        const view = await handle.executeUpdate(act, {
          args: [{ action, actor: req.actor }],
          ...(key ? { updateId: parse(IdempotencyKeyHeader, key, 'header') } : {}),
        });
        res.json(caseResource(view, await handle.query(allowedActions, req.actor)));
      } catch (e) {
        if (e instanceof WorkflowUpdateFailedError && e.cause instanceof ApplicationFailure && e.cause.type === REFUSED) {
          const d = e.cause.details?.[0] as RefusalDetails;
          const status = refusalConcern(d.code) === 'caller' ? 403 : 409;
          throw problem(status, 'action-refused', 'Action refused', d.reason, { code: d.code, allowedActions: d.allowed });
        }
        // Temporal admits 10 updates in flight per workflow; more at once on one case is a "retry shortly"
        if (e instanceof ServiceError && isGrpcServiceError(e.cause) && e.cause.code === 8 /* RESOURCE_EXHAUSTED */) {
          res.setHeader('Retry-After', '1');
          throw problem(429, 'case-busy', 'Case busy', 'Too many actions on this case are in progress at once; retry shortly.');
        }
        if (e instanceof WorkflowNotFoundError || /already completed/i.test(String((e as Error).message)))
          throw problem(409, 'case-closed', 'Case closed', 'The case is closed; no further action is possible.', {
            code: 'CASE_CLOSED',
            allowedActions: [],
          });
        throw e;
      }
    });
  }
  return r;
}
