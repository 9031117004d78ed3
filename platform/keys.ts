import { createHash, randomBytes } from 'node:crypto';

/**
 * API keys are 256-bit random bearer tokens, `pw_<prefix>_<secret>`. Only
 * their SHA-256 is stored: with this much entropy a slow hash adds nothing.
 */
export function generateApiKey(): { token: string; prefix: string; hash: string } {
  const prefix = randomBytes(4).toString('hex');
  const token = `pw_${prefix}_${randomBytes(32).toString('base64url')}`;
  return { token, prefix, hash: hashApiKey(token) };
}

export const hashApiKey = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/** The prefix part of a token, shown in lists so people can tell keys apart. */
export const keyPrefix = (token: string) => /^pw_([0-9a-f]{8})_/.exec(token)?.[1] ?? token.slice(0, 8);
