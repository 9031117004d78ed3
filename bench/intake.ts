/**
 * Benchmark 1, intake rate: closed-loop clients opening cases on both sides, at each
 * concurrency, in rounds that alternate the order of the sides (ABBA), after an unmeasured
 * warm-up. The ratio is Postwatch's rate over the baseline's, from the same run.
 */
import type { Deployment } from './lib/deployment.js';
import { closedLoop, rateOf } from './lib/load.js';
import { ms, perSecond, ratio, table, verdict } from './lib/markdown.js';
import type { Side } from './lib/sides.js';
import { measured, mergeWindows, type Window } from './lib/window.js';
import { breakdownTables } from './lib/breakdown.js';

export const INTAKE_GOAL = 0.7;

export interface IntakeLevel {
  concurrency: number;
  bare: Window[];
  postwatch: Window[];
}

export interface IntakeOptions {
  concurrency: number[];
  seconds: number;
  rounds: number;
  warmupSeconds: number;
}

export async function measureIntake(
  d: Deployment,
  sides: { bare: Side; postwatch: Side },
  o: IntakeOptions,
  log: (m: string) => void,
): Promise<IntakeLevel[]> {
  const levels: IntakeLevel[] = [];
  for (const concurrency of o.concurrency) {
    for (const side of [sides.bare, sides.postwatch]) await closedLoop(side.open, { concurrency, seconds: o.warmupSeconds });
    const level: IntakeLevel = { concurrency, bare: [], postwatch: [] };
    for (let round = 0; round < o.rounds; round++) {
      const order = round % 2 === 0 ? (['bare', 'postwatch'] as const) : (['postwatch', 'bare'] as const);
      for (const which of order) {
        const w = await measured(d, () => closedLoop(sides[which].open, { concurrency, seconds: o.seconds }));
        level[which].push(w);
        log(
          `intake c=${concurrency} round ${round + 1} ${sides[which].name}: ${perSecond(rateOf(w.run))}, p99 ${ms(w.run.latencies.at(99))}${failures(w)}`,
        );
      }
    }
    levels.push(level);
  }
  return levels;
}

const clients = (n: number) => `${n} client${n === 1 ? '' : 's'}`;

export const failures = (w: Window) =>
  w.run.failed ? `, ${w.run.failed} failed (${[...w.run.errors].map(([m, n]) => `${n}× ${m}`).join('; ')})` : '';

/** The highest sustained rate of each side over the concurrencies measured. */
export function highestRates(levels: IntakeLevel[]): { bare: number; postwatch: number } {
  const best = (k: 'bare' | 'postwatch') => Math.max(...levels.map((l) => rateOf(mergeWindows(l[k]).run)));
  return { bare: best('bare'), postwatch: best('postwatch') };
}

export function intakeTables(levels: IntakeLevel[]): string {
  const rows = levels.map((l) => {
    const bare = mergeWindows(l.bare).run;
    const pw = mergeWindows(l.postwatch).run;
    const r = rateOf(pw) / rateOf(bare);
    const rounds = l.bare.map((b, i) => rateOf(l.postwatch[i]!.run) / rateOf(b.run));
    const spread = rounds.length > 1 ? ` (rounds ${Math.min(...rounds).toFixed(2)}–${Math.max(...rounds).toFixed(2)})` : '';
    return [
      l.concurrency,
      perSecond(rateOf(bare)),
      perSecond(rateOf(pw)),
      `**${ratio(r)}**${spread}`,
      verdict(r >= INTAKE_GOAL),
      `${ms(bare.latencies.at(50))} · ${ms(bare.latencies.at(99))}`,
      `${ms(pw.latencies.at(50))} · ${ms(pw.latencies.at(99))}`,
      `${bare.failed} · ${pw.failed}`,
    ];
  });
  const main = table(
    [
      'clients',
      'bare Temporal',
      '`POST /v1/cases`',
      'ratio',
      `goal ≥ ${INTAKE_GOAL.toFixed(2)}`,
      'bare p50 · p99',
      'Postwatch p50 · p99',
      'failed (bare · Postwatch)',
    ],
    rows,
  );
  const windows = levels.flatMap((l) => [
    { label: `bare Temporal, ${clients(l.concurrency)}`, w: mergeWindows(l.bare) },
    { label: `Postwatch, ${clients(l.concurrency)}`, w: mergeWindows(l.postwatch) },
  ]);
  return `${main}\n\n${breakdownTables(windows)}`;
}
