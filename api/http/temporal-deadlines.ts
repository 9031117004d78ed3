/**
 * How long the API waits on Temporal, so that an outage is answered 503 within seconds instead of
 * after the SDK's retries (about 20 s) or never (an Update no worker takes):
 *
 * - every Temporal call a request makes ends within TEMPORAL_DEADLINE_MS of the handler's start
 *   (mount.ts runs each handler under this deadline); an Update must be accepted by a worker by then;
 * - an accepted Update's result (its steps stored) is awaited UPDATE_RESULT_MS longer.
 *
 * Past either the call fails with DEADLINE_EXCEEDED, which api/http/unavailable.ts answers 503.
 */
import { defaultGrpcRetryOptions, makeGrpcRetryInterceptor, type Connection, type ConnectionOptions } from '@temporalio/client';
import type { WorkflowUpdateHandle } from '@temporalio/client';

export const TEMPORAL_DEADLINE_MS = 5_000;
export const UPDATE_RESULT_MS = 15_000;

/**
 * The API's connection options: the SDK retries an unavailable server up to 10 times (about 20 s);
 * three attempts (about 0.5 s) answer an outage at once, and the client's Retry-After paces the rest.
 */
export const apiTemporalConnection = (): Pick<ConnectionOptions, 'interceptors'> => ({
  interceptors: [makeGrpcRetryInterceptor(defaultGrpcRetryOptions({ maxAttempts: 3 }))],
});

/** Runs `fn` with every Temporal call in it bounded by `ms` from now. */
export const withTemporalDeadline = <T>(connection: Connection, ms: number, fn: () => Promise<T>): Promise<T> =>
  connection.withDeadline(Date.now() + ms, fn);

/** The result of an Update started (and accepted) within the request's deadline, awaited UPDATE_RESULT_MS more. */
export async function updateResult<T>(connection: Connection, started: Promise<WorkflowUpdateHandle<T>>): Promise<T> {
  const handle = await started;
  return withTemporalDeadline(connection, UPDATE_RESULT_MS, () => handle.result());
}
