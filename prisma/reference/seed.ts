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
import { day, dayOrNull, iso } from './days.js';

/**
 * Inserts the seed reference data of domain.md where rows are missing. Rows
 * that exist are left alone: an administrator's correction survives restarts.
 * So does a removal: a calendar day an administrator has changed (the change
 * log names it) is never seeded again.
 */
export async function seedReferenceData(db: Db): Promise<void> {
  const skip = { skipDuplicates: true } as const;
  const administered = new Set(
    (await db.referenceChange.findMany({ where: { table: 'Holiday' }, select: { key: true }, distinct: ['key'] })).map((c) => c.key),
  );
  await db.province.createMany({
    ...skip,
    data: PROVINCES.map((p) => ({ ...p, validFrom: day(p.validFrom), validTo: dayOrNull(p.validTo) })),
  });
  await db.agency.createMany({
    ...skip,
    data: AGENCIES.map((a) => ({ ...a, validFrom: day(a.validFrom), validTo: dayOrNull(a.validTo) })),
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
    data: FINE_SCHEDULE.map((f) => ({
      ...f,
      extraPenalties: [...f.extraPenalties],
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
}
