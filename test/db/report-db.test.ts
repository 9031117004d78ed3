// prisma/reports.ts createReportDb: a report's statements may run for minutes on a national year
// (docs/benchmarks.md, benchmark 6), past the statement timeout every other client keeps.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDb, DB_STATEMENT_MS, type Db } from '../../prisma/client.js';
import { createReportDb } from '../../prisma/reports.js';
import { migratedDatabase } from '../support/db.js';

let url: string;
let clients: Db[] = [];
beforeAll(async () => {
  ({ url } = await migratedDatabase());
  clients = [createDb(url, { max: 1 }), createReportDb(url)];
}, 120_000);
afterAll(async () => Promise.all(clients.map((c) => c.$disconnect())));

it("lets a report's statement run past the timeout that ends any other", async () => {
  const [plain, report] = clients as [Db, Db];
  const sleep = (db: Db) => db.$queryRawUnsafe(`SELECT 1 AS done FROM pg_sleep(${(DB_STATEMENT_MS + 1000) / 1000})`);
  await expect(sleep(plain)).rejects.toThrow(/timeout|cancel/i);
  await expect(sleep(report)).resolves.toHaveLength(1);
}, 60_000);
