import { Prisma } from '../prisma/generated/client.js';
import type { Db } from '../prisma/client.js';
import type { CaseView } from '../domain/case-view.js';
import { chainHash, GENESIS } from './audit-chain.js';
import type { CaseEventDraft, CaseRegistration, CaseWrite, Notice } from '../workflows/definitions.js';

type Tx = Prisma.TransactionClient;

/** The next number of a province's year, e.g. TH-2026-000123. */
async function nextCaseNumber(tx: Tx, provinceCode: string, year: number): Promise<string> {
  const rows = await tx.$queryRaw<{ next: number }[]>`
    INSERT INTO "CaseNumberSequence" ("provinceCode", "year", "next") VALUES (${provinceCode}, ${year}, 1)
    ON CONFLICT ("provinceCode", "year") DO UPDATE SET "next" = "CaseNumberSequence"."next" + 1
    RETURNING "next"`;
  return `${provinceCode}-${year}-${String(rows[0]!.next).padStart(6, '0')}`;
}

/** The columns of the case row that follow the workflow's view. */
function viewColumns(v: CaseView) {
  const next = v.deadlines.map((d) => d.dueAt).sort()[0];
  return {
    status: v.status,
    leadAgencyId: v.leadAgencyId,
    agencyIds: v.agencyIds,
    overdue: v.flags.overdue,
    nextDeadlineAt: next ? new Date(next) : null,
    deadlines: v.deadlines as unknown as Prisma.InputJsonValue,
    fineVnd: v.fine ? BigInt(v.fine.amountVnd) : null,
    paidVnd: BigInt(v.fine?.paidVnd ?? 0),
    interestVnd: BigInt(v.fine?.interestVnd ?? 0),
    outcome: v.outcome,
    closedAt: v.closedAt ? new Date(v.closedAt) : null,
  };
}

/** Appends one chained event; false (and nothing written) when (caseId, seq) is already there. */
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

// ids are deterministic, so a retried write never sends a notice twice
const noticeRows = (e: CaseEventDraft, notices: Notice[]) =>
  notices.map((n) => ({
    id: `${e.caseId}:${e.seq}:${n.recipient}`,
    caseId: e.caseId,
    seq: e.seq,
    recipient: n.recipient,
    kind: n.kind,
    payload: n.payload as Prisma.InputJsonValue,
    createdAt: new Date(e.at),
  }));

/** Case row + audit log + notification log writes, one transaction each; every one is safe to retry. */
export function createCaseRecords(db: Db) {
  return {
    /** Creates the case row, its number and its DETECTED event once; returns the number. */
    async registerCase(r: CaseRegistration): Promise<{ number: string }> {
      return db.$transaction(async (tx) => {
        const found = await tx.case.findUnique({ where: { id: r.view.id }, select: { number: true } });
        if (found) return found;
        const d = r.detection;
        const number = await nextCaseNumber(tx, d.provinceCode, Number(r.event.at.slice(0, 4)));
        await tx.case.create({
          data: {
            id: r.view.id,
            number,
            carrierId: d.carrierId,
            carrierRef: d.carrierRef,
            trackingNumber: d.trackingNumber,
            servicePoint: d.servicePoint,
            provinceCode: d.provinceCode,
            categoryCode: d.categoryCode,
            stage: d.stage,
            crossBorder: d.crossBorder,
            kt1: d.kt1,
            signsOfCrime: d.signsOfCrime,
            detectedAt: new Date(r.view.detectedAt),
            lastSeq: r.event.seq,
            ...viewColumns(r.view),
          },
        });
        await appendEvent(tx, { ...r.event, payload: { ...(r.event.payload as object), number } });
        await tx.notification.createMany({ data: noticeRows(r.event, r.notices), skipDuplicates: true });
        return { number };
      });
    },

    /** Appends an event, moves the case row forward and logs the notices, atomically. */
    async recordEvent(w: CaseWrite): Promise<void> {
      await db.$transaction(async (tx) => {
        if (!(await appendEvent(tx, w.event))) return;
        // the row only moves forward: a late retry of an older write never rolls it back
        await tx.case.updateMany({
          where: { id: w.event.caseId, lastSeq: { lt: w.event.seq } },
          data: { ...viewColumns(w.view), lastSeq: w.event.seq },
        });
        await tx.notification.createMany({ data: noticeRows(w.event, w.notices), skipDuplicates: true });
      });
    },
  };
}
