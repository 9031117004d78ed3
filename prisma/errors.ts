/**
 * What kind of failure a database error is: PostgreSQL refusing the data for good, or the
 * database being unavailable for a while. The SQLSTATE decides (PostgreSQL manual, Appendix A).
 */
import { Prisma } from './generated/client.js';

/**
 * SQLSTATE classes of errors that a retry of the same statement meets again: data exceptions
 * (22: invalid text or JSON, a value out of range), integrity constraint violations (23: a check,
 * a foreign key, a unique key), syntax or access rule violations (42: a missing column or table).
 * Everything else (connections 08, resources 53, operator intervention 57, serialization 40, a
 * pool that cannot connect) is the database being unavailable: retried until it is back.
 */
const REJECTING_CLASSES = new Set(['22', '23', '42']);

/** A unique-key violation: also what two attempts of one idempotent write racing each other see. */
export const UNIQUE_VIOLATION = '23505';

/** The SQLSTATE a Prisma (driver adapter) or node-postgres error carries, if any. */
export function sqlStateOf(e: unknown): string | null {
  if (e instanceof Prisma.PrismaClientKnownRequestError) {
    const cause = (e.meta?.driverAdapterError as { cause?: { originalCode?: unknown; code?: unknown } } | undefined)?.cause;
    const code = cause?.originalCode ?? cause?.code;
    return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : null;
  }
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && (e as { severity?: unknown }).severity !== undefined ? code : null;
}

/** What PostgreSQL said when it refused the data for good; null for any other failure. */
export function rejectedData(e: unknown): { sqlState: string; message: string } | null {
  const sqlState = sqlStateOf(e);
  if (!sqlState || !REJECTING_CLASSES.has(sqlState.slice(0, 2))) return null;
  const cause =
    e instanceof Prisma.PrismaClientKnownRequestError
      ? (e.meta?.driverAdapterError as { cause?: { originalMessage?: unknown } })?.cause
      : null;
  const message = typeof cause?.originalMessage === 'string' ? cause.originalMessage : e instanceof Error ? e.message : String(e);
  return { sqlState, message };
}
