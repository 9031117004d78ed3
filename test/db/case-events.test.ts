// prisma/case-events/: the chained append the activities make, history pages, and the audit
// verification that re-computes every chain.
import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseView } from '../../domain/case-view.js';
import type { Db } from '../../prisma/client.js';
import { chainHash, GENESIS } from '../../prisma/case-events/chain.js';
import { historyPage } from '../../prisma/case-events/history.js';
import { verifyAuditChains } from '../../prisma/case-events/verify.js';
import { recordCaseWrite } from '../../prisma/cases/writes.js';
import type { CaseWrite } from '../../workflows/definitions.js';
import { seedForCases } from '../support/cases.js';
import { migratedDatabase } from '../support/db.js';
import { ACTORS, openStoredCase } from './records.js';

let db: Db;
let view: CaseView;
const officer = ACTORS['officer TH-QLTT']!;

const write = (seq: number, status: CaseView['status'], recipients: string[] = []): CaseWrite => ({
  event: {
    caseId: view.id,
    seq,
    type: 'NOTE_ADDED',
    actor: officer,
    at: `2026-03-02T0${3 + seq}:00:00.000Z`,
    payload: { seq, note: 'Ghi chú' },
  },
  view: { ...view, status },
  notices: recipients.map((recipient) => ({ recipient, kind: 'NOTE', payload: { seq } })),
});

beforeAll(async () => {
  ({ db } = await migratedDatabase());
  await seedForCases(db);
  view = await openStoredCase(db, 'CHAIN-1');
  await recordCaseWrite(db, write(2, 'NOTIFIED', ['agency:TH-QLTT', 'carrier:VNP']));
  await recordCaseWrite(db, write(3, 'ACKNOWLEDGED'));
  await recordCaseWrite(db, write(4, 'UNDER_VERIFICATION', ['carrier:VNP']));
}, 120_000);

describe('case events', () => {
  it('chains every event to the one before it, from the genesis hash', async () => {
    const events = await db.caseEvent.findMany({ where: { caseId: view.id }, orderBy: { seq: 'asc' } });
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(events[0]!.payload).toMatchObject({ number: view.number }); // the registration records the number it drew
    events.forEach((e, i) => {
      expect(e.prevHash).toBe(i === 0 ? GENESIS : events[i - 1]!.hash);
      expect(e.hash).toBe(chainHash(e.prevHash, e));
    });
  });

  it('writes a retried event once and never moves the case row back', async () => {
    await recordCaseWrite(db, write(3, 'NOTIFIED', ['carrier:VNP']));
    expect(await db.caseEvent.count({ where: { caseId: view.id } })).toBe(4);
    expect(await db.case.findUniqueOrThrow({ where: { id: view.id } })).toMatchObject({ lastSeq: 4, status: 'UNDER_VERIFICATION' });
    expect((await db.notification.findMany({ where: { caseId: view.id }, orderBy: { id: 'asc' } })).map((n) => n.id)).toEqual([
      `${view.id}:2:agency:TH-QLTT`,
      `${view.id}:2:carrier:VNP`,
      `${view.id}:4:carrier:VNP`,
    ]);
  });

  it('refuses an event whose predecessor is missing, writing nothing', async () => {
    await expect(recordCaseWrite(db, write(6, 'CLOSED'))).rejects.toThrow(`event ${view.id}#5 is missing`);
    expect(await db.caseEvent.count({ where: { caseId: view.id } })).toBe(4);
  });

  it('pages a case history in order', async () => {
    const seqs = async (after: number, limit: number) => (await historyPage(db, view.id, { after, limit })).map((e) => e.seq);
    expect(await seqs(0, 2)).toEqual([1, 2]);
    expect(await seqs(2, 2)).toEqual([3, 4]);
    expect(await seqs(4, 2)).toEqual([]);
    expect(await seqs(1, 100)).toEqual([2, 3, 4]);
  });

  it('names the first broken link of each broken case, reading in batches', async () => {
    // INSERT is all the append-only trigger admits: enough to forge a link
    const forge = async (ref: string, seq: number, prevHash: (first: string) => string, hash?: string) => {
      const v = await openStoredCase(db, ref);
      const first = (await db.caseEvent.findFirstOrThrow({ where: { caseId: v.id } })).hash;
      const fields = {
        caseId: v.id,
        seq,
        type: 'NOTE_ADDED',
        actorId: 'x',
        actorRole: 'officer',
        actorAgencyId: null,
        at: new Date(),
        payload: {},
        reason: null,
      };
      const prev = prevHash(first);
      await db.caseEvent.create({ data: { ...fields, prevHash: prev, hash: hash ?? chainHash(prev, fields) } });
      return v;
    };
    const gap = await forge('CHAIN-GAP', 3, (first) => first);
    const relinked = await forge('CHAIN-RELINKED', 2, () => GENESIS);
    const altered = await forge('CHAIN-ALTERED', 2, (first) => first, 'f'.repeat(64));
    const report = await verifyAuditChains(db, { batch: 2 });
    expect(report).toMatchObject({ cases: 4, events: 10 });
    expect(report.broken.sort((a, b) => a.caseId.localeCompare(b.caseId))).toEqual(
      [
        { caseId: altered.id, caseNumber: altered.number, seq: 2, problem: 'content does not match its hash (the row was altered)' },
        { caseId: gap.id, caseNumber: gap.number, seq: 3, problem: 'expected event #2, found #3 (an event is missing)' },
        { caseId: relinked.id, caseNumber: relinked.number, seq: 2, problem: 'prevHash does not match the previous event' },
      ].sort((a, b) => a.caseId.localeCompare(b.caseId)),
    );
  });
});
