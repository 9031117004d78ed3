// Issue 14, defect 3: what the API answers for each way a dependency fails, from the errors the SDK,
// Prisma and node-postgres throw (as observed against real servers: test/e2e/outages.test.ts) —
// 503 with Retry-After for an outage, 429 when one case has too many actions in flight, and
// nothing (so a 500) for errors that are no outage.
import { ServiceError, WorkflowUpdateFailedError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { unavailableProblem } from '../../api/http/unavailable.js';
import { Prisma } from '../../prisma/generated/client.js';

/** An error as @grpc/grpc-js reports a call's status. */
const grpcStatus = (code: number, details: string) => Object.assign(new Error(`${code} ${details}`), { code, details, metadata: {} });
const answer = (e: unknown) => {
  const p = unavailableProblem(e);
  return p && { status: p.problem.status, type: p.problem.type, retryAfter: p.headers['Retry-After'] };
};

describe('an unavailable dependency', () => {
  it.each([
    [
      'PostgreSQL refusing connections (Prisma P1001)',
      new Prisma.PrismaClientKnownRequestError("Can't reach database server", { code: 'P1001', clientVersion: '7' }),
    ],
    ['a pooled query with no answer (node-postgres query_timeout)', new Error('Query read timeout')],
    ['a connection not opened in time', new Error('Connection terminated due to connection timeout')],
    [
      'a statement cancelled by statement_timeout (SQLSTATE 57014)',
      Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' }),
    ],
    [
      'a server shutting down (SQLSTATE 57P01)',
      Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
    ],
  ])('%s is 503 database-unavailable', (_, e) => {
    expect(answer(e)).toEqual({ status: 503, type: 'database-unavailable', retryAfter: '2' });
  });

  it.each([
    [
      'Temporal refusing connections',
      new ServiceError('Failed to query Workflow', {
        cause: grpcStatus(14, 'No connection established. Last error: connect ECONNREFUSED 127.0.0.1:7233'),
      }),
    ],
    ['a call past its deadline', new ServiceError('Failed to describe', { cause: grpcStatus(4, 'Deadline exceeded') })],
    [
      'an Update no worker accepted in time',
      new WorkflowUpdateRPCTimeoutOrCancelledError('Workflow update call timeout or cancelled', {
        cause: grpcStatus(4, 'Deadline exceeded'),
      }),
    ],
    ['the namespace shedding load', new ServiceError('Failed', { cause: grpcStatus(8, 'namespace rate limit exceeded') })],
  ])('%s is 503', (_, e) => {
    expect(answer(e)).toMatchObject({ status: 503, retryAfter: '2' });
  });

  it('an Update the server rejected because no worker processed it is 503 step-not-taken: nothing was recorded', () => {
    const rejected = ApplicationFailure.create({
      message:
        "Workflow Update is rejected because it wasn't processed by worker. Probably, Workflow Update is not supported by the worker.",
      type: 'UnprocessedUpdate',
      nonRetryable: true,
    });
    expect(answer(new WorkflowUpdateFailedError('Workflow Update failed', rejected))).toEqual({
      status: 503,
      type: 'step-not-taken',
      retryAfter: '1',
    });
  });

  it('an Update on a case whose workflow task is being retried after a worker died is 503, retried after 1 s', () => {
    // as Update-with-Start reported it in the worker SIGKILL drill (test/faults/drills.test.ts)
    const e = Object.assign(grpcStatus(9, 'Update-with-Start could not be executed.'), {
      message: 'Unable to perform workflow execution update due to Workflow Task in failed state.',
    });
    expect(answer(e)).toEqual({ status: 503, type: 'workflow-unavailable', retryAfter: '1' });
  });

  it('too many Updates in flight on one case is 429 case-busy', () => {
    const e = new ServiceError('Workflow Update failed', {
      cause: grpcStatus(8, 'limit on number of concurrent in-flight updates has been reached (10)'),
    });
    expect(answer(e)).toEqual({ status: 429, type: 'case-busy', retryAfter: '1' });
  });
});

describe('an error that is no outage', () => {
  it.each([
    ['a unique violation', new Prisma.PrismaClientKnownRequestError('Unique constraint failed', { code: 'P2002', clientVersion: '7' })],
    [
      'a refused action',
      new WorkflowUpdateFailedError('Workflow Update failed', ApplicationFailure.create({ type: 'CaseActionRefused', message: 'no' })),
    ],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    [
      'a Temporal error whose text mentions a socket error',
      new ServiceError('Failed', { cause: grpcStatus(3, 'invalid argument: ECONNREFUSED in a field') }),
    ],
  ])('%s is not answered as one', (_, e) => {
    expect(unavailableProblem(e)).toBeUndefined();
  });
});
