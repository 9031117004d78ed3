// The carrier registry (issue 15): licences, service points and pledges are administered like the
// reference data, every change in the append-only change log, refused with a reason when a date,
// an overlap or a reference is wrong; pledge coverage per province counts the open service points
// a pledge signed by the period's last day covers, computed in PostgreSQL.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../prisma/client.js';
import { migratedDatabase } from '../support/db.js';
import { seedForCases } from '../support/cases.js';
import {
  deletePledge,
  listPledges,
  listReportDueDates,
  putLicence,
  putPledge,
  putReportDueDate,
  putServicePoint,
  seedReportDueDates,
  type LicenceInput,
  type ServicePointInput,
} from '../../prisma/registry-admin.js';
import { ReferenceRefusal } from '../../prisma/reference/change-log.js';
import { generateReport, getReport } from '../../prisma/reports.js';
import { tableOf } from '../../domain/report-content.js';
import type { ServicePoint } from '../../domain/registry-rules.js';

let db: Db;
const ADMIN = 'admin-registry-test';
const NOW = new Date('2026-12-01T03:00:00Z');

beforeAll(async () => {
  ({ db } = await migratedDatabase());
  await seedForCases(db);
  await seedReportDueDates(db);
});

/** The refusal a change must meet (fails the test when the change is made). */
async function refusal(p: Promise<unknown>): Promise<ReferenceRefusal> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ReferenceRefusal) return e;
    throw e;
  }
  throw new Error('the change was made but should have been refused');
}

const changesOf = (table: string) => db.referenceChange.findMany({ where: { table }, orderBy: { id: 'asc' } });

const licence = (over: Partial<LicenceInput> = {}): LicenceInput => ({
  carrierId: 'VNP',
  kind: 'LICENCE',
  number: '123/GP-BTTTT',
  issuingAuthority: 'Bộ Thông tin và Truyền thông',
  issuedOn: '2020-03-01',
  validTo: '2030-02-28',
  scope: 'INTER_PROVINCIAL',
  provinceCode: null,
  ...over,
});

describe('licences and notifications', () => {
  it('records a licence with its change, and a correction as old → new', async () => {
    const created = await putLicence(db, ADMIN, 'VNP-GP-2020', licence());
    expect(created.before).toBeNull();
    expect(created.after).toMatchObject({ id: 'VNP-GP-2020', number: '123/GP-BTTTT', validTo: '2030-02-28' });
    const corrected = await putLicence(db, ADMIN, 'VNP-GP-2020', licence({ validTo: '2029-12-31' }));
    expect(corrected.before?.validTo).toBe('2030-02-28');
    const log = await changesOf('CarrierLicence');
    expect(
      log.map((c) => [
        c.key,
        c.actorId,
        (c.before as { validTo?: string } | null)?.validTo ?? null,
        (c.after as { validTo: string }).validTo,
      ]),
    ).toEqual([
      ['VNP-GP-2020', ADMIN, null, '2030-02-28'],
      ['VNP-GP-2020', ADMIN, '2030-02-28', '2029-12-31'],
    ]);
    // the same values again change nothing and log nothing
    expect((await putLicence(db, ADMIN, 'VNP-GP-2020', licence({ validTo: '2029-12-31' }))).change).toBeNull();
    expect(await changesOf('CarrierLicence')).toHaveLength(2);
  });

  it('refuses impossible dates, a licence past 10 years and a provincial one without its province', async () => {
    const bad = await refusal(putLicence(db, ADMIN, 'VNP-BAD', licence({ issuedOn: '2026-02-30', validTo: '2025-01-01' })));
    expect(bad.reason).toBe('invariant');
    expect(bad.violations.map((v) => v.field)).toEqual(['issuedOn']);
    const backwards = await refusal(
      putLicence(db, ADMIN, 'VNP-BAD', licence({ number: 'X', issuedOn: '2026-02-01', validTo: '2025-01-01' })),
    );
    expect(backwards.violations).toEqual([{ field: 'validTo', message: 'must not be before issuedOn (2026-02-01)' }]);
    const long = await refusal(putLicence(db, ADMIN, 'VNP-BAD', licence({ number: 'X', issuedOn: '2020-01-01', validTo: '2030-01-01' })));
    expect(long.violations[0]!.field).toBe('validTo');
    const provincial = await refusal(putLicence(db, ADMIN, 'VNP-BAD', licence({ number: 'X', scope: 'PROVINCIAL' })));
    expect(provincial.violations[0]!.field).toBe('provinceCode');
    expect((await db.carrierLicence.findMany({ where: { id: 'VNP-BAD' } })).length).toBe(0);
  });

  it('refuses a second licence of the same kind and scope on overlapping days, and a duplicate number', async () => {
    const overlap = await refusal(
      putLicence(db, ADMIN, 'VNP-GP-2029', licence({ number: '9/GP', issuedOn: '2029-06-01', validTo: '2035-01-01' })),
    );
    expect(overlap.reason).toBe('conflict');
    expect(overlap.conflictsWith).toEqual(['VNP-GP-2020']);
    // a renewal from the day after the old one ends is fine
    await putLicence(db, ADMIN, 'VNP-GP-2030', licence({ number: '9/GP', issuedOn: '2030-01-01', validTo: '2035-01-01' }));
    const twin = await refusal(putLicence(db, ADMIN, 'VTP-GP', licence({ carrierId: 'VTP', number: '9/GP' })));
    expect(twin.conflictsWith).toEqual(['VNP-GP-2030']);
    const unknown = await refusal(putLicence(db, ADMIN, 'NOPE-GP', licence({ carrierId: 'NOPE', number: 'Z' })));
    expect(unknown.reason).toBe('unknown-reference');
  });
});

// ---- pledge coverage -------------------------------------------------------------------------

const point = (code: string, over: Partial<ServicePointInput> = {}): ServicePointInput => ({
  name: `Bưu cục ${code}`,
  address: `Số 1, ${code}`,
  provinceCode: 'TH',
  commune: 'Xã Hoằng Đạo',
  communeLevel: false,
  remote: false,
  validFrom: '2025-03-01',
  validTo: null,
  ...over,
});

/** The registry of this test: which points each carrier has, and which pledges cover which. */
const POINTS: ServicePoint[] = [
  { carrierId: 'VNP', code: 'TH-HH-01', ...point('TH-HH-01', { communeLevel: true }) },
  { carrierId: 'VNP', code: 'TH-HH-02', ...point('TH-HH-02', { remote: true }) },
  { carrierId: 'VNP', code: 'TH-SS-01', ...point('TH-SS-01', { validFrom: '2026-02-01' }) },
  { carrierId: 'VNP', code: 'TH-OLD', ...point('TH-OLD', { validTo: '2026-01-15' }) }, // closed before H1 2026 ended
  { carrierId: 'VTP', code: 'TH-VT-01', ...point('TH-VT-01') },
  { carrierId: 'VNP', code: 'HN-01', ...point('HN-01', { provinceCode: 'HN', commune: 'Phường Hoàn Kiếm' }) },
];
const PLEDGES = [
  { id: 'CK-2025-VNP', carrierId: 'VNP', signedOn: '2025-05-10', servicePoints: ['TH-HH-01', 'TH-OLD'] },
  { id: 'CK-2026-VNP', carrierId: 'VNP', signedOn: '2026-03-02', servicePoints: ['TH-HH-02', 'HN-01'] },
  { id: 'CK-2026-VTP', carrierId: 'VTP', signedOn: '2026-08-20', servicePoints: ['TH-VT-01'] }, // after H1 2026
];

/** Coverage as the definition states it, from the fixture above. */
function expectedCoverage(province: string, lastDay: string, firstDay: string) {
  const open = POINTS.filter((p) => p.provinceCode === province && p.validFrom <= lastDay && (p.validTo === null || lastDay < p.validTo));
  const coveredBy = (p: (typeof POINTS)[number]) =>
    PLEDGES.some((pl) => pl.carrierId === p.carrierId && pl.signedOn <= lastDay && pl.servicePoints.includes(p.code));
  const covered = open.filter(coveredBy).length;
  const signed = PLEDGES.filter(
    (pl) =>
      pl.signedOn >= firstDay &&
      pl.signedOn <= lastDay &&
      pl.servicePoints.some((c) => POINTS.find((p) => p.carrierId === pl.carrierId && p.code === c)!.provinceCode === province),
  ).length;
  return {
    registeredPoints: open.length,
    coveredPoints: covered,
    pledgesSigned: signed,
    percent: Math.round((1000 * covered) / open.length) / 10,
  };
}

describe('service points and pledges', () => {
  it('records the points and pledges, each change logged', async () => {
    for (const { carrierId, code, ...input } of POINTS) await putServicePoint(db, ADMIN, carrierId, code, input);
    for (const pl of PLEDGES)
      await putPledge(
        db,
        ADMIN,
        pl.id,
        {
          carrierId: pl.carrierId,
          signatory: 'Giám đốc Bưu điện tỉnh',
          signedOn: pl.signedOn,
          documentRef: `${pl.id}/CK`,
          servicePoints: pl.servicePoints,
        },
        NOW,
      );
    expect((await changesOf('ServicePoint')).map((c) => c.key)).toEqual(POINTS.map((p) => `${p.carrierId}/${p.code}`));
    expect((await changesOf('Pledge')).map((c) => c.key)).toEqual(PLEDGES.map((p) => p.id));
    expect((await listPledges(db, { carrierId: 'VNP' })).map((p) => [p.id, p.servicePoints])).toEqual([
      ['CK-2025-VNP', ['TH-HH-01', 'TH-OLD']],
      ['CK-2026-VNP', ['HN-01', 'TH-HH-02']],
    ]);
  });

  it('refuses a pledge for a point the carrier does not have, was not open, or signed in the future', async () => {
    const input = {
      carrierId: 'VNP',
      signatory: 'Giám đốc',
      documentRef: 'X/CK',
      signedOn: '2025-04-01',
      servicePoints: ['TH-SS-01', 'TH-VT-01', 'TH-SS-01'],
    };
    const r = await refusal(putPledge(db, ADMIN, 'CK-BAD', input, NOW));
    expect(r.violations.map((v) => v.field)).toEqual(['servicePoints.0', 'servicePoints.1', 'servicePoints.2', 'servicePoints.2']);
    expect(r.violations[0]!.message).toContain('was not open on 2025-04-01');
    expect(r.violations[1]!.message).toBe('VNP has no service point TH-VT-01');
    const future = await refusal(putPledge(db, ADMIN, 'CK-BAD', { ...input, signedOn: '2026-12-02', servicePoints: ['TH-HH-01'] }, NOW));
    expect(future.violations.map((v) => v.field)).toEqual(['signedOn']);
    const closing = await refusal(
      putServicePoint(db, ADMIN, 'VNP', 'TH-X', point('TH-X', { validFrom: '2026-01-01', validTo: '2026-01-01' })),
    );
    expect(closing.violations.map((v) => v.field)).toEqual(['validTo']);
    expect(await db.pledge.count({ where: { id: 'CK-BAD' } })).toBe(0);
  });

  it('a deleted pledge leaves the log and its coverage', async () => {
    await putPledge(
      db,
      ADMIN,
      'CK-MISTAKE',
      { carrierId: 'VTP', signatory: 'A', signedOn: '2026-01-05', documentRef: 'M', servicePoints: ['TH-VT-01'] },
      NOW,
    );
    const removed = await deletePledge(db, ADMIN, 'CK-MISTAKE');
    expect(removed.before?.servicePoints).toEqual(['TH-VT-01']);
    expect(await db.pledgeCoverage.count({ where: { pledgeId: 'CK-MISTAKE' } })).toBe(0);
    expect((await changesOf('Pledge')).at(-1)).toMatchObject({ key: 'CK-MISTAKE', after: null });
  });

  it('pledge coverage of Thanh Hóa in H1 2026 beside H1 2025: covered and uncovered points, closed and later ones left out', async () => {
    const { id } = await generateReport(db, {
      request: { scope: { kind: 'PROVINCE', provinceCode: 'TH' }, period: { kind: 'H1', year: 2026 }, kt1: 'EXCLUDED' },
      at: NOW.toISOString(),
      trigger: 'API',
      requestedBy: ADMIN,
    });
    const report = (await getReport(db, id))!;
    const rows = tableOf(report.content, 'pledgeCoverage').rows;
    expect(rows.map((r) => r.key)).toEqual(['TH']); // HN-01 is another province's
    const cur = expectedCoverage('TH', '2026-06-30', '2026-01-01');
    const prev = expectedCoverage('TH', '2025-06-30', '2025-01-01');
    expect(cur).toEqual({ registeredPoints: 4, coveredPoints: 2, pledgesSigned: 1, percent: 50 }); // the fixture is what the test says
    expect(prev).toEqual({ registeredPoints: 4, coveredPoints: 2, pledgesSigned: 1, percent: 50 });
    const f = rows[0]!.figures;
    expect(f.registeredPoints).toEqual({ value: cur.registeredPoints, previous: prev.registeredPoints, change: 0 });
    expect(f.coveredPoints).toEqual({ value: cur.coveredPoints, previous: prev.coveredPoints, change: 0 });
    expect(f.coveragePercent).toEqual({ value: cur.percent, previous: prev.percent, change: 0 });
    expect(f.pledgesSigned).toEqual({ value: cur.pledgesSigned, previous: prev.pledgesSigned, change: 0 });
    expect(report.names.province.TH!.vi).toBe('Tỉnh Thanh Hóa');
  });

  it('the year 2026, still running: as of now, with the August pledge', async () => {
    const r = await generateReport(db, {
      request: { scope: { kind: 'PROVINCE', provinceCode: 'TH' }, period: { kind: 'YEAR', year: 2026 }, kt1: 'EXCLUDED' },
      at: NOW.toISOString(),
      trigger: 'API',
      requestedBy: ADMIN,
    });
    expect(r.asOfNow).toBe(true);
    expect(r.asOf).toBe(NOW.toISOString());
    const f = tableOf((await getReport(db, r.id))!.content, 'pledgeCoverage').rows[0]!.figures;
    const cur = expectedCoverage('TH', '2026-12-01', '2026-01-01');
    expect(cur).toMatchObject({ registeredPoints: 4, coveredPoints: 3 });
    expect([f.registeredPoints!.value, f.coveredPoints!.value, f.coveragePercent!.value, f.pledgesSigned!.value]).toEqual([
      cur.registeredPoints,
      cur.coveredPoints,
      cur.percent,
      cur.pledgesSigned,
    ]);
  });
});

describe('due dates', () => {
  it('are seeded unverified and corrected like any reference data', async () => {
    expect(await listReportDueDates(db)).toEqual([
      expect.objectContaining({ periodKind: 'H1', month: 7, day: 31, yearOffset: 0, verify: true }),
      expect.objectContaining({ periodKind: 'YEAR', month: 1, day: 31, yearOffset: 1, verify: true }),
    ]);
    const bad = await refusal(putReportDueDate(db, ADMIN, 'H1', { month: 2, day: 29, yearOffset: 0, legalBasis: 'x', verify: false }));
    expect(bad.violations.map((v) => v.field)).toEqual(['day']);
    const fixed = await putReportDueDate(db, ADMIN, 'H1', {
      month: 7,
      day: 20,
      yearOffset: 0,
      legalBasis: 'Thông tư (đã xác minh)',
      verify: false,
    });
    expect(fixed.before).toMatchObject({ day: 31 });
    expect((await changesOf('ReportDueDate')).map((c) => c.key)).toEqual(['H1']);
  });
});
