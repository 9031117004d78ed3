import type { Db } from './client.js';
import { generateApiKey, hashApiKey, keyPrefix } from '../platform/keys.js';

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
        data: { name: 'Administrator (ADMIN_TOKEN)', role: 'admin', keys: { create: { name: 'ADMIN_TOKEN', prefix: keyPrefix(adminToken), hash } } },
      });
    }
    return { token: null, existed: !!known };
  }
  if ((await db.principal.count({ where: { role: 'admin', disabledAt: null } })) > 0) return { token: null, existed: true };
  const key = generateApiKey();
  await db.principal.create({
    data: { name: 'Administrator', role: 'admin', keys: { create: { name: 'first start', prefix: key.prefix, hash: key.hash } } },
  });
  return { token: key.token, existed: false };
}
