/**
 * Administrators' corrections to the reference data (calendar, deadline table, fine schedule,
 * authority caps, agencies), shared by the API and the operator CLI. Each change is checked
 * against domain/reference-rules.ts, written with one append-only ReferenceChange row (who,
 * which row, before → after) in the same transaction, and serialised per table, so two
 * concurrent changes cannot together break a rule that each alone keeps. Running cases are not
 * touched: they keep the snapshot they opened with (docs/workflow-versioning.md).
 */
import type { Db } from './client.js';
import { Prisma } from './generated/client.js';
import type {
  Agency as AgencyRow,
  AuthorityCap as CapRow,
  DeadlinePolicy as PolicyRow,
  FineSchedule as FineRow,
  Holiday as HolidayRow,
  ItemCategory as CategoryRow,
  ReferenceChange as ChangeRow,
} from './generated/client.js';
import type { IsoDate } from '../domain/calendar.js';
import type { ClockExtension, ClockId, ClockStart, ClockUnit, EscalationTarget } from '../domain/clocks.js';
import type { AuthorityCap, FineRule } from '../domain/fines.js';
import {
  agencyFor,
  routeCase,
  RoutingError,
  type Agency,
  type AgencyKind,
  type ItemCategory,
  type RoutingInput,
} from '../domain/routing.js';
import {
  agencyConflicts,
  agencyViolations,
  authorityCapConflicts,
  calendarDayViolations,
  deadlinePolicyViolations,
  fineRuleConflicts,
  fineRuleViolations,
  type CalendarDayKind,
  type RuleViolation,
} from '../domain/reference-rules.js';

type Tx = Prisma.TransactionClient;

/** The administered tables, by model name (the `table` of a change). */
export const REFERENCE_TABLES = ['Holiday', 'DeadlinePolicy', 'FineSchedule', 'AuthorityCap', 'Agency'] as const;
export type ReferenceTable = (typeof REFERENCE_TABLES)[number];

// ---- rows as the API shows them (and as the change log records them) ----

export interface HolidayJson {
  date: IsoDate;
  year: number;
  name: string;
  kind: CalendarDayKind;
}

export interface DeadlinePolicyJson {
  clock: ClockId;
  startsAt: ClockStart;
  limitValue: number;
  unit: ClockUnit;
  legalBasis: string;
  escalationChain: EscalationTarget[];
  extensions: ClockExtension[];
  verify: boolean;
}

export type FineRuleJson = Omit<FineRule, 'extraPenalties'> & { extraPenalties: string[] };

export type AuthorityCapJson = AuthorityCap;

export interface AgencyJson {
  id: string;
  kind: AgencyKind;
  provinceCode: string | null;
  name: string;
  nameEn: string | null;
  validFrom: IsoDate;
  validTo: IsoDate | null;
}

export type CategoryJson = Omit<ItemCategory, 'alsoNotify'> & { alsoNotify: AgencyKind[] };

export interface ReferenceChangeJson {
  id: number;
  at: string;
  actorId: string;
  table: ReferenceTable;
  key: string;
  before: unknown;
  after: unknown;
}

const iso = (d: Date): IsoDate => d.toISOString().slice(0, 10);
const isoOrNull = (d: Date | null): IsoDate | null => (d ? iso(d) : null);
const day = (d: IsoDate): Date => new Date(`${d}T00:00:00.000Z`);
const dayOrNull = (d: IsoDate | null): Date | null => (d ? day(d) : null);

export const holidayJson = (h: HolidayRow): HolidayJson => ({ date: iso(h.date), year: h.year, name: h.name, kind: h.kind });

export const policyJson = (p: PolicyRow): DeadlinePolicyJson => ({
  clock: p.clock as ClockId,
  startsAt: p.startsAt as ClockStart,
  limitValue: p.limitValue,
  unit: p.unit as ClockUnit,
  legalBasis: p.legalBasis,
  escalationChain: p.escalationChain as EscalationTarget[],
  extensions: (p.extensions as unknown as ClockExtension[]).map((e) => ({
    code: e.code,
    limitValue: e.limitValue,
    unit: e.unit,
    basis: e.basis,
    verify: e.verify ?? false,
  })),
  verify: p.verify,
});

export const fineJson = (f: FineRow): FineRuleJson => ({
  id: f.id,
  offenceCode: f.offenceCode,
  decree: f.decree,
  effectiveFrom: iso(f.effectiveFrom),
  effectiveTo: isoOrNull(f.effectiveTo),
  minVnd: Number(f.minVnd),
  maxVnd: Number(f.maxVnd),
  extraPenalties: f.extraPenalties,
  legalBasis: f.legalBasis,
  descriptionVi: f.descriptionVi,
  descriptionEn: f.descriptionEn,
  verify: f.verify,
});

export const capJson = (c: CapRow): AuthorityCapJson => ({
  id: c.id,
  agencyKind: c.agencyKind,
  title: c.title,
  titleVi: c.titleVi,
  capVnd: Number(c.capVnd),
  legalBasis: c.legalBasis,
  verify: c.verify,
});

export const agencyJson = (a: AgencyRow): AgencyJson => ({
  id: a.id,
  kind: a.kind,
  provinceCode: a.provinceCode,
  name: a.name,
  nameEn: a.nameEn,
  validFrom: iso(a.validFrom),
  validTo: isoOrNull(a.validTo),
});

export const categoryJson = (c: CategoryRow): CategoryJson => ({
  code: c.code,
  labelVi: c.labelVi,
  labelEn: c.labelEn,
  primaryAgency: c.primaryAgency,
  alsoNotify: c.alsoNotify,
  offenceCode: c.offenceCode,
});

export const changeJson = (c: ChangeRow): ReferenceChangeJson => ({
  id: Number(c.id),
  at: c.at.toISOString(),
  actorId: c.actorId,
  table: c.table as ReferenceTable,
  key: c.key,
  before: c.before ?? null,
  after: c.after ?? null,
});

/** The agency as routing sees it (domain/routing.ts). */
const routingAgency = (a: AgencyJson): Agency => ({ ...a, nameEn: a.nameEn ?? '' });

// ---- refusals ----

export type RefusalReason = 'not-found' | 'conflict' | 'invariant' | 'unknown-reference';

/** A change that was not made, and why; the API turns it into a problem (404, 409 or 422). */
export class ReferenceRefusal extends Error {
  override readonly name = 'ReferenceRefusal';
  constructor(
    readonly reason: RefusalReason,
    message: string,
    /** The rules the change would break, by field (invariant). */
    readonly violations: readonly RuleViolation[] = [],
    /** The keys of the rows it would conflict with (conflict). */
    readonly conflictsWith: readonly string[] = [],
  ) {
    super(message);
  }
}

const notFound = (what: string) => new ReferenceRefusal('not-found', `No ${what}.`);

function requireValid(what: string, violations: RuleViolation[]): void {
  if (violations.length)
    throw new ReferenceRefusal(
      'invariant',
      `The ${what} would break ${violations.length} rule(s): ${violations.map((v) => `${v.field} ${v.message}`).join('; ')}.`,
      violations,
    );
}

// ---- one change: lock the table, compare, write, log ----

/** What a change did: the row before and after (null: absent), and the change log row (null: nothing changed). */
export interface ChangeOutcome<T> {
  before: T | null;
  after: T | null;
  change: ReferenceChangeJson | null;
}

/** JSON with object keys sorted, so that two rows compare equal whatever order their fields came in. */
const canonical = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(canonical)
    : v && typeof v === 'object'
      ? Object.fromEntries(
          Object.entries(v)
            .sort(([a], [b]) => (a < b ? -1 : 1))
            .map(([k, x]) => [k, canonical(x)]),
        )
      : v;
const same = (a: unknown, b: unknown) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
const jsonOrNull = (v: unknown) => (v === null ? Prisma.DbNull : (v as Prisma.InputJsonValue));

async function changeRow<T>(
  db: Db,
  actorId: string,
  table: ReferenceTable,
  key: string,
  plan: (tx: Tx) => Promise<{ before: T | null; after: T | null; write: () => Promise<unknown> }>,
): Promise<ChangeOutcome<T>> {
  return db.$transaction(async (tx) => {
    // one writer per table at a time: the conflict checks below read the other rows
    await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtext(${`postwatch:reference:${table}`}))) AS l`;
    const { before, after, write } = await plan(tx);
    if (same(before, after)) return { before, after, change: null };
    await write();
    const row = await tx.referenceChange.create({ data: { actorId, table, key, before: jsonOrNull(before), after: jsonOrNull(after) } });
    return { before, after, change: changeJson(row) };
  });
}

// ---- the changes ----

export interface CalendarDayInput {
  name: string;
  kind: CalendarDayKind;
}

/** Adds or replaces one day of the calendar (a holiday, or a make-up working day). */
export function putCalendarDay(db: Db, actorId: string, date: IsoDate, input: CalendarDayInput): Promise<ChangeOutcome<HolidayJson>> {
  requireValid('calendar day', calendarDayViolations(date, input.kind));
  const after: HolidayJson = { date, year: Number(date.slice(0, 4)), name: input.name, kind: input.kind };
  return changeRow(db, actorId, 'Holiday', date, async (tx) => {
    const row = await tx.holiday.findUnique({ where: { date: day(date) } });
    const data = { year: after.year, name: after.name, kind: after.kind };
    return {
      before: row ? holidayJson(row) : null,
      after,
      write: () => tx.holiday.upsert({ where: { date: day(date) }, create: { date: day(date), ...data }, update: data }),
    };
  });
}

/** Removes one day from the calendar. */
export function deleteCalendarDay(db: Db, actorId: string, date: IsoDate): Promise<ChangeOutcome<HolidayJson>> {
  return changeRow(db, actorId, 'Holiday', date, async (tx) => {
    const row = await tx.holiday.findUnique({ where: { date: day(date) } });
    if (!row) throw notFound(`calendar day on ${date}`);
    return { before: holidayJson(row), after: null, write: () => tx.holiday.delete({ where: { date: day(date) } }) };
  });
}

/** The fields of a deadline-table row an administrator may correct (what starts a clock is the workflow's). */
export type DeadlinePolicyPatch = Partial<
  Pick<DeadlinePolicyJson, 'limitValue' | 'unit' | 'legalBasis' | 'escalationChain' | 'extensions' | 'verify'>
>;

export function patchDeadlinePolicy(
  db: Db,
  actorId: string,
  clock: string,
  patch: DeadlinePolicyPatch,
): Promise<ChangeOutcome<DeadlinePolicyJson>> {
  return changeRow(db, actorId, 'DeadlinePolicy', clock, async (tx) => {
    const row = await tx.deadlinePolicy.findUnique({ where: { clock } });
    if (!row) throw notFound(`clock ${clock} in the deadline table`);
    const before = policyJson(row);
    const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as DeadlinePolicyPatch;
    const after: DeadlinePolicyJson = { ...before, ...defined };
    requireValid(`deadline policy ${clock}`, deadlinePolicyViolations(after));
    return {
      before,
      after,
      write: () =>
        tx.deadlinePolicy.update({
          where: { clock },
          data: {
            limitValue: after.limitValue,
            unit: after.unit,
            legalBasis: after.legalBasis,
            escalationChain: after.escalationChain,
            extensions: after.extensions as unknown as Prisma.InputJsonValue,
            verify: after.verify,
          },
        }),
    };
  });
}

export type FineRuleInput = Omit<FineRuleJson, 'id'>;

/** Adds or replaces one fine rule; its period must not overlap another rule of the same offence. */
export function putFineRule(db: Db, actorId: string, id: string, input: FineRuleInput): Promise<ChangeOutcome<FineRuleJson>> {
  const after: FineRuleJson = { id, ...input };
  requireValid(`fine rule ${id}`, fineRuleViolations(after));
  return changeRow(db, actorId, 'FineSchedule', id, async (tx) => {
    const all = (await tx.fineSchedule.findMany()).map(fineJson);
    const before = all.find((f) => f.id === id) ?? null;
    // only a change of offence or period can create an overlap (one already there is not this change's)
    const moved =
      !before ||
      before.offenceCode !== after.offenceCode ||
      before.effectiveFrom !== after.effectiveFrom ||
      before.effectiveTo !== after.effectiveTo;
    const conflicts = moved ? fineRuleConflicts(after, all) : [];
    if (conflicts.length)
      throw new ReferenceRefusal(
        'conflict',
        `Fine rule(s) ${conflicts.map((c) => c.id).join(', ')} already fine ${after.offenceCode} on some of these days: close their period first (effectiveTo).`,
        [],
        conflicts.map((c) => c.id),
      );
    const data = {
      offenceCode: after.offenceCode,
      decree: after.decree,
      effectiveFrom: day(after.effectiveFrom),
      effectiveTo: dayOrNull(after.effectiveTo),
      minVnd: BigInt(after.minVnd),
      maxVnd: BigInt(after.maxVnd),
      extraPenalties: after.extraPenalties,
      legalBasis: after.legalBasis,
      descriptionVi: after.descriptionVi,
      descriptionEn: after.descriptionEn,
      verify: after.verify,
    };
    return {
      before,
      after,
      write: () => tx.fineSchedule.upsert({ where: { id }, create: { id, ...data }, update: data }),
    };
  });
}

export type AuthorityCapInput = Omit<AuthorityCapJson, 'id'>;

/** Adds or replaces one authority cap; an agency kind and title have one cap at most. */
export function putAuthorityCap(db: Db, actorId: string, id: string, input: AuthorityCapInput): Promise<ChangeOutcome<AuthorityCapJson>> {
  const after: AuthorityCapJson = { id, ...input };
  return changeRow(db, actorId, 'AuthorityCap', id, async (tx) => {
    const all = (await tx.authorityCap.findMany()).map(capJson);
    const before = all.find((c) => c.id === id) ?? null;
    const moved = !before || before.agencyKind !== after.agencyKind || before.title !== after.title;
    const conflicts = moved ? authorityCapConflicts(after, all) : [];
    if (conflicts.length)
      throw new ReferenceRefusal(
        'conflict',
        `Authority cap ${conflicts[0]!.id} already sets the cap of ${after.agencyKind} ${after.title}.`,
        [],
        conflicts.map((c) => c.id),
      );
    const data = {
      agencyKind: after.agencyKind,
      title: after.title,
      titleVi: after.titleVi,
      capVnd: BigInt(after.capVnd),
      legalBasis: after.legalBasis,
      verify: after.verify,
    };
    return {
      before,
      after,
      write: () => tx.authorityCap.upsert({ where: { id }, create: { id, ...data }, update: data }),
    };
  });
}

async function requireNoAgencyConflict(tx: Tx, after: AgencyJson): Promise<void> {
  const peers = await tx.agency.findMany({ where: { kind: after.kind, provinceCode: after.provinceCode } });
  const conflicts = agencyConflicts(
    routingAgency(after),
    peers.map((a) => routingAgency(agencyJson(a))),
  );
  if (conflicts.length)
    throw new ReferenceRefusal(
      'conflict',
      `Agency ${conflicts.map((c) => `${c.id} [${c.validFrom}, ${c.validTo ?? '…'})`).join(', ')} already serves as ${after.kind} ${after.provinceCode ? `in ${after.provinceCode}` : 'nationally'} on some of these days: close it first (validTo).`,
      [],
      conflicts.map((c) => c.id),
    );
}

/** Adds an agency, e.g. the successor of one a reorganisation closed. */
export function createAgency(db: Db, actorId: string, after: AgencyJson): Promise<ChangeOutcome<AgencyJson>> {
  requireValid(`agency ${after.id}`, agencyViolations(routingAgency(after)));
  return changeRow(db, actorId, 'Agency', after.id, async (tx) => {
    if (await tx.agency.findUnique({ where: { id: after.id } }))
      throw new ReferenceRefusal('conflict', `Agency ${after.id} exists; change it with PATCH.`, [], [after.id]);
    if (after.provinceCode && !(await tx.province.findUnique({ where: { code: after.provinceCode } })))
      throw new ReferenceRefusal('unknown-reference', `No province ${after.provinceCode}.`, [
        { field: 'provinceCode', message: 'not in the reference data' },
      ]);
    await requireNoAgencyConflict(tx, after);
    const { id, kind, provinceCode, name, nameEn } = after;
    return {
      before: null,
      after,
      write: () =>
        tx.agency.create({
          data: { id, kind, provinceCode, name, nameEn, validFrom: day(after.validFrom), validTo: dayOrNull(after.validTo) },
        }),
    };
  });
}

export type AgencyPatch = Partial<Pick<AgencyJson, 'validTo' | 'name' | 'nameEn'>>;

/** Renames an agency or closes (or re-opens) its period of validity. */
export function patchAgency(db: Db, actorId: string, id: string, patch: AgencyPatch): Promise<ChangeOutcome<AgencyJson>> {
  return changeRow(db, actorId, 'Agency', id, async (tx) => {
    const row = await tx.agency.findUnique({ where: { id } });
    if (!row) throw notFound(`agency ${id}`);
    const before = agencyJson(row);
    const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as AgencyPatch;
    const after: AgencyJson = { ...before, ...defined };
    requireValid(`agency ${id}`, agencyViolations(routingAgency(after)));
    if (after.validTo !== before.validTo) await requireNoAgencyConflict(tx, after); // a rename overlaps nothing new
    return {
      before,
      after,
      write: () => tx.agency.update({ where: { id }, data: { name: after.name, nameEn: after.nameEn, validTo: dayOrNull(after.validTo) } }),
    };
  });
}

// ---- reads ----

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

/** The change log, newest first: `limit` changes older than change `before`. */
export async function listReferenceChanges(
  db: Db,
  q: { table?: ReferenceTable; key?: string; before?: number; limit: number },
): Promise<{ items: ReferenceChangeJson[]; more: boolean }> {
  const rows = await db.referenceChange.findMany({
    where: {
      ...(q.table ? { table: q.table } : {}),
      ...(q.key ? { key: q.key } : {}),
      ...(q.before !== undefined ? { id: { lt: BigInt(q.before) } } : {}),
    },
    orderBy: { id: 'desc' },
    take: q.limit + 1,
  });
  return { items: rows.slice(0, q.limit).map(changeJson), more: rows.length > q.limit };
}

/**
 * Why a case with this input could not be routed today with the administered data (a gap or an
 * overlap among agencies, say after a reorganisation), or null when it can: the same rules
 * planCase applies when the case opens, so intake can refuse instead of failing the workflow.
 */
export async function routingRefusal(db: Db, input: RoutingInput, at: Date): Promise<string | null> {
  const [categories, agencies] = await Promise.all([
    db.itemCategory.findMany(),
    db.agency.findMany({ where: { OR: [{ provinceCode: input.provinceCode }, { provinceCode: null }] } }),
  ]);
  const refAgencies = agencies.map((a) => routingAgency(agencyJson(a)));
  try {
    routeCase(input, categories, refAgencies, at);
    agencyFor('DEPT', input.provinceCode, refAgencies, at);
    return null;
  } catch (e) {
    if (e instanceof RoutingError) return e.message;
    throw e;
  }
}
