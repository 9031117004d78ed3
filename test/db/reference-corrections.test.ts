// A deployment seeded before the corrections of issue 17 gets them at its next start: once,
// logged, and never over a row an administrator changed. The old seed is written out in
// test/support/reference-seed-2026-11.ts.
import { describe, expect, it } from 'vitest';
import { agencyFor } from '../../domain/routing.js';
import type { Db } from '../../prisma/client.js';
import { patchAgency } from '../../prisma/reference/agencies.js';
import { listReferenceChanges } from '../../prisma/reference/change-log.js';
import { putAuthorityCap, putFineRule } from '../../prisma/reference/fines.js';
import { capJson, fineJson } from '../../prisma/reference/json.js';
import { seedReferenceData } from '../../prisma/reference/seed.js';
import { loadReference } from '../../prisma/reference/snapshot.js';
import { migratedDatabase } from '../support/db.js';
import { seedTheOldWay } from '../support/reference-seed-2026-11.js';

const ADMIN = 'admin-principal';
const byJson = <T>(rows: T[]) => [...rows].map((r) => JSON.stringify(r)).sort();

/** The reference data as a case would read it, in a stable order. */
async function reference(db: Db) {
  const r = await loadReference(db);
  return {
    agencies: byJson(r.agencies),
    categories: byJson(r.categories),
    policies: byJson(r.policies),
    fineSchedule: byJson(r.fineSchedule),
    caps: byJson(r.caps),
    calendar: r.calendar,
  };
}
const corrections = async (db: Db) =>
  (await listReferenceChanges(db, { limit: 1000 })).items.filter((c) => c.actorId.startsWith('correction:'));
const fineRule = async (db: Db, id: string) => {
  const r = await db.fineSchedule.findUnique({ where: { id } });
  return r && fineJson(r);
};

describe('seed corrections reach a database seeded the old way', () => {
  it('correct it to exactly what a fresh database holds, logging each row once; a second start changes nothing', async () => {
    const fresh = (await migratedDatabase()).db;
    const old = (await migratedDatabase()).db;
    expect((await seedReferenceData(fresh)).applied).toEqual([]);
    await seedTheOldWay(old);
    expect(await reference(old)).not.toEqual(await reference(fresh));

    const report = await seedReferenceData(old); // the next start
    expect(report.kept).toEqual([]);
    expect(report.notSeeded).toEqual([]);
    expect(await reference(old)).toEqual(await reference(fresh));

    const log = await corrections(old);
    // 3 Decree 174/2026 rows removed, 3 Decree 15/2020 rows and 5 categories re-pointed, 11 caps
    // re-cited, the inspectorate closed, 3 clocks re-cited
    expect(log).toHaveLength(26);
    expect(log.find((c) => c.key === 'D174-2026:POST_PROHIBITED_ITEM')).toMatchObject({
      actorId: 'correction:decree-15-2020-art-9',
      table: 'FineSchedule',
      before: { decree: 'Decree 174/2026/NĐ-CP' },
      after: null,
    });
    expect(log.find((c) => c.key === 'D15-2020:POST_BANNED_CULTURE')).toMatchObject({
      before: { effectiveFrom: '2020-04-01', effectiveTo: '2026-07-01', extraPenalties: ['CONFISCATION'], remedialMeasures: [] },
      after: { effectiveFrom: '2020-04-15', effectiveTo: null, extraPenalties: [], remedialMeasures: ['FORCED_DESTRUCTION'] },
    });
    expect(log.find((c) => c.key === 'NATIONAL-INSPECTORATE')).toMatchObject({
      actorId: 'correction:sanctioning-authority-2025-07',
      before: { validTo: null },
      after: { validTo: '2025-07-01' },
    });
    expect(await corrections(fresh)).toEqual([]);

    const again = await seedReferenceData(old);
    expect(again).toEqual({ applied: [], kept: [], notSeeded: [] });
    expect(await corrections(old)).toHaveLength(26);
    const ref = await loadReference(old);
    expect(agencyFor('INSPECTORATE', 'TH', ref.agencies, new Date('2026-12-01T03:00:00Z')).id).toBe('NATIONAL-INSPECTION-UNIT');
  });

  it('keep what an administrator changed: their fields stay, and a row they changed is not removed', async () => {
    const { db } = await migratedDatabase();
    await seedTheOldWay(db);
    const d174 = (await fineRule(db, 'D174-2026:POST_BANNED_CULTURE'))!;
    const { id: _, ...d174Body } = d174;
    await putFineRule(db, ADMIN, d174.id, { ...d174Body, maxVnd: 35_000_000 });
    const cap = capJson((await db.authorityCap.findUnique({ where: { id: 'QLTT:TEAM_LEAD' } }))!);
    const { id: __, ...capBody } = cap;
    await putAuthorityCap(db, ADMIN, cap.id, { ...capBody, capVnd: 30_000_000, legalBasis: 'Nghị định xử phạt QLTT (đã đối chiếu)' });
    await patchAgency(db, ADMIN, 'NATIONAL-INSPECTORATE', { name: 'Thanh tra Bộ KH&CN' });

    const report = await seedReferenceData(db);

    // the administered Decree 174/2026 row stays, so its Decree 15/2020 row cannot become open-ended
    expect(await fineRule(db, 'D174-2026:POST_BANNED_CULTURE')).toMatchObject({ maxVnd: 35_000_000 });
    expect(await fineRule(db, 'D15-2020:POST_BANNED_CULTURE')).toMatchObject({ effectiveTo: '2026-07-01' });
    expect(report.kept).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ table: 'FineSchedule', key: 'D174-2026:POST_BANNED_CULTURE' }),
        expect.objectContaining({
          table: 'FineSchedule',
          key: 'D15-2020:POST_BANNED_CULTURE',
          reason: expect.stringMatching(/already fine/),
        }),
        expect.objectContaining({ table: 'AuthorityCap', key: 'QLTT:TEAM_LEAD', fields: ['legalBasis'] }),
      ]),
    );
    expect(report.kept).toHaveLength(3);
    // the other offences are corrected
    expect(await fineRule(db, 'D174-2026:POST_PROHIBITED_ITEM')).toBeNull();
    expect(await fineRule(db, 'D15-2020:POST_PROHIBITED_ITEM')).toMatchObject({ effectiveFrom: '2020-04-15', effectiveTo: null });
    // fields the administrator did not touch are corrected beside the ones they did
    expect(capJson((await db.authorityCap.findUnique({ where: { id: 'QLTT:TEAM_LEAD' } }))!)).toMatchObject({
      capVnd: 30_000_000,
      legalBasis: 'Nghị định xử phạt QLTT (đã đối chiếu)',
    });
    expect(await db.agency.findUnique({ where: { id: 'NATIONAL-INSPECTORATE' } })).toMatchObject({
      name: 'Thanh tra Bộ KH&CN',
      validTo: new Date('2025-07-01T00:00:00.000Z'),
    });
  });

  it('do not seed a successor over a row an administrator closed on another day, nor correct a row twice', async () => {
    const { db } = await migratedDatabase();
    await seedTheOldWay(db);
    await patchAgency(db, ADMIN, 'NATIONAL-INSPECTORATE', { validTo: '2025-09-01' });

    const report = await seedReferenceData(db);
    expect(report.kept).toEqual([expect.objectContaining({ table: 'Agency', key: 'NATIONAL-INSPECTORATE', fields: ['validTo'] })]);
    expect(report.notSeeded).toEqual(['NATIONAL-INSPECTION-UNIT']);
    const ref = await loadReference(db);
    expect(agencyFor('INSPECTORATE', 'TH', ref.agencies, new Date('2025-08-01T03:00:00Z')).id).toBe('NATIONAL-INSPECTORATE');

    // once corrected, a row is the administrators' again: restoring an old figure sticks
    const d15 = (await fineRule(db, 'D15-2020:POST_PROHIBITED_ITEM'))!;
    const { id: _, ...body } = d15;
    const old =
      'Decree 15/2020/NĐ-CP as amended by Decree 14/2022/NĐ-CP, postal sanctions chapter (verify article and amounts against the official text)';
    await putFineRule(db, ADMIN, d15.id, { ...body, legalBasis: old });
    await seedReferenceData(db);
    expect(await fineRule(db, d15.id)).toMatchObject({ legalBasis: old });
  });
});
