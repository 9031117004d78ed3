/**
 * Sender: claims due PENDING deliveries (FOR UPDATE SKIP LOCKED, leased by pushing nextAttemptAt
 * ahead), POSTs each signed message, and records every attempt. 2xx delivers; anything else is
 * retried with backoff until maxAttempts, then FAILED. A process that dies mid-send leaves the
 * lease to expire, and another process sends again: delivery is at least once.
 */
import { request, type Dispatcher } from 'undici';
import type { Logger } from '../platform/logger.js';
import type { Db } from '../prisma/client.js';
import { endpointsByIds } from '../prisma/webhooks/endpoints.js';
import { cancelDelivery, claimDueDeliveries, handBackDelivery, recordAttempt } from '../prisma/webhooks/sending.js';
import { retryDelayMs, type Backoff } from './backoff.js';
import { guardedAgent, type Resolve } from './guarded-agent.js';
import { signatureHeaders } from './signing.js';
import { urlRefusal } from './urls.js';

export interface SenderOptions {
  backoff: Backoff;
  maxAttempts: number;
  /** Per request; a receiver that does not answer in time counts as a failed attempt. */
  timeoutMs: number;
  /** How many deliveries one pass claims and sends in parallel. */
  batchSize: number;
  allowInsecureLocalhost: boolean;
  /** Host name resolution (the system resolver unless a test brings its own). */
  resolve?: Resolve;
}

/** One guarded agent per sender configuration: every connection's address is checked as it opens. */
const agents = new WeakMap<SenderOptions, Dispatcher>();
function agentFor(o: SenderOptions): Dispatcher {
  let agent = agents.get(o);
  if (!agent) agents.set(o, (agent = guardedAgent({ allowInsecureLocalhost: o.allowInsecureLocalhost, resolve: o.resolve })));
  return agent;
}

const ERROR_MAX = 300;

function describeError(e: unknown, timeoutMs: number): string {
  const err = e as { name?: string; code?: string; message?: string; cause?: { code?: string; message?: string } };
  if (err?.name === 'TimeoutError') return `timeout: no response within ${timeoutMs} ms`;
  if (err?.code === 'ERR_WEBHOOK_ADDRESS_REFUSED') return `not sent: ${err.message}`.slice(0, ERROR_MAX);
  const cause = err?.cause?.code ?? err?.cause?.message;
  return `${err?.message ?? String(e)}${cause ? ` (${cause})` : ''}`.slice(0, ERROR_MAX);
}

/** One pass: claim a batch and send it. Returns how many deliveries were claimed. */
export async function sendDue(db: Db, log: Logger, o: SenderOptions, stopping: AbortSignal): Promise<number> {
  // the lease outlives the request timeout
  const batch = await claimDueDeliveries(db, o.batchSize, o.timeoutMs * 2 + 30_000);
  if (batch.length === 0) return 0;
  const endpoints = new Map(
    (
      await endpointsByIds(
        db,
        batch.map((d) => d.endpointId),
      )
    ).map((e) => [e.id, e]),
  );
  const results = await Promise.allSettled(
    batch.map(async (d) => {
      const ep = endpoints.get(d.endpointId);
      if (!ep || ep.disabledAt) {
        await cancelDelivery(db, d.id);
        return;
      }
      const attempt = d.attemptCount + 1;
      const at = new Date();
      const started = performance.now();
      let statusCode: number | null = null;
      let error: string | null = null;
      const refusal = urlRefusal(ep.url, { allowInsecureLocalhost: o.allowInsecureLocalhost });
      if (refusal) {
        error = `not sent: ${refusal}`;
      } else {
        const body = JSON.stringify(d.payload);
        const headers = {
          'content-type': 'application/json',
          'user-agent': 'Postwatch-Webhooks/1',
          ...signatureHeaders(ep.secret, d.id, Math.floor(Date.now() / 1000), body),
        };
        try {
          const res = await request(ep.url, {
            method: 'POST',
            headers,
            body,
            dispatcher: agentFor(o), // refuses internal addresses at connect time; never follows a redirect
            signal: AbortSignal.any([AbortSignal.timeout(o.timeoutMs), stopping]),
          });
          statusCode = res.statusCode;
          if (statusCode >= 300 && statusCode < 400)
            error = `redirect to ${String(res.headers.location ?? '?')} not followed`.slice(0, ERROR_MAX);
          await res.body.dump().catch(() => {});
        } catch (e) {
          if (stopping.aborted) {
            // shutting down: not the receiver's fault; hand the delivery straight back
            await handBackDelivery(db, d.id).catch(() => {});
            return;
          }
          error = describeError(e, o.timeoutMs);
        }
      }
      const durationMs = Math.round(performance.now() - started);
      const ok = statusCode !== null && statusCode >= 200 && statusCode < 300;
      const failed = !ok && (attempt >= o.maxAttempts || refusal !== null); // a refused URL will not get better
      await recordAttempt(
        db,
        d.id,
        { at, statusCode, error, durationMs },
        ok
          ? { delivered: true, attemptCount: attempt }
          : {
              delivered: false,
              attemptCount: attempt,
              failed,
              nextAttemptAt: new Date(Date.now() + (failed ? 0 : retryDelayMs(attempt, o.backoff))),
            },
      );
      const fields = { deliveryId: d.id, endpointId: d.endpointId, attempt, statusCode, durationMs };
      if (ok) log.debug(fields, 'webhook delivered');
      else if (failed) log.warn({ ...fields, error }, 'webhook delivery failed for good');
      else log.info({ ...fields, error }, 'webhook attempt failed; will retry');
    }),
  );
  // every send has settled (none left running behind a stop); then report the first failure
  const failure = results.find((r) => r.status === 'rejected');
  if (failure) throw failure.reason;
  return batch.length;
}
