/**
 * The benchmark sizes and durations: a flag (`--cases 2000`) or the matching environment
 * variable (`BENCH_CASES=2000`); the flag wins. Defaults make the whole run fit in about
 * 15 minutes on a quiet 2-core machine; `--quick` (BENCH_QUICK=1) takes smaller ones, for a
 * look in a few minutes, which a flag still overrides one by one.
 */
import { parseArgs } from 'node:util';

export const BENCHMARKS = ['intake', 'latency', 'timers', 'listing', 'scaled', 'reports', 'profile'] as const;
export type BenchmarkName = (typeof BENCHMARKS)[number];
/** What `npm run bench` runs without --only (the profile is a diagnosis, not a figure to keep). */
const DEFAULT_SET: BenchmarkName[] = ['intake', 'latency', 'timers', 'listing', 'scaled', 'reports'];

const SPEC = {
  only: { def: DEFAULT_SET.join(','), help: `benchmarks to run, of ${BENCHMARKS.join(', ')}` },
  'intake-concurrency': { def: '1,4,16', help: 'closed-loop clients per side' },
  'intake-seconds': { def: '10', help: 'measured seconds per side, per round and concurrency' },
  'intake-rounds': { def: '2', help: 'rounds per concurrency; sides alternate (ABBA)' },
  'warmup-seconds': { def: '2', help: 'unmeasured seconds before each concurrency, per side' },
  'latency-seconds': { def: '12', help: 'measured seconds per side and endpoint (two halves, alternating)' },
  'latency-load': { def: '0.8', help: 'offered rate as a share of the highest sustained intake rate' },
  'latency-rate': { def: '', help: 'offered rate (requests/s); overrides --latency-load' },
  cases: { def: '10000', help: 'cases open at once in the timer benchmark' },
  'workflow-cache': { def: '1000', help: 'maxCachedWorkflows of the timer benchmark worker' },
  'timers-drain-seconds': { def: '900', help: 'how long to wait after the deadline for every escalation' },
  'timers-budget-minutes': { def: '6', help: 'fewer cases than --cases when the calibration says opening them would take longer' },
  rows: { def: '1000000', help: 'cases loaded in SQL for the listing benchmark' },
  'listing-requests': { def: '200', help: 'requests per query and side, with the listing indexes' },
  'listing-before-requests': { def: '30', help: 'the same without them (each may scan the whole table)' },
  'scaled-concurrency': { def: '4,16', help: 'intake concurrencies on the PostgreSQL-backed Temporal' },
  'report-cases': { def: '1000000', help: 'cases (with their audit events) loaded in SQL for the report benchmark' },
  'report-runs': { def: '5', help: 'measured runs per report and side' },
  'profile-seconds': { def: '20', help: 'seconds of Postwatch intake under --cpu-prof' },
  doc: { def: 'docs/benchmarks.md', help: 'the file whose sections are regenerated' },
  keep: { def: 'false', help: 'keep the temporary data directory (true/false)' },
} as const;

type Key = keyof typeof SPEC;

/** The sizes of `--quick`: every benchmark once, small, about 5 minutes on a quiet 2-core machine. */
const QUICK: Partial<Record<Key, string>> = {
  'intake-concurrency': '1,4',
  'intake-seconds': '5',
  'warmup-seconds': '1',
  'latency-seconds': '6',
  cases: '500',
  'timers-budget-minutes': '1.5',
  'timers-drain-seconds': '300',
  rows: '100000',
  'listing-requests': '40',
  'listing-before-requests': '10',
  'scaled-concurrency': '4',
  'report-cases': '20000',
  'report-runs': '3',
};

export interface BenchOptions {
  only: BenchmarkName[];
  intakeConcurrency: number[];
  intakeSeconds: number;
  intakeRounds: number;
  warmupSeconds: number;
  latencySeconds: number;
  latencyLoad: number;
  latencyRate: number | null;
  cases: number;
  workflowCache: number;
  timersDrainSeconds: number;
  timersBudgetMinutes: number;
  rows: number;
  listingRequests: number;
  listingBeforeRequests: number;
  scaledConcurrency: number[];
  reportCases: number;
  reportRuns: number;
  profileSeconds: number;
  doc: string;
  keep: boolean;
  quick: boolean;
  /** The command line as typed, for the document. */
  command: string;
}

const envName = (k: string) => `BENCH_${k.toUpperCase().replace(/-/g, '_')}`;

function positive(k: Key, v: string): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${k} (${envName(k)}): expected a positive number, got "${v}"`);
  return n;
}
const list = (k: Key, v: string) => v.split(',').map((s) => positive(k, s.trim()));

export function usage(): string {
  return [
    'npm run bench -- [--quick] [--flag value ...]   (each flag also reads BENCH_<FLAG> from the environment)',
    `  --${'quick'.padEnd(22)} smaller sizes, a few minutes in all (BENCH_QUICK=1)`,
    ...Object.entries(SPEC).map(
      ([k, s]) => `  --${k.padEnd(22)} ${s.help} (default ${s.def}${QUICK[k as Key] ? `, quick ${QUICK[k as Key]}` : ''})`,
    ),
  ].join('\n');
}

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      ...Object.fromEntries(Object.keys(SPEC).map((k) => [k, { type: 'string' as const }])),
      help: { type: 'boolean' },
      quick: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) throw new UsageRequested();
  const given = values as Record<string, string | undefined>;
  const quick = values.quick === true || ['1', 'true'].includes(env.BENCH_QUICK ?? '');
  const raw = (k: Key): string => given[k] ?? env[envName(k)] ?? (quick ? QUICK[k] : undefined) ?? SPEC[k].def;
  const only = raw('only')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const b of only)
    if (!(BENCHMARKS as readonly string[]).includes(b)) throw new Error(`--only: unknown benchmark "${b}" (${BENCHMARKS.join(', ')})`);
  const rate = raw('latency-rate');
  return {
    only: only as BenchmarkName[],
    intakeConcurrency: list('intake-concurrency', raw('intake-concurrency')),
    intakeSeconds: positive('intake-seconds', raw('intake-seconds')),
    intakeRounds: positive('intake-rounds', raw('intake-rounds')),
    warmupSeconds: positive('warmup-seconds', raw('warmup-seconds')),
    latencySeconds: positive('latency-seconds', raw('latency-seconds')),
    latencyLoad: positive('latency-load', raw('latency-load')),
    latencyRate: rate ? positive('latency-rate', rate) : null,
    cases: Math.round(positive('cases', raw('cases'))),
    workflowCache: Math.round(positive('workflow-cache', raw('workflow-cache'))),
    timersDrainSeconds: positive('timers-drain-seconds', raw('timers-drain-seconds')),
    timersBudgetMinutes: positive('timers-budget-minutes', raw('timers-budget-minutes')),
    rows: Math.round(positive('rows', raw('rows'))),
    listingRequests: Math.round(positive('listing-requests', raw('listing-requests'))),
    listingBeforeRequests: Math.round(positive('listing-before-requests', raw('listing-before-requests'))),
    scaledConcurrency: list('scaled-concurrency', raw('scaled-concurrency')),
    reportCases: Math.round(positive('report-cases', raw('report-cases'))),
    reportRuns: Math.round(positive('report-runs', raw('report-runs'))),
    profileSeconds: positive('profile-seconds', raw('profile-seconds')),
    doc: raw('doc'),
    keep: raw('keep') === 'true',
    quick,
    command: [
      ...[...Object.keys(SPEC), 'quick']
        .map((k) => [envName(k), env[envName(k)]] as const)
        .filter(([, v]) => v !== undefined)
        .map(([n, v]) => `${n}=${v}`),
      'npm run bench',
      ...(argv.length ? ['--', ...argv] : []),
    ].join(' '),
  };
}

export class UsageRequested extends Error {}
