// Fails when schema.prisma and prisma/migrations drift apart: whoever changes
// the schema must also run `npm run db:migration -- --name <what>`.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { defaultMigrationsDir } from '../../prisma/migrate.js';
import { diffMigrationsToSchema } from '../../scripts/lib/schema-engine.js';
import { createTestDatabase } from '../support/postgres.js';

const schemaPath = fileURLToPath(new URL('../../prisma/schema.prisma', import.meta.url));
const schema = readFileSync(schemaPath, 'utf8');

// The engine's main connection; the migrations are replayed in a throwaway
// shadow database next to it, which must leave this one untouched.
let db: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  db = await createTestDatabase('drift');
});
afterAll(() => db?.drop());

const diff = (content: string) =>
  diffMigrationsToSchema({ url: db.url, migrationsDir: defaultMigrationsDir, schemaFiles: [{ path: schemaPath, content }] });

it('schema.prisma matches prisma/migrations', async () => {
  const { sql } = await diff(schema);
  expect(sql, `schema.prisma has changes no migration covers; run npm run db:migration -- --name <what>:\n${sql}`).toBeNull();
});

it('detects drift (so the check above can fail)', async () => {
  const drifted = schema.replace(/model Holiday \{\n/, 'model Holiday {\n  note String?\n');
  expect(drifted).not.toBe(schema);
  const { sql } = await diff(drifted);
  expect(sql).toMatch(/ALTER TABLE "Holiday" ADD COLUMN\s+"note" TEXT;/);
});

it('leaves the main database untouched and drops its shadow databases', async () => {
  const c = new pg.Client({ connectionString: db.url });
  await c.connect();
  try {
    expect((await c.query(`SELECT count(*)::int AS n FROM pg_class WHERE relnamespace = 'public'::regnamespace`)).rows[0].n).toBe(0);
    expect((await c.query(`SELECT datname FROM pg_database WHERE datname LIKE 'prisma_shadow_%'`)).rows).toEqual([]);
  } finally {
    await c.end();
  }
});
