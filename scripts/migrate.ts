// npm run db:migrate: applies prisma/migrations to DATABASE_URL.
import { applyMigrations } from '../prisma/migrate.js';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('db:migrate: DATABASE_URL is not set (e.g. postgresql://user:pass@localhost:5432/postwatch)');
  process.exit(1);
}

try {
  const started = performance.now();
  const { applied } = await applyMigrations(url, { log: (m) => console.log(m) });
  const ms = Math.round(performance.now() - started);
  console.log(applied.length ? `applied ${applied.length} migration(s) in ${ms} ms` : 'database is up to date');
} catch (e) {
  console.error(`db:migrate: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
