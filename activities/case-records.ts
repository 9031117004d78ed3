import { Prisma } from '../prisma/generated/client.js';
import type { Db } from '../prisma/client.js';
import { chainHash, GENESIS } from './audit-chain.js';
import type { CaseEventDraft, CaseRegistration, CaseSnapshot } from '../workflows/definitions.js';

type Tx = Prisma.TransactionClient;

/** The next number of a province's year, e.g. TH-2026-000123; gap-free only per committed case. */
async function nextCaseNumber(tx: Tx, provinceCode: string, year: number): Promise<string> {
  const rows = await tx.$queryRaw<{ next: number }[]>`
    INSERT INTO "CaseNumberSequence" ("provinceCode", "year", "next") VALUES (${provinceCode}, ${year}, 1)
    ON CONFLICT ("provinceCode", "year") DO UPDATE SET "next" = "CaseNumberSequence"."next" + 1
    RETURNING "next"`;
  const n = rows[0]!.next;
  return `${provinceCode}-${year}-${String(n).padStart(6, '0')}`;
}

function snapshotColumns(s: CaseSnapshot) {
  return {
    status: s.status,
    leadAgencyId: s.leadAgencyId,
    agencyIds: s.agencyIds,
    overdue: s.overdue,
    nextDeadlineAt: s.nextDeadlineAt ? new Date(s.nextDeadlineAt) : null,
    deadlines: s.deadlines as Prisma.InputJsonValue,
    fineVnd: s.fineVnd === null ? null : BigInt(s.fineVnd),
    paidVnd: BigInt(s.paidVnd),
    interestVnd: BigInt(s.interestVnd),
    outcome: s.outcome,
    closedAt: s.closedAt ? new Date(s.closedAt) : null,
  };
}

/** Appends one chained event inside `tx`; a second call with the same (caseId, seq) is a no-op. */
async function appendEvent(tx: Tx, e: CaseEventDraft): Promise<boolean> {
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

/** Case view + audit log writes; every function is safe to retry. */
export function createCaseRecords(db: Db) {
  return {
    /** Creates the case row and its DETECTED event once; returns the case number. */
    async registerCase(r: CaseRegistration): Promise<{ number: string }> {
      return db.$transaction(async (tx) => {
        const found = await tx.case.findUnique({ where: { id: r.caseId }, select: { number: true } });
        if (found) return found;
        const detectedAt = new Date(r.event.at);
        const number = await nextCaseNumber(tx, r.provinceCode, Number(r.event.at.slice(0, 4)));
        await tx.case.create({
          data: {
            id: r.caseId,
            number,
            carrierId: r.carrierId,
            carrierRef: r.carrierRef,
            trackingNumber: r.trackingNumber,
            provinceCode: r.provinceCode,
            categoryCode: r.categoryCode,
            stage: r.stage,
            crossBorder: r.crossBorder,
            kt1: r.kt1,
            signsOfCrime: r.signsOfCrime,
            detectedAt,
            lastSeq: r.event.seq,
            ...snapshotColumns(r.snapshot),
          },
        });
        await appendEvent(tx, { ...r.event, payload: { ...(r.event.payload as object), number } });
        return { number };
      });
    },

    /** Appends an event and moves the case view forward in one transaction. */
    async recordEvent(e: CaseEventDraft & { snapshot: CaseSnapshot }): Promise<void> {
      const { snapshot, ...event } = e;
      await db.$transaction(async (tx) => {
        if (!(await appendEvent(tx, event))) return;
        // views only move forward: a late retry of an older event never rolls the row back
        await tx.case.updateMany({
          where: { id: e.caseId, lastSeq: { lt: e.seq } },
          data: { ...snapshotColumns(snapshot), lastSeq: e.seq },
        });
      });
    },
  };
}
