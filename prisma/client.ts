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

/** How long a connection and a statement may take before the caller is told PostgreSQL is unavailable. */
export interface DbTimeouts {
  /** Opening a connection (a stopped server refuses at once; a frozen one never answers). */
  connectMs?: number;
  /** One statement: PostgreSQL cancels it at this (statement_timeout); the client gives up 500 ms later. */
  statementMs?: number;
}

export const DB_CONNECT_MS = 5_000;
export const DB_STATEMENT_MS = 4_500;

/**
 * A Prisma client over node-postgres (the Rust-free client). Every connection and statement is
 * bounded (DbTimeouts), so an outage surfaces as an error within seconds instead of a hang;
 * `onQuery` sees every statement (the benchmarks run them raw).
 */
export function createDb(databaseUrl: string, opts: { max?: number; onQuery?: (e: QueryEvent) => void } & DbTimeouts = {}): Db {
  const statementMs = opts.statementMs ?? DB_STATEMENT_MS;
  const adapter = new PrismaPg({
    connectionString: databaseUrl,
    max: opts.max ?? 10,
    connectionTimeoutMillis: opts.connectMs ?? DB_CONNECT_MS,
    statement_timeout: statementMs,
    // the server's own timeout cannot fire when it is frozen: the client's does
    query_timeout: statementMs + 500,
  });
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
