import { createDb } from '../../prisma/client.js';
import { ensureFirstAdmin } from '../../prisma/principals.js';
import { seedReferenceData, type SeedReport } from '../../prisma/reference/seed.js';
import { seedReportDueDates } from '../../prisma/registry-admin.js';

/**
 * After migrations: the seed reference data (and its corrections, reported) and report due dates where rows are missing, and the first administrator
 * (ADMIN_TOKEN's, else a generated key returned once). Idempotent; `npm start` and the migration
 * job of the scaled-out deployment both run it.
 */
export async function prepareDatabase(
  databaseUrl: string,
  adminToken: string | undefined,
): Promise<{ adminToken: string | null; seeded: SeedReport }> {
  const db = createDb(databaseUrl, { max: 2 });
  try {
    const seeded = await seedReferenceData(db);
    await seedReportDueDates(db);
    const admin = await ensureFirstAdmin(db, adminToken);
    return { adminToken: admin.token, seeded };
  } finally {
    await db.$disconnect();
  }
}
