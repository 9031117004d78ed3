import type { Prisma } from '../generated/client.js';
import type { Tx } from '../client.js';
import type { CaseEventDraft } from '../../workflows/definitions.js';
import { chainHash, GENESIS } from './chain.js';

/**
 * Appends one event to its case's hash chain; false (and nothing written) when (caseId, seq) is
 * already there, so a retried write is harmless. The workflow assigns `seq`: events arrive in order.
 */
export async function appendChainedEvent(tx: Tx, e: CaseEventDraft): Promise<boolean> {
  const existing = await tx.caseEvent.findUnique({ where: { caseId_seq: { caseId: e.caseId, seq: e.seq } }, select: { id: true } });
  if (existing) return false;
  const prev =
    e.seq === 1
      ? null
      : await tx.caseEvent.findUnique({ where: { caseId_seq: { caseId: e.caseId, seq: e.seq - 1 } }, select: { hash: true } });
  if (e.seq > 1 && !prev) throw new Error(`event ${e.caseId}#${e.seq - 1} is missing; events are appended in order`);
  const prevHash = prev?.hash ?? GENESIS;
  const fields = {
    caseId: e.caseId,
    seq: e.seq,
    type: e.type,
    actorId: e.actor.id,
    actorRole: e.actor.role,
    actorAgencyId: e.actor.agencyId ?? null,
    at: new Date(e.at),
    payload: e.payload,
    reason: e.reason ?? null,
  };
  await tx.caseEvent.create({
    data: { ...fields, payload: e.payload as Prisma.InputJsonValue, prevHash, hash: chainHash(prevHash, fields) },
  });
  return true;
}
