import { createHash, randomBytes } from 'node:crypto';
import type { Db } from './client.js';
import { hashPassword } from '../platform/passwords.js';

/**
 * People's sign-in records: credentials (username + scrypt hash), console sessions and the log of
 * attempts. Policy (limits, timeouts) is the caller's (api/console/sign-in.ts); this is storage.
 */

/** Usernames are compared without case: stored lower-case, NFC. */
export const normaliseUsername = (u: string) => u.normalize('NFC').trim().toLowerCase();

/** Why a password cannot be set: no such principal, a carrier (a system, which keeps API keys), or a username taken. */
export class CredentialRefusal extends Error {
  constructor(
    readonly reason: 'UNKNOWN_PRINCIPAL' | 'NOT_A_PERSON' | 'USERNAME_TAKEN',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Sets or resets a principal's password (and username). Every open session of that principal ends:
 * a reset after a leak must lock the leaker out at once.
 */
export async function setCredential(
  db: Db,
  input: { principalId: string; username: string; password: string; setBy: string },
): Promise<{ username: string; setAt: Date; endedSessions: number }> {
  const username = normaliseUsername(input.username);
  const principal = await db.principal.findUnique({ where: { id: input.principalId }, select: { role: true } });
  if (!principal) throw new CredentialRefusal('UNKNOWN_PRINCIPAL', `no principal ${input.principalId}`);
  if (principal.role === 'carrier')
    throw new CredentialRefusal('NOT_A_PERSON', 'a carrier principal is a system: it uses API keys, not a password');
  const owner = await db.credential.findUnique({ where: { username }, select: { principalId: true } });
  if (owner && owner.principalId !== input.principalId)
    throw new CredentialRefusal('USERNAME_TAKEN', `the username ${username} belongs to another principal`);
  const passwordHash = await hashPassword(input.password);
  const now = new Date();
  const [, ended] = await db.$transaction([
    db.credential.upsert({
      where: { principalId: input.principalId },
      create: { principalId: input.principalId, username, passwordHash, setAt: now, setBy: input.setBy },
      update: { username, passwordHash, setAt: now, setBy: input.setBy },
    }),
    db.consoleSession.updateMany({
      where: { principalId: input.principalId, endedAt: null },
      data: { endedAt: now, endReason: 'PASSWORD_RESET' },
    }),
  ]);
  return { username, setAt: now, endedSessions: ended.count };
}

/** A credential with its principal, by username. */
export const credentialOf = (db: Db, username: string) =>
  db.credential.findUnique({ where: { username: normaliseUsername(username) }, include: { principal: true } });

/** Failed attempts since a moment, for one username and for one address. */
export async function failuresSince(db: Db, username: string, address: string, since: Date) {
  const [byAccount, byAddress] = await Promise.all([
    db.signInAttempt.count({ where: { username: normaliseUsername(username), ok: false, at: { gte: since } } }),
    db.signInAttempt.count({ where: { address, ok: false, at: { gte: since } } }),
  ]);
  return { byAccount, byAddress };
}

export const recordAttempt = (db: Db, username: string, address: string, ok: boolean) =>
  db.signInAttempt.create({ data: { username: normaliseUsername(username), address, ok } });

/** The session id stored for a cookie token: its SHA-256, so a database leak yields no usable cookie. */
export const sessionIdOf = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/** Opens a session; the token goes in the cookie and is never stored. */
export async function openSession(
  db: Db,
  input: { principalId: string; address: string; userAgent: string; expiresAt: Date },
): Promise<{ token: string; id: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  const id = sessionIdOf(token);
  await db.consoleSession.create({ data: { id, csrfToken, ...input, userAgent: input.userAgent.slice(0, 500) } });
  return { token, id, csrfToken };
}

/** A session by its cookie token, with its principal. */
export const sessionOf = (db: Db, token: string) =>
  db.consoleSession.findUnique({ where: { id: sessionIdOf(token) }, include: { principal: true } });

/** Ends a session once; ending it again changes nothing. */
export const endSession = (db: Db, id: string, reason: 'SIGNED_OUT' | 'IDLE' | 'EXPIRED') =>
  db.consoleSession.updateMany({ where: { id, endedAt: null }, data: { endedAt: new Date(), endReason: reason } });

/** Records activity, which pushes the idle timeout back. */
export const touchSession = (db: Db, id: string, at: Date) =>
  db.consoleSession.updateMany({ where: { id, endedAt: null }, data: { lastSeenAt: at } });
