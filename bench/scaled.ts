/**
 * Benchmark 5, the intake benchmark once more on the scaled-out stack's Temporal: the
 * `temporal-server` binary on PostgreSQL (bench/lib/temporal-sql-server.ts) instead of the dev
 * server's SQLite, Postwatch and the baseline side by side on it as in benchmark 1.
 */
import { deploy } from './lib/deployment.js';
import { perSecond, ratio, table } from './lib/markdown.js';
import { rateOf } from './lib/load.js';
import { bareSide, postwatchSide } from './lib/sides.js';
import type { Stack } from './lib/stack.js';
import { findSqlTemporal, startSqlTemporal } from './lib/temporal-sql-server.js';
import { mergeWindows } from './lib/window.js';
import { intakeTables, measureIntake, type IntakeLevel, type IntakeOptions } from './intake.js';

export type ScaledResult =
  { ran: true; server: string; levels: IntakeLevel[]; devServer: IntakeLevel[] | null } | { ran: false; why: string };

export async function measureScaled(
  stack: Stack,
  o: IntakeOptions,
  devServer: IntakeLevel[] | null,
  log: (m: string) => void,
): Promise<ScaledResult> {
  const bins = findSqlTemporal();
  if ('missing' in bins) {
    log(`scaled: not run: ${bins.missing}`);
    return { ran: false, why: bins.missing };
  }
  const server = await startSqlTemporal(stack, bins, log);
  try {
    const d = await deploy(stack, server, { database: 'postwatch_scaled', log });
    try {
      const levels = await measureIntake(d, { bare: bareSide(d, 'scaled'), postwatch: postwatchSide(d, 'scaled') }, o, log);
      return { ran: true, server: server.describe, levels, devServer };
    } finally {
      await d.stop();
    }
  } finally {
    await server.stop();
  }
}

export function scaledSection(r: ScaledResult): string {
  if (!r.ran) return `**Not run on this machine:** ${r.why}.`;
  const parts = [
    `Temporal: ${r.server}; Postwatch's own database on the same PostgreSQL, as in docker-compose.yml.`,
    '',
    intakeTables(r.levels),
  ];
  if (r.devServer) {
    const rate = (levels: IntakeLevel[], c: number, k: 'bare' | 'postwatch') => {
      const l = levels.find((x) => x.concurrency === c);
      return l ? rateOf(mergeWindows(l[k]).run) : NaN;
    };
    const rows = r.levels.map((l) => {
      const c = l.concurrency;
      return [
        c,
        perSecond(rate(r.devServer!, c, 'bare')),
        perSecond(rate(r.levels, c, 'bare')),
        perSecond(rate(r.devServer!, c, 'postwatch')),
        perSecond(rate(r.levels, c, 'postwatch')),
        ratio(rate(r.levels, c, 'postwatch') / rate(r.devServer!, c, 'postwatch')),
      ];
    });
    parts.push(
      '',
      'What the dev server’s SQLite costs: the same intake on both Temporal servers in this run (benchmark 1’s figures on the left):',
      '',
      table(
        [
          'clients',
          'bare, dev server',
          'bare, PostgreSQL',
          'Postwatch, dev server',
          'Postwatch, PostgreSQL',
          'Postwatch PostgreSQL ÷ dev server',
        ],
        rows,
      ),
    );
  }
  return parts.join('\n');
}
