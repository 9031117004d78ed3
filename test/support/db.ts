import { afterAll } from 'vitest';
import { applyMigrations } from '../../prisma/migrate.js';
import { createDb, type Db } from '../../prisma/client.js';
import { createTestDatabase } from './postgres.js';

/** A fresh, migrated database for this test file, dropped when the file ends. */
export async function migratedDatabase(): Promise<{ url: string; db: Db }> {
  const t = await createTestDatabase();
  await applyMigrations(t.url);
  const db = createDb(t.url, { max: 5 });
  afterAll(async () => {
    await db.$disconnect();
    await t.drop();
  });
  return { url: t.url, db };
}
