import { timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import type { Db } from '../../prisma/client.js';
import { actorOf } from '../../prisma/principals.js';
import { endSession, sessionOf, touchSession } from '../../prisma/sessions.js';
import { problem } from './problems.js';
import { CSRF_HEADER, SESSION_COOKIE, type SessionPolicy } from './session-policy.js';

declare global {
  namespace Express {
    interface Request {
      /** Set when the caller is a person signed in to the console (not an API key). */
      consoleSession?: ConsoleSessionInfo;
    }
  }
}

/** The signed-in person's session, as GET /v1/session shows it. */
export interface ConsoleSessionInfo {
  id: string;
  csrfToken: string;
  expiresAt: Date;
  principal: { id: string; name: string; role: string; agencyId: string | null; provinceCode: string | null; title: string | null };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The session token of the request's cookie, if it has one. */
export function sessionToken(req: Request): string | null {
  for (const part of (req.get('cookie') ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE && value.length) return decodeURIComponent(value.join('='));
  }
  return null;
}

export const clearSessionCookie = (res: Response) => res.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict' });

const sameToken = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

const signedOut = (res: Response, detail: string) => {
  clearSessionCookie(res);
  return problem(401, 'unauthorized', 'Authentication required', detail, { signIn: '/console/sign-in' });
};

/**
 * A console session as the request's principal: the same Actor an API key gives, so every rule of
 * domain/access.ts applies unchanged. Ended, idle or expired sessions are refused (and ended for
 * good); a state-changing request must also carry the session's CSRF token.
 */
export async function authenticateSession(db: Db, req: Request, res: Response, token: string, policy: SessionPolicy): Promise<void> {
  const s = await sessionOf(db, token);
  const now = new Date();
  if (!s || s.endedAt || s.principal.disabledAt) throw signedOut(res, 'The session has ended; sign in again.');
  const ended = now >= s.expiresAt ? 'EXPIRED' : now.getTime() - s.lastSeenAt.getTime() >= policy.idleMs ? 'IDLE' : null;
  if (ended) {
    await endSession(db, s.id, ended);
    req.log.info({ event: 'session-ended', principal: s.principalId, session: s.id.slice(0, 12), reason: ended }, 'console session ended');
    throw signedOut(res, ended === 'IDLE' ? 'The session ended after a period without activity.' : 'The session reached its time limit.');
  }
  if (!SAFE_METHODS.has(req.method) && !sameToken(req.get(CSRF_HEADER) ?? '', s.csrfToken))
    throw problem(403, 'csrf-token-invalid', 'CSRF token missing or wrong', `Send the session's CSRF token in the ${CSRF_HEADER} header.`);
  // activity pushes the idle timeout back; a write every few seconds at most per session
  if (now.getTime() - s.lastSeenAt.getTime() > Math.min(30_000, policy.idleMs / 10)) await touchSession(db, s.id, now);
  req.actor = await actorOf(db, s.principal);
  req.keyId = `session:${s.id.slice(0, 16)}`;
  const p = s.principal;
  req.consoleSession = {
    id: s.id,
    csrfToken: s.csrfToken,
    expiresAt: s.expiresAt,
    principal: { id: p.id, name: p.name, role: p.role, agencyId: p.agencyId, provinceCode: p.provinceCode, title: p.title },
  };
  req.log = req.log.child({ principal: s.principalId, role: s.principal.role, session: s.id.slice(0, 12) });
}
