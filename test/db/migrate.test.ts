import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations, defaultMigrationsDir } from '../../prisma/migrate.js';
import { openSchemaEngine, readMigrationsList } from '../../scripts/lib/schema-engine.js';
import { createTestDatabase } from '../support/postgres.js';

const names = readdirSync(defaultMigrationsDir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();
const sha256 = (name: string, dir = defaultMigrationsDir) =>
  createHash('sha256')
    .update(readFileSync(join(dir, name, 'migration.sql')))
    .digest('hex');

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function freshDb() {
  const db = await createTestDatabase('mig');
  cleanups.push(() => db.drop());
  return db.url;
}

async function connect(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  cleanups.push(() => c.end());
  return c;
}

function copyMigrations(): string {
  const dir = mkdtempSync(join(tmpdir(), 'postwatch-migrations-'));
  cpSync(defaultMigrationsDir, dir, { recursive: true });
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

it('starts with the init and append-only migrations, in that order', () => {
  expect(names.slice(0, 2)).toEqual(['20261124000000_init', '20261124000100_case_event_append_only']);
  expect([...names].sort()).toEqual(names);
});

it('applies every migration to a fresh database, then nothing on a second run', async () => {
  const url = await freshDb();
  expect(await applyMigrations(url)).toEqual({ applied: names });
  expect(await applyMigrations(url)).toEqual({ applied: [] });

  const c = await connect(url);
  const { rows } = await c.query(
    'SELECT id, checksum, migration_name, finished_at, started_at, logs, rolled_back_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name',
  );
  expect(rows.map((r) => r.migration_name)).toEqual(names);
  for (const r of rows) {
    expect(r.checksum).toBe(sha256(r.migration_name));
    expect(r.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(r.finished_at).toBeInstanceOf(Date);
    expect(r.finished_at.getTime()).toBeGreaterThanOrEqual(r.started_at.getTime());
    expect(r).toMatchObject({ logs: null, rolled_back_at: null, applied_steps_count: 1 });
  }
});

it("writes a history Prisma's own engine accepts (what `prisma migrate status` runs)", async () => {
  const url = await freshDb();
  await applyMigrations(url);
  const { engine, close } = await openSchemaEngine(url);
  cleanups.push(close);
  const diagnosis = await engine.diagnoseMigrationHistory({
    migrationsList: readMigrationsList(defaultMigrationsDir),
    optInToShadowDatabase: false,
    filters: { externalTables: [], externalEnums: [] },
  });
  expect(diagnosis).toEqual({ editedMigrationNames: [], failedMigrationNames: [], hasMigrationsTable: true, history: null });
});

it('lets two concurrent starters race: both succeed, each migration applied once', async () => {
  const url = await freshDb();
  const [a, b] = await Promise.all([applyMigrations(url), applyMigrations(url)]);
  expect([...a.applied, ...b.applied].sort()).toEqual(names);
  const c = await connect(url);
  const { rows } = await c.query('SELECT migration_name, count(*)::int AS n FROM _prisma_migrations GROUP BY 1 ORDER BY 1');
  expect(rows).toEqual(names.map((n) => ({ migration_name: n, n: 1 })));
});

it('refuses to run when an applied migration was edited, naming it', async () => {
  const url = await freshDb();
  const dir = copyMigrations();
  await applyMigrations(url, { dir });
  appendFileSync(join(dir, names[0]!, 'migration.sql'), '\n-- edited later\n');
  mkdirSync(join(dir, '20991231000000_next'));
  writeFileSync(join(dir, '20991231000000_next', 'migration.sql'), 'CREATE TABLE "Next" (id int);');

  await expect(applyMigrations(url, { dir })).rejects.toThrow(/migration 20261124000000_init was modified after it was applied/);
  // refused before applying anything else
  const c = await connect(url);
  expect((await c.query(`SELECT to_regclass('"Next"') AS t`)).rows[0].t).toBeNull();
});

it('rolls a failing migration back whole and reports its name and the PostgreSQL error', async () => {
  const url = await freshDb();
  const dir = copyMigrations();
  mkdirSync(join(dir, '20991231000000_broken'));
  writeFileSync(join(dir, '20991231000000_broken', 'migration.sql'), 'CREATE TABLE "Half" (id int);\nSELECT 1/0;\n');

  await expect(applyMigrations(url, { dir })).rejects.toThrow(/20991231000000_broken failed and was rolled back:\n22012: division by zero/);
  const c = await connect(url);
  expect((await c.query(`SELECT to_regclass('"Half"') AS t`)).rows[0].t).toBeNull();
  const { rows } = await c.query('SELECT migration_name FROM _prisma_migrations ORDER BY 1');
  expect(rows.map((r) => r.migration_name)).toEqual(names); // the good ones stay applied
});

describe('CaseEvent is append-only', () => {
  let url: string;
  let c: pg.Client;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const db = await createTestDatabase('mig');
    url = db.url;
    drop = db.drop;
    await applyMigrations(url);
    c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`INSERT INTO "Province" (code, name) VALUES ('TH', 'Thanh Hoa')`);
    await c.query(`INSERT INTO "Carrier" (id, name) VALUES ('vnpost', 'VNPost')`);
    await c.query(
      `INSERT INTO "Case" (id, number, "carrierId", "carrierRef", "trackingNumber", "provinceCode", "categoryCode", stage, status, "detectedAt", "updatedAt")
       VALUES ('case-1', 'TH-2026-0001', 'vnpost', 'r1', 'EE1VN', 'TH', 'weapons', 'detected', 'open', now(), now())`,
    );
    await c.query(
      `INSERT INTO "CaseEvent" ("caseId", seq, type, "actorRole", at, payload, "prevHash", hash)
       VALUES ('case-1', 1, 'detected', 'carrier', now(), '{}', '', 'h1')`,
    );
  });
  afterAll(async () => {
    await c?.end();
    await drop?.();
  });

  it.each([
    ['UPDATE', `UPDATE "CaseEvent" SET reason = 'rewritten'`],
    ['DELETE', `DELETE FROM "CaseEvent"`],
    ['TRUNCATE', `TRUNCATE "CaseEvent"`],
  ])('refuses %s', async (op, sql) => {
    await expect(c.query(sql)).rejects.toThrow(`CaseEvent is append-only: ${op} refused`);
    expect((await c.query('SELECT count(*)::int AS n, max(reason) AS r FROM "CaseEvent"')).rows[0]).toEqual({ n: 1, r: null });
  });

  it('still accepts new events', async () => {
    await c.query(
      `INSERT INTO "CaseEvent" ("caseId", seq, type, "actorRole", at, payload, "prevHash", hash)
       VALUES ('case-1', 2, 'note', 'officer', now(), '{}', 'h1', 'h2')`,
    );
    expect((await c.query('SELECT count(*)::int AS n FROM "CaseEvent"')).rows[0].n).toBe(2);
  });
});
