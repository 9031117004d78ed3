import express, { type Express, type Request, type RequestHandler } from 'express';
import type { Services } from '../deps.js';
import { authenticate } from './auth.js';
import { authThrottle } from './auth-throttle.js';
import { requireJson } from './content-type.js';
import { expressPath, type Operation } from './operation.js';
import { errorHandler, notFound, problem } from './problems.js';
import { rateLimit } from './rate-limit.js';
import { noStore } from './security-headers.js';
import { TEMPORAL_DEADLINE_MS, withTemporalDeadline } from './temporal-deadlines.js';
import { outages } from './unavailable.js';
import { parse, refuseUnstorable } from './validate.js';

/** 403 unless the caller passes the operation's access rule. */
function permit(op: Operation, req: Request): void {
  if (typeof op.access === 'object' && !op.access.rule(req.actor))
    throw problem(403, 'forbidden', 'Forbidden', `A ${req.actor.role} may not ${op.access.what}.`);
}

/** The operation's input, validated in the order path, query, headers, body: the first part that fails is the 400. */
function input(op: Operation, req: Request) {
  const params = Object.fromEntries(
    Object.entries(op.params ?? {}).map(([name, p]) => [name, p.schema ? parse(p.schema, req.params[name], 'path') : req.params[name]]),
  );
  const query = op.query ? parse(op.query, req.query, 'query') : undefined;
  const headers: Record<string, unknown> = {};
  for (const [name, h] of Object.entries(op.headers ?? {})) {
    const value = req.get(name) || undefined; // an empty header is no header
    if (value === undefined && h.required)
      throw problem(
        400,
        `${name.toLowerCase()}-required`,
        `${name} required`,
        `${req.method} ${expressPath(op.path)} needs an ${name} header.`,
      );
    headers[name] = value === undefined ? undefined : parse(h.schema, value, 'header');
  }
  // no body at all reads as an empty object: optional bodies accept it, required ones list each missing field
  const body = op.body ? parse(op.body.schema, req.body ?? {}, 'body') : undefined;
  return { params, query, headers, body };
}

const route =
  (op: Operation, deps: Services): RequestHandler =>
  async (req, res) => {
    if (op.access !== 'public') permit(op, req);
    // every Temporal call of the request ends by the deadline: an outage is a quick 503 (unavailable.ts)
    await withTemporalDeadline(deps.temporal.connection, TEMPORAL_DEADLINE_MS, async () =>
      op.handler({ ...input(op, req), req, res, deps }),
    );
  };

/**
 * Serves `operations` on `app`: the public ones first, then, for everything under /v1, no caching,
 * who calls (the API key, failures throttled per address), how often (its rate limit) and the JSON body, then each other operation behind
 * its access rule and its input validation. Whatever matches nothing is a 404, and every thrown
 * problem or error ends as an RFC 9457 answer.
 */
export function mount(app: Express, operations: readonly Operation[], deps: Services): void {
  const register = (op: Operation) => app[op.method](expressPath(op.path), route(op, deps));
  // a public operation with a body (signing in) parses its own, small: it runs before the /v1 parser below
  const publicBody = [requireJson, express.json({ limit: '8kb', strict: true }), refuseUnstorable];
  const registerPublic = (op: Operation) => app[op.method](expressPath(op.path), ...(op.body ? publicBody : []), route(op, deps));
  operations.filter((op) => op.access === 'public').forEach(registerPublic);
  // nothing is parsed for an unknown caller; text PostgreSQL cannot store is refused in path, headers, query and body alike
  app.use(
    '/v1',
    noStore,
    authThrottle({ failuresPerMinute: deps.authFailuresPerMinute ?? 20 }),
    authenticate(deps.db, deps.console),
    rateLimit({ perMinute: deps.rateLimitPerMinute ?? 600, db: deps.db }),
    requireJson,
    express.json({ limit: '256kb', strict: true }),
    refuseUnstorable,
  );
  operations.filter((op) => op.access !== 'public').forEach(register);
  app.use(notFound);
  app.use(outages, errorHandler);
}
