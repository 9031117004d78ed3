import { createDb } from '../../prisma/client.js';
import { ensureFirstAdmin } from '../../prisma/principals.js';
import { seedReferenceData } from '../../prisma/reference/seed.js';
import { seedReportDueDates } from '../../prisma/registry-admin.js';

/**
 * After migrations: the seed reference data and report due dates where rows are missing, and the first administrator
 * (ADMIN_TOKEN's, else a generated key returned once). Idempotent; `npm start` and the migration
 * job of the scaled-out deployment both run it.
 */
export async function prepareDatabase(databaseUrl: string, adminToken: string | undefined): Promise<{ adminToken: string | null }> {
  const db = createDb(databaseUrl, { max: 2 });
  try {
    await seedReferenceData(db);
    await seedReportDueDates(db);
    const admin = await ensureFirstAdmin(db, adminToken);
    return { adminToken: admin.token };
  } finally {
    await db.$disconnect();
  }
}
