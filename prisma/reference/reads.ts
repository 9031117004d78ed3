/** Reads of the administered reference data, as JSON (json.ts), for the API and the operator CLI. */
import type { Db } from '../client.js';
import type { IsoDate } from '../../domain/calendar.js';
import type { AgencyKind } from '../../domain/routing.js';
import { day } from './days.js';
import {
  agencyJson,
  capJson,
  categoryJson,
  fineJson,
  holidayJson,
  policyJson,
  type AgencyJson,
  type AuthorityCapJson,
  type CategoryJson,
  type DeadlinePolicyJson,
  type FineRuleJson,
  type HolidayJson,
} from './json.js';

export async function listCalendarDays(db: Db, year?: number): Promise<HolidayJson[]> {
  return (await db.holiday.findMany({ where: year === undefined ? {} : { year }, orderBy: { date: 'asc' } })).map(holidayJson);
}

export async function listDeadlinePolicies(db: Db): Promise<DeadlinePolicyJson[]> {
  return (await db.deadlinePolicy.findMany({ orderBy: { clock: 'asc' } })).map(policyJson);
}

export async function listFineRules(db: Db): Promise<FineRuleJson[]> {
  return (await db.fineSchedule.findMany({ orderBy: [{ offenceCode: 'asc' }, { effectiveFrom: 'asc' }, { id: 'asc' }] })).map(fineJson);
}

export async function listAuthorityCaps(db: Db): Promise<AuthorityCapJson[]> {
  return (await db.authorityCap.findMany({ orderBy: [{ agencyKind: 'asc' }, { capVnd: 'asc' }, { id: 'asc' }] })).map(capJson);
}

export async function listAgencies(
  db: Db,
  filter: { provinceCode?: string; kind?: AgencyKind; validOn?: IsoDate } = {},
): Promise<AgencyJson[]> {
  const on = filter.validOn ? day(filter.validOn) : null;
  const rows = await db.agency.findMany({
    where: {
      ...(filter.provinceCode ? { provinceCode: filter.provinceCode } : {}),
      ...(filter.kind ? { kind: filter.kind } : {}),
      ...(on ? { validFrom: { lte: on }, OR: [{ validTo: null }, { validTo: { gt: on } }] } : {}),
    },
    orderBy: [{ provinceCode: { sort: 'asc', nulls: 'first' } }, { kind: 'asc' }, { validFrom: 'asc' }, { id: 'asc' }],
  });
  return rows.map(agencyJson);
}

export async function listCategories(db: Db): Promise<CategoryJson[]> {
  return (await db.itemCategory.findMany({ orderBy: { code: 'asc' } })).map(categoryJson);
}

/** Whether the reference data has an item category with this code. */
export async function categoryExists(db: Db, code: string): Promise<boolean> {
  return (await db.itemCategory.findUnique({ where: { code }, select: { code: true } })) !== null;
}

/** Whether the reference data has a province with this code. */
export async function provinceExists(db: Db, code: string): Promise<boolean> {
  return (await db.province.findUnique({ where: { code }, select: { code: true } })) !== null;
}

/** Whether an agency with this id exists, in any period. */
export async function agencyExists(db: Db, id: string): Promise<boolean> {
  return (await db.agency.findUnique({ where: { id }, select: { id: true } })) !== null;
}

/** An agency's province (null: a national agency); undefined when there is no such agency. */
export async function agencyProvince(db: Db, id: string): Promise<string | null | undefined> {
  return (await db.agency.findUnique({ where: { id }, select: { provinceCode: true } }))?.provinceCode;
}
