/**
 * When PostgreSQL is down, frozen or saturated, what Prisma and node-postgres throw: the API answers
 * it with 503 and Retry-After (api/http/unavailable.ts), never with 500.
 */

// Prisma: cannot reach, timed out, connection closed, pool exhausted
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
// @prisma/adapter-pg's driver errors of an unreachable server
const ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
// SQLSTATE: connection exceptions (08…), shutting down or starting (57P01–57P03), too many connections, statement_timeout
const SQLSTATE = /^(08...|57P0[123]|53300|57014)$/;
// node-postgres's socket errors (system error codes), and those it throws without a code: the
// pool's connection timeout, its query_timeout, a dropped connection
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EPIPE']);
const DRIVER_MESSAGES =
  /^(Query read timeout|Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error)/;

/** The errors an error wraps (cause, Prisma's driver-adapter meta), itself first. */
function* chain(e: unknown, depth = 0): Generator<Record<string, unknown>> {
  if (!e || typeof e !== 'object' || depth > 6) return;
  const o = e as Record<string, unknown>;
  yield o;
  yield* chain(o.cause, depth + 1);
  yield* chain((o.meta as Record<string, unknown> | undefined)?.driverAdapterError, depth + 1);
}

/** True when `e` says PostgreSQL could not be reached or did not answer in time. */
export function isDatabaseUnavailable(e: unknown): boolean {
  for (const o of chain(e)) {
    if (typeof o.code === 'string' && (PRISMA_CODES.has(o.code) || SQLSTATE.test(o.code) || SOCKET_CODES.has(o.code))) return true;
    if (typeof o.originalCode === 'string' && SQLSTATE.test(o.originalCode)) return true;
    if (typeof o.kind === 'string' && ADAPTER_KINDS.has(o.kind)) return true;
    if (typeof o.message === 'string' && DRIVER_MESSAGES.test(o.message)) return true;
  }
  return false;
}
