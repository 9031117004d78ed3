import type { RequestHandler } from 'express';
import type { Db } from '../../prisma/client.js';
import type { Actor } from '../../domain/access.js';
import type { AgencyKind } from '../../domain/routing.js';
import { hashApiKey } from '../../platform/keys.js';
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
    const key = await db.apiKey.findUnique({ where: { hash: hashApiKey(m[1]!) }, include: { principal: true } });
    if (!key || key.revokedAt || key.principal.disabledAt) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="postwatch", error="invalid_token"');
      throw unauthorized('The API key is unknown, revoked, or its principal is disabled.');
    }
    const p = key.principal;
    const agency = p.agencyId ? await db.agency.findUnique({ where: { id: p.agencyId }, select: { kind: true } }) : null;
    const cap =
      agency && p.title
        ? await db.authorityCap.findFirst({ where: { agencyKind: agency.kind, title: p.title }, select: { capVnd: true } })
        : null;
    req.actor = {
      id: p.id,
      role: p.role,
      carrierId: p.carrierId,
      agencyId: p.agencyId,
      agencyKind: (agency?.kind as AgencyKind | undefined) ?? null,
      provinceCode: p.provinceCode,
      title: p.title,
      authorityCapVnd: cap ? Number(cap.capVnd) : null,
    };
    req.keyId = key.id;
    req.log = req.log.child({ principal: p.id, role: p.role });
    // last use is informational: at most one write a minute per key
    if (!key.lastUsedAt || Date.now() - key.lastUsedAt.getTime() > 60_000) {
      void db.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: new Date() } }).catch(() => {});
    }
    next();
  };
}
