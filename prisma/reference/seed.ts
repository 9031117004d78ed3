import type { Db } from '../client.js';
import type { Prisma } from '../generated/client.js';
import {
  AGENCIES,
  AUTHORITY_CAPS,
  DEADLINE_POLICIES,
  FINE_SCHEDULE,
  HOLIDAYS,
  ITEM_CATEGORIES,
  MAKE_UP_WORKDAYS,
  PROVINCES,
} from '../../domain/reference-data.js';
import { agencyConflicts, fineRuleConflicts } from '../../domain/reference-rules.js';
import { applyReferenceCorrections, type CorrectionReport } from './corrections.js';
import { day, dayOrNull, iso } from './days.js';
import { loadReference } from './snapshot.js';

/** What a start did to the reference data beyond inserting missing rows. */
export interface SeedReport extends CorrectionReport {
  /** Seed rows not inserted because they would overlap a row already there (agencies, fine rules). */
  notSeeded: string[];
}

/**
 * Inserts the seed reference data (docs/domain-model.md, "Reference data") where rows are missing. Rows
 * that exist are left alone: an administrator's correction survives restarts.
 * So does a removal: a calendar day an administrator has changed (the change
 * log names it) is never seeded again. Corrections to rows seeded earlier are
 * applied first, once (corrections.ts); a missing agency or fine rule that
 * would overlap one already there is not inserted.
 */
export async function seedReferenceData(db: Db): Promise<SeedReport> {
  const corrections = await applyReferenceCorrections(db);
  const skip = { skipDuplicates: true } as const;
  const administered = new Set(
    (await db.referenceChange.findMany({ where: { table: 'Holiday' }, select: { key: true }, distinct: ['key'] })).map((c) => c.key),
  );
  await db.province.createMany({
    ...skip,
    data: PROVINCES.map((p) => ({ ...p, validFrom: day(p.validFrom), validTo: dayOrNull(p.validTo) })),
  });
  const { agencies, fineSchedule } = await loadReference(db);
  const overlapping = [
    ...AGENCIES.filter((a) => !agencies.some((o) => o.id === a.id) && agencyConflicts(a, agencies).length),
    ...FINE_SCHEDULE.filter((f) => !fineSchedule.some((o) => o.id === f.id) && fineRuleConflicts(f, fineSchedule).length),
  ].map((r) => r.id);
  const notSeeded = new Set(overlapping);
  await db.agency.createMany({
    ...skip,
    data: AGENCIES.filter((a) => !notSeeded.has(a.id)).map((a) => ({ ...a, validFrom: day(a.validFrom), validTo: dayOrNull(a.validTo) })),
  });
  await db.itemCategory.createMany({ ...skip, data: ITEM_CATEGORIES.map((c) => ({ ...c, alsoNotify: [...c.alsoNotify] })) });
  await db.deadlinePolicy.createMany({
    ...skip,
    data: DEADLINE_POLICIES.map((p) => ({
      clock: p.clock,
      startsAt: p.startsAt,
      limitValue: p.limitValue,
      unit: p.unit,
      legalBasis: p.legalBasis,
      escalationChain: [...p.escalationChain],
      extensions: p.extensions as unknown as Prisma.InputJsonValue,
      verify: p.verify,
    })),
  });
  await db.fineSchedule.createMany({
    ...skip,
    data: FINE_SCHEDULE.filter((f) => !notSeeded.has(f.id)).map((f) => ({
      ...f,
      extraPenalties: [...f.extraPenalties],
      remedialMeasures: [...f.remedialMeasures],
      minVnd: BigInt(f.minVnd),
      maxVnd: BigInt(f.maxVnd),
      effectiveFrom: day(f.effectiveFrom),
      effectiveTo: dayOrNull(f.effectiveTo),
    })),
  });
  await db.authorityCap.createMany({ ...skip, data: AUTHORITY_CAPS.map((c) => ({ ...c, capVnd: BigInt(c.capVnd) })) });
  await db.holiday.createMany({
    ...skip,
    data: [
      ...HOLIDAYS.map((h) => ({ date: day(h.date), year: h.year, name: h.name, kind: 'HOLIDAY' as const })),
      ...MAKE_UP_WORKDAYS.map((h) => ({ date: day(h.date), year: h.year, name: h.name, kind: 'MAKE_UP_WORKDAY' as const })),
    ].filter((h) => !administered.has(iso(h.date))),
  });
  return { ...corrections, notSeeded: overlapping };
}
