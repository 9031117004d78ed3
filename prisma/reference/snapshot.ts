import type { Db } from '../client.js';
import type { IsoDate } from '../../domain/calendar.js';
import type { DeadlinePolicy } from '../../domain/clocks.js';
import type { AuthorityCap, FineRule, OffenceField } from '../../domain/fines.js';
import type { Agency, ItemCategory } from '../../domain/routing.js';
import { iso, isoOrNull } from './days.js';
import { agencyJson, routingAgency } from './json.js';

/** The reference data a case needs, read from the administered tables. */
export interface ReferenceSnapshot {
  agencies: Agency[];
  categories: ItemCategory[];
  policies: DeadlinePolicy[];
  fineSchedule: FineRule[];
  caps: AuthorityCap[];
  calendar: { holidays: IsoDate[]; makeUpWorkdays: IsoDate[] };
}

/** Read when a case opens (planCase); the case keeps it, so later corrections apply to later cases. */
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
    agencies: agencies.map((a) => routingAgency(agencyJson(a))),
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
      field: f.field as OffenceField,
      effectiveFrom: iso(f.effectiveFrom),
      effectiveTo: isoOrNull(f.effectiveTo),
    })),
    caps: caps.map((c) => ({ ...c, capVnd: Number(c.capVnd) })),
    calendar: {
      holidays: days.filter((d) => d.kind === 'HOLIDAY').map((d) => iso(d.date)),
      makeUpWorkdays: days.filter((d) => d.kind === 'MAKE_UP_WORKDAY').map((d) => iso(d.date)),
    },
  };
}
