import type { RequestHandler } from 'express';
import type { Db } from '../../prisma/client.js';
import type { Actor } from '../../domain/access.js';
import { keyHolder, noteKeyUse } from '../../prisma/principals.js';
import { problem } from './problems.js';
import { authenticateSession, sessionToken } from './session-auth.js';
import { sessionPolicy, type ConsoleOptions } from './session-policy.js';

declare global {
  namespace Express {
    interface Request {
      actor: Actor;
      keyId: string;
    }
  }
}

const unauthorized = (detail: string) => problem(401, 'unauthorized', 'Authentication required', detail, {});

/**
 * Bearer API keys (machines) or a console session cookie (people). Every request looks the key
 * or session up by its hash, so a revoked key or a disabled principal is refused at once; nothing is cached.
 */
export function authenticate(db: Db, consoleOptions?: ConsoleOptions): RequestHandler {
  const policy = sessionPolicy(consoleOptions);
  return async (req, res, next) => {
    const header = req.get('authorization') ?? '';
    const session = header ? null : sessionToken(req);
    if (session) {
      await authenticateSession(db, req, res, session, policy);
      return next();
    }
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (!m) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="postwatch"');
      throw unauthorized('Send an API key as "Authorization: Bearer <key>".');
    }
    const holder = await keyHolder(db, m[1]!);
    if (!holder) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="postwatch", error="invalid_token"');
      throw unauthorized('The API key is unknown, revoked, or its principal is disabled.');
    }
    req.actor = holder.actor;
    req.keyId = holder.keyId;
    req.log = req.log.child({ principal: holder.actor.id, role: holder.actor.role });
    // last use is informational: the request does not wait for it, nor fail with it
    void noteKeyUse(db, holder).catch(() => {});
    next();
  };
}
