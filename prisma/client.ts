import { PrismaPg } from '@prisma/adapter-pg';
import { Prisma, PrismaClient } from './generated/client.js';

export type Db = PrismaClient;

/** The client inside an interactive transaction: what writes that must commit together take. */
export type Tx = Prisma.TransactionClient;

/** A Prisma client over node-postgres (the Rust-free client). */
export function createDb(databaseUrl: string, opts: { max?: number } = {}): Db {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: opts.max ?? 10 });
  return new PrismaClient({ adapter });
}

/** Resolves once PostgreSQL answers a query (readiness checks). */
export async function pingDb(db: Db): Promise<void> {
  await db.$queryRaw`SELECT 1`;
}

/** A write PostgreSQL refused because the row's unique key is taken (Prisma's P2002). */
export const isUniqueViolation = (e: unknown): boolean => e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002';
