/**
 * Benchmark 4, listing at scale: `GET /v1/cases` with the common filters on synthetic cases
 * loaded in SQL, beside the raw SQL of the same query. The raw side runs the very statement
 * and parameters Prisma sent for that request (captured from Prisma's query events in the API
 * process), on one connection of its own. Both sides run one request at a time, in alternating
 * blocks; then the listing_indexes migration is applied and everything is measured again.
 */
import { cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { Pool } from 'undici';
import { newCodecKeyEntry } from '../platform/payload-codec.js';
import { applyMigrations, defaultMigrationsDir } from '../prisma/migrate.js';
import { createPrincipal } from '../prisma/principals.js';
import { TASK_QUEUE } from '../workflows/definitions.js';
import { setUpDatabase } from './lib/database.js';
import { Latencies } from './lib/latencies.js';
import { ms, ratio, table, verdict } from './lib/markdown.js';
import { startRole, type Role } from './lib/roles.js';
import type { Stack } from './lib/stack.js';
import { gist, queriesDuring, type Captured } from './lib/query-capture.js';
import { loadSyntheticCases } from './lib/synthetic-cases.js';
import type { ApiSettings } from './roles/api.js';

export const LISTING_GOAL = 1.5;
export const INDEX_MIGRATION = /_listing_indexes$/;
const BLOCK = 20;

/** Who asks: a provincial market-surveillance officer, an officer of a small agency (few cases), a national manager. */
const PRINCIPALS = {
  officer: { name: 'Cán bộ TH-QLTT', role: 'officer', agencyId: 'TH-QLTT', provinceCode: 'TH' },
  smallAgency: { name: 'Cán bộ QA-CUSTOMS', role: 'officer', agencyId: 'QA-CUSTOMS', provinceCode: 'QA' },
  nationalManager: { name: 'Lãnh đạo Cục (national manager)', role: 'manager' },
} as const;
type Who = keyof typeof PRINCIPALS;

/** The common filters of the issue, each as the principal who typically asks for it. */
const QUERIES: { name: string; who: Who; path: string }[] = [
  { name: "officer's agency view (`agencyIds`)", who: 'officer', path: '/v1/cases' },
  { name: "small agency's view", who: 'smallAgency', path: '/v1/cases' },
  { name: 'agency view, overdue', who: 'officer', path: '/v1/cases?overdue=true' },
  { name: 'agency view, by status', who: 'officer', path: '/v1/cases?status=UNDER_VERIFICATION' },
  { name: 'agency view, by deadline', who: 'officer', path: '/v1/cases?sort=nextDeadlineAt' },
  { name: 'national manager, by province', who: 'nationalManager', path: '/v1/cases?province=HN' },
  { name: 'national manager, overdue by deadline', who: 'nationalManager', path: '/v1/cases?overdue=true&sort=nextDeadlineAt' },
];

export interface ListingMeasure {
  name: string;
  path: string;
  http: Latencies;
  raw: Latencies;
  plan: string;
}

export interface ListingResult {
  rows: number;
  loadSeconds: number;
  indexSeconds: number;
  indexes: string[];
  before: ListingMeasure[];
  after: ListingMeasure[];
  sql: Record<string, Captured>;
}

/** The migrations without listing_indexes, to measure the "before" state. */
function migrationsBeforeIndexes(tmp: string): string {
  const dir = mkdtempSync(join(tmp, 'migrations-'));
  for (const m of readdirSync(defaultMigrationsDir, { withFileTypes: true }))
    if (!(m.isDirectory() && INDEX_MIGRATION.test(m.name)))
      cpSync(join(defaultMigrationsDir, m.name), join(dir, m.name), { recursive: true });
  return dir;
}

/** The statement Prisma issued on "Case" for one request. */
async function capture(api: Role<{ base: string }>, get: () => Promise<void>): Promise<Captured> {
  const seen = await queriesDuring(api, get);
  const found = seen.find((q) => /FROM "public"\."Case"/.test(q.sql));
  if (!found) throw new Error(`no query on "Case" was captured: ${seen.map((q) => gist(q.sql)).join(', ')}`);
  return found;
}

/** The access paths of a plan, e.g. "Index Scan Backward using Case_detectedAt_idx". */
function accessPaths(plan: Record<string, unknown>): string[] {
  const here = /Scan/.test(String(plan['Node Type']))
    ? [
        `${plan['Node Type']}${plan['Scan Direction'] === 'Backward' ? ' Backward' : ''}${plan['Index Name'] ? ` using ${plan['Index Name']}` : ''}`,
      ]
    : [];
  return [...here, ...((plan.Plans as Record<string, unknown>[] | undefined) ?? []).flatMap(accessPaths)];
}

async function explain(raw: pg.Client, q: Captured): Promise<string> {
  const { rows } = await raw.query<{ 'QUERY PLAN': [{ Plan: Record<string, unknown>; 'Execution Time': number }] }>(
    `EXPLAIN (ANALYZE, FORMAT JSON) ${q.sql}`,
    q.params,
  );
  const top = rows[0]!['QUERY PLAN'][0];
  return `${[...new Set(accessPaths(top.Plan))].join(', ')} (${ms(top['Execution Time'])})`;
}

async function measureAll(
  http: Pool,
  raw: pg.Client,
  tokens: Record<Who, string>,
  captured: Record<string, Captured>,
  requests: number,
): Promise<ListingMeasure[]> {
  const out: ListingMeasure[] = [];
  for (const q of QUERIES) {
    const c = captured[q.name]!;
    const m: ListingMeasure = { name: q.name, path: q.path, http: new Latencies(), raw: new Latencies(), plan: await explain(raw, c) };
    const get = async () => {
      const res = await http.request({ method: 'GET', path: q.path, headers: { authorization: `Bearer ${tokens[q.who]}` } });
      await res.body.text();
      if (res.statusCode !== 200) throw new Error(`GET ${q.path}: ${res.statusCode}`);
    };
    for (let i = 0; i < 5; i++) await Promise.all([get(), raw.query(c.sql, c.params)]); // warm both
    for (let done = 0; done < requests; done += BLOCK) {
      for (let i = 0; i < Math.min(BLOCK, requests - done); i++) {
        const t = performance.now();
        await get();
        m.http.record(performance.now() - t);
      }
      for (let i = 0; i < Math.min(BLOCK, requests - done); i++) {
        const t = performance.now();
        await raw.query(c.sql, c.params);
        m.raw.record(performance.now() - t);
      }
    }
    out.push(m);
  }
  return out;
}

export async function measureListing(
  stack: Stack,
  o: { rows: number; requests: number; requestsBefore: number },
  log: (m: string) => void,
): Promise<ListingResult> {
  const url = await stack.createDatabase('listing');
  const tokens = await setUpDatabase(url, { migrationsDir: migrationsBeforeIndexes(stack.dir) }, async (db) => {
    const t = {} as Record<Who, string>;
    for (const [who, p] of Object.entries(PRINCIPALS)) t[who as Who] = (await createPrincipal(db, p, 'bench')).token;
    return t;
  });
  const sql = new pg.Pool({ connectionString: url, max: 2 });
  const raw = new pg.Client({ connectionString: url });
  await raw.connect();
  let api: Role<{ base: string }> | null = null;
  let http: Pool | null = null;
  try {
    const t0 = performance.now();
    await loadSyntheticCases(sql, o.rows, (n) => log(`listing: ${n.toLocaleString('en')} of ${o.rows.toLocaleString('en')} cases loaded`));
    const loadSeconds = (performance.now() - t0) / 1000;
    api = await startRole<{ base: string }>(
      'api.ts',
      {
        databaseUrl: url,
        temporalAddress: stack.temporal.address,
        taskQueue: TASK_QUEUE,
        codecKeys: newCodecKeyEntry(),
        captureQueries: true,
      } satisfies ApiSettings,
      { name: 'listing api' },
    );
    http = new Pool(api.info.base, { connections: 1 });
    const captured: Record<string, Captured> = {};
    for (const q of QUERIES) {
      captured[q.name] = await capture(api, async () => {
        const res = await http!.request({ method: 'GET', path: q.path, headers: { authorization: `Bearer ${tokens[q.who]}` } });
        await res.body.text();
      });
    }
    log('listing: measuring without the listing indexes');
    const before = await measureAll(http, raw, tokens, captured, o.requestsBefore);
    const t1 = performance.now();
    const { applied } = await applyMigrations(url);
    await sql.query('ANALYZE "Case"');
    const indexSeconds = (performance.now() - t1) / 1000;
    log(`listing: ${applied.join(', ')} applied in ${indexSeconds.toFixed(1)} s; measuring again`);
    const after = await measureAll(http, raw, tokens, captured, o.requests);
    const { rows: idx } = await sql.query<{ indexdef: string }>(
      `SELECT indexdef FROM pg_indexes WHERE tablename = 'Case' ORDER BY indexname`,
    );
    return { rows: o.rows, loadSeconds, indexSeconds, indexes: idx.map((r) => r.indexdef), before, after, sql: captured };
  } finally {
    await http?.close();
    await api?.stop();
    await raw.end();
    await sql.end();
  }
}

export function listingSection(r: ListingResult): string {
  const rows = r.after.map((a, i) => {
    const b = r.before[i]!;
    const x = a.http.at(99) / a.raw.at(99);
    return [
      `${a.name}: \`${a.path}\``,
      `${ms(b.http.at(99))} · ${ms(b.raw.at(99))}`,
      `${ms(a.http.at(50))} · ${ms(a.raw.at(50))}`,
      `${ms(a.http.at(99))} · ${ms(a.raw.at(99))}`,
      `**${ratio(x)}×**`,
      verdict(x <= LISTING_GOAL),
    ];
  });
  const clause = (name: string) =>
    '`' + r.sql[name]!.sql.replace(/^.* FROM "public"\."Case" /, '').replace(/"public"\."Case"\./g, '') + '`';
  const plans = r.after.map((a, i) => [a.name, clause(a.name), r.before[i]!.plan, a.plan]);
  return [
    `${r.rows.toLocaleString('en')} cases loaded in SQL in ${r.loadSeconds.toFixed(0)} s; the listing_indexes migration took ${r.indexSeconds.toFixed(1)} s on them. ` +
      `Requests per query and side: ${r.after[0]?.http.count ?? 0} with the indexes, ${r.before[0]?.http.count ?? 0} without; one at a time, HTTP and raw SQL alternating in blocks of ${BLOCK}.`,
    '',
    table(
      [
        'query',
        'p99 before indexes: HTTP · SQL',
        'p50 after: HTTP · SQL',
        'p99 after: HTTP · SQL',
        'p99 HTTP ÷ SQL',
        `goal ≤ ${LISTING_GOAL}×`,
      ],
      rows,
    ),
    '',
    'The statements (as Prisma sent them, selected columns left out) and their plans (EXPLAIN ANALYZE of the raw SQL) before and after the migration:',
    '',
    table(['query', 'statement', 'plan before', 'plan after'], plans),
    '',
    'The SQL Prisma issues for the first query (what the raw side runs):',
    '',
    '```sql',
    r.sql[QUERIES[0]!.name]!.sql,
    `-- parameters: ${JSON.stringify(r.sql[QUERIES[0]!.name]!.params)}`,
    '```',
  ].join('\n');
}
