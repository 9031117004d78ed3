/**
 * The writes the case workflow's activities make: the case row with its number, the audit chain
 * and the notification log, one transaction per workflow step; every one is safe to retry.
 */
import type { Db, Tx } from '../client.js';
import { appendChainedEvent } from '../case-events/append.js';
import { logNotices } from '../notifications.js';
import type { CaseRegistration, CaseWrite } from '../../workflows/definitions.js';
import { registrationRow, viewColumns } from './rows.js';

/** The next number of a province's year, e.g. TH-2026-000123. */
async function nextCaseNumber(tx: Tx, provinceCode: string, year: number): Promise<string> {
  const rows = await tx.$queryRaw<{ next: number }[]>`
    INSERT INTO "CaseNumberSequence" ("provinceCode", "year", "next") VALUES (${provinceCode}, ${year}, 1)
    ON CONFLICT ("provinceCode", "year") DO UPDATE SET "next" = "CaseNumberSequence"."next" + 1
    RETURNING "next"`;
  return `${provinceCode}-${year}-${String(rows[0]!.next).padStart(6, '0')}`;
}

/** Creates the case row, its number and its DETECTED event once; returns the number. */
export function registerCase(db: Db, r: CaseRegistration): Promise<{ number: string }> {
  return db.$transaction(async (tx) => {
    const found = await tx.case.findUnique({ where: { id: r.view.id }, select: { number: true } });
    if (found) return found;
    const number = await nextCaseNumber(tx, r.detection.provinceCode, Number(r.event.at.slice(0, 4)));
    await tx.case.create({ data: registrationRow(r, number) });
    await appendChainedEvent(tx, { ...r.event, payload: { ...(r.event.payload as object), number } });
    await logNotices(tx, r.event, r.notices);
    return { number };
  });
}

/** Appends an event, moves the case row forward and logs the notices, atomically. */
export async function recordCaseWrite(db: Db, w: CaseWrite): Promise<void> {
  await db.$transaction(async (tx) => {
    if (!(await appendChainedEvent(tx, w.event))) return;
    // the row only moves forward: a late retry of an older write never rolls it back
    await tx.case.updateMany({
      where: { id: w.event.caseId, lastSeq: { lt: w.event.seq } },
      data: { ...viewColumns(w.view), lastSeq: w.event.seq },
    });
    await logNotices(tx, w.event, w.notices);
  });
}
