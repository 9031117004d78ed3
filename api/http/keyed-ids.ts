import { createHash } from 'node:crypto';

/**
 * The Temporal id of what one principal's Idempotency-Key asks for (the intake that opens a case,
 * the Update of an action, a tip): a repeat of the request, even after a crash, finds the same one, and
 * two principals' keys never collide.
 */
export const keyedId = (purpose: 'intake' | 'act' | 'tip', principalId: string, key: string): string =>
  `${purpose}-${createHash('sha256').update(`${principalId}\n${key}`).digest('hex').slice(0, 32)}`;
