import type { Db } from './client.js';
import type { ApiKey, Principal } from './generated/client.js';
import type { Actor } from '../domain/access.js';
import { generateApiKey, hashApiKey, keyPrefix } from '../platform/keys.js';

export type PrincipalRow = Principal;
export type ApiKeyRow = ApiKey;

/**
 * Makes sure an administrator exists. With ADMIN_TOKEN the operator chose the
 * secret; otherwise one is generated, returned once to print, and only its hash kept.
 */
export async function ensureFirstAdmin(db: Db, adminToken?: string): Promise<{ token: string | null; existed: boolean }> {
  if (adminToken) {
    const hash = hashApiKey(adminToken);
    const known = await db.apiKey.findUnique({ where: { hash } });
    if (!known) {
      await db.principal.create({
        data: {
          name: 'Administrator (ADMIN_TOKEN)',
          role: 'admin',
          keys: { create: { name: 'ADMIN_TOKEN', prefix: keyPrefix(adminToken), hash } },
        },
      });
    }
    return { token: null, existed: !!known };
  }
  if ((await db.principal.count({ where: { role: 'admin', disabledAt: null } })) > 0) return { token: null, existed: true };
  const { token } = await createPrincipal(db, { name: 'Administrator', role: 'admin' }, 'first start');
  return { token, existed: false };
}

export interface NewPrincipal {
  name: string;
  role: Principal['role'];
  carrierId?: string;
  agencyId?: string;
  provinceCode?: string;
  title?: string;
}

/** Creates a principal with its first key; the token is returned once and never stored. */
export async function createPrincipal(db: Db, p: NewPrincipal, keyName: string) {
  const key = generateApiKey();
  const principal = await db.principal.create({
    data: { ...p, keys: { create: { name: keyName, prefix: key.prefix, hash: key.hash } } },
    include: { keys: true },
  });
  return { principal, keyId: principal.keys[0]!.id, token: key.token };
}

/** Issues another key for a principal (rotation: issue, switch, then revoke the old one). */
export async function issueKey(db: Db, principalId: string, name: string) {
  const key = generateApiKey();
  const row = await db.apiKey.create({ data: { principalId, name, prefix: key.prefix, hash: key.hash } });
  return { key: row, token: key.token };
}

/** Revokes a key at once; revoking twice is harmless. */
export async function revokeKey(db: Db, keyId: string): Promise<boolean> {
  const r = await db.apiKey.updateMany({ where: { id: keyId, revokedAt: null }, data: { revokedAt: new Date() } });
  return r.count > 0 || (await db.apiKey.count({ where: { id: keyId } })) > 0;
}

/** A key as lists show it: never the secret, never the hash. */
export const keySummary = (k: {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}) => ({
  id: k.id,
  name: k.name,
  prefix: k.prefix,
  createdAt: k.createdAt.toISOString(),
  lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
  revokedAt: k.revokedAt?.toISOString() ?? null,
});

/** Who holds an API key, as the access rules see them; null when the key is unknown, revoked or its principal disabled. */
export async function keyHolder(db: Db, token: string): Promise<{ keyId: string; lastUsedAt: Date | null; actor: Actor } | null> {
  const key = await db.apiKey.findUnique({ where: { hash: hashApiKey(token) }, include: { principal: true } });
  if (!key || key.revokedAt || key.principal.disabledAt) return null;
  return { keyId: key.id, lastUsedAt: key.lastUsedAt, actor: await actorOf(db, key.principal) };
}

/**
 * The Actor of a principal, whichever way it signed in (API key or console session): its agency's
 * kind and its authority cap are read afresh each time, so a correction applies at once.
 */
export async function actorOf(db: Db, p: PrincipalRow): Promise<Actor> {
  const agency = p.agencyId ? await db.agency.findUnique({ where: { id: p.agencyId }, select: { kind: true } }) : null;
  const cap =
    agency && p.title
      ? await db.authorityCap.findFirst({ where: { agencyKind: agency.kind, title: p.title }, select: { capVnd: true } })
      : null;
  return {
    id: p.id,
    role: p.role,
    carrierId: p.carrierId,
    agencyId: p.agencyId,
    agencyKind: agency?.kind ?? null,
    provinceCode: p.provinceCode,
    title: p.title,
    authorityCapVnd: cap ? Number(cap.capVnd) : null,
  };
}

/** Records that a key was used; last use is informational, so at most one write a minute per key. */
export async function noteKeyUse(db: Db, key: { keyId: string; lastUsedAt: Date | null }, now = new Date()): Promise<void> {
  if (key.lastUsedAt && now.getTime() - key.lastUsedAt.getTime() <= 60_000) return;
  await db.apiKey.update({ where: { id: key.keyId }, data: { lastUsedAt: now } });
}

/** Every principal with its keys, oldest first. */
export function listPrincipals(db: Db): Promise<(PrincipalRow & { keys: ApiKeyRow[] })[]> {
  return db.principal.findMany({ include: { keys: { orderBy: { createdAt: 'asc' } } }, orderBy: { createdAt: 'asc' } });
}

export async function principalExists(db: Db, id: string): Promise<boolean> {
  return (await db.principal.findUnique({ where: { id }, select: { id: true } })) !== null;
}
