import { createHash } from 'node:crypto';
import type { Db } from '../../prisma/client.js';
import { claimIdempotencyKey, releaseIdempotencyKey, storeIdempotentResponse, type StoredResponse } from '../../prisma/idempotency.js';
import { canonicalJson } from '../../platform/canonical-json.js';
import { HttpProblem, problem } from './problems.js';

/**
 * A request left in flight longer than this is taken to have died with its process. It exceeds the
 * longest a live request can take (api/http/temporal-deadlines.ts: 5 s + 15 s, plus the database's
 * 5 s), so a retry never takes over a request that is still running.
 */
export const DEFAULT_STALE_MS = 30_000;

/**
 * 409 for a key whose request still runs, or died less than `staleMs` ago. Retry-After says when
 * the retry would find its answer or take the key over: at most a few seconds for a live request,
 * the rest of the window for one that died with its process.
 */
function inFlight(since: Date, staleMs: number) {
  const untilStale = Math.ceil((since.getTime() + staleMs - Date.now()) / 1000);
  return problem(
    409,
    'request-in-flight',
    'Request in progress',
    `A request with this Idempotency-Key is still being processed; retry shortly. A request whose process died is taken over ${staleMs / 1000} s after it began.`,
  ).withHeaders({ 'Retry-After': String(Math.min(Math.max(1, untilStale), 5)) });
}

export const requestFingerprint = (method: string, path: string, body: unknown) =>
  createHash('sha256')
    .update(`${method} ${path}\n${canonicalJson(body)}`)
    .digest('hex');

/**
 * Idempotency-Key semantics (draft-ietf-httpapi-idempotency-key-header): the first request
 * with a key runs; a repeat with the same body gets the stored response; a repeat with another
 * body is 422; a repeat while the first still runs is 409. A request whose process died keeps
 * its key in flight until `staleMs` passes; then a retry takes the key over and runs again, so
 * `run` must itself be safe to repeat (it is told whether it is such a takeover). A request that
 * fails with a server error leaves its key stale at once, so its retry is such a takeover too.
 */
export async function idempotent(
  db: Db,
  scope: { principalId: string; key: string; fingerprint: string; staleMs?: number },
  run: (takeover: boolean) => Promise<StoredResponse>,
): Promise<StoredResponse & { replayed: boolean }> {
  const id = { principalId: scope.principalId, key: scope.key };
  const staleMs = scope.staleMs ?? DEFAULT_STALE_MS;
  const claim = await claimIdempotencyKey(db, id, scope.fingerprint, staleMs);
  switch (claim.kind) {
    case 'other-request':
      throw problem(
        422,
        'idempotency-key-reused',
        'Idempotency-Key reused',
        'This Idempotency-Key was used with a different request body.',
      );
    case 'in-flight':
      throw inFlight(claim.since, staleMs);
    case 'answered':
      if (claim.response.status >= 400) throw new HttpProblem(claim.response.body as HttpProblem['problem']);
      return { ...claim.response, replayed: true };
  }
  let response: StoredResponse;
  try {
    response = await run(claim.kind === 'takeover');
  } catch (e) {
    if (e instanceof HttpProblem && e.problem.status < 500) {
      response = { status: e.problem.status, body: e.problem }; // a refusal is an answer: repeats get it too
    } else {
      // Let the client retry at once, as a takeover: this attempt may have got as far as starting
      // the case's workflow, and a fresh run would refuse the retry as a duplicate reference.
      await releaseIdempotencyKey(db, id);
      throw e;
    }
  }
  await storeIdempotentResponse(db, id, response);
  if (response.status >= 400) throw new HttpProblem(response.body as HttpProblem['problem']);
  return { ...response, replayed: false };
}
