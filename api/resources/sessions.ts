import type { Request } from 'express';
import { decoyHash, verifyPassword } from '../../platform/passwords.js';
import type { PrincipalRow } from '../../prisma/principals.js';
import { credentialOf, endSession, failuresSince, openSession, recordAttempt, sessionIdOf } from '../../prisma/sessions.js';
import { operation, type Operation } from '../http/operation.js';
import { problem } from '../http/problems.js';
import { clearSessionCookie, sessionToken, type ConsoleSessionInfo } from '../http/session-auth.js';
import { SESSION_COOKIE, sessionPolicy, type SessionPolicy } from '../http/session-policy.js';
import { SessionSchema, SignInBody } from '../schemas/console.js';

/** The roles that sign in with a password; carriers' systems use API keys. */
const PEOPLE = new Set<PrincipalRow['role']>(['officer', 'manager', 'admin']);

const sessionJson = (s: Omit<ConsoleSessionInfo, 'id'>, policy: SessionPolicy) => ({
  principal: s.principal,
  csrfToken: s.csrfToken,
  expiresAt: s.expiresAt.toISOString(),
  idleTimeoutSeconds: Math.round(policy.idleMs / 1000),
});

/** The console session of the request: an API key has none (404). */
function consoleSessionOf(req: Request): ConsoleSessionInfo {
  if (!req.consoleSession)
    throw problem(404, 'not-found', 'No console session', 'This request is not made from a console session (an API key has none).');
  return req.consoleSession;
}

const SESSION_NOTE =
  'People use the console with a session cookie (HttpOnly, SameSite=Strict) instead of a key; every POST, PUT, PATCH and DELETE ' +
  'then also carries the session’s CSRF token in X-CSRF-Token (403 without it).';

/** Signing in and out of the console, and who is signed in. */
export const sessionOperations: Operation[] = [
  operation({
    method: 'post',
    path: '/v1/session',
    operationId: 'signIn',
    summary: 'Sign a person in to the console (username and password)',
    description:
      'Answers with the session and sets its cookie. Failures are logged and limited per username and per address: past the limit, ' +
      `429 with Retry-After even for the right password. ${SESSION_NOTE}`,
    tags: ['Console'],
    access: 'public',
    body: { schema: SignInBody, required: true, example: { username: 'nguyen.van.a', password: 'một câu mật khẩu dài' } },
    responses: {
      201: {
        description: 'Signed in',
        schema: SessionSchema,
        headers: { 'Set-Cookie': { description: 'pw_session=…; HttpOnly; SameSite=Strict; Path=/', schema: { type: 'string' } } },
      },
    },
    problems: [400, 401, 413, 415, 429],
    // failures count per username and per address; past either limit even the right password waits
    handler: async ({ body, req, res, deps }) => {
      const { db } = deps;
      const policy = sessionPolicy(deps.console);
      const address = req.ip ?? 'unknown';
      const log = req.log.child({ username: body.username, address });
      const failures = await failuresSince(db, body.username, address, new Date(Date.now() - policy.failureWindowMs));
      if (failures.byAccount >= policy.maxFailuresPerAccount || failures.byAddress >= policy.maxFailuresPerAddress) {
        log.warn({ event: 'sign-in-locked', ...failures }, 'sign-in refused: too many failures');
        res.setHeader('Retry-After', String(Math.ceil(policy.failureWindowMs / 1000)));
        throw problem(
          429,
          'sign-in-locked',
          'Too many failed sign-ins',
          'Too many failed sign-ins for this account or address; try again later.',
        );
      }
      const credential = await credentialOf(db, body.username);
      const matches = await verifyPassword(body.password, credential?.passwordHash ?? (await decoyHash()));
      const p = credential?.principal;
      if (!matches || !p || p.disabledAt || !PEOPLE.has(p.role)) {
        await recordAttempt(db, body.username, address, false);
        const reason = !p ? 'unknown-username' : !matches ? 'wrong-password' : p.disabledAt ? 'disabled' : 'not-a-person';
        log.warn({ event: 'sign-in-failed', reason, principal: p?.id }, 'sign-in failed');
        throw problem(401, 'sign-in-failed', 'Sign-in failed', 'The username or password is wrong.');
      }
      await recordAttempt(db, body.username, address, true);
      // a new session every time: a cookie planted before sign-in is never promoted (session fixation)
      const previous = sessionToken(req);
      if (previous) await endSession(db, sessionIdOf(previous), 'SIGNED_OUT');
      const expiresAt = new Date(Date.now() + policy.absoluteMs);
      const s = await openSession(db, { principalId: p.id, address, userAgent: req.get('user-agent') ?? '', expiresAt });
      res.cookie(SESSION_COOKIE, s.token, { httpOnly: true, sameSite: 'strict', secure: req.secure, path: '/', expires: expiresAt });
      log.info({ event: 'sign-in', principal: p.id, role: p.role, session: s.id.slice(0, 12) }, 'signed in');
      const principal = { id: p.id, name: p.name, role: p.role, agencyId: p.agencyId, provinceCode: p.provinceCode, title: p.title };
      res.status(201).json(sessionJson({ principal, csrfToken: s.csrfToken, expiresAt }, policy));
    },
  }),
  operation({
    method: 'get',
    path: '/v1/session',
    operationId: 'getSession',
    summary: 'The signed-in person and the session’s CSRF token',
    description: `404 for an API key, which has no session. ${SESSION_NOTE}`,
    tags: ['Console'],
    access: 'key',
    responses: { 200: { description: 'The session', schema: SessionSchema } },
    problems: [404],
    handler: ({ req, res, deps }) => {
      res.setHeader('Cache-Control', 'no-store');
      res.json(sessionJson(consoleSessionOf(req), sessionPolicy(deps.console)));
    },
  }),
  operation({
    method: 'delete',
    path: '/v1/session',
    operationId: 'signOut',
    summary: 'Sign out: the session ends at once',
    description: `404 for an API key, which has no session. ${SESSION_NOTE}`,
    tags: ['Console'],
    access: 'key',
    responses: { 204: { description: 'Signed out; the cookie is cleared' } },
    problems: [403, 404],
    handler: async ({ req, res, deps }) => {
      await endSession(deps.db, consoleSessionOf(req).id, 'SIGNED_OUT');
      clearSessionCookie(res);
      req.log.info({ event: 'sign-out' }, 'signed out');
      res.status(204).end();
    },
  }),
];
