/**
 * Outages answered truthfully: PostgreSQL or Temporal down, frozen or overloaded, or no worker
 * taking a case's step in time, is `503` problem+json with `Retry-After` (or `429` when one case
 * has too many actions in flight), never a `500`. A request refused this way may be repeated with
 * its Idempotency-Key: it finds the same case or the same step, never a second one.
 */
import type { ErrorRequestHandler } from 'express';
import { isGrpcServiceError, WorkflowUpdateFailedError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { isDatabaseUnavailable } from '../../prisma/unavailable.js';
import { HttpProblem, problem } from './problems.js';

/** Seconds a client should wait before repeating a request refused for an outage. */
export const RETRY_AFTER_S = 2;

const GRPC_UNAVAILABLE = 14;
const GRPC_DEADLINE_EXCEEDED = 4;
const GRPC_RESOURCE_EXHAUSTED = 8;
const GRPC_FAILED_PRECONDITION = 9;

/** The gRPC status code an error carries, itself or in its causes. */
function grpcCode(e: unknown): number | undefined {
  for (let c = e, depth = 0; c && depth < 6; c = (c as { cause?: unknown }).cause, depth++) if (isGrpcServiceError(c)) return c.code;
  return undefined;
}

/** The messages of an error and its causes, one string. */
function messages(e: unknown): string {
  const all: string[] = [];
  for (let c = e, depth = 0; c && depth < 6; c = (c as { cause?: unknown }).cause, depth++) all.push(String((c as Error).message ?? ''));
  return all.join('\n');
}

const retryLater = (p: HttpProblem, retryAfterS = RETRY_AFTER_S) => p.withHeaders({ 'Retry-After': String(retryAfterS) });

const workflowUnavailable = (detail: string, retryAfterS = RETRY_AFTER_S) =>
  retryLater(problem(503, 'workflow-unavailable', 'Case workflow unavailable', detail), retryAfterS);

const AGAIN = 'Repeat the request with the same Idempotency-Key: it finds the same case or step, never a second one.';

/** The answer to an error that means a dependency is unavailable; undefined for any other error. */
export function unavailableProblem(e: unknown): HttpProblem | undefined {
  if (isDatabaseUnavailable(e))
    return retryLater(problem(503, 'database-unavailable', 'Database unavailable', 'PostgreSQL did not answer in time; retry shortly.'));
  // the server gave the step to a worker that finished its task without it: nothing was recorded
  if (e instanceof WorkflowUpdateFailedError && e.cause instanceof ApplicationFailure && e.cause.type === 'UnprocessedUpdate')
    return retryLater(problem(503, 'step-not-taken', 'Step not taken', `No worker processed the step; nothing was recorded. ${AGAIN}`), 1);
  if (e instanceof WorkflowUpdateRPCTimeoutOrCancelledError)
    return workflowUnavailable(
      `No worker took the step, or Temporal did not answer, within the API's deadline; the step may still be taken. ${AGAIN}`,
    );
  const code = grpcCode(e);
  if (code === GRPC_UNAVAILABLE || code === GRPC_DEADLINE_EXCEEDED)
    return workflowUnavailable(`Temporal did not answer within the API's deadline. ${AGAIN}`);
  // a case's workflow task failed or timed out (its worker was killed) and is being retried:
  // Temporal takes no Update on it until a worker completes that task, seconds later
  if (code === GRPC_FAILED_PRECONDITION && /workflow task in failed state/i.test(messages(e)))
    return workflowUnavailable(`The case's workflow is recovering from a worker failure. ${AGAIN}`, 1);
  if (code === GRPC_RESOURCE_EXHAUSTED) {
    // Temporal admits a few Updates in flight per workflow: more at once on one case is the caller's to space out
    if (/update/i.test(String((e as Error).message)))
      return retryLater(problem(429, 'case-busy', 'Case busy', 'Too many actions on this case are in progress at once; retry shortly.'), 1);
    return retryLater(problem(503, 'workflow-overloaded', 'Temporal overloaded', `Temporal is shedding load. ${AGAIN}`));
  }
  return undefined;
}

/** Error middleware before errorHandler: an outage becomes its problem, anything else passes on. */
export const outages: ErrorRequestHandler = (err, req, _res, next) => {
  const p = err instanceof HttpProblem ? undefined : unavailableProblem(err);
  if (p) req.log?.warn({ err }, p.problem.title);
  next(p ?? err);
};
