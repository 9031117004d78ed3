// npm run db:migrate, and the migration job of the scaled-out deployment: applies prisma/migrations
// to DATABASE_URL, then makes the database usable (reference data, first administrator), so the
// API and the workers can start on an empty database without `npm start`.
import { ConfigError, loadConfig } from '../platform/config.js';
import { applyMigrations } from '../prisma/migrate.js';
import { prepareDatabase } from './lib/prepare-database.js';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('db:migrate: DATABASE_URL is not set (e.g. postgresql://user:pass@localhost:5432/postwatch)');
  process.exit(1);
}

try {
  const cfg = loadConfig();
  const started = performance.now();
  const { applied } = await applyMigrations(url, { log: (m) => console.log(m) });
  const ms = Math.round(performance.now() - started);
  console.log(applied.length ? `applied ${applied.length} migration(s) in ${ms} ms` : 'database is up to date');
  const { adminToken, seeded } = await prepareDatabase(url, cfg.ADMIN_TOKEN);
  console.log('reference data seeded where rows were missing');
  if (seeded.applied.length) console.log(`reference data corrected: ${seeded.applied.map((r) => `${r.table} ${r.key}`).join(', ')}`);
  for (const k of seeded.kept) console.log(`reference correction left to an administrator: ${k.table} ${k.key} (${k.reason})`);
  for (const id of seeded.notSeeded) console.log(`seed row not inserted, it would overlap one already there: ${id}`);
  if (adminToken) console.log(`first administrator created; key (shown once, only its hash is stored): ${adminToken}`);
  else console.log(cfg.ADMIN_TOKEN ? 'administrator: the key in ADMIN_TOKEN' : 'administrator: exists already');
} catch (e) {
  console.error(`db:migrate: ${e instanceof ConfigError || e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
process.exit(0); // the pg pool's idle timers would otherwise keep the job alive a few seconds
