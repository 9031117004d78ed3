/**
 * Benchmark 2, latency under load: both sides offered the same fixed rate (80 % of Postwatch's
 * highest sustained intake rate), open loop, for intake and for one action (the lead agency's
 * acknowledgement against the baseline's one-row Update). Each side runs two halves, in the
 * order A B B A.
 */
import type { Deployment } from './lib/deployment.js';
import { closedLoop, openLoop, rateOf, type Request, type RunResult } from './lib/load.js';
import { ms, perSecond, ratio, table, verdict } from './lib/markdown.js';
import type { Side } from './lib/sides.js';
import { measured, mergeWindows, type Window } from './lib/window.js';
import { failures } from './intake.js';

export const LATENCY_GOAL = 2;

export interface LatencyPair {
  endpoint: string;
  bare: Window;
  postwatch: Window;
}

export interface LatencyResult {
  rate: number;
  /** How the rate was chosen, for the document. */
  rateSource: string;
  pairs: LatencyPair[];
}

type Which = 'bare' | 'postwatch';

async function alternate(
  d: Deployment,
  requests: Record<Which, Request>,
  rate: number,
  seconds: number,
  log: (m: string) => void,
  label: string,
): Promise<Record<Which, Window>> {
  const halves: Record<Which, Window[]> = { bare: [], postwatch: [] };
  for (const which of ['bare', 'postwatch', 'postwatch', 'bare'] as const) {
    const w = await measured(d, () => openLoop(requests[which], { rate, seconds: seconds / 2 }));
    halves[which].push(w);
    log(`latency ${label} ${which}: ${perSecond(rateOf(w.run))} of ${perSecond(rate)}, p99 ${ms(w.run.latencies.at(99))}${failures(w)}`);
  }
  return { bare: mergeWindows(halves.bare), postwatch: mergeWindows(halves.postwatch) };
}

export async function measureLatency(
  d: Deployment,
  sides: Record<Which, Side>,
  o: { rate: { perSecond: number; source: string } | null; load: number; seconds: number },
  log: (m: string) => void,
): Promise<LatencyResult> {
  let chosen = o.rate;
  if (!chosen) {
    const probe: RunResult = await closedLoop(sides.postwatch.open, { concurrency: 16, seconds: 8 });
    chosen = {
      perSecond: rateOf(probe) * o.load,
      source: `${Math.round(o.load * 100)} % of a short probe at 16 clients, ${perSecond(rateOf(probe))}: the intake benchmark did not run`,
    };
  }
  const rate = chosen.perSecond;
  const intake = await alternate(d, { bare: sides.bare.open, postwatch: sides.postwatch.open }, rate, o.seconds, log, 'intake');
  // each action needs a case of its own that no one has acted on: top up, unmeasured
  const needed = Math.ceil(rate * o.seconds) + 16;
  for (const side of [sides.bare, sides.postwatch])
    while (side.opened.length < needed) await closedLoop(side.open, { concurrency: 16, seconds: 2 });
  const action = await alternate(d, { bare: sides.bare.act, postwatch: sides.postwatch.act }, rate, o.seconds, log, 'action');
  return {
    rate,
    rateSource: chosen.source,
    pairs: [
      { endpoint: '`POST /v1/cases` · update-with-start', ...intake },
      { endpoint: '`POST /v1/cases/{id}/acknowledgement` · one Update', ...action },
    ],
  };
}

export function latencySection(r: LatencyResult): string {
  const rows = r.pairs.flatMap((p) => {
    const b = p.bare.run;
    const w = p.postwatch.run;
    const x = w.latencies.at(99) / b.latencies.at(99);
    const line = (side: string, run: RunResult, last: (string | number)[]) => [
      side,
      perSecond(rateOf(run)),
      ms(run.latencies.at(50)),
      ms(run.latencies.at(95)),
      ms(run.latencies.at(99)),
      ms(run.latencies.max),
      run.failed,
      ...last,
    ];
    return [
      line(`${p.endpoint}: bare Temporal`, b, ['', '']),
      line(`${p.endpoint}: Postwatch`, w, [`**${ratio(x)}×**`, verdict(x <= LATENCY_GOAL)]),
    ];
  });
  return [
    `Offered rate: **${perSecond(r.rate)}** on both sides (${r.rateSource}).`,
    '',
    table(['endpoint: side', 'achieved', 'p50', 'p95', 'p99', 'max', 'failed', 'p99 ÷ bare p99', `goal ≤ ${LATENCY_GOAL}×`], rows),
  ].join('\n');
}
