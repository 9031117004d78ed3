import { PrismaPg } from '@prisma/adapter-pg';
import { Prisma, PrismaClient } from './generated/client.js';

export type Db = PrismaClient;

/** The client inside an interactive transaction: what writes that must commit together take. */
export type Tx = Prisma.TransactionClient;

/** One statement as Prisma sent it (`params` is a JSON array), for `onQuery`. */
export interface QueryEvent {
  query: string;
  params: string;
  duration: number;
}

/** A Prisma client over node-postgres (the Rust-free client); `onQuery` sees every statement (the benchmarks run them raw). */
export function createDb(databaseUrl: string, opts: { max?: number; onQuery?: (e: QueryEvent) => void } = {}): Db {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: opts.max ?? 10 });
  if (!opts.onQuery) return new PrismaClient({ adapter });
  const db = new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] });
  db.$on('query', opts.onQuery);
  return db as unknown as Db;
}

/** Resolves once PostgreSQL answers a query (readiness checks). */
export async function pingDb(db: Db): Promise<void> {
  await db.$queryRaw`SELECT 1`;
}

/** A write PostgreSQL refused because the row's unique key is taken (Prisma's P2002). */
export const isUniqueViolation = (e: unknown): boolean => e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002';
