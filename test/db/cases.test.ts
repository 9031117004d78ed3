// prisma/cases/: the case row written as the activities write it, then found and listed the way
// the API reads it, each actor seeing exactly what domain/access.ts canView lets it see.
import { beforeAll, describe, expect, it } from 'vitest';
import { canView } from '../../domain/access.js';
import type { CaseView } from '../../domain/case-view.js';
import type { Db } from '../../prisma/client.js';
import { visibleCasePage, type CaseCursor, type CaseListFilter, type CaseSortField } from '../../prisma/cases/lists.js';
import { canSeeCase, caseSummary, type CaseRow } from '../../prisma/cases/rows.js';
import { caseIdOfCarrierRef, visibleCase } from '../../prisma/cases/visibility.js';
import { recordCaseWrite } from '../../prisma/cases/writes.js';
import { seedForCases } from '../support/cases.js';
import { migratedDatabase } from '../support/db.js';
import { ACTORS, everyPage, openStoredCase } from './records.js';

let db: Db;
const views: CaseView[] = [];
let rows: CaseRow[] = [];

/** Every page of a list, sorted and filtered. */
const walk = (actor: keyof typeof ACTORS, field: CaseSortField, desc: boolean, filter: CaseListFilter = {}, limit = 2) =>
  everyPage<CaseCursor>((after) => visibleCasePage(db, ACTORS[actor]!, filter, { field, desc, after, limit }));

beforeAll(async () => {
  ({ db } = await migratedDatabase());
  await seedForCases(db);
  const due = (at: string) => [
    {
      clock: 'HOLD',
      startedAt: at,
      dueAt: at,
      overdue: false,
      escalationLevel: 0,
      nextEscalationAt: null,
      extensions: [],
      availableExtensions: [],
    },
  ];
  const specs = [
    { ref: 'TH-FAKE', over: {}, dueAt: '2026-03-09T10:00:00.000Z' },
    { ref: 'TH-SECRET', over: { kt1: true, categoryCode: 'STATE_SECRET' }, dueAt: null },
    { ref: 'HN-DRUGS', over: { carrierId: 'VTP', provinceCode: 'HN', categoryCode: 'NARCOTICS' }, dueAt: '2026-03-05T10:00:00.000Z' },
    { ref: 'TH-SMUGGLED', over: { carrierId: 'VTP', crossBorder: true, categoryCode: 'SMUGGLED' }, dueAt: '2026-03-05T10:00:00.000Z' },
    { ref: 'HCM-OTHER', over: { provinceCode: 'HCM', categoryCode: 'OTHER', signsOfCrime: true }, dueAt: null },
    {
      ref: 'HN-KT1',
      over: { carrierId: 'VTP', provinceCode: 'HN', kt1: true, categoryCode: 'WEAPONS' },
      dueAt: '2026-03-07T10:00:00.000Z',
    },
  ];
  for (const [i, s] of specs.entries()) {
    const view = await openStoredCase(db, s.ref, { ...s.over, detectedAt: `2026-03-0${i + 1}T03:00:00.000Z` });
    // the second write moves the row: its deadlines, a fine on one case
    const next: CaseView = {
      ...view,
      status: 'NOTIFIED',
      deadlines: s.dueAt ? (due(s.dueAt) as CaseView['deadlines']) : [],
      fine: i === 2 ? ({ amountVnd: 5_000_000, paidVnd: 1_000, interestVnd: 7 } as CaseView['fine']) : null,
      flags: { ...view.flags, overdue: i === 3 },
    };
    const event = {
      caseId: view.id,
      seq: 2,
      type: 'AGENCIES_NOTIFIED',
      actor: ACTORS.admin!,
      at: `2026-03-0${i + 1}T04:00:00.000Z`,
      payload: {},
    };
    await recordCaseWrite(db, { event, view: next, notices: [] });
    views.push(next);
  }
  rows = await db.case.findMany();
}, 120_000);

describe('cases: rows and visibility', () => {
  it('numbers cases per province and year, and keeps what the carrier reported', () => {
    expect(views.map((v) => v.number)).toEqual([
      'TH-2026-000001',
      'TH-2026-000002',
      'HN-2026-000001',
      'TH-2026-000003',
      'HCM-2026-000001',
      'HN-2026-000002',
    ]);
    const row = rows.find((r) => r.carrierRef === 'TH-SMUGGLED')!;
    expect(row).toMatchObject({
      carrierId: 'VTP',
      crossBorder: true,
      categoryCode: 'SMUGGLED',
      servicePoint: 'Bưu cục Hoằng Hóa',
      lastSeq: 2,
    });
  });

  it('summarises a stored case as the view left it: status, routing, deadlines and the fine in whole VND', () => {
    const summary = caseSummary(rows.find((r) => r.carrierRef === 'HN-DRUGS')!);
    expect(summary).toMatchObject({
      number: 'HN-2026-000001',
      status: 'NOTIFIED',
      agencyIds: views[2]!.agencyIds,
      nextDeadlineAt: '2026-03-05T10:00:00.000Z',
      fineVnd: 5_000_000,
      paidVnd: 1_000,
      interestVnd: 7,
      flags: { crossBorder: false, kt1: false, signsOfCrime: false, overdue: false },
      detectedAt: '2026-03-03T03:00:00.000Z',
      closedAt: null,
    });
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary); // JSON-safe: no BigInt, no Date
  });

  it.each(Object.keys(ACTORS))('%s finds and lists exactly the cases canView shows it', async (name) => {
    const actor = ACTORS[name]!;
    const expected = views.filter((v) => canView(v, actor)).map((v) => v.id);
    expect(
      rows
        .filter((r) => canSeeCase(r, actor))
        .map((r) => r.id)
        .sort(),
    ).toEqual([...expected].sort());
    expect((await walk(name, 'detectedAt', true)).sort()).toEqual([...expected].sort());
    for (const v of views) {
      const seen = expected.includes(v.id);
      expect((await visibleCase(db, actor, v.id))?.id ?? null, `${name} by id ${v.id}`).toBe(seen ? v.id : null);
      expect((await visibleCase(db, actor, v.number))?.id ?? null, `${name} by number ${v.number}`).toBe(seen ? v.id : null);
    }
  });

  it('hides nothing from an administrator and shows a carrier without a carrier nothing', async () => {
    expect(await walk('admin', 'number', false)).toHaveLength(views.length);
    expect(await walk('carrier without a carrier', 'number', false)).toEqual([]);
  });

  it.each([
    ['detectedAt', false],
    ['detectedAt', true],
    ['nextDeadlineAt', false],
    ['nextDeadlineAt', true],
    ['number', false],
    ['number', true],
  ] as const)('pages sorted by %s (desc: %s) walk the same rows as one page, in order, nulls last', async (field, desc) => {
    const one = await visibleCasePage(db, ACTORS.admin!, {}, { field, desc, after: null, limit: 100 });
    expect(one.next).toBeNull();
    const walked = await walk('admin', field, desc, {}, 1);
    expect(walked).toEqual(one.rows.map((r) => r.id));
    const key = (r: CaseRow) => (field === 'number' ? r.number : (r[field]?.toISOString() ?? null));
    const values = one.rows.map(key);
    const present = values.filter((v) => v !== null) as string[];
    expect(values.slice(present.length).every((v) => v === null)).toBe(true);
    expect(present).toEqual([...present].sort((a, b) => (desc ? b.localeCompare(a) : a.localeCompare(b))));
  });

  it.each([
    [{ province: 'HN' }, ['HN-DRUGS', 'HN-KT1']],
    [{ carrier: 'VTP', category: 'SMUGGLED' }, ['TH-SMUGGLED']],
    [{ overdue: true }, ['TH-SMUGGLED']],
    [{ status: 'NOTIFIED' as const, detectedFrom: '2026-03-05T00:00:00Z' }, ['HCM-OTHER', 'HN-KT1']],
    [{ detectedTo: '2026-03-02T03:00:00Z' }, ['TH-FAKE']],
    [{ q: 'HCM-2026' }, ['HCM-OTHER']],
    [{ q: 'EE1234' }, ['TH-FAKE', 'TH-SECRET', 'HN-DRUGS', 'TH-SMUGGLED', 'HCM-OTHER', 'HN-KT1']],
    [{ leadAgency: 'NATIONAL-KT1' }, ['TH-SECRET', 'HN-KT1']],
    [{ status: 'CLOSED' as const }, []],
  ] as [CaseListFilter, string[]][])('filters %j', async (filter, refs) => {
    const ids = await walk('admin', 'detectedAt', false, filter);
    expect(ids.map((id) => rows.find((r) => r.id === id)!.carrierRef)).toEqual(refs);
  });

  it('finds the case a carrier opened under its reference, whoever may see it', async () => {
    const first = rows.find((r) => r.id === views[0]!.id)!;
    expect(await caseIdOfCarrierRef(db, first.carrierId, first.carrierRef)).toBe(first.id);
    expect(await caseIdOfCarrierRef(db, first.carrierId, 'NEVER')).toBeNull();
    expect(await caseIdOfCarrierRef(db, 'OTHER-CARRIER', first.carrierRef)).toBeNull();
  });
});
