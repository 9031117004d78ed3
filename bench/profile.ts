/**
 * A diagnosis, not a figure to keep: Postwatch's intake for a while at 4 clients with the API
 * and the case worker under `node --cpu-prof`, beside a window of the baseline; then where the
 * JavaScript time went (self time by function and package, steady state only) and what
 * Temporal counted per intake.
 */
import { join } from 'node:path';
import { deploy } from './lib/deployment.js';
import { breakdownTables } from './lib/breakdown.js';
import { monotonicUs, summarise, type ProfileSummary } from './lib/cpu-profile.js';
import { closedLoop } from './lib/load.js';
import { ms, table } from './lib/markdown.js';
import { bareSide, postwatchSide } from './lib/sides.js';
import type { Stack } from './lib/stack.js';
import { measured, type Window } from './lib/window.js';
import { pgCountsDuring, type PgCounts } from './lib/pg-stats.js';
import { gist, queriesDuring } from './lib/query-capture.js';

const CLIENTS = 4;

export interface ProfileResult {
  seconds: number;
  /** The statements Prisma sent for one intake, in order (`SELECT "ApiKey"`, …). */
  apiStatements: string[];
  database: { intakes: number; counts: PgCounts };
  windows: { label: string; w: Window }[];
  profiles: { process: string; summary: ProfileSummary }[];
  profileDir: string;
}

export async function measureProfile(stack: Stack, o: { seconds: number }, log: (m: string) => void): Promise<ProfileResult> {
  const profileDir = join(stack.dir, 'cpu-profiles');
  const d = await deploy(stack, stack.temporal, { database: 'postwatch_profile', cpuProfDir: profileDir, captureQueries: true, log });
  let window: { from: number; to: number };
  let windows: ProfileResult['windows'];
  let apiStatements: string[];
  let database: ProfileResult['database'];
  const pids = { API: d.api.pid, 'case worker': d.caseWorker.pid };
  try {
    const pw = postwatchSide(d, 'profile');
    const bare = bareSide(d, 'profile');
    await closedLoop(pw.open, { concurrency: CLIENTS, seconds: 5 });
    await closedLoop(bare.open, { concurrency: CLIENTS, seconds: 3 });
    apiStatements = (await queriesDuring(d.api, () => pw.open())).map((q) => gist(q.sql));
    const from = monotonicUs();
    const { value: w, counts } = await pgCountsDuring(d.sql, () =>
      measured(d, () => closedLoop(pw.open, { concurrency: CLIENTS, seconds: o.seconds })),
    );
    window = { from, to: monotonicUs() };
    database = { intakes: w.run.ok, counts };
    const b = await measured(d, () => closedLoop(bare.open, { concurrency: CLIENTS, seconds: o.seconds / 2 }));
    windows = [
      { label: `bare Temporal, ${CLIENTS} clients`, w: b },
      { label: `Postwatch, ${CLIENTS} clients`, w },
    ];
    log(`profile: ${w.run.ok} intakes profiled`);
  } finally {
    await d.stop(); // the roles write their profiles as they exit
  }
  const profiles = Object.entries(pids).map(([process, pid]) => ({ process, summary: summarise(profileDir, pid, window.from, window.to) }));
  return { seconds: o.seconds, apiStatements, database, windows, profiles, profileDir };
}

export function profileSection(r: ProfileResult): string {
  const intakes = r.windows[1]!.w.run.ok;
  const per = (x: number) => ms(x / intakes);
  const { counts, intakes: n } = r.database;
  const parts = [
    breakdownTables(r.windows),
    '',
    `**API statements for one intake** (${r.apiStatements.length}, as Prisma sent them): ${r.apiStatements.map((s) => `\`${s}\``).join(', ')}.`,
    '',
    `**PostgreSQL per intake** (every process, ${n} intakes): ${(counts.commits / n).toFixed(1)} commits; rows written: ` +
      [...counts.written]
        .sort((a, b) => b[1] - a[1])
        .map(([t, c]) => `${t} ${(c / n).toFixed(1)}`)
        .join(', ') +
      '.',
    '',
  ];
  for (const { process, summary } of r.profiles) {
    parts.push(
      `**${process}**: ${ms(summary.totalMs)} of JavaScript sampled over ${intakes} intakes (${per(summary.totalMs)} per intake, every thread).`,
      '',
      table(
        ['package', 'self time per intake', 'share'],
        summary.packages.map((p) => [p.name, per(p.ms), `${((p.ms / summary.totalMs) * 100).toFixed(0)} %`]),
      ),
      '',
      table(
        ['function', 'self time per intake', 'share'],
        summary.functions.map((f) => [`\`${f.name}\``, per(f.ms), `${((f.ms / summary.totalMs) * 100).toFixed(0)} %`]),
      ),
      '',
    );
  }
  return parts.join('\n');
}
