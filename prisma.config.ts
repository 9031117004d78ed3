import { defineConfig } from 'prisma/config';

// Prisma CLI settings. Migrations are applied by scripts/migrate.ts (offline),
// recorded in _prisma_migrations exactly as `prisma migrate deploy` would.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost/postwatch' },
});
