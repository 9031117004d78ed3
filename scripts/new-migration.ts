// npm run db:migration -- --name add_x
// Writes the next migration as `prisma migrate dev --create-only` would, but
// offline: the wasm schema engine replays prisma/migrations in a throwaway
// shadow database and diffs the result against schema.prisma.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startEmbeddedPostgres, type EmbeddedCluster } from './lib/embedded-postgres.js';
import { freePort } from './lib/ports.js';
import { diffMigrationsToSchema, lastEnginePanic, LOCKFILE, LOCKFILE_CONTENT } from './lib/schema-engine.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const schemaPath = join(root, 'prisma', 'schema.prisma');
const migrationsDir = join(root, 'prisma', 'migrations');

function fail(msg: string): never {
  console.error(`db:migration: ${msg}`);
  process.exit(1);
}

const { values } = parseArgs({ options: { name: { type: 'string' } } });
const name = (values.name ?? '')
  .toLowerCase()
  .replace(/[^a-z0-9]+/g, '_')
  .replace(/^_+|_+$/g, '');
if (!name) fail('give the migration a name: npm run db:migration -- --name add_x');

/** UTC yyyymmddHHMMSS, kept after the newest existing migration so name order stays apply order. */
function nextTimestamp(): string {
  const now = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const last = existsSync(migrationsDir)
    ? readdirSync(migrationsDir)
        .filter((d) => /^\d{14}_/.test(d))
        .sort()
        .at(-1)
        ?.slice(0, 14)
    : undefined;
  if (!last || now > last) return now;
  const t = new Date(
    Date.UTC(+last.slice(0, 4), +last.slice(4, 6) - 1, +last.slice(6, 8), +last.slice(8, 10), +last.slice(10, 12), +last.slice(12, 14) + 1),
  );
  return t.toISOString().replace(/\D/g, '').slice(0, 14);
}

const started = performance.now();
let cluster: EmbeddedCluster | undefined;
let tempDir: string | undefined;
// an engine panic escapes as an uncaught exception, past the finally below
process.once('uncaughtException', (e) => {
  console.error(`db:migration: schema engine crashed: ${lastEnginePanic() || e.message}`);
  process.exit(1);
});
process.once('exit', () => tempDir && rmSync(tempDir, { recursive: true, force: true }));
try {
  let url = process.env.DATABASE_URL;
  if (!url) {
    // under the OS temp dir: as root the server runs as `postgres`, which cannot enter /root
    tempDir = mkdtempSync(join(tmpdir(), 'postwatch-migration-pg-'));
    chmodSync(tempDir, 0o755);
    cluster = await startEmbeddedPostgres({ dir: join(tempDir, 'pg'), port: await freePort(), persistent: false });
    url = cluster.adminUrl;
  }
  const { sql } = await diffMigrationsToSchema({
    url,
    migrationsDir,
    schemaFiles: [{ path: schemaPath, content: readFileSync(schemaPath, 'utf8') }],
  });
  if (sql === null) {
    console.log('no changes: prisma/migrations already matches schema.prisma');
  } else {
    const dir = join(migrationsDir, `${nextTimestamp()}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'migration.sql'), sql);
    writeFileSync(join(migrationsDir, LOCKFILE), LOCKFILE_CONTENT);
    console.log(
      `wrote ${relative(root, join(dir, 'migration.sql'))} (${Math.round(performance.now() - started)} ms); review it before committing`,
    );
  }
} catch (e) {
  // not fail(): exiting here would skip stopping the temporary cluster
  console.error(`db:migration: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
} finally {
  await cluster?.stop();
  if (tempDir) rmSync(tempDir, { recursive: true, force: true });
}
