/**
 * The two load generators every benchmark uses, for both sides alike.
 *
 * - closedLoop: `concurrency` clients, each sends its next request when the previous one is
 *   answered (throughput at a given concurrency);
 * - openLoop: requests scheduled at a fixed rate whatever the answers; each latency counts
 *   from the instant the request was due, so a stall delays every request scheduled behind it
 *   and shows in the percentiles (no coordinated omission).
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Latencies } from './latencies.js';

/** One request; it rejects when the answer is not the expected one. */
export type Request = () => Promise<void>;

export interface RunResult {
  ok: number;
  failed: number;
  seconds: number;
  latencies: Latencies;
  /** Up to the first few distinct error messages, with their counts. */
  errors: Map<string, number>;
}

export const rateOf = (r: Pick<RunResult, 'ok' | 'seconds'>) => r.ok / r.seconds;

function recorder() {
  const result: RunResult = { ok: 0, failed: 0, seconds: 0, latencies: new Latencies(), errors: new Map() };
  const fail = (e: unknown) => {
    result.failed++;
    const msg = (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 160);
    if (result.errors.size < 5 || result.errors.has(msg)) result.errors.set(msg, (result.errors.get(msg) ?? 0) + 1);
  };
  return { result, fail };
}

/** `concurrency` clients in a loop for `seconds`; requests still in flight at the end are awaited and counted. */
export async function closedLoop(request: Request, opts: { concurrency: number; seconds: number }): Promise<RunResult> {
  const { result, fail } = recorder();
  const start = performance.now();
  const end = start + opts.seconds * 1000;
  const client = async () => {
    while (performance.now() < end) {
      const t0 = performance.now();
      try {
        await request();
        result.latencies.record(performance.now() - t0);
        result.ok++;
      } catch (e) {
        fail(e);
      }
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, client));
  result.seconds = (performance.now() - start) / 1000;
  return result;
}

/**
 * `rate` requests a second for `seconds`, at evenly spaced instants. At most `maxInFlight`
 * are outstanding; past that a request waits, and its wait counts in its latency.
 */
export async function openLoop(request: Request, opts: { rate: number; seconds: number; maxInFlight?: number }): Promise<RunResult> {
  const { result, fail } = recorder();
  const total = Math.max(1, Math.round(opts.rate * opts.seconds));
  const interval = 1000 / opts.rate;
  const maxInFlight = opts.maxInFlight ?? 256;
  let inFlight = 0;
  let freed: (() => void) | null = null;
  const pending: Promise<void>[] = [];
  const start = performance.now();
  for (let i = 0; i < total; i++) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    while (inFlight >= maxInFlight) await new Promise<void>((r) => (freed = r));
    inFlight++;
    pending.push(
      request()
        .then(() => {
          result.latencies.record(performance.now() - due);
          result.ok++;
        }, fail)
        .finally(() => {
          inFlight--;
          freed?.();
          freed = null;
        }),
    );
  }
  await Promise.all(pending);
  // over the offered span: answers that trail past it lower the achieved rate
  result.seconds = Math.max(opts.seconds, (performance.now() - start) / 1000);
  return result;
}

/** Several runs of one side as one: counts and seconds add, histograms merge. */
export function merge(runs: RunResult[]): RunResult {
  const out: RunResult = { ok: 0, failed: 0, seconds: 0, latencies: new Latencies(), errors: new Map() };
  for (const r of runs) {
    out.ok += r.ok;
    out.failed += r.failed;
    out.seconds += r.seconds;
    out.latencies.add(r.latencies);
    for (const [m, n] of r.errors) out.errors.set(m, (out.errors.get(m) ?? 0) + n);
  }
  return out;
}
