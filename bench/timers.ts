/**
 * Benchmark 3, open cases at scale: N real case workflows, started through the client on a
 * worker of their own with a bounded workflow cache, all reported with a detection time 24 h
 * before one common instant, so their 24-hour hold-confirmation deadlines fall due together
 * (the production clock: no demo clock, no time skipping). A short calibration run sets that
 * instant far enough ahead for every case to be open first. Lateness is the escalation event's
 * workflow time minus the deadline it records.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { DetectionInput } from '../workflows/definitions.js';
import { caseWorkflowId } from '../workflows/definitions.js';
import type { caseWorkflow } from '../workflows/case.js';
import { freePort } from '../scripts/lib/ports.js';
import { BENCH_CARRIER, PROVINCES, type Deployment } from './lib/deployment.js';
import { Latencies } from './lib/latencies.js';
import { ms, table, verdict } from './lib/markdown.js';
import { memoryMiB } from './lib/proc.js';
import { startRole } from './lib/roles.js';
import { report } from './lib/sides.js';
import type { Stack } from './lib/stack.js';
import type { CaseWorkerSettings } from './roles/case-worker.js';

export const LATENESS_GOAL_MS = 2000;
const TASK_QUEUE = 'bench-timers';
const HOLD_HOURS = 24; // HOLD_CONFIRMATION, domain/reference/deadlines.ts
const STARTERS = 32;

export interface TimersResult {
  /** --cases; `cases` is smaller when the calibration said they would not open within the budget. */
  requested: number;
  budgetMinutes: number;
  cases: number;
  cache: number;
  calibration: { cases: number; rate: number };
  opening: { seconds: number; rate: number; overran: boolean };
  leadSeconds: number;
  escalated: number;
  overdueRows: number;
  allStoredAfterMs: number | null;
  lateness: Latencies;
  peakRssMiB: number;
  timedOut: boolean;
}

const detection = (ref: string, n: number, detectedAt: Date): DetectionInput => ({
  ...report(ref, PROVINCES[n % PROVINCES.length]!, detectedAt.toISOString()),
  stage: 'ACCEPTANCE',
  crossBorder: false,
  kt1: false,
  signsOfCrime: false,
  carrierId: BENCH_CARRIER,
  reportedBy: { id: 'bench-carrier', role: 'carrier', carrierId: BENCH_CARRIER },
});

/** Starts `count` case workflows (not waiting for them) with `starters` in parallel. */
async function startCases(d: Deployment, prefix: string, count: number, detectedAt: Date): Promise<void> {
  let next = 0;
  const starter = async () => {
    for (let n = next++; n < count; n = next++) {
      const ref = `${prefix}-${n}`;
      await d.temporal.cases.workflow.start<typeof caseWorkflow>('caseWorkflow', {
        workflowId: caseWorkflowId(BENCH_CARRIER, ref),
        taskQueue: TASK_QUEUE,
        args: [{ detection: detection(ref, n, detectedAt) }],
      });
    }
  };
  await Promise.all(Array.from({ length: STARTERS }, starter));
}

async function countOpened(d: Deployment, prefix: string): Promise<number> {
  const { rows } = await d.sql.query<{ n: string }>(`SELECT count(*) AS n FROM "Case" WHERE "carrierRef" LIKE $1 AND status = 'NOTIFIED'`, [
    `${prefix}-%`,
  ]);
  return Number(rows[0]!.n);
}

/** Polls until `count` of the prefix's cases are open (numbered and notified); the seconds it took. */
async function untilOpened(d: Deployment, prefix: string, count: number, since: number, log: (m: string) => void): Promise<number> {
  let logged = performance.now();
  for (;;) {
    const n = await countOpened(d, prefix);
    if (n >= count) return (performance.now() - since) / 1000;
    if (performance.now() - logged > 15_000) {
      log(`timers: ${n} of ${count} open`);
      logged = performance.now();
    }
    await sleep(1000);
  }
}

const escalationsOf = (prefix: string) =>
  `FROM "CaseEvent" WHERE type = 'DEADLINE_ESCALATED' AND "caseId" LIKE 'case-${BENCH_CARRIER}-${prefix}-%' AND payload->>'clock' = 'HOLD_CONFIRMATION'`;

export async function measureTimers(
  stack: Stack,
  d: Deployment,
  o: { cases: number; cache: number; drainSeconds: number; budgetMinutes: number },
  log: (m: string) => void,
): Promise<TimersResult> {
  const worker = await startRole<{ metricsUrl: string }>(
    'case-worker.ts',
    {
      databaseUrl: d.databaseUrl,
      temporalAddress: d.temporal.server.address,
      taskQueue: TASK_QUEUE,
      codecKeys: d.codecKeys,
      bundlePath: stack.bundles.cases,
      metricsPort: await freePort(),
      maxCachedWorkflows: o.cache,
    } satisfies CaseWorkerSettings,
    { name: 'timers worker' },
  );
  try {
    // calibration: how fast this worker opens cases; their deadlines are a day away
    const calCases = Math.min(200, Math.max(20, Math.ceil(o.cases / 50)));
    let t0 = performance.now();
    await startCases(d, 'timers-cal', calCases, new Date());
    const calRate = calCases / (await untilOpened(d, 'timers-cal', calCases, t0, log));
    // opening is expected to take cases / rate; the deadline leaves 30 % and 30 s more
    const cases = Math.min(o.cases, Math.max(calCases, Math.floor(((o.budgetMinutes * 60) / 1.3) * calRate)));
    const leadSeconds = Math.ceil((cases / calRate) * 1.3 + 30);
    const due = new Date(Date.now() + leadSeconds * 1000);
    log(`timers: calibration ${calRate.toFixed(1)} cases/s; ${cases} deadlines due at ${due.toISOString()} (in ${leadSeconds} s)`);

    t0 = performance.now();
    await startCases(d, 'timers-m', cases, new Date(due.getTime() - HOLD_HOURS * 3_600_000));
    const openSeconds = await untilOpened(d, 'timers-m', cases, t0, log);
    const overran = Date.now() > due.getTime();
    log(`timers: ${cases} open in ${openSeconds.toFixed(0)} s${overran ? ' — AFTER the deadline' : ''}`);

    // the deadline, then every escalation stored
    await sleep(Math.max(0, due.getTime() - Date.now()));
    const deadline = due.getTime() + o.drainSeconds * 1000;
    let escalated = 0;
    let allStoredAfterMs: number | null = null;
    while (Date.now() < deadline) {
      escalated = Number((await d.sql.query<{ n: string }>(`SELECT count(*) AS n ${escalationsOf('timers-m')}`)).rows[0]!.n);
      if (escalated >= cases) {
        allStoredAfterMs = Date.now() - due.getTime();
        break;
      }
      await sleep(1000);
    }
    log(
      `timers: ${escalated} of ${o.cases} escalated${allStoredAfterMs !== null ? `, the last stored ${ms(allStoredAfterMs)} after the deadline` : ''}`,
    );
    const lateness = new Latencies();
    const late = await d.sql.query<{ ms: number }>(
      `SELECT extract(epoch FROM (at - (payload->>'dueAt')::timestamptz)) * 1000 AS ms ${escalationsOf('timers-m')}`,
    );
    for (const r of late.rows) lateness.record(Number(r.ms));
    const overdueRows = Number(
      (await d.sql.query<{ n: string }>(`SELECT count(*) AS n FROM "Case" WHERE "carrierRef" LIKE 'timers-m-%' AND overdue`)).rows[0]!.n,
    );
    return {
      requested: o.cases,
      budgetMinutes: o.budgetMinutes,
      cases,
      cache: o.cache,
      calibration: { cases: calCases, rate: calRate },
      opening: { seconds: openSeconds, rate: cases / openSeconds, overran },
      leadSeconds,
      escalated,
      overdueRows,
      allStoredAfterMs,
      lateness,
      peakRssMiB: memoryMiB(worker.pid).peak,
      timedOut: allStoredAfterMs === null,
    };
  } finally {
    await worker.stop();
  }
}

export function timersSection(r: TimersResult): string {
  const p99 = r.lateness.at(99);
  const all = r.escalated === r.cases && r.overdueRows === r.cases;
  return [
    table(
      [
        'cases open',
        'workflow cache',
        'worker peak RSS',
        'fired and escalated',
        'cases marked overdue',
        'lateness p50',
        'p99',
        'max',
        'all stored after',
        `goal p99 < ${ms(LATENESS_GOAL_MS)}`,
      ],
      [
        [
          r.cases.toLocaleString('en'),
          r.cache.toLocaleString('en'),
          `${r.peakRssMiB.toFixed(0)} MiB`,
          `${r.escalated.toLocaleString('en')} ${all ? '✅' : '❌'}`,
          r.overdueRows.toLocaleString('en'),
          ms(r.lateness.at(50)),
          ms(p99),
          ms(r.lateness.max),
          r.allStoredAfterMs === null ? 'not within the wait' : ms(r.allStoredAfterMs),
          verdict(all && p99 < LATENESS_GOAL_MS),
        ],
      ],
    ),
    '',
    `Opening: ${r.cases.toLocaleString('en')} cases in ${r.opening.seconds.toFixed(0)} s (${r.opening.rate.toFixed(1)} cases/s, started through the client; ` +
      `a calibration of ${r.calibration.cases} cases ran at ${r.calibration.rate.toFixed(1)}/s, so the deadlines were set ${r.leadSeconds} s ahead)` +
      (r.opening.overran
        ? '. **The opening overran the deadline**: cases opened after it escalated at once, which inflates the lateness.'
        : '; every case was open before its deadline.'),
  ].join('\n');
}
