/**
 * The administered reference rows as JSON: what the API shows and what the change log records as
 * a row's before and after. Dates are ISO calendar days, amounts whole VND.
 */
import type {
  Agency as AgencyRow,
  AuthorityCap as CapRow,
  DeadlinePolicy as PolicyRow,
  FineSchedule as FineRow,
  Holiday as HolidayRow,
  ItemCategory as CategoryRow,
  ReferenceChange as ChangeRow,
} from '../generated/client.js';
import type { IsoDate } from '../../domain/calendar.js';
import type { ClockExtension, ClockId, ClockStart, ClockUnit, EscalationTarget } from '../../domain/clocks.js';
import type { AuthorityCap, FineRule } from '../../domain/fines.js';
import type { Agency, AgencyKind, ItemCategory } from '../../domain/routing.js';
import type { CalendarDayKind } from '../../domain/reference-rules.js';
import { iso, isoOrNull } from './days.js';

/** The administered tables, by model name (the `table` of a change). */
export const REFERENCE_TABLES = [
  'Holiday',
  'DeadlinePolicy',
  'FineSchedule',
  'AuthorityCap',
  'Agency',
  'CarrierLicence',
  'ServicePoint',
  'Pledge',
  'ReportDueDate',
  'ItemCategory',
] as const;
export type ReferenceTable = (typeof REFERENCE_TABLES)[number];

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

export type FineRuleJson = Omit<FineRule, 'extraPenalties' | 'remedialMeasures'> & { extraPenalties: string[]; remedialMeasures: string[] };

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
  /** A calendar correction: the running cases whose clocks it moved; null otherwise or until they took it. */
  casesMoved: CaseMovedJson[] | null;
}

/** One running case a calendar correction moved. */
export interface CaseMovedJson {
  caseId: string;
  number: string;
  moves: { clock: string; oldDueAt: string; newDueAt: string }[];
}

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
  remedialMeasures: f.remedialMeasures,
  field: f.field as FineRuleJson['field'],
  sanctioningLimitationYears: f.sanctioningLimitationYears,
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

export const changeJson = (c: ChangeRow & { casesMoved?: { cases: unknown } | null }): ReferenceChangeJson => ({
  id: Number(c.id),
  at: c.at.toISOString(),
  actorId: c.actorId,
  table: c.table as ReferenceTable,
  key: c.key,
  before: c.before ?? null,
  after: c.after ?? null,
  casesMoved: (c.casesMoved?.cases as CaseMovedJson[] | undefined) ?? null,
});

/** The agency as routing sees it (domain/routing.ts). */
export const routingAgency = (a: AgencyJson): Agency => ({ ...a, nameEn: a.nameEn ?? '' });
