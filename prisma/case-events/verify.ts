import type { Db } from '../client.js';
import type { CaseEvent } from '../generated/client.js';
import { chainHash, GENESIS } from './chain.js';

export interface BrokenLink {
  caseId: string;
  caseNumber: string | null;
  seq: number;
  problem: string;
}

export interface AuditReport {
  cases: number;
  events: number;
  broken: BrokenLink[]; // the first broken link of each broken case
}

/**
 * Re-computes every case's hash chain from the stored rows. A case is broken
 * at the first event whose sequence, prevHash or own hash does not follow.
 */
export async function verifyAuditChains(
  db: Db,
  opts: { batch?: number; onProgress?: (events: number) => void } = {},
): Promise<AuditReport> {
  const batch = opts.batch ?? 5000;
  const report: AuditReport = { cases: 0, events: 0, broken: [] };
  let cursor: { caseId: string; seq: number } | null = null;
  type Walk = { caseId: string; expectSeq: number; prevHash: string; broken: boolean };
  let current: Walk = { caseId: '', expectSeq: 1, prevHash: GENESIS, broken: false };
  for (;;) {
    const rows: CaseEvent[] = await db.caseEvent.findMany({
      where: cursor ? { OR: [{ caseId: { gt: cursor.caseId } }, { caseId: cursor.caseId, seq: { gt: cursor.seq } }] } : {},
      orderBy: [{ caseId: 'asc' }, { seq: 'asc' }],
      take: batch,
    });
    if (rows.length === 0) break;
    for (const e of rows) {
      if (current.caseId !== e.caseId) {
        current = { caseId: e.caseId, expectSeq: 1, prevHash: GENESIS, broken: false };
        report.cases++;
      }
      report.events++;
      if (current.broken) continue;
      const problem =
        e.seq !== current.expectSeq
          ? `expected event #${current.expectSeq}, found #${e.seq} (an event is missing)`
          : e.prevHash !== current.prevHash
            ? 'prevHash does not match the previous event'
            : chainHash(e.prevHash, e) !== e.hash
              ? 'content does not match its hash (the row was altered)'
              : null;
      if (problem) {
        current.broken = true;
        report.broken.push({ caseId: e.caseId, caseNumber: null, seq: e.seq, problem });
      } else {
        current.expectSeq++;
        current.prevHash = e.hash;
      }
    }
    const last = rows[rows.length - 1]!;
    cursor = { caseId: last.caseId, seq: last.seq };
    opts.onProgress?.(report.events);
  }
  if (report.broken.length) {
    const numbers = await db.case.findMany({
      where: { id: { in: report.broken.map((b) => b.caseId) } },
      select: { id: true, number: true },
    });
    for (const b of report.broken) b.caseNumber = numbers.find((n) => n.id === b.caseId)?.number ?? null;
  }
  return report;
}
