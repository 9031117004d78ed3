/**
 * The webhook dispatcher: a loop of fan-out (new case events → deliveries) and send (due
 * deliveries → receivers). Safe to run in several processes at once: fan-out takes a
 * transaction-level advisory lock, sending claims rows with SKIP LOCKED.
 */
import type { Logger } from '../platform/logger.js';
import type { Db } from '../prisma/client.js';
import { DEFAULT_BACKOFF, DEFAULT_MAX_ATTEMPTS, type Backoff } from './backoff.js';
import { fanOut, newFanoutState } from './fanout.js';
import { sendDue } from './sender.js';

export interface WebhookDispatcherOptions {
  db: Db;
  log: Logger;
  /** Pause between passes. */
  pollMs?: number;
  backoff?: Partial<Backoff>;
  /** Attempts before a delivery is FAILED (a replay starts a new round). */
  maxAttempts?: number;
  /** Per request. */
  timeoutMs?: number;
  /** Deliveries sent in parallel per batch. */
  batchSize?: number;
  /** Allows http://localhost receivers: tests and local development only. */
  allowInsecureLocalhost?: boolean;
}

export interface WebhookDispatcher {
  /** One fan-out and send pass (passes of one dispatcher never overlap). */
  tick(): Promise<void>;
  /** Stops the loop, aborts requests in flight (they are handed back, not counted) and waits. */
  stop(): Promise<void>;
}

const MAX_SEND_BATCHES_PER_PASS = 10;

export function startWebhookDispatcher(o: WebhookDispatcherOptions): WebhookDispatcher {
  const log = o.log.child({ component: 'webhooks' });
  const pollMs = o.pollMs ?? 1000;
  const sender = {
    backoff: { ...DEFAULT_BACKOFF, ...o.backoff },
    maxAttempts: o.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    timeoutMs: o.timeoutMs ?? 10_000,
    batchSize: o.batchSize ?? 20,
    allowInsecureLocalhost: o.allowInsecureLocalhost ?? false,
  };
  const state = newFanoutState();
  const stopping = new AbortController();
  let queue: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | null = null;

  const pass = async () => {
    if (stopping.signal.aborted) return;
    // a failed fan-out does not hold back deliveries already queued, nor the other way round
    let failure: unknown = null;
    try {
      const fanned = await fanOut(o.db, state);
      if (fanned.events) log.debug(fanned, 'case events fanned out to webhook deliveries');
    } catch (e) {
      failure = e;
    }
    try {
      for (let i = 0; i < MAX_SEND_BATCHES_PER_PASS && !stopping.signal.aborted; i++) {
        if ((await sendDue(o.db, log, sender, stopping.signal)) < sender.batchSize) break;
      }
    } catch (e) {
      failure ??= e;
    }
    if (failure) throw failure;
  };
  const tick = () => {
    const run = queue.then(pass);
    queue = run.catch(() => {});
    return run;
  };
  const loop = () => {
    timer = setTimeout(async () => {
      await tick().catch((err) => log.warn({ err }, 'webhook pass failed'));
      if (!stopping.signal.aborted) loop();
    }, pollMs);
    timer.unref();
  };
  loop();
  log.info({ pollMs, maxAttempts: sender.maxAttempts }, 'webhook dispatcher started');

  return {
    tick,
    async stop() {
      if (stopping.signal.aborted) return queue;
      stopping.abort();
      if (timer) clearTimeout(timer);
      await queue;
    },
  };
}
