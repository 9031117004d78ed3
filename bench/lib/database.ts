/**
 * The benchmarks' own composition root for setting a database up: migrated, seeded with the
 * reference data, then whatever else a benchmark needs (carriers, principals), all through
 * prisma/'s modules; the client is closed when that is done. And the client reports run on.
 */
import { applyMigrations } from '../../prisma/migrate.js';
import { createDb, type Db } from '../../prisma/client.js';
import { createReportDb } from '../../prisma/reports.js';
import { seedReferenceData } from '../../prisma/reference/seed.js';

export async function setUpDatabase<T>(url: string, opts: { migrationsDir?: string }, fill: (db: Db) => Promise<T>): Promise<T> {
  await applyMigrations(url, { dir: opts.migrationsDir });
  const db = createDb(url, { max: 2 });
  try {
    await seedReferenceData(db);
    return await fill(db);
  } finally {
    await db.$disconnect();
  }
}

/** The report activities' own client (prisma/reports.ts createReportDb), closed once `use` is done. */
export async function withReportDb<T>(url: string, use: (db: Db) => Promise<T>): Promise<T> {
  const db = createReportDb(url);
  try {
    return await use(db);
  } finally {
    await db.$disconnect();
  }
}
