import type { Db } from './client.js';
import type { Prisma } from './generated/client.js';
import {
  AGENCIES,
  AUTHORITY_CAPS,
  DEADLINE_POLICIES,
  FINE_SCHEDULE,
  HOLIDAYS,
  ITEM_CATEGORIES,
  MAKE_UP_WORKDAYS,
  PROVINCES,
} from '../domain/reference-data.js';
import type { Agency, ItemCategory } from '../domain/routing.js';
import type { DeadlinePolicy } from '../domain/clocks.js';
import type { AuthorityCap, FineRule } from '../domain/fines.js';
import type { IsoDate, WorkCalendar } from '../domain/calendar.js';

const day = (d: IsoDate) => new Date(`${d}T00:00:00.000Z`);
const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

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
    data: PROVINCES.map((p) => ({ ...p, validFrom: day(p.validFrom), validTo: p.validTo ? day(p.validTo) : null })),
  });
  await db.agency.createMany({
    ...skip,
    data: AGENCIES.map((a) => ({ ...a, validFrom: day(a.validFrom), validTo: a.validTo ? day(a.validTo) : null })),
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
      effectiveTo: f.effectiveTo ? day(f.effectiveTo) : null,
    })),
  });
  await db.authorityCap.createMany({ ...skip, data: AUTHORITY_CAPS.map((c) => ({ ...c, capVnd: BigInt(c.capVnd) })) });
  await db.holiday.createMany({
    ...skip,
    data: [
      ...HOLIDAYS.map((h) => ({ date: day(h.date), year: h.year, name: h.name, kind: 'HOLIDAY' as const })),
      ...MAKE_UP_WORKDAYS.map((h) => ({ date: day(h.date), year: h.year, name: h.name, kind: 'MAKE_UP_WORKDAY' as const })),
    ].filter((h) => !administered.has(iso(h.date)!)),
  });
}

/** The reference data a case needs, read from the administered tables. */
export interface ReferenceSnapshot {
  agencies: Agency[];
  categories: ItemCategory[];
  policies: DeadlinePolicy[];
  fineSchedule: FineRule[];
  caps: AuthorityCap[];
  calendar: { holidays: IsoDate[]; makeUpWorkdays: IsoDate[] };
}

export async function loadReference(db: Db): Promise<ReferenceSnapshot> {
  const [agencies, categories, policies, fines, caps, days] = await Promise.all([
    db.agency.findMany(),
    db.itemCategory.findMany(),
    db.deadlinePolicy.findMany(),
    db.fineSchedule.findMany(),
    db.authorityCap.findMany(),
    db.holiday.findMany({ orderBy: { date: 'asc' } }),
  ]);
  return {
    agencies: agencies.map((a) => ({ ...a, nameEn: a.nameEn ?? '', validFrom: iso(a.validFrom)!, validTo: iso(a.validTo) })),
    categories,
    policies: policies.map((p) => ({
      clock: p.clock as DeadlinePolicy['clock'],
      startsAt: p.startsAt as DeadlinePolicy['startsAt'],
      limitValue: p.limitValue,
      unit: p.unit as DeadlinePolicy['unit'],
      legalBasis: p.legalBasis,
      escalationChain: p.escalationChain as DeadlinePolicy['escalationChain'],
      extensions: p.extensions as unknown as DeadlinePolicy['extensions'],
      verify: p.verify,
    })),
    fineSchedule: fines.map((f) => ({
      ...f,
      minVnd: Number(f.minVnd),
      maxVnd: Number(f.maxVnd),
      effectiveFrom: iso(f.effectiveFrom)!,
      effectiveTo: iso(f.effectiveTo),
    })),
    caps: caps.map((c) => ({ ...c, capVnd: Number(c.capVnd) })),
    calendar: {
      holidays: days.filter((d) => d.kind === 'HOLIDAY').map((d) => iso(d.date)!),
      makeUpWorkdays: days.filter((d) => d.kind === 'MAKE_UP_WORKDAY').map((d) => iso(d.date)!),
    },
  };
}
export type { WorkCalendar };
