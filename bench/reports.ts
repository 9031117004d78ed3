/**
 * Benchmark 6, reports at scale: the annual report (national, and one province) on synthetic
 * cases and their audit log loaded in SQL, computed as the report workflow's activity computes
 * it (generateReport: both periods as of the year's end in one repeatable-read transaction, the
 * names, the checksum, the stored row), beside one hand-written SQL statement per period
 * (bench/lib/report-by-hand.ts) run in the same kind of transaction. The first run of each side is
 * not timed and must agree (the stored report is the one the hand-written figures make, every
 * figure of both periods); then the sides alternate, one run at a time; later runs of the product
 * find the report stored, as a repeated run of the workflow does.
 */
import { isDeepStrictEqual } from 'node:util';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { createReportActivities } from '../activities/reports.js';
import type { Db } from '../prisma/client.js';
import { reportChecksum, reportDueRules, reportFigures } from '../prisma/reports.js';
import { buildReportContent, type PeriodFigures } from '../domain/report-content.js';
import {
  dueDateOf,
  periodBounds,
  periodKey,
  previousPeriod,
  reportAsOf,
  type ReportPeriod,
  type ReportRequest,
} from '../domain/report-period.js';
import type { GenerateReportInput } from '../domain/report-runs.js';
import { setUpDatabase, withReportDb } from './lib/database.js';
import { ms, ratio, table, verdict } from './lib/markdown.js';
import { reportByHand } from './lib/report-by-hand.js';
import type { Stack } from './lib/stack.js';
import { loadReportCases } from './lib/synthetic-report-cases.js';

export const REPORT_GOAL = 1.5;
const YEAR = 2025;
const SCOPES: { name: string; scope: ReportRequest['scope'] }[] = [
  { name: 'national', scope: { kind: 'NATIONAL' } },
  { name: 'province HCM', scope: { kind: 'PROVINCE', provinceCode: 'HCM' } },
];

export interface ReportMeasure {
  name: string;
  cohort: number;
  /** The unmeasured first run of each side (the product's stores the report), ms. */
  first: { product: number; byHand: number };
  product: number[];
  byHand: number[];
}

export interface ReportsResult {
  cases: number;
  events: number;
  loadSeconds: number;
  measures: ReportMeasure[];
}

/** The nearest-rank percentile of a few runs. */
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.max(0, Math.ceil((p / 100) * xs.length) - 1)]!;

/** Where two figure documents differ, as JSON paths. */
function differences(a: unknown, b: unknown, path = ''): string[] {
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((k) => differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`));
  }
  return isDeepStrictEqual(a, b) ? [] : [`${path}: product ${JSON.stringify(a)}, by hand ${JSON.stringify(b)}`];
}

/** A period as the figures read it: from its first instant, standing at its end. */
const bounds = (p: ReportPeriod) => ({ startsAt: periodBounds(p).startsAt, asOf: periodBounds(p).endsAt });

/** Both periods by hand, in one read-only repeatable-read transaction as the product reads them. */
async function byHand(raw: pg.Client, request: ReportRequest): Promise<[PeriodFigures, PeriodFigures]> {
  const provinceCode = request.scope.kind === 'PROVINCE' ? request.scope.provinceCode : null;
  await raw.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    return [
      await reportByHand(raw, { ...bounds(request.period), provinceCode }),
      await reportByHand(raw, { ...bounds(previousPeriod(request.period)), provinceCode }),
    ];
  } finally {
    await raw.query('COMMIT');
  }
}

/** The checksum of the report the product would store for these figures, to check the stored one against the hand-written side. */
async function checksumOf(db: Db, input: GenerateReportInput, cur: PeriodFigures, prev: PeriodFigures): Promise<string> {
  const due = dueDateOf(input.request.period, await reportDueRules(db));
  return reportChecksum(buildReportContent(input.request, reportAsOf(input.request.period, new Date(input.at)), due, cur, prev));
}

/** Which figures differ: the product's aggregates beside the hand-written ones, both periods. */
async function disagreement(db: Db, request: ReportRequest, byHandFigures: PeriodFigures[]): Promise<string[]> {
  const product = await reportFigures(db, request, periodBounds(request.period).endsAt);
  const periods = [request.period, previousPeriod(request.period)];
  return periods.flatMap((p, i) => differences(product[i], byHandFigures[i]).map((d) => `${periodKey(p)}${d}`));
}

export async function measureReports(stack: Stack, o: { cases: number; runs: number }, log: (m: string) => void): Promise<ReportsResult> {
  const url = await stack.createDatabase('reports');
  await setUpDatabase(url, {}, async () => {});
  const sql = new pg.Pool({ connectionString: url, max: 2 });
  const raw = new pg.Client({ connectionString: url });
  await raw.connect();
  try {
    return await withReportDb(url, (db) => measureOn(db, raw, sql, o, log));
  } finally {
    await raw.end();
    await sql.end();
  }
}

async function measureOn(
  db: Db,
  raw: pg.Client,
  sql: pg.Pool,
  o: { cases: number; runs: number },
  log: (m: string) => void,
): Promise<ReportsResult> {
  const { generateReport } = createReportActivities(db);
  const t0 = performance.now();
  const events = await loadReportCases(sql, o.cases, (n, e) =>
    log(`reports: ${n.toLocaleString('en')} of ${o.cases.toLocaleString('en')} cases loaded, ${e.toLocaleString('en')} events`),
  );
  const loadSeconds = (performance.now() - t0) / 1000;
  const measures: ReportMeasure[] = [];
  for (const { name, scope } of SCOPES) {
    const request: ReportRequest = { scope, period: { kind: 'YEAR', year: YEAR }, kt1: 'EXCLUDED' };
    const input: GenerateReportInput = { request, at: new Date().toISOString(), trigger: 'API', requestedBy: 'bench' };
    // one unmeasured run each, which must agree: the report stored is the one the hand-written figures make
    let t = performance.now();
    const stored = await generateReport(input);
    const first = { product: performance.now() - t, byHand: 0 };
    t = performance.now();
    const [cur, prev] = await byHand(raw, request);
    first.byHand = performance.now() - t;
    if ((await checksumOf(db, input, cur, prev)) !== stored.checksum) {
      const diff = await disagreement(db, request, [cur, prev]);
      throw new Error(
        `reports (${name}): the product and the hand-written SQL disagree:\n  ${diff.slice(0, 20).join('\n  ') || 'in the content only'}`,
      );
    }
    log(
      `reports (${name}): both sides agree on every figure of ${YEAR} and ${YEAR - 1} (${cur.holds.detected.toLocaleString('en')} cases detected in ${YEAR})`,
    );
    const m: ReportMeasure = { name, cohort: cur.holds.detected, first, product: [], byHand: [] };
    for (let i = 0; i < o.runs; i++) {
      t = performance.now();
      await generateReport(input);
      m.product.push(performance.now() - t);
      t = performance.now();
      await byHand(raw, request);
      m.byHand.push(performance.now() - t);
      log(`reports (${name}): run ${i + 1} of ${o.runs}: product ${ms(m.product.at(-1)!)}, by hand ${ms(m.byHand.at(-1)!)}`);
    }
    measures.push(m);
  }
  return { cases: o.cases, events, loadSeconds, measures };
}

export function reportsSection(r: ReportsResult): string {
  const rows = r.measures.map((m) => {
    const x = percentile(m.product, 50) / percentile(m.byHand, 50);
    return [
      `${m.name} (${m.cohort.toLocaleString('en')} cases detected in ${YEAR})`,
      `${ms(m.first.product)} · ${ms(m.first.byHand)}`,
      `${ms(percentile(m.product, 50))} · ${ms(percentile(m.byHand, 50))}`,
      `${ms(percentile(m.product, 90))} · ${ms(percentile(m.byHand, 90))}`,
      `**${ratio(x)}×**`,
      verdict(x <= REPORT_GOAL),
    ];
  });
  return [
    `${r.cases.toLocaleString('en')} cases detected over ${YEAR - 1}–${YEAR} with ${r.events.toLocaleString('en')} audit events, loaded in SQL in ${r.loadSeconds.toFixed(0)} s. ` +
      `The annual report for ${YEAR} (KT1 excluded), each side computing both ${YEAR} and ${YEAR - 1} as of their year's end; ` +
      `${r.measures[0]?.product.length ?? 0} run${r.measures[0]?.product.length === 1 ? '' : 's'} per side, alternating, after one unmeasured run each; both sides agreed on every figure of both years first.`,
    '',
    table(
      [
        'report',
        'first run: product · SQL by hand',
        'median: product · SQL by hand',
        'p90: product · SQL by hand',
        'median product ÷ SQL',
        `goal ≤ ${REPORT_GOAL}×`,
      ],
      rows,
    ),
    '',
    `The product's side is the report workflow's activity (\`generateReport\`: in one repeatable-read transaction the reference-data version, ` +
      "both years' aggregates (prisma/report-queries.ts), the due date and the names; then the checksum and the idempotent insert, which finds the report stored). " +
      'The other side is one hand-written statement per year (bench/lib/report-by-hand.ts) in a read-only repeatable-read transaction. ' +
      'Both sides run on one connection each, with the server defaults (work_mem 4 MB); the check before the runs compares the stored checksum with that of the hand-written figures.',
  ].join('\n');
}
