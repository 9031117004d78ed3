// Applies prisma/migrations offline (`prisma migrate deploy` needs a native
// engine it downloads). Rows in _prisma_migrations are written the way
// Prisma writes them, so the normal CLI's `migrate status` agrees with us.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const defaultMigrationsDir = fileURLToPath(new URL('./migrations', import.meta.url));

// Prisma Migrate's own lock key: we also exclude a concurrent `prisma migrate deploy`.
const LOCK_KEY = 72707369;

// Prisma's DDL (sql-schema-connector, postgres flavour), verbatim in substance.
const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
)`;

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

export function readMigrations(dir = defaultMigrationsDir): MigrationFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const file = join(dir, name, 'migration.sql');
      // a half-written migration must not be skipped silently
      if (!existsSync(file)) throw new MigrationError(`migration ${name} has no migration.sql (${file})`);
      const bytes = readFileSync(file);
      return { name, sql: bytes.toString('utf8'), checksum: createHash('sha256').update(bytes).digest('hex') };
    });
}

function describePgError(e: unknown): string {
  const err = e as Partial<pg.DatabaseError> & Error;
  const parts = [err.code ? `${err.code}: ${err.message}` : err.message];
  if (err.detail) parts.push(`DETAIL: ${err.detail}`);
  if (err.hint) parts.push(`HINT: ${err.hint}`);
  if (err.where) parts.push(`WHERE: ${err.where}`);
  return parts.join('\n');
}

export async function applyMigrations(
  databaseUrl: string,
  opts: { dir?: string; log?: (msg: string) => void } = {},
): Promise<{ applied: string[] }> {
  const log = opts.log ?? (() => {});
  const migrations = readMigrations(opts.dir);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // session lock, held across the per-migration transactions; the loser
    // waits, then finds everything applied
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
    await client.query(CREATE_TABLE);
    const { rows } = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      `SELECT migration_name, checksum, finished_at FROM _prisma_migrations
        WHERE rolled_back_at IS NULL ORDER BY started_at`,
    );
    const recorded = new Map(rows.map((r) => [r.migration_name, r]));

    // refuse before applying anything: a half-run history is worse than none
    for (const r of rows) {
      if (r.finished_at === null) {
        throw new MigrationError(
          `migration ${r.migration_name} is recorded as failed (finished_at is null); ` +
            'repair the database, then mark it rolled back (set rolled_back_at) or applied',
        );
      }
    }
    for (const m of migrations) {
      const r = recorded.get(m.name);
      if (r && r.checksum !== m.checksum) {
        throw new MigrationError(
          `migration ${m.name} was modified after it was applied (checksum ${r.checksum} in the database, ` +
            `${m.checksum} on disk); restore the file and add a new migration instead`,
        );
      }
    }

    const onDisk = new Set(migrations.map((m) => m.name));
    for (const r of rows) if (!onDisk.has(r.migration_name)) log(`note: ${r.migration_name} is applied but not in this build's migrations`);

    const applied: string[] = [];
    for (const m of migrations) {
      if (recorded.has(m.name)) continue;
      log(`applying ${m.name}`);
      await client.query('BEGIN');
      try {
        const id = randomUUID();
        await client.query(
          'INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, clock_timestamp(), 0)',
          [id, m.checksum, m.name],
        );
        // no parameters: the simple protocol runs the whole file, bodies and all
        await client.query(m.sql);
        await client.query(
          'UPDATE _prisma_migrations SET finished_at = clock_timestamp(), applied_steps_count = applied_steps_count + 1 WHERE id = $1',
          [id],
        );
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK').catch(() => {});
        // rolled back as a whole: nothing to record, fixing the file and rerunning is safe
        throw new MigrationError(`migration ${m.name} failed and was rolled back:\n${describePgError(e)}`, { cause: e });
      }
      applied.push(m.name);
    }
    return { applied };
  } finally {
    // ending the session releases the advisory lock too
    await client.end();
  }
}
