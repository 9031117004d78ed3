import { expect, it } from 'vitest';
import pg from 'pg';
import { createTestDatabase } from './support/postgres.js';

it('gets a fresh database on the run server', async () => {
  const db = await createTestDatabase();
  const c = new pg.Client({ connectionString: db.url });
  await c.connect();
  const r = await c.query('select version()');
  await c.end();
  await db.drop();
  expect(r.rows[0].version).toMatch(/PostgreSQL 18/);
});
