/** What PostgreSQL counted for one database over a window: commits, and rows written per table. */
import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';

export interface PgCounts {
  commits: number;
  /** table → rows inserted + updated */
  written: Map<string, number>;
}

async function read(sql: pg.Pool): Promise<PgCounts> {
  const db = await sql.query<{ n: string }>('SELECT xact_commit AS n FROM pg_stat_database WHERE datname = current_database()');
  const tables = await sql.query<{ relname: string; n: string }>('SELECT relname, n_tup_ins + n_tup_upd AS n FROM pg_stat_user_tables');
  return { commits: Number(db.rows[0]!.n), written: new Map(tables.rows.map((r) => [r.relname, Number(r.n)])) };
}

/** The counts `fn` caused (backends report their statistics about once a second, hence the pause). */
export async function pgCountsDuring<T>(sql: pg.Pool, fn: () => Promise<T>): Promise<{ value: T; counts: PgCounts }> {
  await sleep(1500);
  const before = await read(sql);
  const value = await fn();
  await sleep(1500);
  const after = await read(sql);
  const written = new Map([...after.written].map(([t, n]) => [t, n - (before.written.get(t) ?? 0)] as const).filter(([, n]) => n > 0));
  return { value, counts: { commits: after.commits - before.commits - 2, written } }; // less our own two reads
}
