import { createHash } from 'node:crypto';
import { canonicalJson } from '../../platform/canonical-json.js';

/** prevHash of a case's first event. */
export const GENESIS = '0'.repeat(64);

/** The fields of an event that its hash covers (everything but the row id). */
export interface ChainedFields {
  caseId: string;
  seq: number;
  type: string;
  actorId: string | null;
  actorRole: string;
  actorAgencyId: string | null;
  at: Date;
  payload: unknown;
  reason: string | null;
}

/** sha256(prevHash ‖ canonical event): altering any earlier event breaks every later link. */
export function chainHash(prevHash: string, e: ChainedFields): string {
  // exactly the chained fields, whatever else the caller's object (a stored row) carries
  const { caseId, seq, type, actorId, actorRole, actorAgencyId, at, payload, reason } = e;
  const body = canonicalJson({ caseId, seq, type, actorId, actorRole, actorAgencyId, at: at.toISOString(), payload, reason });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}
